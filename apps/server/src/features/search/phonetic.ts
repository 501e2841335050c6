import { cologneCode, foldText } from '@kontor/domain';

// Kölner Phonetik codes of name words, written with letters (0→a … 9→j) behind a 'qx' marker so
// that number searches never hit them: "Schneider" and the typo "Schnieder" share a token.
const PREFIX = 'qx';
const letters = (code: string) => code.replace(/\d/g, (d) => String.fromCharCode(97 + Number(d)));

/** The phonetic tokens stored with a record's searchable text, one per name word. */
export function phoneticTokens(names: readonly (string | null | undefined)[]): string[] {
  const words = names.flatMap((n) => foldText(n ?? '').split(/[^a-z]+/)).filter((w) => w.length >= 3);
  return [
    ...new Set(
      words
        .map((w) => cologneCode(w))
        .filter(Boolean)
        .map((c) => `${PREFIX}${letters(c)}`),
    ),
  ];
}

/** The phonetic token a query term matches, or null for numbers and very short terms. */
export function phoneticTerm(term: string): string | null {
  if (!/^[a-z]{3,}$/.test(term)) return null;
  const code = cologneCode(term);
  return code ? `${PREFIX}${letters(code)}` : null;
}
