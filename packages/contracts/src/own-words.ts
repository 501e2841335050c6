// Kontor's own messages in the four languages: the words a schema gives its rule and a use-case
// its field error are English where they are written; here is what the other readers get.
import type { TLocale } from './permissions';

/**
 * Kontor's own messages (written in English beside their rule in a schema, or in a use-case's
 * field error) in the other languages, so a German, Polish or Russian reader is not handed
 * English. A schema's message missing here falls back to the localised words of its check.
 */
export const OWN_WORDS: Record<string, Record<Exclude<TLocale, 'en'>, string>> = {
  'lower-case letters, digits and dashes, 2–63 characters': {
    de: 'Kleinbuchstaben, Ziffern und Bindestriche, 2–63 Zeichen',
    pl: 'Małe litery, cyfry i myślniki, 2–63 znaki',
    ru: 'Строчные латинские буквы, цифры и дефисы, 2–63 символа',
  },
  'lower-case letters, digits and _, starting with a letter': {
    de: 'Kleinbuchstaben, Ziffern und _, beginnend mit einem Buchstaben',
    pl: 'Małe litery, cyfry i _, zaczynając od litery',
    ru: 'Строчные латинские буквы, цифры и _, начиная с буквы',
  },
  'lower-case letters, digits and _; starts with a letter': {
    de: 'Kleinbuchstaben, Ziffern und _, beginnend mit einem Buchstaben',
    pl: 'Małe litery, cyfry i _, zaczynając od litery',
    ru: 'Строчные латинские буквы, цифры и _, начиная с буквы',
  },
  'letters, digits and _, starting with a letter': {
    de: 'Buchstaben, Ziffern und _, beginnend mit einem Buchstaben',
    pl: 'Litery, cyfry i _, zaczynając od litery',
    ru: 'Латинские буквы, цифры и _, начиная с буквы',
  },
  'a key such as marketing or newsletter': {
    de: 'Ein Schlüssel wie marketing oder newsletter',
    pl: 'Klucz, np. marketing lub newsletter',
    ru: 'Ключ, например marketing или newsletter',
  },
  'a decimal like 1.25, at most 6 decimals': {
    de: 'Eine Dezimalzahl wie 1.25, höchstens 6 Nachkommastellen',
    pl: 'Liczba dziesiętna, np. 1.25, najwyżej 6 miejsc po przecinku',
    ru: 'Десятичное число, например 1.25, не более 6 знаков после точки',
  },
  'at most 100': { de: 'Höchstens 100', pl: 'Najwyżej 100', ru: 'Не больше 100' },
  'digits only': { de: 'Nur Ziffern', pl: 'Tylko cyfry', ru: 'Только цифры' },
  'ISO 4217 code': {
    de: 'Währungscode nach ISO 4217',
    pl: 'Kod waluty ISO 4217',
    ru: 'Код валюты по ISO 4217',
  },
  'ISO 4217 code, e.g. EUR': {
    de: 'Währungscode nach ISO 4217, z. B. EUR',
    pl: 'Kod waluty ISO 4217, np. EUR',
    ru: 'Код валюты по ISO 4217, например EUR',
  },
  'ISO 3166 country code, e.g. DE': {
    de: 'Ländercode nach ISO 3166, z. B. DE',
    pl: 'Kod kraju ISO 3166, np. PL',
    ru: 'Код страны по ISO 3166, например DE',
  },
  'must be after validFrom': {
    de: 'Muss nach dem Beginn der Gültigkeit liegen',
    pl: 'Musi przypadać po początku obowiązywania',
    ru: 'Должно быть позже начала действия',
  },
  'two tiers start at the same amount': {
    de: 'Zwei Staffeln beginnen beim selben Betrag',
    pl: 'Dwa progi zaczynają się od tej samej kwoty',
    ru: 'Две ступени начинаются с одной суммы',
  },
  'before periodStart': {
    de: 'Liegt vor dem Beginn des Zeitraums',
    pl: 'Przypada przed początkiem okresu',
    ru: 'Раньше начала периода',
  },
  'ends before it starts': {
    de: 'Endet, bevor es beginnt',
    pl: 'Kończy się, zanim się zaczyna',
    ru: 'Заканчивается раньше, чем начинается',
  },
  'choice fields need options': {
    de: 'Auswahlfelder brauchen Optionen',
    pl: 'Pola wyboru wymagają opcji',
    ru: 'Полям выбора нужны варианты',
  },
  'name ownerId, executorId or both': {
    de: 'Bitte Verantwortliche, Bearbeiter oder beide angeben',
    pl: 'Podaj opiekuna, wykonawcę lub obu',
    ru: 'Укажите ответственного, исполнителя или обоих',
  },
  'a planned interaction needs plannedAt': {
    de: 'Ein geplanter Kontakt braucht einen Termin',
    pl: 'Zaplanowany kontakt wymaga terminu',
    ru: 'Для запланированного контакта нужна дата',
  },
  'name the client, the case, or both': {
    de: 'Bitte Kunden, Vorgang oder beide angeben',
    pl: 'Podaj klienta, sprawę lub oba',
    ru: 'Укажите клиента, сделку или оба',
  },
  'a client cannot be merged into itself': {
    de: 'Ein Kunde lässt sich nicht mit sich selbst zusammenführen',
    pl: 'Klienta nie można scalić z nim samym',
    ru: 'Клиента нельзя объединить с самим собой',
  },
  'a client cannot be related to itself': {
    de: 'Ein Kunde kann nicht mit sich selbst verbunden sein',
    pl: 'Klient nie może być powiązany sam ze sobą',
    ru: 'Клиент не может быть связан сам с собой',
  },
  'a payment is more than 0': {
    de: 'Eine Zahlung ist größer als 0',
    pl: 'Płatność musi być większa od 0',
    ru: 'Платёж должен быть больше 0',
  },
  'a reply belongs to the same client': {
    de: 'Eine Antwort gehört zum selben Kunden',
    pl: 'Odpowiedź dotyczy tego samego klienta',
    ru: 'Ответ относится к тому же клиенту',
  },
  'a statement is issued after its period': {
    de: 'Eine Abrechnung wird nach ihrem Zeitraum ausgestellt',
    pl: 'Rozliczenie wystawia się po zakończeniu okresu',
    ru: 'Выписка выставляется после окончания периода',
  },
  'a task belongs to a case or a client': {
    de: 'Eine Aufgabe gehört zu einem Vorgang oder einem Kunden',
    pl: 'Zadanie należy do sprawy lub klienta',
    ru: 'Задача относится к сделке или клиенту',
  },
  'a user cannot substitute themselves': {
    de: 'Niemand kann sich selbst vertreten',
    pl: 'Użytkownik nie może zastępować samego siebie',
    ru: 'Пользователь не может замещать сам себя',
  },
  'before the date of win': {
    de: 'Vor dem Datum des Abschlusses',
    pl: 'Przed datą wygrania',
    ru: 'Раньше даты выигрыша',
  },
  'cursor is not valid': {
    de: 'Die Seitenmarke ist ungültig',
    pl: 'Nieprawidłowy znacznik strony',
    ru: 'Недействительная отметка страницы',
  },
  'give the amount with the property value': {
    de: 'Bitte den Betrag zusammen mit dem Objektwert angeben',
    pl: 'Podaj kwotę razem z wartością nieruchomości',
    ru: 'Укажите сумму вместе со стоимостью объекта',
  },
  'lies in the past': {
    de: 'Liegt in der Vergangenheit',
    pl: 'Przypada w przeszłości',
    ru: 'Находится в прошлом',
  },
  'name the client (or a case or replyToId)': {
    de: 'Bitte den Kunden angeben (oder einen Vorgang oder eine Antwort)',
    pl: 'Podaj klienta (albo sprawę lub odpowiedź)',
    ru: 'Укажите клиента (или сделку, или ответ)',
  },
  'name the entity of the id': {
    de: 'Bitte die Art des Datensatzes angeben',
    pl: 'Podaj rodzaj rekordu',
    ru: 'Укажите вид записи',
  },
  'no statements were issued in this period': {
    de: 'In diesem Zeitraum wurden keine Abrechnungen ausgestellt',
    pl: 'W tym okresie nie wystawiono rozliczeń',
    ru: 'За этот период выписок не выставлено',
  },
  'no such activity': {
    de: 'Diesen Kontakt gibt es nicht',
    pl: 'Nie ma takiego kontaktu',
    ru: 'Такого контакта нет',
  },
  'no such partner or tipster': {
    de: 'Diesen Partner oder Tippgeber gibt es nicht',
    pl: 'Nie ma takiego partnera ani polecającego',
    ru: 'Такого партнёра или рекомендателя нет',
  },
  'no such rate group': {
    de: 'Diese Provisionsgruppe gibt es nicht',
    pl: 'Nie ma takiej grupy stawek',
    ru: 'Такой группы ставок нет',
  },
  'no such user': {
    de: 'Diesen Benutzer gibt es nicht',
    pl: 'Nie ma takiego użytkownika',
    ru: 'Такого пользователя нет',
  },
  'only branches have a branch kind': {
    de: 'Nur Filialen haben eine Filialart',
    pl: 'Tylko oddziały mają rodzaj oddziału',
    ru: 'Вид филиала бывает только у филиалов',
  },
  'the case has no amount': {
    de: 'Der Vorgang hat keinen Betrag',
    pl: 'Sprawa nie ma kwoty',
    ru: 'У сделки нет суммы',
  },
  'the case is not one of this client’s cases': {
    de: 'Der Vorgang gehört nicht zu diesem Kunden',
    pl: 'Sprawa nie należy do tego klienta',
    ru: 'Сделка не относится к этому клиенту',
  },
  'the case is not won': {
    de: 'Der Vorgang ist nicht gewonnen',
    pl: 'Sprawa nie jest wygrana',
    ru: 'Сделка не выиграна',
  },
  'the client is not one of the case’s applicants': {
    de: 'Der Kunde gehört nicht zu den Antragstellern des Vorgangs',
    pl: 'Klient nie jest wnioskodawcą w tej sprawie',
    ru: 'Клиент не является заявителем по сделке',
  },
  'the code does not match': {
    de: 'Der Code stimmt nicht',
    pl: 'Kod się nie zgadza',
    ru: 'Код не подходит',
  },
  'the file is empty': {
    de: 'Die Datei ist leer',
    pl: 'Plik jest pusty',
    ru: 'Файл пуст',
  },
  'the income line is not split': {
    de: 'Die Einnahmezeile wird nicht aufgeteilt',
    pl: 'Pozycji przychodu się nie dzieli',
    ru: 'Строку дохода не делят',
  },
  'the password is wrong': {
    de: 'Das Passwort ist falsch',
    pl: 'Hasło jest nieprawidłowe',
    ru: 'Неверный пароль',
  },
  'the period ends before it starts': {
    de: 'Der Zeitraum endet, bevor er beginnt',
    pl: 'Okres kończy się, zanim się zaczyna',
    ru: 'Период заканчивается раньше, чем начинается',
  },
  'the pipeline is for another product kind': {
    de: 'Die Pipeline gehört zu einer anderen Produktart',
    pl: 'Lejek dotyczy innego rodzaju produktu',
    ru: 'Воронка относится к другому виду продукта',
  },
  'the reserve exceeds the amount': {
    de: 'Der Einbehalt übersteigt den Betrag',
    pl: 'Rezerwa przekracza kwotę',
    ru: 'Резерв превышает сумму',
  },
  'unknown or inactive user': {
    de: 'Unbekannter oder inaktiver Benutzer',
    pl: 'Nieznany lub nieaktywny użytkownik',
    ru: 'Неизвестный или неактивный пользователь',
  },
  'unknown parent unit': {
    de: 'Unbekannte übergeordnete Einheit',
    pl: 'Nieznana jednostka nadrzędna',
    ru: 'Неизвестное вышестоящее подразделение',
  },
  'unknown pipeline': {
    de: 'Unbekannte Pipeline',
    pl: 'Nieznany lejek',
    ru: 'Неизвестная воронка',
  },
  'unknown unit': {
    de: 'Unbekannte Einheit',
    pl: 'Nieznana jednostka',
    ru: 'Неизвестное подразделение',
  },
  'unknown user': {
    de: 'Unbekannter Benutzer',
    pl: 'Nieznany użytkownik',
    ru: 'Неизвестный пользователь',
  },
  'use the currency of the amount': {
    de: 'Bitte die Währung des Betrags verwenden',
    pl: 'Użyj waluty kwoty',
    ru: 'Используйте валюту суммы',
  },
  'e-mail is taken': {
    de: 'Diese E-Mail-Adresse ist vergeben',
    pl: 'Ten adres e-mail jest zajęty',
    ru: 'Этот адрес уже занят',
  },
  'key is taken': {
    de: 'Dieser Schlüssel ist vergeben',
    pl: 'Ten klucz jest zajęty',
    ru: 'Этот ключ уже занят',
  },
  'slug is taken': {
    de: 'Dieser Kurzname ist vergeben',
    pl: 'Ta nazwa skrócona jest zajęta',
    ru: 'Это короткое имя уже занято',
  },
  'would create a cycle': {
    de: 'Das ergäbe einen Kreis',
    pl: 'To utworzyłoby cykl',
    ru: 'Это создало бы цикл',
  },
  'not allowed here': {
    de: 'Hier nicht erlaubt',
    pl: 'Niedozwolone w tym miejscu',
    ru: 'Здесь не допускается',
  },
  'only planned interactions can be open': {
    de: 'Nur geplante Kontakte können offen sein',
    pl: 'Tylko zaplanowane kontakty mogą być otwarte',
    ru: 'Открытыми могут быть только запланированные контакты',
  },
  'name the owner': {
    de: 'Bitte den Verantwortlichen angeben',
    pl: 'Podaj opiekuna',
    ru: 'Укажите ответственного',
  },
  'give locale or timeZone': {
    de: 'Bitte Sprache oder Zeitzone angeben',
    pl: 'Podaj język lub strefę czasową',
    ru: 'Укажите язык или часовой пояс',
  },
  'first/last name, birth date, tax id and IBAN belong to persons': {
    de: 'Vor-/Nachname, Geburtsdatum, Steuer-ID und IBAN gehören zu Personen',
    pl: 'Imię/nazwisko, data urodzenia, NIP i IBAN dotyczą osób',
    ru: 'Имя/фамилия, дата рождения, ИНН и IBAN относятся к физическим лицам',
  },
  'company name, register number and VAT id belong to companies': {
    de: 'Firmenname, Registernummer und USt-IdNr. gehören zu Firmen',
    pl: 'Nazwa firmy, numer rejestrowy i NIP UE dotyczą firm',
    ru: 'Название, регистрационный номер и НДС-номер относятся к компаниям',
  },
  'the default pipeline cannot be deleted': {
    de: 'Die Standard-Pipeline lässt sich nicht löschen',
    pl: 'Domyślnego lejka nie można usunąć',
    ru: 'Стандартную воронку нельзя удалить',
  },
  'before from': {
    de: 'Liegt vor dem Beginn',
    pl: 'Przypada przed początkiem',
    ru: 'Раньше начала',
  },
};

/** One of Kontor's own messages in the reader's language, or as written where it has no translation. */
export function ownWords(message: string, locale: TLocale): string {
  return locale === 'en' ? message : (OWN_WORDS[message]?.[locale] ?? message);
}
