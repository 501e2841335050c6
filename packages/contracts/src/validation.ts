// The words of a validation problem, shared by the server (its field errors) and the web app (as
// the user types), so both say the same thing in the reader's language: zod's own wording in
// de/en/pl/ru, and a schema's custom messages as written.
import { z } from 'zod';
import { OWN_WORDS } from './own-words';
import type { TLocale } from './permissions';
import { kontorWords, type TIssueDetail } from './validation-words';

/** What both sides know of a zod issue. */
export type TIssueLike = TIssueDetail & { path: readonly PropertyKey[] };

type TLocaleError = ReturnType<typeof z.locales.en>['localeError'];
const MAKERS: Record<TLocale, () => { localeError: TLocaleError }> = {
  de: z.locales.de,
  en: z.locales.en,
  pl: z.locales.pl,
  ru: z.locales.ru,
};
const made = new Map<TLocale, TLocaleError>();

function zodWords(issue: TIssueLike, locale: TLocale): string {
  let localeError = made.get(locale);
  if (!localeError) {
    localeError = MAKERS[locale]().localeError;
    made.set(locale, localeError);
  }
  const text = localeError(issue as never);
  return typeof text === 'string' ? text : (text?.message ?? issue.message);
}

/**
 * One issue in the reader's language: Kontor's words for the common checks, else zod's. A
 * schema's own message (`regex(…, 'lower-case letters…')`) is English: English readers get it
 * as written, the others its translation (OWN_WORDS), else the localised words of its check.
 */
export function issueMessage(issue: TIssueLike, locale: TLocale): string {
  const own = issue.code === 'custom' || issue.message !== zodWords(issue, 'en');
  if (own) {
    if (locale === 'en') return issue.message;
    const translated = OWN_WORDS[issue.message]?.[locale];
    if (translated) return translated;
    if (issue.code === 'custom') return issue.message;
  }
  return kontorWords(issue, locale) ?? (own ? issue.message : zodWords(issue, locale));
}

/** The field's name as the API reports it: the path joined by dots (`amount.minor`). */
export function fieldName(path: readonly PropertyKey[]): string {
  return path.map(String).join('.');
}

/**
 * The first problem of each field of a value checked against a schema, in the reader's language;
 * empty when the value passes. Keys are field names as the API reports them.
 */
export function fieldProblems(schema: z.ZodType, value: unknown, locale: TLocale): Record<string, string> {
  const result = schema.safeParse(value);
  if (result.success) return {};
  const problems: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const key = fieldName(issue.path);
    problems[key] ??= issueMessage(issue, locale);
  }
  return problems;
}
