// DATEV "Buchungsstapel" (DATEV-Format EXTF: header version 700, category 21, format version 13) of
// the commission expense of statements, for the firm's tax adviser to import.
//
// Layout checked against DATEV's own sample file on developer.datev.de/datev/platform/de/dtvf (the
// header row and the first 50 column names) and, for all 125 column names, against the Rust crate
// datev-types (src/header.rs), whose list repeats that sample; jonaswitt/stripe-datev-exporter
// (Python, format version 5) has the same columns 1–120 (40/41 without "(Bestimmung)"). Field rules from DATEV's Formatbeschreibung: Umsatz
// ^\d{1,10},\d{2}$ and never 0,00; Konto at most Sachkontenlänge + 1 digits (personal accounts);
// Belegdatum TTMM; Belegfeld 1 at most 36 of A–Z a–z 0–9 _ $ & % * + - /; Buchungstext at most 60.
//
// Choices: a zero amount is refused (DATEV refuses 0,00, and a silently dropped row would hide an
// error upstream); so is an empty batch and a booking in a currency other than the client's (that
// would need an exchange rate). Unused columns stay empty. "Erzeugt am" is written in UTC.
import { addMonthsClamped, assertIsoDate } from './dates';
import { CommissionError, type TCommissionErrorCode } from './errors';
import { currencyMinorDigits, formatMinorAmount } from './export-csv';
import { minorToBigInt } from './money';

export type TDatevSettings = {
  /** Beraternummer of the firm's tax adviser (1001–9999999). */
  consultantNumber: number;
  /** Mandantennummer of the firm at the adviser (1–99999). */
  clientNumber: number;
  /** First day of the fiscal year the batch belongs to, 'YYYY-MM-DD'. */
  fiscalYearStart: string;
  /** Sachkontenlänge (4–8): G/L accounts have up to this many digits, personal accounts one more. */
  accountLength: number;
  /** Bezeichnung of the batch, at most 30 characters. */
  description: string;
  /** The client's booking currency (WKZ of the header); 'EUR' when omitted. */
  currency?: string;
  /** Sachkontenrahmen, e.g. '03' for SKR03 or '04' for SKR04. */
  chartOfAccounts?: string;
  /** Diktatkürzel: two capital letters. */
  dictationSign?: string;
  /** "Exportiert von": the user's name, at most 25 characters. */
  user?: string;
};

export type TDatevBooking = {
  /** Signed minor units: + the firm owes the recipient (commission expense), − a clawback. */
  amountMinor: number;
  currency: string;
  /** The expense account (a G/L account). */
  account: string;
  /** The recipient's creditor account. */
  contraAccount: string;
  /** Belegdatum, 'YYYY-MM-DD'. */
  date: string;
  /** Belegfeld 1: the statement number, e.g. '2026-00042'. */
  document: string;
  /** Buchungstext; cut to 60 characters. */
  text: string;
};

export type TDatevExport = {
  settings: TDatevSettings;
  periodStart: string;
  periodEnd: string;
  createdAt: Date;
  bookings: readonly TDatevBooking[];
};

function pairs(art: string, inhalt: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => [`${art} ${i + 1}`, `${inhalt} ${i + 1}`]).flat();
}

// The 125 columns of format version 13, verbatim (including DATEV's "Zusatzinformation- Inhalt").
const COLUMNS: readonly string[] = [
  'Umsatz (ohne Soll/Haben-Kz);Soll/Haben-Kennzeichen;WKZ Umsatz;Kurs;Basis-Umsatz;WKZ Basis-Umsatz;Konto',
  'Gegenkonto (ohne BU-Schlüssel);BU-Schlüssel;Belegdatum;Belegfeld 1;Belegfeld 2;Skonto;Buchungstext',
  'Postensperre;Diverse Adressnummer;Geschäftspartnerbank;Sachverhalt;Zinssperre;Beleglink',
  ...pairs('Beleginfo - Art', 'Beleginfo - Inhalt', 8),
  'KOST1 - Kostenstelle;KOST2 - Kostenstelle;Kost-Menge;EU-Land u. UStID (Bestimmung)',
  'EU-Steuersatz (Bestimmung);Abw. Versteuerungsart;Sachverhalt L+L;Funktionsergänzung L+L',
  'BU 49 Hauptfunktionstyp;BU 49 Hauptfunktionsnummer;BU 49 Funktionsergänzung',
  ...pairs('Zusatzinformation - Art', 'Zusatzinformation- Inhalt', 20),
  'Stück;Gewicht;Zahlweise;Forderungsart;Veranlagungsjahr;Zugeordnete Fälligkeit;Skontotyp;Auftragsnummer',
  'Buchungstyp;USt-Schlüssel (Anzahlungen);EU-Land (Anzahlungen);Sachverhalt L+L (Anzahlungen)',
  'EU-Steuersatz (Anzahlungen);Erlöskonto (Anzahlungen);Herkunft-Kz;Buchungs GUID;KOST-Datum',
  'SEPA-Mandatsreferenz;Skontosperre;Gesellschaftername;Beteiligtennummer;Identifikationsnummer',
  'Zeichnernummer;Postensperre bis;Bezeichnung SoBil-Sachverhalt;Kennzeichen SoBil-Buchung;Festschreibung',
  'Leistungsdatum;Datum Zuord. Steuerperiode;Fälligkeit;Generalumkehr (GU);Steuersatz;Land',
  'Abrechnungsreferenz;BVV-Position;EU-Land u. UStID (Ursprung);EU-Steuersatz (Ursprung);Abw. Skontokonto',
].flatMap((group) => group.split(';'));

