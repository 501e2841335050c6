import { LOCALES, type TErrorCode, type TLocale } from '@kontor/contracts';

// Every text the server itself shows a person (error titles, e-mails, the start page) in the four
// languages. The web app keeps its own catalogue; these are the server's.

type TCatalog = {
  errors: Record<TErrorCode, string>;
  mail: {
    resetSubject: string;
    resetBody: (p: { name: string; link: string; minutes: number }) => string;
    caseAssignedSubject: (p: { number: string }) => string;
    caseAssignedBody: (p: {
      name: string;
      number: string;
      client: string;
      by: string;
      link: string;
    }) => string;
  };
  home: {
    title: string;
    running: (engine: string) => string;
    firstFirm: string;
    apiDocs: string;
    health: string;
  };
};

const en: TCatalog = {
  errors: {
    validation_failed: 'The input is not valid.',
    invalid_credentials: 'Sign-in failed.',
    second_factor_required: 'Enter the code from your authenticator app.',
    unauthenticated: 'Please sign in.',
    forbidden: 'You are not allowed to do this.',
    csrf_failed: 'The request could not be verified; reload the page and try again.',
    not_found: 'Not found.',
    conflict: 'This conflicts with existing data.',
    duplicate_client: 'This client may already exist.',
    rate_limited: 'Too many attempts; wait a minute and try again.',
    token_invalid: 'This link is invalid or has expired.',
    unit_not_empty: 'The unit still has users; move them first.',
    invalid_hierarchy: 'This place in the organisation is not allowed.',
    stage_move_refused: 'The case cannot move to this stage yet.',
    commission_refused: 'The commission cannot be computed or changed like this.',
    statement_final: 'A final statement cannot be changed; corrections go on a later statement.',
    builtin_role: 'Built-in roles cannot be changed or deleted.',
    retention_not_reached: 'The retention period has not passed yet.',
    payload_too_large: 'The file is larger than allowed.',
    unsupported_media_type: 'This type of file is not accepted.',
    database_busy: 'The database is busy; try again.',
    internal: 'Something went wrong on our side.',
  },
  mail: {
    resetSubject: 'Reset your Kontor password',
    resetBody: ({ name, link, minutes }) =>
      `Hello ${name},\n\nsomeone asked to reset your Kontor password. If it was you, open this link within ${minutes} minutes:\n\n${link}\n\nIf it was not you, ignore this e-mail; your password stays as it is.\n`,
    caseAssignedSubject: ({ number }) => `Case ${number} is now yours to work on`,
    caseAssignedBody: ({ name, number, client, by, link }) =>
      `Hello ${name},\n\n${by} made you the executor of case ${number} (${client}). Everything about it, with its whole history, is here:\n\n${link}\n`,
  },
  home: {
    title: 'Kontor is running',
    running: (engine) => `Kontor CRM server on ${engine}.`,
    firstFirm: 'Create the first firm and its administrator:',
    apiDocs: 'API reference',
    health: 'Health',
  },
};

