import { describe, expect, it } from 'vitest';
import { encodeWindows1252, formatDatevBuchungsstapel, type TDatevBooking, type TDatevExport } from './datev';

const SETTINGS = {
  consultantNumber: 29098,
  clientNumber: 55003,
  fiscalYearStart: '2026-01-01',
  accountLength: 4,
  description: 'Provisionen 03/2026',
  chartOfAccounts: '03',
  dictationSign: 'AS',
  user: 'Anna Schmidt',
};

function booking(over: Partial<TDatevBooking> = {}): TDatevBooking {
  return {
    amountMinor: 900_00,
    currency: 'EUR',
    account: '4760',
    contraAccount: '70001',
    date: '2026-03-31',
    document: '2026-00007',
    text: 'Provision Anna Berger',
    ...over,
  };
}

function batch(bookings: TDatevBooking[], over: Partial<TDatevExport> = {}): TDatevExport {
  return {
    settings: SETTINGS,
    periodStart: '2026-03-01',
    periodEnd: '2026-03-31',
    createdAt: new Date('2026-04-02T08:15:30.123Z'),
    bookings,
    ...over,
  };
}

function linesOf(file: string): string[] {
  expect(file.endsWith('\r\n')).toBe(true);
  return file.slice(0, -2).split('\r\n');
}

// Splits a DATEV line at the semicolons outside quotes.
function split(line: string): string[] {
  const fields: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    if (ch === ';' && !quoted) {
      fields.push(current);
      current = '';
    } else current += ch;
  }
  return [...fields, current];
}

function rowsOf(bookings: TDatevBooking[], over: Partial<TDatevExport> = {}): string[][] {
  return linesOf(formatDatevBuchungsstapel(batch(bookings, over))).map(split);
}

// DATEV's sample (developer.datev.de, dtvf), as repeated in full by datev-types src/header.rs.
const OFFICIAL_COLUMNS = [
  'Umsatz (ohne Soll/Haben-Kz);Soll/Haben-Kennzeichen;WKZ Umsatz;Kurs;Basis-Umsatz;WKZ Basis-Umsatz;Konto;Gegenkonto (ohne BU-Schlüssel);BU-Schlüssel;Belegdatum;Belegfeld 1;Belegfeld 2;Skonto;Buchungstext;Postensperre;Diverse Adressnummer;Geschäftspartnerbank;Sachverhalt;Zinssperre;Beleglink;Beleginfo - Art 1;Beleginfo - Inhalt 1;Beleginfo - Art 2;Beleginfo - Inhalt 2;Beleginfo - Art 3;Beleginfo - Inhalt 3;Beleginfo - Art 4;Beleginfo - Inhalt 4;Beleginfo - Art 5;Beleginfo - Inhalt 5;Beleginfo - Art 6;Beleginfo - Inhalt 6;Beleginfo - Art 7;Beleginfo - Inhalt 7;Beleginfo - Art 8;Beleginfo - Inhalt 8;KOST1 - Kostenstelle;KOST2 - Kostenstelle;Kost-Menge;EU-Land u. UStID (Bestimmung);EU-Steuersatz (Bestimmung);Abw. Versteuerungsart;Sachverhalt L+L;Funktionsergänzung L+L;BU 49 Hauptfunktionstyp;BU 49 Hauptfunktionsnummer;BU 49 Funktionsergänzung',
  'Zusatzinformation - Art 1;Zusatzinformation- Inhalt 1;Zusatzinformation - Art 2;Zusatzinformation- Inhalt 2;Zusatzinformation - Art 3;Zusatzinformation- Inhalt 3;Zusatzinformation - Art 4;Zusatzinformation- Inhalt 4;Zusatzinformation - Art 5;Zusatzinformation- Inhalt 5;Zusatzinformation - Art 6;Zusatzinformation- Inhalt 6;Zusatzinformation - Art 7;Zusatzinformation- Inhalt 7;Zusatzinformation - Art 8;Zusatzinformation- Inhalt 8;Zusatzinformation - Art 9;Zusatzinformation- Inhalt 9;Zusatzinformation - Art 10;Zusatzinformation- Inhalt 10;Zusatzinformation - Art 11;Zusatzinformation- Inhalt 11;Zusatzinformation - Art 12;Zusatzinformation- Inhalt 12;Zusatzinformation - Art 13;Zusatzinformation- Inhalt 13;Zusatzinformation - Art 14;Zusatzinformation- Inhalt 14;Zusatzinformation - Art 15;Zusatzinformation- Inhalt 15;Zusatzinformation - Art 16;Zusatzinformation- Inhalt 16;Zusatzinformation - Art 17;Zusatzinformation- Inhalt 17;Zusatzinformation - Art 18;Zusatzinformation- Inhalt 18;Zusatzinformation - Art 19;Zusatzinformation- Inhalt 19;Zusatzinformation - Art 20;Zusatzinformation- Inhalt 20',
  'Stück;Gewicht;Zahlweise;Forderungsart;Veranlagungsjahr;Zugeordnete Fälligkeit;Skontotyp;Auftragsnummer;Buchungstyp;USt-Schlüssel (Anzahlungen);EU-Land (Anzahlungen);Sachverhalt L+L (Anzahlungen);EU-Steuersatz (Anzahlungen);Erlöskonto (Anzahlungen);Herkunft-Kz;Buchungs GUID;KOST-Datum;SEPA-Mandatsreferenz;Skontosperre;Gesellschaftername;Beteiligtennummer;Identifikationsnummer;Zeichnernummer;Postensperre bis;Bezeichnung SoBil-Sachverhalt;Kennzeichen SoBil-Buchung;Festschreibung;Leistungsdatum;Datum Zuord. Steuerperiode;Fälligkeit;Generalumkehr (GU);Steuersatz;Land;Abrechnungsreferenz;BVV-Position;EU-Land u. UStID (Ursprung);EU-Steuersatz (Ursprung);Abw. Skontokonto',
].join(';');

