// A statement as a spreadsheet: one worksheet with a header block, the entries with amounts as
// numeric cells, and a totals row. Labels in the document's locale.
import ExcelJS from 'exceljs';
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

type TSheetColumn = { key: TColumnKey; width: number; value: (e: TDocumentEntry) => string | number | null };

export async function renderStatementSheet(doc: TStatementDocument): Promise<Buffer> {
  const f = createFormatter(doc.locale, doc.currency);
  const texts = documentTexts(doc, f);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = doc.firm.name;
  workbook.title = texts.title;
  // The issue date rather than now, as in the PDF's metadata.
  workbook.created = utcDate(doc.issuedOn);
  workbook.modified = workbook.created;
  const sheet = workbook.addWorksheet(sheetName(doc.number));
  const cols = columns(f);
  sheet.columns = cols.map((col) => ({ width: col.width }));
  writeHeaderBlock(sheet, doc, f, texts);
  writeEntries(sheet, doc, f, cols);
  writeFooter(sheet, doc, f, texts);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

// Excel refuses sheet names with \ / ? * [ ] : and longer than 31 characters.
function sheetName(number: string): string {
  return number.replace(/[\\/?*[\]:]/g, '-').slice(0, 31) || 'Statement';
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
  sheet: ExcelJS.Worksheet,
  doc: TStatementDocument,
  f: TFormatter,
  texts: TDocumentTexts,
): void {
  sheet.addRow([doc.firm.name]).font = { bold: true, size: 14 };
  sheet.addRow([texts.firmDetails.join(' · ')]);
  sheet.addRow([]);
  sheet.addRow([texts.title]).font = { bold: true, size: 13 };
  for (const [label, value] of texts.meta) sheet.addRow([label, value]);
  sheet.addRow([]);
  sheet.addRow([f.labels.recipient, doc.recipient.name]).getCell(2).font = { bold: true };
  for (const line of texts.recipientDetails) sheet.addRow([null, line]);
  sheet.addRow([]);
}

function writeEntries(
  sheet: ExcelJS.Worksheet,
  doc: TStatementDocument,
  f: TFormatter,
  cols: TSheetColumn[],
): void {
  const header = sheet.addRow(
    cols.map((col) =>
      isMoney(col.key) ? `${f.labels.columns[col.key]} (${doc.currency})` : f.labels.columns[col.key],
    ),
  );
  header.font = { bold: true };
  header.border = { bottom: { style: 'thin' } };
  const format = moneyFormat(f);
  const formatMoney = (row: ExcelJS.Row) => {
    cols.forEach((col, i) => {
      if (isMoney(col.key)) row.getCell(i + 1).numFmt = format;
    });
  };
  for (const entry of doc.entries) formatMoney(sheet.addRow(cols.map((col) => col.value(entry))));
  const { totals } = doc;
  const sums: Partial<Record<TColumnKey, number>> = {
    net: moneyValue(f, totals.netMinor),
    vat: moneyValue(f, totals.vatMinor),
    gross: moneyValue(f, totals.grossMinor),
  };
  const total = sheet.addRow(cols.map((col, i) => (i === 0 ? f.labels.total : (sums[col.key] ?? null))));
  formatMoney(total);
  total.font = { bold: true };
  total.border = { top: { style: 'thin' } };
  // Filters make the entries usable as a table where a spreadsheet opens it.
  sheet.autoFilter = {
    from: { row: header.number, column: 1 },
    to: { row: total.number - 1, column: cols.length },
  };
}

function writeFooter(
  sheet: ExcelJS.Worksheet,
  doc: TStatementDocument,
  f: TFormatter,
  texts: TDocumentTexts,
): void {
  sheet.addRow([]);
  sheet.addRow([texts.vatLabel, moneyValue(f, doc.totals.vatMinor)]).getCell(2).numFmt = moneyFormat(f);
  sheet.addRow([f.labels.heldBack, moneyValue(f, doc.heldBackMinor)]).getCell(2).numFmt = moneyFormat(f);
  for (const note of texts.notes) sheet.addRow([note]);
}