const de: TCatalog = {
  errors: {
    validation_failed: 'Die Eingabe ist ungültig.',
    invalid_credentials: 'Anmeldung fehlgeschlagen.',
    second_factor_required: 'Geben Sie den Code aus Ihrer Authenticator-App ein.',
    unauthenticated: 'Bitte melden Sie sich an.',
    forbidden: 'Dazu sind Sie nicht berechtigt.',
    csrf_failed: 'Die Anfrage konnte nicht geprüft werden; laden Sie die Seite neu.',
    not_found: 'Nicht gefunden.',
    conflict: 'Das widerspricht vorhandenen Daten.',
    duplicate_client: 'Diesen Kunden gibt es möglicherweise schon.',
    rate_limited: 'Zu viele Versuche; bitte warten Sie eine Minute.',
    token_invalid: 'Dieser Link ist ungültig oder abgelaufen.',
    unit_not_empty: 'Der Einheit sind noch Benutzer zugeordnet; verschieben Sie sie zuerst.',
    invalid_hierarchy: 'Diese Stelle in der Organisation ist nicht zulässig.',
    stage_move_refused: 'Der Vorgang kann noch nicht in diese Phase.',
    commission_refused: 'Die Provision kann so nicht berechnet oder geändert werden.',
    statement_final:
      'Eine endgültige Abrechnung kann nicht geändert werden; Korrekturen kommen auf eine spätere Abrechnung.',
    builtin_role: 'Eingebaute Rollen können nicht geändert oder gelöscht werden.',
    retention_not_reached: 'Die Aufbewahrungsfrist ist noch nicht abgelaufen.',
    payload_too_large: 'Die Datei ist größer als erlaubt.',
    unsupported_media_type: 'Dieser Dateityp wird nicht angenommen.',
    database_busy: 'Die Datenbank ist ausgelastet; bitte erneut versuchen.',
    internal: 'Bei uns ist ein Fehler aufgetreten.',
  },
  mail: {
    resetSubject: 'Kontor-Passwort zurücksetzen',
    resetBody: ({ name, link, minutes }) =>
      `Hallo ${name},\n\njemand hat das Zurücksetzen Ihres Kontor-Passworts angefordert. Wenn Sie es waren, öffnen Sie innerhalb von ${minutes} Minuten diesen Link:\n\n${link}\n\nWenn nicht, ignorieren Sie diese E-Mail; Ihr Passwort bleibt unverändert.\n`,
    caseAssignedSubject: ({ number }) => `Vorgang ${number} ist jetzt bei Ihnen`,
    caseAssignedBody: ({ name, number, client, by, link }) =>
      `Hallo ${name},\n\n${by} hat Sie zum Bearbeiter des Vorgangs ${number} (${client}) gemacht. Alles dazu, mit der ganzen Historie, finden Sie hier:\n\n${link}\n`,
  },
  home: {
    title: 'Kontor läuft',
    running: (engine) => `Kontor-CRM-Server auf ${engine}.`,
    firstFirm: 'Die erste Firma und ihren Administrator anlegen:',
    apiDocs: 'API-Referenz',
    health: 'Status',
  },
};

const pl: TCatalog = {
  errors: {
    validation_failed: 'Dane są nieprawidłowe.',
    invalid_credentials: 'Logowanie nie powiodło się.',
    second_factor_required: 'Wpisz kod z aplikacji uwierzytelniającej.',
    unauthenticated: 'Zaloguj się.',
    forbidden: 'Nie masz uprawnień do tej operacji.',
    csrf_failed: 'Nie udało się zweryfikować żądania; odśwież stronę.',
    not_found: 'Nie znaleziono.',
    conflict: 'To koliduje z istniejącymi danymi.',
    duplicate_client: 'Ten klient może już istnieć.',
    rate_limited: 'Zbyt wiele prób; odczekaj minutę.',
    token_invalid: 'Ten link jest nieprawidłowy lub wygasł.',
    unit_not_empty: 'Jednostka ma jeszcze użytkowników; najpierw ich przenieś.',
    invalid_hierarchy: 'To miejsce w strukturze jest niedozwolone.',
    stage_move_refused: 'Sprawy nie można jeszcze przenieść do tego etapu.',
    commission_refused: 'Prowizji nie można w ten sposób obliczyć ani zmienić.',
    statement_final:
      'Ostatecznego rozliczenia nie można zmienić; korekty trafiają do późniejszego rozliczenia.',
    builtin_role: 'Wbudowanych ról nie można zmieniać ani usuwać.',
    retention_not_reached: 'Okres przechowywania jeszcze nie minął.',
    payload_too_large: 'Plik jest większy niż dozwolono.',
    unsupported_media_type: 'Ten typ pliku nie jest akceptowany.',
    database_busy: 'Baza danych jest zajęta; spróbuj ponownie.',
    internal: 'Wystąpił błąd po naszej stronie.',
  },
  mail: {
    resetSubject: 'Resetowanie hasła do Kontor',
    resetBody: ({ name, link, minutes }) =>
      `Dzień dobry ${name},\n\nktoś poprosił o zresetowanie Twojego hasła do Kontor. Jeśli to Ty, otwórz ten link w ciągu ${minutes} minut:\n\n${link}\n\nJeśli nie, zignoruj tę wiadomość; hasło pozostanie bez zmian.\n`,
    caseAssignedSubject: ({ number }) => `Sprawa ${number} jest teraz Twoja`,
    caseAssignedBody: ({ name, number, client, by, link }) =>
      `Dzień dobry ${name},\n\n${by} przypisał(a) Ci sprawę ${number} (${client}). Wszystko o niej, z całą historią, znajdziesz tutaj:\n\n${link}\n`,
  },
  home: {
    title: 'Kontor działa',
    running: (engine) => `Serwer Kontor CRM na ${engine}.`,
    firstFirm: 'Utwórz pierwszą firmę i jej administratora:',
    apiDocs: 'Dokumentacja API',
    health: 'Stan',
  },
};

