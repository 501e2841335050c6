// Folding, phonetic codes and match keys for the names of clients (B4 duplicate detection).

// A simple GOST-like table (close to GOST 16876-71): one Latin spelling per Cyrillic letter, so that
// "Мюллер" folds to "mjuller" and meets "Müller" through the phonetic key. Ukrainian and
// Belarusian letters are included because client lists from the same markets mix them in.
const CYRILLIC = table(
  'а=a б=b в=v г=g д=d е=e ё=e ж=zh з=z и=i й=j к=k л=l м=m н=n о=o п=p р=r с=s т=t у=u ф=f',
  'х=kh ц=ts ч=ch ш=sh щ=shch ъ= ы=y ь= э=e ю=ju я=ja і=i ї=ji є=je ґ=g ў=u',
);

// Letters that NFD does not split into a base letter plus a combining mark.
const LATIN_SPECIAL = table('ß=ss ł=l đ=d ð=d ø=o æ=ae œ=oe þ=th ı=i ŀ=l');

function table(...rows: string[]): Record<string, string> {
  const pairs = rows.flatMap((row) => row.split(' ')).map((pair) => pair.split('='));
  return Object.fromEntries(pairs.map(([from, to]) => [from!, to ?? '']));
}

const SPECIAL_CHARS = new RegExp(`[${Object.keys({ ...CYRILLIC, ...LATIN_SPECIAL }).join('')}]`, 'g');

/**
 * Folds text for comparison: lower case, Cyrillic transliterated to Latin, diacritics removed
 * (ä→a, ł→l, ß→ss, й→j), whitespace collapsed; every other character is kept.
 */
export function foldText(s: string): string {
  return (
    s
      .normalize('NFC')
      .toLowerCase()
      // before NFD: NFD would split й into и + breve and ё into е + diaeresis
      .replace(SPECIAL_CHARS, (ch) => CYRILLIC[ch] ?? LATIN_SPECIAL[ch] ?? ch)
      .normalize('NFD')
      .replace(/\p{M}+/gu, '')
      .replace(/\s+/g, ' ')
      .trim()
  );
}

// German spellings of the same sound, applied after folding: Müller, Mueller and Muller, Meyer,
// Maier and Meier, or Schmid, Schmidt and Schmitt end up identical. Both sides of a comparison go
// through the same rules, so a rule that also hits an unrelated name (Michael → michal) cannot
// cause a miss.
const SPELLING_RULES: Array<[RegExp, string]> = [
  [/ue/g, 'u'],
  [/ae/g, 'a'],
  [/oe/g, 'o'],
  [/ey|ay|ai|ej/g, 'ei'],
  [/ij|iy/g, 'i'],
  [/dt/g, 't'],
  [/d$/, 't'], // final devoicing: Schmid sounds like Schmitt
  [/th/g, 't'],
  [/ph/g, 'f'],
  [/ck/g, 'k'],
  [/([a-z])\1+/g, '$1'],
];

/** A name in the spelling-insensitive form used for keys and similarity: folded words, German variants unified. */
export function nameForm(s: string): string {
  return foldText(s)
    .split(/[^a-z0-9]+/)
    .filter(Boolean)
    .map((word) => SPELLING_RULES.reduce((w, [re, to]) => w.replace(re, to), word))
    .join(' ');
}

const has = (set: string, ch: string | undefined) => ch !== undefined && ch !== '' && set.includes(ch);

// One letter's code under the Kölner Phonetik (Postel 1969), given its neighbours.
function cologneDigit(ch: string, prev: string | undefined, next: string | undefined): string {
  if ('aeijouy'.includes(ch)) return '0';
  if ('fvw'.includes(ch)) return '3';
  if ('gkq'.includes(ch)) return '4';
  if ('mn'.includes(ch)) return '6';
  if ('sz'.includes(ch)) return '8';
  switch (ch) {
    case 'b':
      return '1';
    case 'p':
      return next === 'h' ? '3' : '1';
    case 'd':
    case 't':
      return has('csz', next) ? '8' : '2';
    case 'l':
      return '5';
    case 'r':
      return '7';
    case 'x':
      return has('ckq', prev) ? '8' : '48';
    case 'c':
      if (prev === undefined) return has('ahkloqrux', next) ? '4' : '8';
      return !has('sz', prev) && has('ahkoqux', next) ? '4' : '8';
    default:
      return ''; // h, and anything that is not a letter a-z
  }
}

/**
 * The Kölner Phonetik code of a name (e.g. "Müller-Lüdenscheidt" → "65752682"); non-letters are
 * ignored, so the whole input is coded as one word.
 */
