import { describe, expect, it } from 'vitest';
import {
  currencyMinorDigits,
  formatMinorAmount,
  formatStatementCsv,
  type TStatementCsvRow,
} from './export-csv';

function row(over: Partial<TStatementCsvRow> = {}): TStatementCsvRow {
  return {
    statementNumber: '2026-00007',
    issuedOn: '2026-03-31',
    recipient: 'Anna Berger',
    recipientKind: 'advisor',
    caseNumber: 'F-2026-0012',
    entryKind: 'payout',
    lineKind: 'advisor',
    currency: 'EUR',
    netMinor: 900_00,
    vatMinor: 0,
    grossMinor: 900_00,
    ...over,
  };
}

const HEADER =
  'statement_number,issued_on,recipient,recipient_kind,case_number,entry_kind,line_kind,currency,net,vat,gross';

describe('formatStatementCsv', () => {
  it('writes the worked example (statement 2026-00007) with a header row and CRLF', () => {
    const csv = formatStatementCsv([
      row(),
      row({
        recipient: 'Kraus Immobilien',
        recipientKind: 'partner',
        lineKind: 'partner',
        netMinor: 150_00,
        grossMinor: 150_00,
      }),
      row({ entryKind: 'clawback', caseNumber: 'F-2025-0931', netMinor: -1_000_00, grossMinor: -1_000_00 }),
    ]);
    expect(csv).toBe(
      [
        HEADER,
        '2026-00007,2026-03-31,Anna Berger,advisor,F-2026-0012,payout,advisor,EUR,900.00,0.00,900.00',
        '2026-00007,2026-03-31,Kraus Immobilien,partner,F-2026-0012,payout,partner,EUR,150.00,0.00,150.00',
        '2026-00007,2026-03-31,Anna Berger,advisor,F-2025-0931,clawback,advisor,EUR,-1000.00,0.00,-1000.00',
        '',
      ].join('\r\n'),
    );
  });

  it('writes only the header row when there are no entries', () => {
    expect(formatStatementCsv([])).toBe(`${HEADER}\r\n`);
  });

  it.each<[{ delimiter?: ';' | ','; decimalComma?: boolean }, string]>([
    [{}, '1190.00,190.00,1380.00'],
    [{ delimiter: ';' }, '1190.00;190.00;1380.00'],
    [{ delimiter: ';', decimalComma: true }, '1190,00;190,00;1380,00'],
    [{ delimiter: ',', decimalComma: true }, '"1190,00","190,00","1380,00"'],
  ])('formats amounts with %j as %s', (options, amounts) => {
    const csv = formatStatementCsv(
      [row({ netMinor: 1190_00, vatMinor: 190_00, grossMinor: 1380_00 })],
      options,
    );
    expect(csv.split('\r\n')[1]!.endsWith(amounts)).toBe(true);
  });

  it.each([
    ['Berger, Anna', '"Berger, Anna"'],
    ['Anna "Ann" Berger', '"Anna ""Ann"" Berger"'],
    ['Anna\nBerger', '"Anna\nBerger"'],
    ['Anna; Berger', 'Anna; Berger'],
    ['Łukasz Wąsik', 'Łukasz Wąsik'],
  ])('quotes the text %j as %s (RFC 4180)', (recipient, cell) => {
    expect(formatStatementCsv([row({ recipient })]).split('\r\n')[1]).toContain(`,${cell},advisor,`);
  });

  it.each([
    ['=SUM(A1:A9)', "'=SUM(A1:A9)"],
    ['+49 170 1234567', "'+49 170 1234567"],
    ['-Berger', "'-Berger"],
    ['@cmd', "'@cmd"],
    ['\tBerger', "'\tBerger"],
    ['\rBerger', `"'\rBerger"`],
    ['=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
    ['Anna = Berger', 'Anna = Berger'],
  ])('neutralises the formula %j as %s', (recipient, cell) => {
    expect(formatStatementCsv([row({ recipient })]).split('\r\n')[1]).toContain(`,${cell},advisor,`);
  });

  it('neutralises formulas in every text column, yet leaves a negative amount a number', () => {
    const line = formatStatementCsv([
      row({ statementNumber: '=1', caseNumber: '+2', netMinor: -5, grossMinor: -5 }),
    ]).split('\r\n')[1];
    expect(line).toBe("'=1,2026-03-31,Anna Berger,advisor,'+2,payout,advisor,EUR,-0.05,0.00,-0.05");
  });

  it.each([
    ['JPY', 1500, '1500'],
    ['KWD', 1234, '1.234'],
    ['EUR', 5, '0.05'],
  ])('writes %s with its own digits: %i → %s', (currency, netMinor, amount) => {
    const line = formatStatementCsv([row({ currency, netMinor, grossMinor: netMinor })]).split('\r\n')[1];
    expect(line).toContain(`,${currency},${amount},`);
  });

  it.each<[string, Partial<TStatementCsvRow>, string, RegExp]>([
    [
      'gross that is not net + vat',
      { grossMinor: 901_00 },
      'invalid_amount',
      /row 1: gross is not net \+ vat/,
    ],
    ['a fractional amount', { netMinor: 0.5 }, 'invalid_amount', /net must be a safe whole number/],
    ['a bad date', { issuedOn: '31.03.2026' }, 'invalid_date', /issuedOn/],
    ['a lower-case currency', { currency: 'eur' }, 'currency_mismatch', /ISO 4217/],
  ])('refuses %s', (_, over, code, message) => {
    const run = () => formatStatementCsv([row(over)]);
    expect(run).toThrow(message);
    expect(run).toThrow(expect.objectContaining({ code }));
  });
});

describe('currencyMinorDigits and formatMinorAmount', () => {
  it.each([
    ['EUR', 2],
    ['PLN', 2],
    ['JPY', 0],
    ['KRW', 0],
    ['KWD', 3],
  ])('%s has %i digits', (currency, digits) => {
    expect(currencyMinorDigits(currency)).toBe(digits);
  });

  it.each<[number, number, '.' | ',', string]>([
    [0, 2, '.', '0.00'],
    [7, 2, '.', '0.07'],
    [-7, 2, ',', '-0,07'],
    [123_456, 2, ',', '1234,56'],
    [-100_000_00, 2, '.', '-100000.00'],
    [1500, 0, '.', '1500'],
    [-1500, 0, '.', '-1500'],
    [1, 3, '.', '0.001'],
    [Number.MAX_SAFE_INTEGER, 2, '.', '90071992547409.91'],
  ])('%i with %i digits and %s → %s', (amount, digits, separator, text) => {
    expect(formatMinorAmount(amount, digits, separator)).toBe(text);
  });
});