const ru: TCatalog = {
  errors: {
    validation_failed: 'Введены неверные данные.',
    invalid_credentials: 'Не удалось войти.',
    second_factor_required: 'Введите код из приложения-аутентификатора.',
    unauthenticated: 'Пожалуйста, войдите.',
    forbidden: 'У вас нет прав на это действие.',
    csrf_failed: 'Не удалось проверить запрос; обновите страницу.',
    not_found: 'Не найдено.',
    conflict: 'Это противоречит существующим данным.',
    duplicate_client: 'Возможно, такой клиент уже есть.',
    rate_limited: 'Слишком много попыток; подождите минуту.',
    token_invalid: 'Ссылка недействительна или устарела.',
    unit_not_empty: 'В подразделении ещё есть пользователи; сначала переведите их.',
    invalid_hierarchy: 'Такое место в структуре недопустимо.',
    stage_move_refused: 'Дело пока нельзя перевести на этот этап.',
    commission_refused: 'Комиссию нельзя так рассчитать или изменить.',
    statement_final: 'Окончательную ведомость нельзя изменить; исправления попадают в следующую ведомость.',
    builtin_role: 'Встроенные роли нельзя изменять или удалять.',
    retention_not_reached: 'Срок хранения ещё не истёк.',
    payload_too_large: 'Файл больше допустимого размера.',
    unsupported_media_type: 'Файлы такого типа не принимаются.',
    database_busy: 'База данных занята; повторите попытку.',
    internal: 'На нашей стороне произошла ошибка.',
  },
  mail: {
    resetSubject: 'Сброс пароля Kontor',
    resetBody: ({ name, link, minutes }) =>
      `Здравствуйте, ${name}!\n\nКто-то запросил сброс вашего пароля Kontor. Если это были вы, откройте ссылку в течение ${minutes} минут:\n\n${link}\n\nЕсли нет, просто проигнорируйте письмо; пароль не изменится.\n`,
    caseAssignedSubject: ({ number }) => `Дело ${number} теперь у вас`,
    caseAssignedBody: ({ name, number, client, by, link }) =>
      `Здравствуйте, ${name}!\n\n${by} назначил(а) вас исполнителем по делу ${number} (${client}). Всё о нём, со всей историей, здесь:\n\n${link}\n`,
  },
  home: {
    title: 'Kontor работает',
    running: (engine) => `Сервер Kontor CRM на ${engine}.`,
    firstFirm: 'Создайте первую фирму и её администратора:',
    apiDocs: 'Справочник API',
    health: 'Состояние',
  },
};

export const CATALOGS: Record<TLocale, TCatalog> = { de, en, pl, ru };

/** The catalogue of a locale. */
export function messages(locale: TLocale): TCatalog {
  return CATALOGS[locale];
}

/** Picks the best supported locale from an Accept-Language header; English when nothing fits. */
export function negotiateLocale(header: string | undefined | null): TLocale {
  if (!header) return 'en';
  const wanted = header
    .split(',')
    .map((part) => {
      const [tag, ...params] = part.trim().split(';');
      const q = params.find((p) => p.trim().startsWith('q='));
      return { lang: (tag ?? '').toLowerCase().split('-')[0] ?? '', q: q ? Number(q.split('=')[1]) : 1 };
    })
    .filter((x) => x.lang && Number.isFinite(x.q) && x.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const w of wanted) if ((LOCALES as readonly string[]).includes(w.lang)) return w.lang as TLocale;
  return 'en';
}
