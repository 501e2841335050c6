import { describe, expect, it } from 'vitest';
import {
  DUPLICATE_THRESHOLD,
  isDuplicate,
  nameSimilarity,
  osaDistance,
  SIMILAR_NAME,
  scoreDuplicate,
  type TDedupeClient,
  type TDuplicateCounter,
  type TDuplicateReason,
  warrantsWarning,
} from './dedupe';

describe('osaDistance', () => {
  it.each([
    ['', '', 1, 0],
    ['abc', '', 1, 3],
    ['', 'abc', 1, 3],
    ['kitten', 'sitting', 1, 3],
    ['schmidt', 'schmitd', 1, 1],
    ['ab', 'ba', 1, 1],
    ['ab', 'ba', 0.5, 0.5],
    // optimal string alignment edits no substring twice: 3, where unrestricted Damerau-Levenshtein says 2
    ['ca', 'abc', 1, 3],
    ['müller', 'muller', 1, 1],
  ])('%j → %j (transposition %d) = %d', (a, b, transposition, distance) => {
    expect(osaDistance(a, b, transposition)).toBe(distance);
  });
});

describe('nameSimilarity', () => {
  // similar: spelling variants and typos, at or above SIMILAR_NAME
  it.each([
    ['Müller', 'Mueller', 1],
    ['Müller', 'Muller', 1],
    ['Müller', 'Mülller', 1],
    ['Müller', 'Mueler', 1],
    ['Meyer', 'Maier', 1],
    ['Meyer', 'Meier', 1],
    ['Maier', 'Meier', 1],
    ['Schmidt', 'Schmitt', 1],
    ['Schmidt', 'Schmid', 1],
    ['Schmidt', 'Schmitd', 1],
    ['Jürgen', 'Juergen', 1],
    ['Hoffmann', 'Hofmann', 1],
    ['Иванов', 'Ivanov', 1],
    ['Сергей', 'Sergey', 1],
    ['Schneider', 'Schnieder', 0.944],
    ['Jürgen', 'Jürgne', 0.917],
    ['Kowalski', 'Kowalsky', 0.875],
    ['Zimmermann', 'Zimmermenn', 0.875],
    ['Zimmermann', 'Zimmremann', 0.938],
  ])('%j ~ %j: %d (similar)', (a, b, similarity) => {
    expect(nameSimilarity(a, b)).toBeCloseTo(similarity, 3);
    expect(nameSimilarity(b, a)).toBeCloseTo(similarity, 3);
    expect(nameSimilarity(a, b)).toBeGreaterThanOrEqual(SIMILAR_NAME);
  });

  // not similar: a different vowel in a short surname is a different family name (decided)
  it.each([
    ['Müller', 'Miller', 0.8],
    ['Müller', 'Möller', 0.8],
    ['Schulz', 'Scholz', 0.833],
    ['Wagner', 'Wegner', 0.833],
    ['Anna', 'Anne', 0.667],
    ['Weber', 'Becker', 0.6],
    ['Hans', 'Johannes', 0.571],
    ['Müller', '', 0],
  ])('%j ≁ %j: %d (not similar)', (a, b, similarity) => {
    expect(nameSimilarity(a, b)).toBeCloseTo(similarity, 3);
    expect(nameSimilarity(a, b)).toBeLessThan(SIMILAR_NAME);
  });
});

// A person from "First Last" (or "Last" alone), a company from its name; extra fields as given.
const P = (name: string, extra: Partial<TDedupeClient> = {}): TDedupeClient => {
  const words = name.split(' ');
  const lastName = words.pop();
  const firstName = words.join(' ') || undefined;
  return { kind: 'person', firstName, lastName, emails: [], phonesE164: [], ...extra };
};
const C = (companyName: string, extra: Partial<TDedupeClient> = {}): TDedupeClient =>
  P('', { kind: 'company', companyName, lastName: undefined, ...extra });
const NONE: TDedupeClient = { kind: 'person', emails: [], phonesE164: [] };
const iban = 'DE89370400440532013000';
const bd = (birthDate: string) => ({ birthDate });
const phone = ['+4930123456'];
const family = { emails: ['familie@schmidt.de'], phonesE164: phone };