describe('formatDatevBuchungsstapel: layout', () => {
  const file = formatDatevBuchungsstapel(batch([booking(), booking({ text: 'a;b "c"', amountMinor: -5 })]));
  const lines = linesOf(file);

  it('writes the header row in the shape of DATEV’s sample, 31 fields', () => {
    expect(lines[0]).toBe(
      '"EXTF";700;21;"Buchungsstapel";13;20260402081530123;;"KO";"Anna Schmidt";"";29098;55003;20260101;4;' +
        '20260301;20260331;"Provisionen 03/2026";"AS";1;0;0;"EUR";;"";;;"03";;;"";""',
    );
    expect(lines[0]!.split(';')).toHaveLength(31);
  });

  it.each([
    [1, '"EXTF"'],
    [2, '700'],
    [3, '21'],
    [4, '"Buchungsstapel"'],
    [5, '13'],
    [6, '20260402081530123'],
    [11, '29098'],
    [12, '55003'],
    [13, '20260101'],
    [14, '4'],
    [15, '20260301'],
    [16, '20260331'],
    [17, '"Provisionen 03/2026"'],
    [19, '1'],
    [21, '0'],
    [22, '"EUR"'],
  ])('header field %i is %s', (position, value) => {
    expect(split(lines[0]!)[position - 1]).toBe(value);
  });

  it('writes the 125 columns of format version 13 as DATEV names them', () => {
    expect(lines[1]).toBe(OFFICIAL_COLUMNS);
    expect(lines[1]!.split(';')).toHaveLength(125);
  });

  it.each([
    [1, 'Umsatz (ohne Soll/Haben-Kz)'],
    [7, 'Konto'],
    [10, 'Belegdatum'],
    [11, 'Belegfeld 1'],
    [14, 'Buchungstext'],
    [114, 'Festschreibung'],
    [125, 'Abw. Skontokonto'],
  ])('column %i is %s', (position, name) => {
    expect(lines[1]!.split(';')[position - 1]).toBe(name);
  });

  it('gives every booking row exactly as many fields as the column row, even with ; in the text', () => {
    expect(lines).toHaveLength(4);
    for (const line of lines.slice(2)) expect(split(line)).toHaveLength(125);
  });

  it('ends every line with CRLF and has no bare CR or LF', () => {
    expect(file.replaceAll('\r\n', '')).not.toMatch(/[\r\n]/);
    expect(file.split('\r\n')).toHaveLength(5);
  });
});

describe('formatDatevBuchungsstapel: the worked example (statement 2026-00007)', () => {
  const rows = rowsOf([
    booking({ amountMinor: 900_00, contraAccount: '70001', text: 'Provision Anna Berger' }),
    booking({ amountMinor: 150_00, contraAccount: '70002', text: 'Tippgeber Immobilien Kraus' }),
    booking({ amountMinor: -1_000_00, contraAccount: '70001', text: 'Rückforderung Anna Berger' }),
  ]).slice(2);

  it.each([
    [0, '900,00;"S";"EUR";;;;4760;70001;;3103;"2026-00007";;;"Provision Anna Berger"'],
    [1, '150,00;"S";"EUR";;;;4760;70002;;3103;"2026-00007";;;"Tippgeber Immobilien Kraus"'],
    [2, '1000,00;"H";"EUR";;;;4760;70001;;3103;"2026-00007";;;"Rückforderung Anna Berger"'],
  ])('row %i starts %s and leaves the other columns empty', (index, start) => {
    const row = rows[index]!;
    expect(row.slice(0, 14).join(';')).toBe(start);
    expect(row.slice(14).every((field) => field === '')).toBe(true);
  });
});

