// A statement as a spreadsheet: one worksheet with a header block, the entries with amounts as
// numeric cells, and a totals row. Labels in the document's locale.
import {
  sheetName,
  styled,
  styledRow,
  type TXlsxCell,
  type TXlsxStyle,
  type TXlsxValue,
  writeXlsx,
} from '../../platform/xlsx';
import type { TDocumentEntry, TStatementDocument } from './statement-document';
import {
  createFormatter,
  documentTexts,
  productKindLabel,
  type TColumnKey,
  type TDocumentTexts,
  type TFormatter,
  utcDate,
} from './statement-labels';

type TSheetColumn = { key: TColumnKey; width: number; value: (e: TDocumentEntry) => TXlsxValue };

export async function renderStatementSheet(doc: TStatementDocument): Promise<Buffer> {
  const f = createFormatter(doc.locale, doc.currency);
  const texts = documentTexts(doc, f);
  const cols = columns(f);
  const rows: TXlsxCell[][] = [];
  writeHeaderBlock(rows, doc, f, texts);
  const autoFilter = writeEntries(rows, doc, f, cols);
  writeFooter(rows, doc, f, texts);
  return writeXlsx({
    creator: doc.firm.name,
    title: texts.title,
    // The issue date rather than now, as in the PDF's metadata.
    created: utcDate(doc.issuedOn),
    sheets: [
      { name: sheetName(doc.number, 'Statement'), columnWidths: cols.map((c) => c.width), rows, autoFilter },
    ],
  });
}

// A money cell holds the exact decimal of its minor units as a number of major units.
function moneyValue(f: TFormatter, minor: number): number {
  return Number(f.decimal(minor));
}

function moneyFormat(f: TFormatter): string {
  return f.minorDigits > 0 ? `#,##0.${'0'.repeat(f.minorDigits)}` : '#,##0';
}

function columns(f: TFormatter): TSheetColumn[] {
  const { labels } = f;
  return [
    { key: 'caseNumber', width: 16, value: (e) => e.caseNumber },
    // A client the recipient may not see stays an empty cell (the PDF prints a dash).
    { key: 'client', width: 26, value: (e) => e.clientName },
    { key: 'product', width: 22, value: (e) => productKindLabel(labels, e.productKind) },
    { key: 'lender', width: 22, value: (e) => e.lender },
    { key: 'line', width: 24, value: (e) => e.label ?? labels.lineKinds[e.lineKind] },
    { key: 'entryKind', width: 20, value: (e) => labels.entryKinds[e.kind] },
    { key: 'net', width: 14, value: (e) => moneyValue(f, e.netMinor) },
    { key: 'vat', width: 14, value: (e) => moneyValue(f, e.vatMinor) },
    { key: 'gross', width: 14, value: (e) => moneyValue(f, e.grossMinor) },
  ];
}

function isMoney(key: TColumnKey): boolean {
  return key === 'net' || key === 'vat' || key === 'gross';
}

function writeHeaderBlock(
  rows: TXlsxCell[][],
  doc: TStatementDocument,
  f: TFormatter,
  texts: TDocumentTexts,
): void {
  rows.push([styled(doc.firm.name, { bold: true, size: 14 })]);
  rows.push([texts.firmDetails.join(' · ')]);
  rows.push([]);
  rows.push([styled(texts.title, { bold: true, size: 13 })]);
  for (const [label, value] of texts.meta) rows.push([label, value]);
  rows.push([]);
  rows.push([f.labels.recipient, styled(doc.recipient.name, { bold: true })]);
  for (const line of texts.recipientDetails) rows.push([null, line]);
  rows.push([]);
}

// The entries under their header, then the totals; returns the range the autofilter covers.
function writeEntries(rows: TXlsxCell[][], doc: TStatementDocument, f: TFormatter, cols: TSheetColumn[]) {
  const header = cols.map((col) =>
    isMoney(col.key) ? `${f.labels.columns[col.key]} (${doc.currency})` : f.labels.columns[col.key],
  );
  rows.push(styledRow(header, { bold: true, border: 'bottom' }));
  const headerRow = rows.length;
  const numFmt = moneyFormat(f);
  const cells = (values: TXlsxValue[], style: TXlsxStyle = {}) =>
    values.map((value, i) => {
      const cellStyle = isMoney(cols[i]!.key) ? { ...style, numFmt } : style;
      return Object.keys(cellStyle).length ? styled(value, cellStyle) : value;
    });
  for (const entry of doc.entries) rows.push(cells(cols.map((col) => col.value(entry))));
  const { totals } = doc;
  const sums: Partial<Record<TColumnKey, number>> = {
    net: moneyValue(f, totals.netMinor),
    vat: moneyValue(f, totals.vatMinor),
    gross: moneyValue(f, totals.grossMinor),
  };
  const total = cols.map((col, i) => (i === 0 ? f.labels.total : (sums[col.key] ?? null)));
  rows.push(cells(total, { bold: true, border: 'top' }));
  // Filters make the entries usable as a table where a spreadsheet opens it.
  return { fromRow: headerRow, toRow: rows.length - 1, fromColumn: 1, toColumn: cols.length };
}

function writeFooter(
  rows: TXlsxCell[][],
  doc: TStatementDocument,
  f: TFormatter,
  texts: TDocumentTexts,
): void {
  const numFmt = moneyFormat(f);
  rows.push([]);
  rows.push([texts.vatLabel, styled(moneyValue(f, doc.totals.vatMinor), { numFmt })]);
  rows.push([f.labels.heldBack, styled(moneyValue(f, doc.heldBackMinor), { numFmt })]);
  for (const note of texts.notes) rows.push([note]);
}