describe('scoreDuplicate', () => {
  type TRow = [string, TDedupeClient, TDedupeClient, TDuplicateReason[], TDuplicateCounter[], boolean];
  it.each<TRow>([
    // exact identifiers suffice on their own, even with nothing else known
    [
      'same e-mail, other case',
      { ...NONE, emails: ['Max@Example.de'] },
      { ...NONE, emails: [' max@example.de'] },
      ['same_email'],
      [],
      true,
    ],
    [
      'same phone',
      { ...NONE, phonesE164: ['+491711234567'] },
      { ...NONE, phonesE164: ['+49 171 1234567'] },
      ['same_phone'],
      [],
      true,
    ],
    [
      'same tax id, other separators',
      { ...NONE, taxId: '12 345 678 901' },
      { ...NONE, taxId: '12345678901' },
      ['same_tax_id'],
      [],
      true,
    ],
    [
      'same IBAN, typed with spaces',
      { ...NONE, iban: 'de89 3704 0044 0532 0130 00' },
      { ...NONE, iban },
      ['same_iban'],
      [],
      true,
    ],
    // names
    ['identical name after folding', P('Jürgen Müller'), P('Juergen Mueller'), ['similar_name'], [], true],
    ['first and last name swapped', P('Müller Jürgen'), P('Jürgen Müller'), ['similar_name'], [], true],
    [
      'typo in the surname alone is only a hint',
      P('Hans Schmidt'),
      P('Hans Schmdit'),
      ['similar_name'],
      [],
      false,
    ],
    [
      'typo plus same birth date',
      P('Hans Schmidt', bd('1980-04-01')),
      P('Hans Schmdit', bd('1980-04-01')),
      ['same_birth_date', 'similar_name'],
      [],
      true,
    ],
    [
      'father and son: same name, other birth date',
      P('Hans Schmidt', bd('1955-04-01')),
      P('Hans Schmidt', bd('1980-04-01')),
      ['similar_name'],
      ['different_birth_date'],
      false,
    ],
    ['surname only on one side', P('Schmidt'), P('Hans Schmidt'), ['similar_name'], [], false],
    [
      'an initial and the same birth date',
      P('H. Schmidt', bd('1980-04-01')),
      P('Hans Schmidt', bd('1980-04-01')),
      ['same_birth_date', 'similar_name'],
      [],
      true,
    ],
    ['Müller and Miller are different names', P('Hans Müller'), P('Hans Miller'), [], [], false],
    [
      'Schulz and Scholz, same birth date',
      P('Eva Schulz', bd('1990-01-01')),
      P('Eva Scholz', bd('1990-01-01')),
      ['same_birth_date'],
      [],
      false,
    ],
    [
      'a shared birth date alone',
      { ...NONE, ...bd('1990-01-01') },
      { ...NONE, ...bd('1990-01-01') },
      ['same_birth_date'],
      [],
      false,
    ],
    // households share contact data and accounts; a different first name or birth date tells them apart
    [
      'spouses with a joint account',
      P('Anna Schmidt', { iban }),
      P('Hans Schmidt', { iban }),
      ['same_iban'],
      ['different_first_name'],
      false,
    ],
    [
      'parent and child sharing e-mail and phone',
      P('Hans Schmidt', { ...family, ...bd('1955-04-01') }),
      P('Hans Schmidt', { ...family, ...bd('1990-04-01') }),
      ['same_email', 'same_phone', 'similar_name'],
      ['different_birth_date'],
      false,
    ],
    [
      'a short form of the first name is the same person',
      P('Hans Schmidt', { emails: ['h@s.de'] }),
      P('Johannes Schmidt', { emails: ['h@s.de'] }),
      ['same_email'],
      [],
      true,
    ],
    [
      'different tax ids',
      P('Hans Schmidt', { taxId: '11111111111' }),
      P('Hans Schmidt', { taxId: '22222222222' }),
      ['similar_name'],
      ['different_tax_id'],
      false,
    ],
    // a tax id belongs to one person for life: the other birth date is the typo
    [
      'same tax id outweighs another birth date',
      P('Hans Schmidt', { taxId: '12345678901', ...bd('1980-04-01') }),
      P('Hans Schmidt', { taxId: '12345678901', ...bd('1980-01-04') }),
      ['same_tax_id', 'similar_name'],
      ['different_birth_date'],
      true,
    ],
    // companies
    [
      'company with another legal form',
      C('Müller Bau GmbH'),
      C('Mueller Bau GmbH & Co. KG'),
      ['similar_name'],
      [],
      true,
    ],
    ['companies with different names', C('Müller Bau GmbH'), C('Schmidt Bau GmbH'), [], [], false],
    [
      'a person and a company sharing a phone',
      P('Hans Schmidt', { phonesE164: phone }),
      C('Schmidt Bau GmbH', { phonesE164: phone }),
      ['same_phone'],
      ['different_kind'],
      false,
    ],
    // nothing in common
    ['different people', P('Hans Schmidt'), P('Eva Weber'), [], ['different_first_name'], false],
    ['empty descriptions', NONE, NONE, [], [], false],
    [
      'an invalid IBAN matches nothing',
      { ...NONE, iban: 'DE00 1234' },
      { ...NONE, iban: 'DE00 1234' },
      [],
      [],
      false,
    ],
  ])('%s', (_, candidate, existing, reasons, against, duplicate) => {
    const result = scoreDuplicate(candidate, existing);
    expect(result.reasons).toEqual(reasons);
    expect(result.against).toEqual(against);
    expect(isDuplicate(result)).toBe(duplicate);
    expect(result.score).toBeGreaterThanOrEqual(0);
    expect(result.score).toBeLessThanOrEqual(1);
    // the score does not depend on which client is the new one
    expect(scoreDuplicate(existing, candidate).score).toBe(result.score);
  });

  it('grows with every further piece of evidence', () => {
    const steps = [
      P('Hans Schmidt'),
      P('Hans Schmidt', bd('1980-04-01')),
      P('Hans Schmidt', { ...bd('1980-04-01'), phonesE164: phone }),
      P('Hans Schmidt', { ...bd('1980-04-01'), phonesE164: phone, emails: ['h@s.de'] }),
    ];
    const existing = P('Hans Schmdit', { ...bd('1980-04-01'), phonesE164: phone, emails: ['h@s.de'] });
    const scores = steps.map((s) => scoreDuplicate(s, existing).score);
    expect(scores).toEqual([...scores].sort((a, b) => a - b));
    expect(new Set(scores).size).toBe(scores.length);
  });

  it('lists the strongest reason first', () => {
    const all = P('Hans Schmidt', {
      ...bd('1980-04-01'),
      emails: ['h@s.de'],
      phonesE164: phone,
      taxId: '12345678901',
      iban,
    });
    expect(scoreDuplicate(all, all)).toEqual({
      score: 1,
      reasons: ['same_tax_id', 'same_email', 'same_phone', 'same_iban', 'similar_name', 'same_birth_date'],
      against: [],
    });
  });
});

