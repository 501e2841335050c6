// A statement's PDF and spreadsheet, read back the way a user (or their accountant's software)
// would: the text really in the PDF, the cells really in the sheet, in each of the four languages.
import type { TLocale } from '@kontor/contracts';
import ExcelJS from 'exceljs';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { describe, expect, it } from 'vitest';
import type {
  TDocumentEntry,
  TDocumentVat,
  TStatementDocument,
} from '../src/features/commissions/statement-document';
import { createFormatter, minorToDecimal } from '../src/features/commissions/statement-labels';
import { renderStatementPdf } from '../src/features/commissions/statement-pdf';
import { renderStatementSheet } from '../src/features/commissions/statement-sheet';

const CLIENTS = ['Łukasz Żółć', 'Şahin Öztürk', 'Дмитрий Иванов'];

function entry(overrides: Partial<TDocumentEntry>): TDocumentEntry {
  return {
    caseNumber: 'K-2026-00017',
    clientName: CLIENTS[0]!,
    productKind: 'mortgage',
    lender: 'Sparkasse Köln',
    caseAmountMinor: 35_000_000,
    wonOn: '2026-03-10',
    kind: 'payout',
    lineKind: 'advisor',
    label: null,
    netMinor: 0,
    vatMinor: 0,
    grossMinor: 0,
    ...overrides,
  };
}

// Net amounts 1,500.00 + 600.00 − 100.00 = 2,000.00; VAT is exact at the rates used here.
function entries(vatPercent: number): TDocumentEntry[] {
  const amounts = (netMinor: number) => {
    const vatMinor = (netMinor * vatPercent) / 100;
    return { netMinor, vatMinor, grossMinor: netMinor + vatMinor };
  };
  return [
    entry({ caseNumber: 'K-2026-00017', clientName: CLIENTS[0]!, ...amounts(150_000) }),
    entry({
      caseNumber: 'K-2026-00018',
      clientName: CLIENTS[1]!,
      productKind: 'consumer_loan',
      kind: 'reserve_release',
      lineKind: 'lead_override',
      ...amounts(60_000),
    }),
    entry({
      caseNumber: 'K-2026-00019',
      clientName: CLIENTS[2]!,
      productKind: 'insurance',
      lender: null,
      kind: 'clawback',
      ...amounts(-10_000),
    }),
  ];
}

function statement(
  locale: TLocale,
  vat: TDocumentVat,
  selfBilling: boolean,
  currency = 'EUR',
): TStatementDocument {
  const vatPercent = vat.mode === 'added' ? Number(vat.ratePercent) : 0;
  const list = entries(vatPercent);
  const sum = (pick: (e: TDocumentEntry) => number) => list.reduce((total, e) => total + pick(e), 0);
  return {
    locale,
    number: '2026-00042',
    issuedOn: '2026-04-02',
    periodStart: '2026-03-01',
    periodEnd: '2026-03-31',
    currency,
    selfBilling,
    firm: {
      name: 'Finanzkontor Nord GmbH',
      addressLines: ['Hauptstraße 1', '20095 Hamburg'],
      vatId: 'DE123456789',
      email: 'abrechnung@finanzkontor.test',
    },
    recipient: {
      name: 'Małgorzata Wiśniewska',
      addressLines: ['ul. Długa 5', '00-001 Warszawa'],
      email: 'm.wisniewska@example.test',
      vatId: null,
      taxNumber: '12/345/67890',
    },
    vat,
    entries: list,
    totals: {
      netMinor: sum((e) => e.netMinor),
      vatMinor: sum((e) => e.vatMinor),
      grossMinor: sum((e) => e.grossMinor),
    },
    heldBackMinor: 45_000,
  };
}

const EXEMPT: TDocumentVat = { mode: 'exempt', note: 'Steuerfrei nach § 4 Nr. 8 UStG' };

