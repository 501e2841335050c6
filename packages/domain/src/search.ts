// Global search as you type (N4). The server stores `searchableText` of a record and matches every
// term of `searchTerms` of the query as a substring (LIKE '%term%', a pg_trgm index helps).
import { foldText } from './names';
import { phoneSearchKey } from './phone';

/** Shorter terms are dropped: one character matches nearly everything. */
export const MIN_TERM_LENGTH = 2;
/** More terms than this are ignored: a typeahead query is a few words, not a paragraph. */
export const MAX_TERMS = 8;
const MAX_TERM_LENGTH = 64;
/** A query of digits and phone punctuation is read as a phone number from this many digits on. */
export const MIN_PHONE_DIGITS = 4;

// What people type into phone, case and tax numbers besides digits.
const NUMBER_QUERY = /^\+?[\d\s\-/().]+$/;

// The one folding both sides go through. After foldText the German transcriptions of umlauts are
// folded too, so "Mueller" finds "Müller"; everything but letters and digits separates words.
function foldForSearch(s: string): string {
  return foldText(s)
    .replace(/ue/g, 'u')
    .replace(/ae/g, 'a')
    .replace(/oe/g, 'o')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

// Digit groups written with separators ("+49 (171) 123-4567", "12/345/67890") also as one run of
// digits, so a number typed without the same separators still is a substring.
function digitRuns(s: string): string[] {
  const runs = s.match(/\d+(?:[^\p{L}\d]+\d+)+/gu) ?? [];
  return runs.map((run) => run.replace(/\D/g, ''));
}

/**
 * One folded string of a record's searchable parts (names, e-mails, phones as E.164, case and
 * tax numbers), in which the database matches the terms of `searchTerms`.
 */
export function searchableText(parts: readonly (string | null | undefined)[]): string {
  return parts
    .flatMap((p) => [foldForSearch(p ?? ''), ...digitRuns(p ?? '')])
    .filter(Boolean)
    .join(' ');
}

/**
 * The terms of a typeahead query, folded like `searchableText`: "Müller, Jür" → ["muller", "jur"];
 * digits are kept ("EP-2024-0815" → ["ep", "2024", "0815"]). A query that is only a number becomes
 * one term without spaces and without the trunk or international prefix of a phone number
 * ("0171 123" → ["171123"]), which is a substring of the stored E.164 digits.
 */
export function searchTerms(q: string, defaultCountry = 'DE'): string[] {
  const text = q.trim();
  if (NUMBER_QUERY.test(text) && text.replace(/\D/g, '').length >= MIN_PHONE_DIGITS) {
    // the phone key only drops leading digits, so it still matches case and tax numbers
    const key = phoneSearchKey(text, defaultCountry);
    if (key.length >= MIN_TERM_LENGTH) return [key.slice(0, MAX_TERM_LENGTH)];
  }
  const terms = foldForSearch(text)
    .split(' ')
    .filter((t) => t.length >= MIN_TERM_LENGTH)
    .map((t) => t.slice(0, MAX_TERM_LENGTH));
  return [...new Set(terms)].slice(0, MAX_TERMS);
}