describe('formatDatevBuchungsstapel: fields', () => {
  const first = (b: Partial<TDatevBooking>, over: Partial<TDatevExport> = {}) =>
    rowsOf([booking(b)], over)[2]!;
  const wholeYear = { periodStart: '2026-01-01', periodEnd: '2026-12-31' };

  it.each([
    [1, '0,01', '"S"'],
    [5, '0,05', '"S"'],
    [100, '1,00', '"S"'],
    [123_456, '1234,56', '"S"'],
    [-250_00, '250,00', '"H"'],
    [-1, '0,01', '"H"'],
    [999_999_999_999, '9999999999,99', '"S"'],
  ])('%i minor units → %s %s', (amountMinor, amount, side) => {
    expect(first({ amountMinor }).slice(0, 2)).toEqual([amount, side]);
  });

  it.each([
    ['2026-01-05', '0501'],
    ['2026-03-01', '0103'],
    ['2026-12-31', '3112'],
  ])('Belegdatum of %s is %s', (date, ddmm) => {
    expect(first({ date }, wholeYear)[9]).toBe(ddmm);
  });

  it('writes TTMM within a fiscal year that is not the calendar year', () => {
    const settings = { ...SETTINGS, fiscalYearStart: '2025-07-01' };
    const row = first(
      { date: '2026-06-30' },
      { settings, periodStart: '2026-06-01', periodEnd: '2026-06-30' },
    );
    expect(row[9]).toBe('3006');
  });

  it.each([
    ['Provision "Sonder"; März', '"Provision ""Sonder""; März"'],
    ['Zeile 1\r\nZeile 2\tEnde', '"Zeile 1 Zeile 2 Ende"'],
    ['  Rand  ', '"Rand"'],
    ['Łukasz Wąsik', '"Lukasz Wasik"'],
    ['', '""'],
  ])('Buchungstext %j → %s', (text, field) => {
    expect(first({ text })[13]).toBe(field);
  });

  it.each([
    ['x'.repeat(70), 'x'.repeat(60)],
    [`${'x'.repeat(59)}"yz`, `${'x'.repeat(59)}"`],
    ['Щ'.repeat(20), 'Shch'.repeat(15)], // cut after transliteration, so the file holds ≤ 60 characters
  ])('cuts the Buchungstext to 60 characters (%#)', (text, kept) => {
    expect(first({ text })[13]).toBe(`"${kept.replaceAll('"', '""')}"`);
  });
});

describe('formatDatevBuchungsstapel: refuses bad input', () => {
  const settings = (over: object) => ({ settings: { ...SETTINGS, ...over } });
  it.each<[string, Partial<TDatevBooking>, Partial<TDatevExport>, string, RegExp]>([
    ['a booking outside the period', { date: '2026-02-28' }, {}, 'invalid_date', /outside the period/],
    [
      'a Belegdatum in another fiscal year',
      { date: '2027-01-04' },
      {},
      'invalid_date',
      /another fiscal year/,
    ],
    ['a period beyond the fiscal year', {}, { periodEnd: '2027-01-31' }, 'invalid_date', /fiscal year/],
    ['a period that ends before it starts', {}, { periodStart: '2026-04-01' }, 'invalid_date', /period/],
    [
      'an expense account longer than 4',
      { account: '47600' },
      {},
      'invalid_line',
      /account 47600 has more than 4/,
    ],
    ['a creditor longer than 4 + 1', { contraAccount: '700001' }, {}, 'invalid_line', /more than 5 digits/],
    ['an account with letters', { account: '47A0' }, {}, 'invalid_line', /1 to 9 digits/],
    ['account zero', { account: '0000' }, {}, 'invalid_line', /not all zero/],
    ['the same account twice', { contraAccount: '4760' }, {}, 'invalid_line', /the same/],
    ['a zero amount', { amountMinor: 0 }, {}, 'invalid_amount', /zero amount/],
    ['a fractional amount', { amountMinor: 1.5 }, {}, 'invalid_amount', /safe whole number/],
    ['an amount beyond 10 digits', { amountMinor: 1_000_000_000_000 }, {}, 'invalid_amount', /10 integer/],
    ['a foreign currency', { currency: 'USD' }, {}, 'currency_mismatch', /in USD, the batch in EUR/],
    [
      'a currency without cents',
      { currency: 'JPY' },
      settings({ currency: 'JPY' }),
      'currency_mismatch',
      /JPY/,
    ],
    ['a document of 37 characters', { document: 'x'.repeat(37) }, {}, 'invalid_line', /document/],
    ['a document with a space', { document: 'RE 7' }, {}, 'invalid_line', /document/],
    ['an empty document', { document: '' }, {}, 'invalid_line', /document/],
    ['a character without code', { text: 'Ω-Fonds' }, {}, 'invalid_line', /booking 2 text: "Ω" \(U\+03A9\)/],
    ['a consultant below 1001', {}, settings({ consultantNumber: 999 }), 'invalid_line', /consultantNumber/],
    ['a client above 99999', {}, settings({ clientNumber: 100_000 }), 'invalid_line', /clientNumber/],
    ['an account length of 9', {}, settings({ accountLength: 9 }), 'invalid_line', /accountLength/],
    ['a description of 31', {}, settings({ description: 'x'.repeat(31) }), 'invalid_line', /description/],
    ['a user of 26', {}, settings({ user: 'x'.repeat(26) }), 'invalid_line', /user/],
    ['a bad dictation sign', {}, settings({ dictationSign: 'abc' }), 'invalid_line', /dictationSign/],
    [
      'a bad fiscal year start',
      {},
      settings({ fiscalYearStart: '2026-13-01' }),
      'invalid_date',
      /fiscalYearStart/,
    ],
    ['an invalid createdAt', {}, { createdAt: new Date('nope') }, 'invalid_date', /createdAt/],
  ])('refuses %s', (_, b, over, code, message) => {
    const run = () => formatDatevBuchungsstapel(batch([booking(), booking(b)], over));
    expect(run).toThrow(message);
    expect(run).toThrow(expect.objectContaining({ code }));
  });

  it('refuses an empty batch', () => {
    expect(() => formatDatevBuchungsstapel(batch([]))).toThrow(/no bookings/);
  });
});