// What each language must print, written out as Intl prints it (whitespace normalised to spaces).
const CASES = [
  {
    doc: statement('de', { mode: 'added', ratePercent: '19' }, true),
    title: 'Gutschrift 2026-00042',
    period: '01.03.2026 – 31.03.2026',
    issued: '02.04.2026',
    meta: ['Nummer', 'Datum', 'Zeitraum', 'Empfänger'],
    texts: ['Gutschrift im Sinne des § 14 Abs. 2 Satz 2 UStG', 'USt. 19 %'],
    totals: ['2.000,00 €', '380,00 €', '2.380,00 €'],
    clawback: '-100,00 €',
    heldBack: 'Noch einbehaltene Reserve: 450,00 €',
    page: 'Seite 1 von 1',
    headers: ['Vorgang', 'Kunde', 'Produkt', 'Netto (EUR)'],
    kinds: ['Baufinanzierung', 'Auszahlung', 'Freigabe Reserve', 'Stornierung', 'Führungsprovision'],
    total: 'Summe',
  },
  {
    doc: statement('en', EXEMPT, false),
    title: 'Commission statement 2026-00042',
    period: '01/03/2026 – 31/03/2026',
    issued: '02/04/2026',
    meta: ['Number', 'Date', 'Period', 'Recipient'],
    texts: ['Steuerfrei nach § 4 Nr. 8 UStG'],
    totals: ['€2,000.00', '€0.00', '€2,000.00'],
    clawback: '-€100.00',
    heldBack: 'Reserve still held back: €450.00',
    page: 'Page 1 of 1',
    headers: ['Case', 'Client', 'Product', 'Net (EUR)'],
    kinds: ['Mortgage', 'Payout', 'Reserve release', 'Cancellation', 'Override commission'],
    total: 'Total',
  },
  {
    doc: statement('pl', { mode: 'added', ratePercent: '23' }, false, 'PLN'),
    title: 'Rozliczenie prowizji 2026-00042',
    period: '01.03.2026 – 31.03.2026',
    issued: '02.04.2026',
    meta: ['Numer', 'Data wystawienia', 'Okres', 'Odbiorca'],
    texts: ['VAT 23%'],
    totals: ['2000,00 zł', '460,00 zł', '2460,00 zł'],
    clawback: '-100,00 zł',
    heldBack: 'Rezerwa nadal zatrzymana: 450,00 zł',
    page: 'Strona 1 z 1',
    headers: ['Sprawa', 'Klient', 'Produkt', 'Netto (PLN)'],
    kinds: ['Kredyt hipoteczny', 'Wypłata', 'Zwolnienie rezerwy', 'Storno', 'Kredyt konsumencki'],
    total: 'Razem',
  },
  {
    doc: statement('ru', EXEMPT, true),
    title: 'Кредит-нота (самофактурирование) 2026-00042',
    period: '01.03.2026 – 31.03.2026',
    issued: '02.04.2026',
    meta: ['Номер', 'Дата', 'Период', 'Получатель'],
    texts: ['Самофактурирование (Gutschrift)', 'Steuerfrei nach § 4 Nr. 8 UStG'],
    totals: ['2 000,00 €', '0,00 €', '2 000,00 €'],
    clawback: '-100,00 €',
    heldBack: 'Резерв, всё ещё удерживаемый: 450,00 €',
    page: 'Страница 1 из 1',
    headers: ['Дело', 'Клиент', 'Продукт', 'Нетто (EUR)'],
    kinds: ['Ипотека', 'Выплата', 'Высвобождение резерва', 'Сторно', 'Страхование'],
    total: 'Итого',
  },
];

const normalise = (text: string) => text.replace(/\s+/g, ' ').trim();

async function readPdf(bytes: Buffer) {
  const pdf = await getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    useSystemFonts: false,
  }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    pages.push(normalise(content.items.map((item) => ('str' in item ? item.str : '')).join(' ')));
  }
  const { info } = await pdf.getMetadata();
  await pdf.destroy();
  return { pages, text: pages.join(' '), info: info as Record<string, unknown> };
}

// Page objects in the file itself, not what a reader makes of it.
const pageObjects = (bytes: Buffer) =>
  bytes.toString('latin1').match(/\/Type\s*\/Page(?![A-Za-z])/g)?.length ?? 0;