export function cologneCode(s: string): string {
  const letters = foldText(s).replace(/[^a-z]/g, '');
  let digits = '';
  for (let i = 0; i < letters.length; i++) {
    digits += cologneDigit(letters[i]!, letters[i - 1], letters[i + 1]);
  }
  // adjacent equal codes count once; then every 0 but a leading one goes
  const collapsed = digits.replace(/(\d)\1+/g, '$1');
  return collapsed.slice(0, 1) + collapsed.slice(1).replace(/0/g, '');
}

// Legal forms as folded word sequences (dots dropped first, so "e.K." is "ek" and "sp. z o.o."
// is "sp z oo"), with the connectors of "GmbH & Co. KG". German, Austrian and Swiss forms stand at
// the end, as do Polish and most foreign ones; Russian forms and Polish trade prefixes at the start.
const FORMS_AT_END = forms(
  'gmbh ggmbh mbh gesmbh ag se kgaa kg ohg gbr ug haftungsbeschrankt ek ekfm ekfr ev eg partg partgmbb mbb',
  'co cokg & + und',
  'sp_z_oo sp_z_o_o spzoo sa sp_j spj sp_k spk sp_p ska sc',
  'ltd limited llc inc plc llp corp bv nv sarl sas srl spa sro',
);
const FORMS_AT_START = forms('ooo oao zao pao ao nao ip pphu phu fhu');

function forms(...lists: string[]): string[][] {
  return lists.flatMap((l) => l.split(' ')).map((form) => form.split('_'));
}

// How many words at the end (or the start) of `words` form a legal form; 0 when none does.
function formLength(words: string[], start: number, end: number, atEnd: boolean): number {
  let best = 0;
  for (const form of atEnd ? FORMS_AT_END : FORMS_AT_START) {
    const from = atEnd ? end - form.length : start;
    if (from < start || from + form.length > end) continue;
    if (form.every((w, i) => words[from + i] === w)) best = Math.max(best, form.length);
  }
  return best;
}

/**
 * A company name without its legal form, folded: "Müller Bau GmbH & Co. KG" → "muller bau",
 * "ООО «Ромашка»" → "romashka". A name that is nothing but a legal form is kept as it is.
 */
export function companyCore(name: string): string {
  const ws = foldText(name)
    .replace(/\./g, '')
    .replace(/[&+]/g, ' $& ')
    .split(/[^a-z0-9&+]+/)
    .filter(Boolean);
  let start = 0;
  let end = ws.length;
  // never strip the last remaining word: "AG" alone stays a name
  let n = formLength(ws, start, end, true);
  while (n > 0 && end - n > start) {
    end -= n;
    n = formLength(ws, start, end, true);
  }
  n = formLength(ws, start, end, false);
  while (n > 0 && start + n < end) {
    start += n;
    n = formLength(ws, start, end, false);
  }
  return ws.slice(start, end).join(' ');
}

/** The name of a person or of a company, as `nameKeys` takes it. */
export type TNameParts =
  | { kind: 'person'; firstName?: string | null; lastName?: string | null }
  | { kind: 'company'; companyName?: string | null };

/**
 * Match keys for finding duplicate candidates: two clients whose names differ only in spelling
 * (Müller / Mueller / Muller), by a typo that keeps the sound (Mülller, Schmitd) or by the order
 * of first and last name share at least one key. Takes a person's or a company's name, or
 * (first, last) positionally, where a single given part is read as a company name.
 */
export function nameKeys(name: TNameParts): string[];
export function nameKeys(first: string | null | undefined, lastOrCompany?: string | null): string[];
export function nameKeys(name: TNameParts | string | null | undefined, last?: string | null): string[] {
  const parts = nameParts(name, last).filter((p) => nameForm(p) !== '');
  if (parts.length === 0) return [];
  // sorted, so that first and last name entered the wrong way round still meet
  const spelled = parts.map((p) => nameForm(p).replace(/ /g, '')).sort();
  const coded = parts.map(cologneCode).sort();
  return [...new Set([`n:${spelled.join('|')}`, `k:${coded.join('|')}`])].filter((k) => !k.endsWith(':'));
}

function nameParts(name: TNameParts | string | null | undefined, last?: string | null): string[] {
  if (typeof name === 'object' && name !== null) {
    if (name.kind === 'company') return [companyCore(name.companyName ?? '')];
    return [name.firstName ?? '', name.lastName ?? ''];
  }
  const given = [name ?? '', last ?? ''].filter((p) => p.trim() !== '');
  // one part alone is a company name (or a person known by one name, which companyCore keeps)
  return given.length === 1 ? [companyCore(given[0]!)] : given;
}
