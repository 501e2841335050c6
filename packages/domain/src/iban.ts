// IBAN validation on top of ibantools, which keeps the country formats of the SWIFT IBAN registry
// (and of the countries that use IBANs outside it) up to date.
import { extractIBAN, isSEPACountry, ValidationErrorsIBAN, validateIBAN } from 'ibantools';

/** Why an IBAN was refused: unknown country, wrong length, wrong characters, or failed check digits. */
export type TIbanProblem = 'format' | 'checksum' | 'country' | 'length';

/** The IBAN in electronic format with what it tells, or the problem. */
export type TIbanResult =
  | {
      ok: true;
      /** electronic format: upper case, no separators */
      iban: string;
      country: string;
      /** whether SEPA transfers and direct debits reach the account */
      sepa: boolean;
      /** the bank (and branch) code inside the account number, where the country defines one */
      bankId?: string;
      branchId?: string;
    }
  | { ok: false; reason: TIbanProblem };

// What people put between the groups when they write or paste an IBAN: spaces, dashes (also en
// and em dashes from word processors), dots, slashes, colons, semicolons, commas, brackets.
const SEPARATORS = /[\s\-\u2010-\u2015./:;,()]/g;

// The input without separators and without a leading "IBAN" label, upper case. Anything else
// that is not a letter or a digit stays, so that it fails as a format problem.
function compact(input: string): string {
  const s = input.normalize('NFKC').toUpperCase().replace(SEPARATORS, '');
  // no country has the code "IB", so a leading "IBAN" followed by a country code is a label
  return /^IBAN[A-Z]{2}/.test(s) ? s.slice(4) : s;
}

/**
 * Checks an IBAN as a person types or pastes it (any case, spaces and other separators, an
 * "IBAN" label) and answers its electronic format, or the first problem found.
 */
export function validateIban(input: string): TIbanResult {
  const iban = compact(input);
  if (!/^[A-Z]{2}/.test(iban) || /[^A-Z0-9]/.test(iban)) return { ok: false, reason: 'format' };
  const { errorCodes } = validateIBAN(iban);
  const problem = problemOf(errorCodes);
  if (problem) return { ok: false, reason: problem };
  const parts = extractIBAN(iban);
  const country = iban.slice(0, 2);
  return {
    ok: true,
    iban,
    country,
    sepa: isSEPACountry(country),
    ...(parts.bankIdentifier ? { bankId: parts.bankIdentifier } : {}),
    ...(parts.branchIdentifier ? { branchId: parts.branchIdentifier } : {}),
  };
}

// ibantools lists every failed check and also reports a checksum error whenever the format is
// wrong, so the most basic problem wins: country, then length, then format, then checksum.
function problemOf(codes: readonly ValidationErrorsIBAN[]): TIbanProblem | null {
  if (codes.includes(ValidationErrorsIBAN.NoIBANCountry)) return 'country';
  if (codes.includes(ValidationErrorsIBAN.NoIBANProvided)) return 'format';
  if (codes.includes(ValidationErrorsIBAN.WrongBBANLength)) return 'length';
  if (
    codes.includes(ValidationErrorsIBAN.WrongBBANFormat) ||
    codes.includes(ValidationErrorsIBAN.ChecksumNotNumber)
  ) {
    return 'format';
  }
  return codes.length > 0 ? 'checksum' : null;
}

/** An IBAN for display, in groups of four ("DE89 3704 0044 0532 0130 00"); it does not validate. */
export function formatIban(iban: string): string {
  return compact(iban).replace(/(.{4})(?=.)/g, '$1 ');
}