describe('statement PDF', () => {
  // First in the file, so these are the first documents of the process: the fonts are shared by
  // documents, and an "O" met only inside "Ö" by the first once copied out of the second as garbage.
  it('copies out letters that an earlier document met only inside accented ones', async () => {
    await renderStatementPdf(CASES[0]!.doc);
    const { text } = await readPdf(await renderStatementPdf(CASES[1]!.doc));
    expect(text).toContain('Override commission');
  });

  it.each(CASES)('prints a $doc.locale statement with its names, amounts and notes', async (c) => {
    const bytes = await renderStatementPdf(c.doc);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const raw = bytes.toString('latin1');
    expect(raw).toContain('/FontFile2');
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans/);
    expect(raw).not.toMatch(/\/BaseFont \/(Helvetica|Times|Courier)/);
    expect(pageObjects(bytes)).toBe(1);

    const { pages, text, info } = await readPdf(bytes);
    expect(pages).toHaveLength(1);
    for (const expected of [
      c.title,
      'Finanzkontor Nord GmbH',
      'DE123456789',
      'Małgorzata Wiśniewska',
      'ul. Długa 5',
      ...CLIENTS,
      'K-2026-00017',
      'K-2026-00019',
      'Sparkasse Köln',
      ...c.texts,
      ...c.totals,
      ...c.kinds,
      c.clawback,
      c.heldBack,
      c.page,
      // The meta block reads as label, value pairs.
      `${c.meta[0]} 2026-00042 ${c.meta[1]} ${c.issued} ${c.meta[2]} ${c.period}`,
      ...c.headers.slice(0, 3),
    ]) {
      expect(text).toContain(normalise(expected));
    }
    expect(info.Title).toBe(c.title);
    expect(info.Author).toBe('Finanzkontor Nord GmbH');
    expect(info.CreationDate).toBe('D:20260402000000Z');
  });

  it('prints the self-billing sentence only on a self-billing credit note, the VAT note only when exempt', async () => {
    const plain = (await readPdf(await renderStatementPdf(statement('de', EXEMPT, false)))).text;
    expect(plain).toContain('Provisionsabrechnung 2026-00042');
    expect(plain).toContain('Steuerfrei nach § 4 Nr. 8 UStG');
    expect(plain).not.toContain('Gutschrift');
    const added = (
      await readPdf(await renderStatementPdf(statement('de', { mode: 'added', ratePercent: '7.5' }, false)))
    ).text;
    expect(added).toContain('USt. 7,5 %');
    expect(added).not.toContain('Steuerfrei');
  });

  it('prints a dash and no client name where the partner may not see the client', async () => {
    const doc = statement('de', EXEMPT, false);
    doc.entries = doc.entries.map((e) => ({ ...e, clientName: null, lineKind: 'partner' as const }));
    const { text } = await readPdf(await renderStatementPdf(doc));
    for (const name of CLIENTS) expect(text).not.toContain(name);
    expect(text).not.toMatch(/null|undefined/);
    expect(text).toContain('K-2026-00017 — Baufinanzierung Sparkasse Köln Partnerprovision');
  });

  it('breaks 120 entries across pages, repeating the header and numbering every page', async () => {
    const doc = statement('de', { mode: 'added', ratePercent: '19' }, false);
    doc.entries = Array.from({ length: 120 }, (_, i) =>
      entry({
        caseNumber: `K-2026-${String(i + 1).padStart(5, '0')}`,
        netMinor: 1000,
        vatMinor: 190,
        grossMinor: 1190,
      }),
    );
    doc.totals = { netMinor: 120_000, vatMinor: 22_800, grossMinor: 142_800 };
    const bytes = await renderStatementPdf(doc);
    const { pages, text } = await readPdf(bytes);
    expect(pages.length).toBeGreaterThan(2);
    expect(pageObjects(bytes)).toBe(pages.length);
    pages.forEach((page, i) => {
      expect(page).toContain(`Seite ${i + 1} von ${pages.length}`);
      expect(page).toContain('Vorgang Kunde Produkt Bank Position Buchung Netto USt. Brutto');
    });
    // Every entry once, none lost or doubled at a page break.
    for (let i = 1; i <= 120; i++) {
      expect(text.split(`K-2026-${String(i).padStart(5, '0')} `)).toHaveLength(2);
    }
    expect(pages.at(-1)).toContain('Gesamtbetrag 1.428,00 €');
  });

  it('renders the same statement to the same bytes', async () => {
    const doc = CASES[0]!.doc;
    expect((await renderStatementPdf(doc)).equals(await renderStatementPdf(doc))).toBe(true);
  });
});

async function readSheet(bytes: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  const sheet = workbook.worksheets[0]!;
  const rows: unknown[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, n) => {
    rows[n - 1] = Array.from({ length: 9 }, (_, i) => row.getCell(i + 1).value ?? null);
  });
  return { workbook, sheet, rows };
}