// 0-based positions of the columns this export fills.
const COL = { amount: 0, side: 1, currency: 2, account: 6, contra: 7, date: 9, document: 10, text: 13 };

const ORIGIN = 'KO'; // Herkunft: two letters naming the exporting program (Kontor)
const MAX_AMOUNT_MINOR = 999_999_999_999n; // Umsatz has at most 10 integer digits
const DOCUMENT = /^[A-Za-z0-9_$&%*+/-]{1,36}$/;

function fail(code: TCommissionErrorCode, message: string, details: Record<string, unknown> = {}): never {
  throw new CommissionError(code, message, details);
}

function quote(text: string): string {
  return `"${text.replaceAll('"', '""')}"`;
}

// Text the file carries: transliterated to Windows-1252, without control characters (DATEV forbids them).
function cleanText(text: string, what: string): string {
  return toWindows1252Text(text, what)
    .replace(/\p{Cc}+/gu, ' ')
    .trim();
}

function boundedText(text: string | undefined, max: number, what: string): string {
  const clean = cleanText(text ?? '', what);
  if (clean.length > max) fail('invalid_line', `${what} must be at most ${max} characters`, { what, text });
  return clean;
}

function integerIn(value: number, min: number, max: number, what: string): string {
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    fail('invalid_line', `${what} must be a whole number from ${min} to ${max}`, { what, value });
  }
  return String(value);
}

function compactDate(isoDate: string): string {
  return isoDate.replaceAll('-', '');
}

function timestamp(at: Date): string {
  if (Number.isNaN(at.getTime())) fail('invalid_date', 'createdAt must be a valid time');
  const p = (n: number, width = 2) => String(n).padStart(width, '0');
  const date = `${p(at.getUTCFullYear(), 4)}${p(at.getUTCMonth() + 1)}${p(at.getUTCDate())}`;
  return `${date}${p(at.getUTCHours())}${p(at.getUTCMinutes())}${p(at.getUTCSeconds())}${p(at.getUTCMilliseconds(), 3)}`;
}

type TBatch = { currency: string; fiscalYearEnd: string; accountLength: number };

// The period must lie in the one fiscal year the header names: DATEV books a batch into one year.
function checkBatch(input: TDatevExport): TBatch {
  const { fiscalYearStart, accountLength } = input.settings;
  assertIsoDate(fiscalYearStart, 'fiscalYearStart');
  assertIsoDate(input.periodStart, 'periodStart');
  assertIsoDate(input.periodEnd, 'periodEnd');
  const fiscalYearEnd = addMonthsClamped(fiscalYearStart, 12); // exclusive
  const { periodStart, periodEnd } = input;
  if (periodStart > periodEnd || periodStart < fiscalYearStart || periodEnd >= fiscalYearEnd) {
    const message = `the period ${periodStart}…${periodEnd} must be a date range in the fiscal year from ${fiscalYearStart}`;
    fail('invalid_date', message, { periodStart, periodEnd, fiscalYearStart });
  }
  integerIn(accountLength, 4, 8, 'accountLength');
  const currency = input.settings.currency ?? 'EUR';
  if (currencyMinorDigits(currency) !== 2) {
    fail('currency_mismatch', `DATEV amounts have two decimals; ${currency} has not`, { currency });
  }
  return { currency, fiscalYearEnd, accountLength };
}