// Bytes 0x80–0x9F as Python's cp1252 codec decodes them (Node's TextDecoder reads windows-1252 as Latin-1).
const CP1252_HIGH: Record<number, number> = Object.fromEntries(
  [
    '80=20ac 82=201a 83=0192 84=201e 85=2026 86=2020 87=2021 88=02c6 89=2030 8a=0160 8b=2039 8c=0152 8e=017d',
    '91=2018 92=2019 93=201c 94=201d 95=2022 96=2013 97=2014 98=02dc 99=2122 9a=0161 9b=203a 9c=0153 9e=017e 9f=0178',
  ]
    .flatMap((row) => row.split(' '))
    .map((pair) => pair.split('=').map((hex) => Number.parseInt(hex, 16))),
);

describe('encodeWindows1252', () => {
  const decode = (bytes: Uint8Array) => String.fromCodePoint(...[...bytes].map((b) => CP1252_HIGH[b] ?? b));

  it('encodes "Müller €" as DATEV reads it', () => {
    expect([...encodeWindows1252('Müller €')]).toEqual([0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72, 0x20, 0x80]);
  });

  it.each(Object.entries(CP1252_HIGH))('encodes byte %s from its character', (byte, codePoint) => {
    expect([...encodeWindows1252(String.fromCodePoint(codePoint))]).toEqual([Number(byte)]);
  });

  it('encodes 0x00–0x7F and 0xA0–0xFF as the code points of the same number', () => {
    const bytes = Array.from({ length: 256 }, (_, i) => i).filter((b) => b < 0x80 || b >= 0xa0);
    expect([...encodeWindows1252(String.fromCodePoint(...bytes))]).toEqual(bytes);
  });

  it.each(['\u0080', '\u0081', '\u009d'])('refuses the C1 control %j', (text) => {
    expect(() => encodeWindows1252(text)).toThrow(/no Windows-1252 character/);
  });

  it.each([
    ['Łukasz Wąsik', 'Lukasz Wasik'],
    ['Żaneta Kołodziej-Ćwik', 'Zaneta Kolodziej-Cwik'],
    ['Grzegorz Brzęczyszczykiewicz, Łódź', 'Grzegorz Brzeczyszczykiewicz, Lódz'],
    ['Šimek Dvořák', 'Šimek Dvorák'],
    ['Жуков Юрий', 'Zhukov Jurij'],
    ['ЩУКИНА Наталья', 'ShchUKINA Natalja'],
    ['Олександр Ґонта', 'Oleksandr Gonta'],
    ['Müller – „Büro“ ß', 'Müller – „Büro“ ß'],
    ['1\u202f000\u00a0€ \u2212 5', '1 000\u00a0€ - 5'],
  ])('transliterates %j → %j', (text, expected) => {
    expect(decode(encodeWindows1252(text))).toBe(expected);
  });

  it.each([
    ['Ω', 'U+03A9'],
    ['中村', 'U+4E2D'],
    ['ok 😀', 'U+1F600'],
  ])('refuses %j naming %s', (text, code) => {
    expect(() => encodeWindows1252(text)).toThrow(code);
  });

  it('keeps CR LF so a whole file can be encoded', () => {
    expect([...encodeWindows1252('a\r\nb')]).toEqual([0x61, 0x0d, 0x0a, 0x62]);
  });
});