describe('statement spreadsheet', () => {
  it.each(CASES)('holds a $doc.locale statement with numeric amounts and its totals', async (c) => {
    const { workbook, sheet, rows } = await readSheet(await renderStatementSheet(c.doc));
    expect(workbook.worksheets).toHaveLength(1);
    expect(sheet.name).toBe('2026-00042');
    const column = (n: number) => rows.map((row) => row?.[n]);
    expect(column(0)).toEqual(expect.arrayContaining(['Finanzkontor Nord GmbH', c.title]));
    const pair = (label: string, value: string) => [label, value, ...Array(7).fill(null)];
    expect(rows).toContainEqual(pair(c.meta[0]!, '2026-00042'));
    expect(rows).toContainEqual(pair(c.meta[1]!, c.issued));
    expect(rows).toContainEqual(pair(c.meta[2]!, c.period));
    expect(rows).toContainEqual(pair(c.meta[3]!, 'Małgorzata Wiśniewska'));
    expect(column(1)).toEqual(expect.arrayContaining(['ul. Długa 5', '00-001 Warszawa']));

    const header = rows.findIndex((row) => row?.[0] === c.headers[0]);
    expect(rows[header]?.slice(0, 3)).toEqual(c.headers.slice(0, 3));
    expect(rows[header]?.[6]).toBe(c.headers[3]);
    const body = rows.slice(header + 1, header + 4);
    expect(body.map((row) => row.slice(0, 2))).toEqual([
      ['K-2026-00017', CLIENTS[0]],
      ['K-2026-00018', CLIENTS[1]],
      ['K-2026-00019', CLIENTS[2]],
    ]);
    expect(body.map((row) => row[6])).toEqual([1500, 600, -100]);
    expect(body.flat()).toEqual(expect.arrayContaining([c.kinds[0], c.kinds[1], c.kinds[2], c.kinds[3]]));

    const total = rows[header + 4]!;
    expect(total[0]).toBe(c.total);
    const [net, vat, gross] = [6, 7, 8].map((i) => total[i]);
    expect(net).toBe(2000);
    // Totals in minor units are exactly the sums of the entries' cells.
    const minor = (value: unknown) => Math.round((value as number) * 100);
    for (const i of [6, 7, 8]) {
      expect(minor(total[i])).toBe(body.reduce((sum, row) => sum + minor(row[i]), 0));
    }
    expect(minor(gross)).toBe(minor(net) + minor(vat));
    expect(sheet.getRow(header + 2).getCell(7).numFmt).toBe('#,##0.00');
  });

  it('leaves the client cell empty where the partner may not see the client', async () => {
    const doc = statement('en', EXEMPT, false);
    doc.entries = doc.entries.map((e) => ({ ...e, clientName: null }));
    const { rows } = await readSheet(await renderStatementSheet(doc));
    const header = rows.findIndex((row) => row?.[0] === 'Case');
    expect(rows.slice(header + 1, header + 4).map((row) => row[1])).toEqual([null, null, null]);
    expect(rows.flat()).not.toEqual(expect.arrayContaining(CLIENTS));
  });
});

describe('money formatting', () => {
  it.each([
    [0, 2, '0.00'],
    [-5, 2, '-0.05'],
    [123_456, 2, '1234.56'],
    [-123_456, 2, '-1234.56'],
    [Number.MAX_SAFE_INTEGER, 2, '90071992547409.91'],
    [1_234, 0, '1234'],
    [1_234, 3, '1.234'],
  ])('%i minor units with %i digits are exactly %s', (minor, digits, expected) => {
    expect(minorToDecimal(minor, digits)).toBe(expected);
  });

  it('takes the minor digits from the currency and refuses fractions of a minor unit', () => {
    expect(normalise(createFormatter('de', 'JPY').money(-1_234_567))).toBe('-1.234.567 ¥');
    expect(normalise(createFormatter('de', 'KWD').money(1_234_567))).toBe('1.234,567 KWD');
    expect(normalise(createFormatter('en', 'EUR').money(Number.MAX_SAFE_INTEGER))).toBe(
      '€90,071,992,547,409.91',
    );
    expect(() => createFormatter('de', 'EUR').money(10.5)).toThrow();
  });
});
