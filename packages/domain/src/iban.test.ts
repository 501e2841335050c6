import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { formatIban, type TIbanProblem, validateIban } from './iban';

describe('validateIban: what people type', () => {
  it.each([
    ['DE89370400440532013000', 'DE89370400440532013000', 'DE'],
    ['DE89 3704 0044 0532 0130 00', 'DE89370400440532013000', 'DE'],
    ['de89 3704 0044 0532 0130 00', 'DE89370400440532013000', 'DE'],
    ['  DE89-3704-0044-0532-0130-00 ', 'DE89370400440532013000', 'DE'],
    ['IBAN: DE89 3704 0044 0532 0130 00', 'DE89370400440532013000', 'DE'],
    ['PL61 1090 1014 0000 0712 1981 2874', 'PL61109010140000071219812874', 'PL'],
    ['AT61 1904 3002 3457 3201', 'AT611904300234573201', 'AT'],
    ['CH93 0076 2011 6238 5295 7', 'CH9300762011623852957', 'CH'],
    ['GB29 NWBK 6016 1331 9268 19', 'GB29NWBK60161331926819', 'GB'],
    ['FR14 2004 1010 0505 0001 3M02 606', 'FR1420041010050500013M02606', 'FR'],
    ['NL91ABNA0417164300', 'NL91ABNA0417164300', 'NL'],
    // word processors turn hyphens into dashes
    ['ES91 – 2100 – 0418 – 4502 – 0005 – 1332', 'ES9121000418450200051332', 'ES'],
  ])('%j is %s (%s)', (input, iban, country) => {
    expect(validateIban(input)).toMatchObject({ ok: true, iban, country });
  });

  it('names the bank code inside the account number and whether SEPA reaches it', () => {
    expect(validateIban('DE89 3704 0044 0532 0130 00')).toEqual({
      ok: true,
      iban: 'DE89370400440532013000',
      country: 'DE',
      sepa: true,
      bankId: '37040044',
    });
    expect(validateIban('GB29NWBK60161331926819')).toMatchObject({ bankId: 'NWBK', branchId: '601613' });
    expect(validateIban('BR1800360305000010009795493C1')).toMatchObject({ ok: true, sepa: false });
  });

  it.each<[string, TIbanProblem]>([
    ['DE88370400440532013000', 'checksum'],
    ['DE89370400440532013001', 'checksum'],
    // two digits swapped: what the check digits are for
    ['DE89370400440532010300', 'checksum'],
    ['DE8937040044053201300', 'length'],
    ['DE893704004405320130000', 'length'],
    ['PL6110901014000007121981287', 'length'],
    ['XX89370400440532013000', 'country'],
    ['US64SVBKUS6S3300958879', 'country'],
    ['DE89 3704 0044 O532 0130 00', 'format'],
    ['PL61 1090 1014 0000 0712 1981 28A4', 'format'],
    ['DEAB370400440532013000', 'format'],
    ['DE89 3704 0044 0532 0130 0€', 'format'],
    ['DE89 3704 0044 0532 0130 00 Sparkasse', 'length'],
    ['8937040044053201300012', 'format'],
    ['', 'format'],
    ['   ', 'format'],
  ])('%j fails: %s', (input, reason) => {
    expect(validateIban(input)).toEqual({ ok: false, reason });
  });
});

describe('formatIban', () => {
  it.each([
    ['DE89370400440532013000', 'DE89 3704 0044 0532 0130 00'],
    ['de89 3704 0044 0532 0130 00', 'DE89 3704 0044 0532 0130 00'],
    ['NL91ABNA0417164300', 'NL91 ABNA 0417 1643 00'],
    ['BE68539007547034', 'BE68 5390 0754 7034'],
    ['', ''],
  ])('%j → %j', (input, display) => {
    expect(formatIban(input)).toBe(display);
  });
});

// The IBAN registry of the shared specs (php-iban's registry.txt plus the real-world examples it
// collected under utils/): every example must pass, except the ones listed below with the reason.
const repoRoot = fileURLToPath(new URL('../../..', import.meta.url));
const specDir = path.resolve(repoRoot, '../shared/specs/iban');
const hasSpecs = existsSync(path.join(specDir, 'registry.txt'));