function headerRow(input: TDatevExport, batch: TBatch): string {
  const s = input.settings;
  const sign = s.dictationSign ?? '';
  if (!/^([A-Z]{2})?$/.test(sign))
    fail('invalid_line', 'dictationSign must be two capital letters', { sign });
  const chart = s.chartOfAccounts ?? '';
  if (!/^(\d{2})?$/.test(chart)) fail('invalid_line', 'chartOfAccounts must be two digits', { chart });
  return [
    ...[quote('EXTF'), '700', '21', quote('Buchungsstapel'), '13', timestamp(input.createdAt), ''],
    ...[quote(ORIGIN), quote(boundedText(s.user, 25, 'user')), quote('')],
    integerIn(s.consultantNumber, 1001, 9_999_999, 'consultantNumber'),
    integerIn(s.clientNumber, 1, 99_999, 'clientNumber'),
    ...[compactDate(s.fiscalYearStart), String(batch.accountLength)],
    ...[compactDate(input.periodStart), compactDate(input.periodEnd)],
    ...[quote(boundedText(s.description, 30, 'description')), quote(sign)],
    // Buchungstyp 1 (Finanzbuchführung), Rechnungslegungszweck 0, Festschreibung 0: the adviser reviews first.
    ...['1', '0', '0', quote(batch.currency)],
    ...['', quote(''), '', '', quote(chart), '', '', quote(''), quote('')],
  ].join(';');
}

function accountNumber(value: string, maxDigits: number, what: string): string {
  if (!/^\d{1,9}$/.test(value) || /^0+$/.test(value)) {
    fail('invalid_line', `${what} must be a number of 1 to 9 digits, not all zero`, { what, value });
  }
  if (value.length > maxDigits) {
    fail('invalid_line', `${what} ${value} has more than ${maxDigits} digits`, { what, value, maxDigits });
  }
  return value;
}

function bookingDate(date: string, input: TDatevExport, batch: TBatch, what: string): string {
  assertIsoDate(date, `${what} date`);
  const { periodStart, periodEnd, settings } = input;
  if (date < settings.fiscalYearStart || date >= batch.fiscalYearEnd) {
    fail('invalid_date', `${what}: ${date} lies in another fiscal year than the header's`, { date });
  }
  if (date < periodStart || date > periodEnd) {
    fail('invalid_date', `${what}: ${date} lies outside the period ${periodStart}…${periodEnd}`, { date });
  }
  return `${date.slice(8, 10)}${date.slice(5, 7)}`; // TTMM; the year is the header's fiscal year
}

function bookingAmount(booking: TDatevBooking, batch: TBatch, what: string): string {
  const value = minorToBigInt(booking.amountMinor, `${what} amountMinor`);
  if (value === 0n) fail('invalid_amount', `${what}: a zero amount cannot be booked`, { what });
  if (value > MAX_AMOUNT_MINOR || value < -MAX_AMOUNT_MINOR) {
    fail('invalid_amount', `${what}: the amount exceeds DATEV's 10 integer digits`, { what });
  }
  if (booking.currency !== batch.currency) {
    fail('currency_mismatch', `${what} is in ${booking.currency}, the batch in ${batch.currency}`, { what });
  }
  return formatMinorAmount(Math.abs(booking.amountMinor), 2, ',');
}

function bookingRow(booking: TDatevBooking, index: number, input: TDatevExport, batch: TBatch): string {
  const what = `booking ${index + 1}`;
  const row = COLUMNS.map(() => '');
  row[COL.amount] = bookingAmount(booking, batch, what);
  // S/H refers to Konto: a payout debits the expense account, a clawback credits it.
  row[COL.side] = quote(booking.amountMinor > 0 ? 'S' : 'H');
  row[COL.currency] = quote(booking.currency);
  row[COL.account] = accountNumber(booking.account, batch.accountLength, `${what} account`);
  row[COL.contra] = accountNumber(booking.contraAccount, batch.accountLength + 1, `${what} contraAccount`);
  if (booking.account === booking.contraAccount) {
    fail('invalid_line', `${what}: account and contraAccount are the same`, { account: booking.account });
  }
  row[COL.date] = bookingDate(booking.date, input, batch, what);
  const { document } = booking;
  if (!DOCUMENT.test(document))
    fail('invalid_line', `${what}: document must be 1–36 of A-Za-z0-9_$&%*+-/`, { document });
  row[COL.document] = quote(document);
  row[COL.text] = quote(cleanText(booking.text, `${what} text`).slice(0, 60).trimEnd());
  return row.join(';');
}

