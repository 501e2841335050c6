// Kontor's own words for the checks forms meet most (required, length, range, e-mail, choice), in
// the four languages: zod's generic wording ("Too small: expected string to have >=10
// characters") is written for developers, not for a broker filling in a form.
import type { TLocale } from './permissions';

/** What a check says, given its limit where it has one. */
type TWords = {
  required: string;
  minChars: (n: number) => string;
  maxChars: (n: number) => string;
  min: (n: number) => string;
  above: (n: number) => string;
  max: (n: number) => string;
  below: (n: number) => string;
  minItems: (n: number) => string;
  maxItems: (n: number) => string;
  email: string;
  date: string;
  number: string;
  whole: string;
  choice: string;
  format: string;
  unknown: string;
};

export const VALIDATION_WORDS: Record<TLocale, TWords> = {
  en: {
    required: 'Required',
    minChars: (n) => `At least ${n} characters`,
    maxChars: (n) => `At most ${n} characters`,
    min: (n) => `At least ${n}`,
    above: (n) => `More than ${n}`,
    max: (n) => `At most ${n}`,
    below: (n) => `Less than ${n}`,
    minItems: (n) => `At least ${n} entries`,
    maxItems: (n) => `At most ${n} entries`,
    email: 'An e-mail address, please',
    date: 'A valid date, please',
    number: 'A number, please',
    whole: 'A whole number, please',
    choice: 'Choose one of the options',
    format: 'Not in the expected form',
    unknown: 'Unknown field',
  },
  de: {
    required: 'Pflichtfeld',
    minChars: (n) => `Mindestens ${n} Zeichen`,
    maxChars: (n) => `Höchstens ${n} Zeichen`,
    min: (n) => `Mindestens ${n}`,
    above: (n) => `Mehr als ${n}`,
    max: (n) => `Höchstens ${n}`,
    below: (n) => `Weniger als ${n}`,
    minItems: (n) => `Mindestens ${n} Einträge`,
    maxItems: (n) => `Höchstens ${n} Einträge`,
    email: 'Bitte eine E-Mail-Adresse angeben',
    date: 'Bitte ein gültiges Datum angeben',
    number: 'Bitte eine Zahl angeben',
    whole: 'Bitte eine ganze Zahl angeben',
    choice: 'Bitte eine der Möglichkeiten wählen',
    format: 'Nicht im erwarteten Format',
    unknown: 'Unbekanntes Feld',
  },
  // Polish and Russian name the limit after a colon, so no plural form of the noun is needed.
  pl: {
    required: 'Pole wymagane',
    minChars: (n) => `Minimalna liczba znaków: ${n}`,
    maxChars: (n) => `Maksymalna liczba znaków: ${n}`,
    min: (n) => `Co najmniej ${n}`,
    above: (n) => `Więcej niż ${n}`,
    max: (n) => `Najwyżej ${n}`,
    below: (n) => `Mniej niż ${n}`,
    minItems: (n) => `Minimalna liczba pozycji: ${n}`,
    maxItems: (n) => `Maksymalna liczba pozycji: ${n}`,
    email: 'Podaj adres e-mail',
    date: 'Podaj poprawną datę',
    number: 'Podaj liczbę',
    whole: 'Podaj liczbę całkowitą',
    choice: 'Wybierz jedną z opcji',
    format: 'Nieprawidłowy format',
    unknown: 'Nieznane pole',
  },
  ru: {
    required: 'Обязательное поле',
    minChars: (n) => `Минимум символов: ${n}`,
    maxChars: (n) => `Максимум символов: ${n}`,
    min: (n) => `Не меньше ${n}`,
    above: (n) => `Больше ${n}`,
    max: (n) => `Не больше ${n}`,
    below: (n) => `Меньше ${n}`,
    minItems: (n) => `Минимум элементов: ${n}`,
    maxItems: (n) => `Максимум элементов: ${n}`,
    email: 'Введите адрес электронной почты',
    date: 'Введите корректную дату',
    number: 'Введите число',
    whole: 'Введите целое число',
    choice: 'Выберите один из вариантов',
    format: 'Неверный формат',
    unknown: 'Неизвестное поле',
  },
};

/** The parts of a zod issue the words depend on. */
export type TIssueDetail = {
  code: string;
  message: string;
  origin?: string;
  format?: string;
  expected?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  inclusive?: boolean;
};

const DATE_FORMATS = new Set(['date', 'datetime', 'time', 'duration']);

function limitWords(w: TWords, issue: TIssueDetail): string | undefined {
  const small = issue.code === 'too_small';
  const n = Number(small ? issue.minimum : issue.maximum);
  if (issue.origin === 'string') {
    if (small && n === 1) return w.required;
    return small ? w.minChars(n) : w.maxChars(n);
  }
  if (issue.origin === 'number' || issue.origin === 'int' || issue.origin === 'bigint') {
    if (small) return issue.inclusive === false ? w.above(n) : w.min(n);
    return issue.inclusive === false ? w.below(n) : w.max(n);
  }
  if (issue.origin === 'array' || issue.origin === 'set') return small ? w.minItems(n) : w.maxItems(n);
  return undefined;
}

/** Kontor's words for an issue zod words generically; undefined where zod's own wording stays. */
export function kontorWords(issue: TIssueDetail, locale: TLocale): string | undefined {
  const w = VALIDATION_WORDS[locale];
  switch (issue.code) {
    case 'too_small':
    case 'too_big':
      return limitWords(w, issue);
    case 'invalid_format':
      if (issue.format === 'email') return w.email;
      return issue.format && DATE_FORMATS.has(issue.format) ? w.date : w.format;
    case 'invalid_type':
      // Issues carry no input by default; zod says "received undefined" for a missing field.
      if (/received undefined/.test(issue.message)) return w.required;
      if (issue.expected === 'int') return w.whole;
      return issue.expected === 'number' ? w.number : undefined;
    case 'invalid_value':
      return w.choice;
    case 'unrecognized_keys':
      return w.unknown;
    default:
      return undefined;
  }
}