// Rows of the registry that describe formats no bank issues today; ibantools follows the SWIFT
// IBAN registry and the current national formats instead. A change here is a change in ibantools.
const OUTDATED_EXAMPLES: Record<string, { reason: TIbanProblem; why: string }> = {
  AA110011123Z5678: { reason: 'country', why: '"IIBAN (Internet)": a proposal, not a country' },
  DZ3512341234123412341234: { reason: 'length', why: 'Algeria: 24 characters in the 2016 list, 26 now' },
  BF4512341234123412341234123: {
    reason: 'length',
    why: 'Burkina Faso: 27 in the 2016 list, 28 (BCEAO format) now',
  },
  BI33123412341234: { reason: 'length', why: 'Burundi: 16 in the 2016 list, 27 in the SWIFT registry' },
  NI92BAMC000000000000000003123123: {
    reason: 'length',
    why: 'Nicaragua: 32 before it joined the SWIFT registry, 28 now',
  },
  SN15A12312341234123412341234: {
    reason: 'format',
    why: 'Senegal: one letter then 23 digits in 2016, BCEAO 2!c22!n now',
  },
};

function registryExamples(): Array<{ country: string; example: string; official: boolean }> {
  const [header, ...rows] = readFileSync(path.join(specDir, 'registry.txt'), 'utf8')
    .split('\n')
    .filter(Boolean);
  const columns = header!.split('|');
  const at = (row: string[], name: string) => row[columns.indexOf(name)] ?? '';
  return rows
    .map((line) => line.split('|'))
    .map((row) => ({
      country: at(row, 'country_code'),
      example: at(row, 'iban_example'),
      official: at(row, 'swift_official') === '1',
    }));
}

// Every file under utils/, one IBAN a line, as found in the wild (spaces, dots, "IBAN" labels).
function exampleFiles(dir = path.join(specDir, 'utils')): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .map((name) => path.join(dir, name))
    .flatMap((file) => (statSync(file).isDirectory() ? exampleFiles(file) : [file]))
    .sort();
}

describe.skipIf(!hasSpecs)(
  hasSpecs ? 'IBAN registry examples' : `IBAN registry examples: skipped, ${specDir} is absent`,
  () => {
    const rows = hasSpecs ? registryExamples() : [];

    it('reads the registry', () => {
      expect(rows.length).toBeGreaterThan(100);
      expect(rows.find((r) => r.country === 'DE')?.example).toBe('DE89370400440532013000');
      // every exception names a row that is there
      const examples = rows.map((r) => r.example);
      for (const outdated of Object.keys(OUTDATED_EXAMPLES)) expect(examples).toContain(outdated);
    });

    it.each(rows)('$country: $example', ({ country, example, official }) => {
      const outdated = OUTDATED_EXAMPLES[example];
      if (outdated) {
        expect(official, 'only unofficial rows may be outdated').toBe(false);
        expect(validateIban(example)).toEqual({ ok: false, reason: outdated.reason });
        return;
      }
      expect(validateIban(example)).toMatchObject({ ok: true, iban: example, country });
      expect(validateIban(formatIban(example).toLowerCase())).toMatchObject({ ok: true, iban: example });
    });

    const files = hasSpecs ? exampleFiles() : [];
    it('finds the example files', () => {
      expect(files.length).toBeGreaterThan(50);
    });

    it.each(files.map((file) => [path.relative(specDir, file), file]))('%s', (_, file) => {
      const lines = readFileSync(file, 'utf8')
        .split('\n')
        .filter((l) => l.trim() !== '');
      const failures = lines
        .map((line) => ({ line, result: validateIban(line) }))
        .filter(({ line, result }) => {
          const outdated = OUTDATED_EXAMPLES[line.trim()];
          return outdated ? result.ok || result.reason !== outdated.reason : !result.ok;
        });
      expect(failures).toEqual([]);
    });
  },
);
