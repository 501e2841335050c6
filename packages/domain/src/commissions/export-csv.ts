// A plain CSV of statement entries for spreadsheets (RFC 4180: header row, CRLF, quotes only where
// needed, inner quotes doubled). Amounts are written from integer minor units with the currency's
// digits, never through floats. Text cells that a spreadsheet would run as a formula get a leading
// apostrophe (OWASP "CSV injection"); amounts are numbers and stay untouched, so −1000.00 stays a number.
import { assertIsoDate } from './dates';
import { CommissionError } from './errors';
import { minorToBigInt } from './money';
import type { TLineKind } from './proposal';
import type { TEntryKind } from './settlement';

/** One statement entry as a CSV row; the amounts are integer minor units of `currency`. */
export type TStatementCsvRow = {
  statementNumber: string;
  /** The statement's date, 'YYYY-MM-DD'. */
  issuedOn: string;
  recipient: string;
  recipientKind: string;
  caseNumber: string;
  entryKind: TEntryKind;
  lineKind: TLineKind;
  currency: string;
  netMinor: number;
  vatMinor: number;
  grossMinor: number;
};

export type TStatementCsvOptions = {
  /** Field separator; ',' (the default) or ';' for spreadsheets set to a German locale. */
  delimiter?: ';' | ',';
  /** Write '1234,56' instead of '1234.56'. */
  decimalComma?: boolean;
};

// ISO 4217 currencies whose minor unit is not the cent; every other currency has two digits.
const ZERO_DIGIT_CURRENCIES = new Set(
  'BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF'.split(' '),
);
const THREE_DIGIT_CURRENCIES = new Set('BHD IQD JOD KWD LYD OMR TND'.split(' '));

/** The number of minor-unit digits of an ISO 4217 currency: 0 for JPY, 3 for KWD, otherwise 2. */
export function currencyMinorDigits(currency: string): number {
  if (!/^[A-Z]{3}$/.test(currency)) {
    throw new CommissionError(
      'currency_mismatch',
      `not an ISO 4217 currency code: ${JSON.stringify(currency)}`,
      {
        currency,
      },
    );
  }
  if (ZERO_DIGIT_CURRENCIES.has(currency)) return 0;
  return THREE_DIGIT_CURRENCIES.has(currency) ? 3 : 2;
}

/** An amount of minor units as a decimal string with `digits` fraction digits (-123456, 2 → '-1234.56'). */
export function formatMinorAmount(amountMinor: number, digits: number, separator: '.' | ',' = '.'): string {
  const value = minorToBigInt(amountMinor);
  const absolute = value < 0n ? -value : value;
  const sign = value < 0n ? '-' : '';
  if (digits === 0) return `${sign}${absolute}`;
  const scale = 10n ** BigInt(digits);
  const fraction = String(absolute % scale).padStart(digits, '0');
  return `${sign}${absolute / scale}${separator}${fraction}`;
}

const COLUMNS = [
  'statement_number',
  'issued_on',
  'recipient',
  'recipient_kind',
  'case_number',
  'entry_kind',
  'line_kind',
  'currency',
  'net',
  'vat',
  'gross',
] as const;

// Spreadsheets run a cell starting with one of these as a formula (or DDE command).
const FORMULA_START = /^[=+\-@\t\r]/;

function quoteIfNeeded(cell: string, delimiter: string): string {
  const needsQuotes = cell.includes(delimiter) || /["\r\n]/.test(cell);
  return needsQuotes ? `"${cell.replaceAll('"', '""')}"` : cell;
}

function textCell(value: string, delimiter: string): string {
  return quoteIfNeeded(FORMULA_START.test(value) ? `'${value}` : value, delimiter);
}

function assertRow(row: TStatementCsvRow, index: number): void {
  assertIsoDate(row.issuedOn, `row ${index + 1} issuedOn`);
  const sum = minorToBigInt(row.netMinor, 'net') + minorToBigInt(row.vatMinor, 'vat');
  // Gross is always net + VAT on a statement; anything else would put a wrong total in the sheet.
  if (minorToBigInt(row.grossMinor, 'gross') !== sum) {
    throw new CommissionError('invalid_amount', `row ${index + 1}: gross is not net + vat`, {
      row: index + 1,
      statementNumber: row.statementNumber,
    });
  }
}

/** Formats statement entries as a CSV document: a header row, one row per entry, CRLF line ends. */
export function formatStatementCsv(
  rows: readonly TStatementCsvRow[],
  options: TStatementCsvOptions = {},
): string {
  const delimiter = options.delimiter ?? ',';
  const separator = options.decimalComma ? ',' : '.';
  const lines = [COLUMNS.join(delimiter)];
  rows.forEach((row, index) => {
    assertRow(row, index);
    const digits = currencyMinorDigits(row.currency);
    const amount = (minor: number) => quoteIfNeeded(formatMinorAmount(minor, digits, separator), delimiter);
    const texts = [row.statementNumber, row.issuedOn, row.recipient, row.recipientKind, row.caseNumber];
    const kinds = [row.entryKind, row.lineKind, row.currency];
    lines.push(
      [
        ...[...texts, ...kinds].map((text) => textCell(text, delimiter)),
        amount(row.netMinor),
        amount(row.vatMinor),
        amount(row.grossMinor),
      ].join(delimiter),
    );
  });
  return `${lines.join('\r\n')}\r\n`;
}