/** Formats commission bookings as a DATEV Buchungsstapel (EXTF 700/21/13); encode it with `encodeWindows1252`. */
export function formatDatevBuchungsstapel(input: TDatevExport): string {
  const batch = checkBatch(input);
  if (input.bookings.length === 0) fail('invalid_line', 'there are no bookings to export');
  const lines = [
    headerRow(input, batch),
    COLUMNS.join(';'),
    ...input.bookings.map((booking, index) => bookingRow(booking, index, input, batch)),
  ];
  return `${lines.join('\r\n')}\r\n`;
}

// Windows-1252 bytes 0x80–0x9F (0x81, 0x8D, 0x8F, 0x90, 0x9D are unassigned); 0x00–0x7F and
// 0xA0–0xFF are the Unicode code points of the same number.
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
const UNASSIGNED = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);
const CP1252_BYTE = new Map<number, number>(
  [...CP1252_HIGH].flatMap((ch, i) => (UNASSIGNED.has(0x80 + i) ? [] : [[ch.codePointAt(0)!, 0x80 + i]])),
);

function windows1252Byte(codePoint: number): number | undefined {
  if (codePoint < 0x80 || (codePoint >= 0xa0 && codePoint <= 0xff)) return codePoint;
  return CP1252_BYTE.get(codePoint);
}

function table(...rows: string[]): Record<string, string> {
  return Object.fromEntries(
    rows.flatMap((row) => row.split(' ')).map((pair) => pair.split('=') as [string, string]),
  );
}

// Cyrillic by a simple GOST-like table (as in names.ts), so Russian and Ukrainian names stay readable.
const CYRILLIC = table(
  'а=a б=b в=v г=g д=d е=e ё=e ж=zh з=z и=i й=j к=k л=l м=m н=n о=o п=p р=r с=s т=t у=u ф=f',
  'х=kh ц=ts ч=ch ш=sh щ=shch ъ= ы=y ь= э=e ю=ju я=ja і=i ї=ji є=je ґ=g ў=u',
);
// Latin letters that do not decompose into a base letter and a mark (Ł is not L + a combining stroke).
const LATIN_SPECIAL = table('Ł=L ł=l Đ=D đ=d Ħ=H ħ=h ı=i Ŀ=L ŀ=l');

function transliterate(ch: string): string | undefined {
  const lower = ch.toLowerCase();
  const cyrillic = CYRILLIC[lower];
  if (cyrillic !== undefined)
    return ch === lower ? cyrillic : cyrillic.charAt(0).toUpperCase() + cyrillic.slice(1);
  if (LATIN_SPECIAL[ch]) return LATIN_SPECIAL[ch];
  if (/\p{Zs}/u.test(ch)) return ' '; // narrow and other no-break spaces
  if (/[\u2010-\u2012\u2212]/.test(ch)) return '-'; // hyphens and the minus sign
  const base = ch.normalize('NFD').replace(/\p{M}+/gu, ''); // ą → a, ż → z, č → c, ő → o
  return base !== ch && [...base].every((c) => windows1252Byte(c.codePointAt(0)!) !== undefined)
    ? base
    : undefined;
}

function toWindows1252Text(text: string, what = 'text'): string {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    const mapped = windows1252Byte(ch.codePointAt(0)!) !== undefined ? ch : transliterate(ch);
    if (mapped === undefined) {
      const code = `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
      fail('invalid_line', `${what}: ${JSON.stringify(ch)} (${code}) has no Windows-1252 character`, {
        what,
        character: code,
      });
    }
    out += mapped;
  }
  return out;
}

/**
 * Encodes text as Windows-1252 (what DATEV imports as "ANSI"). Polish and other Latin letters with
 * marks lose the mark (Łukasz Wąsik → Lukasz Wasik), Cyrillic is transliterated (Жуков → Zhukov);
 * any other character without a Windows-1252 code is refused with an error naming it.
 */
export function encodeWindows1252(text: string): Uint8Array {
  const clean = toWindows1252Text(text);
  const bytes = new Uint8Array(clean.length);
  for (let i = 0; i < clean.length; i++) bytes[i] = windows1252Byte(clean.charCodeAt(i))!;
  return bytes;
}
