// Duplicate scoring of clients (B4): explainable reasons, and a score the server compares with
// DUPLICATE_THRESHOLD when a client is entered or imported.
import { validateIban } from './iban';
import { cologneCode, companyCore, nameForm } from './names';

/**
 * Optimal string alignment distance (Damerau-Levenshtein without repeated edits of one substring);
 * swapping two neighbouring letters costs `transposition` (1 in the classic definition).
 */
export function osaDistance(a: string, b: string, transposition = 1): number {
  const x = [...a];
  const y = [...b];
  // three rolling rows: the transposition looks two rows back
  let before = new Array<number>(y.length + 1).fill(0);
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const row = [i];
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1] && cost === 1) {
        d = Math.min(d, before[j - 2]! + transposition);
      }
      row.push(d);
    }
    before = prev;
    prev = row;
  }
  return prev[y.length]!;
}

/**
 * How alike two names are, 0..1, from the edit distance of their spelling-insensitive forms
 * (see `nameForm`); a swap of neighbouring letters, the commonest typo, counts as half an edit.
 */
export function nameSimilarity(a: string, b: string): number {
  const x = nameForm(a);
  const y = nameForm(b);
  if (x === '' || y === '') return 0;
  const longest = Math.max([...x].length, [...y].length);
  return 1 - osaDistance(x, y, 0.5) / longest;
}

/**
 * From this similarity on, two names count as "similar". Chosen so that spelling variants and
 * single typos in names of six letters or more pass (Schmdit/Schmidt 0.86, Schneider/Schnieder
 * 0.94) while a different vowel in a short surname does not (Müller/Miller 0.8, Schulz/Scholz 0.83):
 * those are different families, and a typo there is caught by a shared e-mail, phone, tax id or IBAN.
 */
export const SIMILAR_NAME = 0.85;

/** From this score on, `isDuplicate` says two clients are probably the same. */
export const DUPLICATE_THRESHOLD = 0.7;

/** What the duplicate score compares of a client: plain values, phones already in E.164. */
export type TDedupeClient = {
  kind: 'person' | 'company';
  firstName?: string | null;
  lastName?: string | null;
  companyName?: string | null;
  /** YYYY-MM-DD */
  birthDate?: string | null;
  emails: readonly string[];
  phonesE164: readonly string[];
  taxId?: string | null;
  iban?: string | null;
};

/** Why two clients look like one: the API shows these to the user. */
export type TDuplicateReason =
  | 'same_email'
  | 'same_phone'
  | 'same_tax_id'
  | 'same_iban'
  | 'similar_name'
  | 'same_birth_date';

/** Evidence that lowered the score: shown next to the reasons, so a low score explains itself. */
export type TDuplicateCounter =
  | 'different_birth_date'
  | 'different_first_name'
  | 'different_tax_id'
  | 'different_kind';

/** A score 0..1, the reasons strongest first, and the evidence against. */
export type TDuplicateResult = { score: number; reasons: TDuplicateReason[]; against: TDuplicateCounter[] };

// How likely each exact match alone makes a duplicate. A tax id belongs to one person; e-mails,
// phones and accounts are shared within households (a couple applying for a mortgage together).
const IDENTIFIER_WEIGHT = { same_tax_id: 0.95, same_email: 0.8, same_phone: 0.75, same_iban: 0.75 };
// Identical names alone reach the threshold (a warning on entry); names only "similar" do not.
const NAME_WEIGHT_AT_THRESHOLD = 0.45;
const NAME_WEIGHT_IDENTICAL = 0.72;
// A birth date confirms a similar name strongly; without one it only supports other evidence.
const BIRTH_DATE_WITH_NAME = 0.6;
const BIRTH_DATE_ALONE = 0.1;
// Multipliers of counter-evidence; a shared tax id outweighs them (the other field is the typo).
const COUNTER_FACTOR: Record<TDuplicateCounter, number> = {
  different_birth_date: 0.5,
  different_first_name: 0.6,
  different_tax_id: 0.3,
  different_kind: 0.6,
};

/**
 * Scores whether `candidate` (being entered or imported) and `existing` are the same client:
 * exact e-mail, phone, tax id or IBAN matches each suffice, a similar name is a reason that a
 * shared birth date confirms, and a different birth date, first name, tax id or kind lowers it.
 */