describe('isDuplicate', () => {
  it.each([
    [DUPLICATE_THRESHOLD, true],
    [DUPLICATE_THRESHOLD - 0.001, false],
    [1, true],
    [0, false],
  ])('score %d → %s', (score, duplicate) => {
    expect(isDuplicate({ score })).toBe(duplicate);
  });
});

describe('warrantsWarning', () => {
  const household: TDedupeClient = {
    kind: 'person',
    firstName: 'Eva',
    lastName: 'Schwarz',
    emails: [],
    phonesE164: ['+491711234567'],
  };
  const husband: TDedupeClient = {
    kind: 'person',
    firstName: 'Jürgen',
    lastName: 'Müller',
    emails: [],
    phonesE164: ['+491711234567'],
  };
  const stranger: TDedupeClient = {
    kind: 'person',
    firstName: 'Otto',
    lastName: 'Krause',
    emails: [],
    phonesE164: [],
  };
  it.each([
    ['a shared phone despite a different name', household, husband, true],
    [
      'a probable duplicate',
      { ...husband, phonesE164: [] },
      { ...husband, firstName: 'Juergen', lastName: 'Mueller', phonesE164: [] },
      true,
    ],
    ['nothing in common', stranger, husband, false],
  ] as const)('%s → %s', (_, a, b, warn) => {
    const result = scoreDuplicate(a, b);
    expect(warrantsWarning(result)).toBe(warn);
  });

  it('warns on a shared identifier even below the duplicate threshold', () => {
    const result = scoreDuplicate(household, husband);
    expect(isDuplicate(result)).toBe(false);
    expect(warrantsWarning(result)).toBe(true);
  });
});