export function scoreDuplicate(candidate: TDedupeClient, existing: TDedupeClient): TDuplicateResult {
  const evidence = new Map<TDuplicateReason, number>();
  const against: TDuplicateCounter[] = [];
  if (intersects(candidate.emails, existing.emails, (e) => e.trim().toLowerCase())) {
    evidence.set('same_email', IDENTIFIER_WEIGHT.same_email);
  }
  if (intersects(candidate.phonesE164, existing.phonesE164, (p) => p.replace(/[^\d+]/g, ''))) {
    evidence.set('same_phone', IDENTIFIER_WEIGHT.same_phone);
  }
  const taxA = digits(candidate.taxId);
  const taxB = digits(existing.taxId);
  if (taxA && taxA === taxB) evidence.set('same_tax_id', IDENTIFIER_WEIGHT.same_tax_id);
  else if (taxA && taxB) against.push('different_tax_id');
  const ibanA = ibanOf(candidate.iban);
  if (ibanA && ibanA === ibanOf(existing.iban)) evidence.set('same_iban', IDENTIFIER_WEIGHT.same_iban);

  const names = compareNames(candidate, existing);
  if (names.differentKind) against.push('different_kind');
  if (names.differentFirstName) against.push('different_first_name');
  if (names.similarity >= SIMILAR_NAME) evidence.set('similar_name', nameWeight(names.similarity));

  const bdA = candidate.birthDate?.trim();
  const bdB = existing.birthDate?.trim();
  if (bdA && bdA === bdB) {
    evidence.set('same_birth_date', evidence.has('similar_name') ? BIRTH_DATE_WITH_NAME : BIRTH_DATE_ALONE);
  } else if (bdA && bdB) {
    against.push('different_birth_date');
  }

  // independent pieces of evidence combine like probabilities ("noisy or")
  let score = 1 - [...evidence.values()].reduce((miss, w) => miss * (1 - w), 1);
  if (!evidence.has('same_tax_id')) score = against.reduce((s, c) => s * COUNTER_FACTOR[c], score);
  const reasons = [...evidence.keys()].sort((a, b) => evidence.get(b)! - evidence.get(a)!);
  return { score: Math.round(score * 1000) / 1000, reasons, against };
}

/** Is a scored pair probably one client (score at or above DUPLICATE_THRESHOLD)? */
export function isDuplicate(result: Pick<TDuplicateResult, 'score'>): boolean {
  return result.score >= DUPLICATE_THRESHOLD;
}

const IDENTIFIERS: readonly TDuplicateReason[] = ['same_email', 'same_phone', 'same_tax_id', 'same_iban'];

/**
 * Should entering this client warn about the existing one? When it is probably the same client,
 * and always when they share an e-mail, phone, tax id or IBAN, even if counter-evidence lowered
 * the score (a household sharing a phone): the user decides, the warning names the reasons.
 */
export function warrantsWarning(result: Pick<TDuplicateResult, 'score' | 'reasons'>): boolean {
  return isDuplicate(result) || result.reasons.some((r) => IDENTIFIERS.includes(r));
}

function nameWeight(similarity: number): number {
  const above = (similarity - SIMILAR_NAME) / (1 - SIMILAR_NAME);
  return NAME_WEIGHT_AT_THRESHOLD + (NAME_WEIGHT_IDENTICAL - NAME_WEIGHT_AT_THRESHOLD) * above;
}

type TNameComparison = { similarity: number; differentFirstName: boolean; differentKind: boolean };

// Names of persons compare by last and by first name separately and the weaker one counts, so a
// shared first name cannot make Hans Miller look like Hans Müller.
function compareNames(a: TDedupeClient, b: TDedupeClient): TNameComparison {
  if (a.kind !== b.kind) return { similarity: 0, differentFirstName: false, differentKind: true };
  if (a.kind === 'company') {
    const similarity = nameSimilarity(companyCore(a.companyName ?? ''), companyCore(b.companyName ?? ''));
    return { similarity, differentFirstName: false, differentKind: false };
  }
  const straight = personSimilarity(a.firstName, a.lastName, b.firstName, b.lastName);
  const swapped = personSimilarity(a.firstName, a.lastName, b.lastName, b.firstName);
  const firstA = givenName(a.firstName);
  const firstB = givenName(b.firstName);
  const differentFirstName = straight >= swapped && clearlyDifferent(firstA, firstB);
  return { similarity: Math.max(straight, swapped), differentFirstName, differentKind: false };
}

// A missing first name, or a bare initial, makes the last name the only evidence: worth 0.9 of it.
function personSimilarity(
  firstA: string | null | undefined,
  lastA: string | null | undefined,
  firstB: string | null | undefined,
  lastB: string | null | undefined,
): number {
  const last = nameSimilarity(lastA ?? '', lastB ?? '');
  const fa = givenName(firstA);
  const fb = givenName(firstB);
  if (fa === '' || fb === '') return last * 0.9;
  return Math.min(last, nameSimilarity(fa, fb));
}

// Anna and Hans are different people; Hans and Johannes may not be (same sound, a short form).
function clearlyDifferent(firstA: string, firstB: string): boolean {
  if (firstA === '' || firstB === '') return false;
  return nameSimilarity(firstA, firstB) < 0.6 && cologneCode(firstA) !== cologneCode(firstB);
}

// The first name unless it is empty or an initial ("J." says too little to compare).
function givenName(first: string | null | undefined): string {
  const form = nameForm(first ?? '');
  return form.replace(/ /g, '').length > 1 ? form : '';
}

function intersects(a: readonly string[], b: readonly string[], key: (s: string) => string): boolean {
  const seen = new Set(a.map(key).filter(Boolean));
  return b.some((s) => seen.has(key(s)));
}

function digits(s: string | null | undefined): string {
  return (s ?? '').replace(/\D/g, '');
}

function ibanOf(s: string | null | undefined): string | null {
  if (!s) return null;
  const r = validateIban(s);
  return r.ok ? r.iban : null;
}
