// A statement as an A4 PDF: letterhead, recipient, the entries in a table that breaks across pages
// with its header repeated, totals, notes and "page X of Y" on every page.
import PDFDocument from 'pdfkit';
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
import { BOLD, drawLine, loadFonts, REGULAR, shareLayouts, type TPdf } from './statement-pdf-text';

type TCtx = { pdf: TPdf; doc: TStatementDocument; f: TFormatter; texts: TDocumentTexts };
type TColumn = {
  key: TColumnKey;
  align: 'left' | 'right';
  wraps: boolean;
  value: (e: TDocumentEntry) => string;
};
type TCell = { text: string; textWidth: number };
type TTable = { header: TCell[]; rows: TCell[][]; widths: number[] };

const MARGIN = 42;
// Room kept free at the foot of every page for the page footer.
const FOOTER_SPACE = 40;
const TABLE_FONT_SIZE = 7.5;
const CELL_PAD = 3;
const GRAY = '#555555';
const RULE = '#bbbbbb';

export async function renderStatementPdf(doc: TStatementDocument): Promise<Buffer> {
  const fonts = await loadFonts();
  const f = createFormatter(doc.locale, doc.currency);
  const texts = documentTexts(doc, f);
  const pdf = new PDFDocument({
    size: 'A4',
    margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: FOOTER_SPACE },
    bufferPages: true,
    // Our font from the start: pdfkit would otherwise parse Helvetica's metrics for every document.
    font: fonts.regular as unknown as string,
    lang: doc.locale,
    displayTitle: true,
    // Fixed to the issue date, so the same statement renders the same bytes (and file id).
    info: { Title: texts.title, Author: doc.firm.name, CreationDate: utcDate(doc.issuedOn) },
  });
  const done = collect(pdf);
  pdf.registerFont(REGULAR, fonts.regular);
  pdf.registerFont(BOLD, fonts.bold);
  shareLayouts(pdf, REGULAR);
  shareLayouts(pdf, BOLD);
  const ctx: TCtx = { pdf, doc, f, texts };
  drawLetterhead(ctx);
  drawAddressAndMeta(ctx);
  drawTitle(ctx);
  drawEntries(ctx, columns(f));
  drawTotals(ctx);
  drawNotes(ctx);
  drawFooters(ctx);
  pdf.end();
  return done;
}

function collect(pdf: TPdf): Promise<Buffer> {
  const chunks: Buffer[] = [];
  return new Promise((resolve, reject) => {
    pdf.on('data', (chunk: Buffer) => chunks.push(chunk));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
}

function contentWidth(pdf: TPdf): number {
  return pdf.page.width - MARGIN * 2;
}

function pageBottom(pdf: TPdf): number {
  return pdf.page.height - FOOTER_SPACE - 8;
}

function style(pdf: TPdf, font: string, size: number, color = 'black'): TPdf {
  return pdf.font(font).fontSize(size).fillColor(color);
}

function rule(pdf: TPdf, from: number, to: number, y: number, width: number, color: string): void {
  pdf.moveTo(from, y).lineTo(to, y).lineWidth(width).strokeColor(color).stroke();
}

function drawLetterhead({ pdf, doc, texts }: TCtx): void {
  style(pdf, BOLD, 13).text(doc.firm.name, MARGIN, MARGIN);
  style(pdf, REGULAR, 8, GRAY).text(texts.firmDetails.join(' · '), { width: contentWidth(pdf) });
  const y = pdf.y + 6;
  rule(pdf, MARGIN, pdf.page.width - MARGIN, y, 0.5, RULE);
  pdf.y = y + 14;
}

function drawAddressAndMeta({ pdf, doc, texts }: TCtx): void {
  const top = pdf.y;
  const left = contentWidth(pdf) * 0.55;
  style(pdf, BOLD, 10).text(doc.recipient.name, MARGIN, top, { width: left });
  style(pdf, REGULAR, 9).text(texts.recipientDetails.join('\n'), { width: left });
  const addressBottom = pdf.y;
  const labelX = MARGIN + left + 20;
  const labelWidth = (contentWidth(pdf) - left - 20) * 0.4;
  const valueWidth = (contentWidth(pdf) - left - 20) * 0.6;
  let y = top;
  for (const [label, value] of texts.meta) {
    style(pdf, REGULAR, 8.5, GRAY).text(label, labelX, y, { width: labelWidth });
    pdf.fillColor('black').text(value, labelX + labelWidth, y, { width: valueWidth, align: 'right' });
    y = pdf.y + 2;
  }
  pdf.y = Math.max(addressBottom, y) + 22;
}

function drawTitle({ pdf, texts }: TCtx): void {
  style(pdf, BOLD, 15).text(texts.title, MARGIN, pdf.y);
  pdf.y += 10;
}

function columns(f: TFormatter): TColumn[] {
  const { labels } = f;
  const text = (key: TColumnKey, value: TColumn['value']): TColumn => ({
    key,
    align: 'left',
    wraps: true,
    value,
  });
  // Amounts never wrap: a column is as wide as its longest amount.
  const money = (key: TColumnKey, value: (e: TDocumentEntry) => number): TColumn => ({
    key,
    align: 'right',
    wraps: false,
    value: (e) => f.money(value(e)),
  });
  return [
    text('caseNumber', (e) => e.caseNumber),
    text('client', (e) => e.clientName ?? '—'),
    text('product', (e) => productKindLabel(labels, e.productKind)),
    text('lender', (e) => e.lender ?? '—'),
    text('line', (e) => e.label ?? labels.lineKinds[e.lineKind]),
    text('entryKind', (e) => labels.entryKinds[e.kind]),
    money('net', (e) => e.netMinor),
    money('vat', (e) => e.vatMinor),
    money('gross', (e) => e.grossMinor),
  ];
}

// Measures every cell once: the widths decide the columns, and a cell that fits on one line (nearly
// all) is then drawn without pdfkit's line wrapper, which costs as much as the drawing itself.
function layoutTable({ pdf, doc, f }: TCtx, cols: TColumn[]): TTable {
  const measure = (text: string): TCell => ({ text, textWidth: pdf.widthOfString(text) });
  pdf.font(BOLD).fontSize(TABLE_FONT_SIZE);
  const header = cols.map((col) => measure(f.labels.columns[col.key]));
  const headerWords = header.map((cell) => longestWord(pdf, cell));
  pdf.font(REGULAR);
  const rows = doc.entries.map((entry) => cols.map((col) => measure(col.value(entry))));
  const pad = CELL_PAD * 2;
  const natural = cols.map(
    (_, i) => rows.reduce((w, row) => Math.max(w, row[i]?.textWidth ?? 0), header[i]!.textWidth) + pad,
  );
  const total = contentWidth(pdf);
  const naturalSum = sum(natural);
  if (naturalSum <= total) return { header, rows, widths: natural.map((w) => (w * total) / naturalSum) };
  // Too wide: every column keeps its longest word (amounts stay whole), the rest shares the space left.
  const minimum = cols.map((col, i) => {
    if (!col.wraps) return natural[i]!;
    return rows.reduce((w, row) => Math.max(w, longestWord(pdf, row[i]!)), headerWords[i]!) + pad;
  });
  const minimumSum = sum(minimum);
  if (minimumSum >= total) return { header, rows, widths: minimum.map((w) => (w * total) / minimumSum) };
  const share = (total - minimumSum) / (naturalSum - minimumSum);
  return { header, rows, widths: minimum.map((w, i) => w + (natural[i]! - w) * share) };
}

function longestWord(pdf: TPdf, cell: TCell): number {
  if (!cell.text.includes(' ')) return cell.textWidth;
  return cell.text.split(' ').reduce((w, word) => Math.max(w, pdf.widthOfString(word)), 0);
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

function rowHeight(pdf: TPdf, table: TTable, cells: TCell[]): number {
  const lineHeight = pdf.currentLineHeight(true);
  let height = 0;
  cells.forEach((cell, i) => {
    const width = table.widths[i]! - CELL_PAD * 2;
    height = Math.max(
      height,
      cell.textWidth <= width ? lineHeight : pdf.heightOfString(cell.text, { width }),
    );
  });
  return height + CELL_PAD * 2;
}

function drawRow(pdf: TPdf, table: TTable, cols: TColumn[], cells: TCell[], y: number): void {
  let x = MARGIN;
  cells.forEach((cell, i) => {
    const width = table.widths[i]! - CELL_PAD * 2;
    const align = cols[i]!.align;
    if (cell.textWidth > width) pdf.text(cell.text, x + CELL_PAD, y + CELL_PAD, { width, align });
    else {
      const left = align === 'right' ? x + CELL_PAD + width - cell.textWidth : x + CELL_PAD;
      drawLine(pdf, cell.text, left, y + CELL_PAD);
    }
    x += table.widths[i]!;
  });
}

function drawHeader(pdf: TPdf, table: TTable, cols: TColumn[], y: number): number {
  style(pdf, BOLD, TABLE_FONT_SIZE);
  const bottom = y + rowHeight(pdf, table, table.header);
  drawRow(pdf, table, cols, table.header, y);
  rule(pdf, MARGIN, pdf.page.width - MARGIN, bottom, 0.8, 'black');
  return bottom;
}

function drawEntries(ctx: TCtx, cols: TColumn[]): void {
  const { pdf, f } = ctx;
  const table = layoutTable(ctx, cols);
  // No header alone at the foot of a page.
  if (pdf.y + 40 > pageBottom(pdf)) pdf.addPage();
  let y = drawHeader(pdf, table, cols, pdf.y);
  if (table.rows.length === 0) {
    style(pdf, REGULAR, 9).text(f.labels.noEntries, MARGIN, y + 6);
    pdf.y += 6;
    return;
  }
  for (const cells of table.rows) {
    style(pdf, REGULAR, TABLE_FONT_SIZE);
    const height = rowHeight(pdf, table, cells);
    // A row never splits: it moves whole to the next page, under a repeated header.
    if (y + height > pageBottom(pdf)) {
      pdf.addPage();
      y = drawHeader(pdf, table, cols, MARGIN);
      style(pdf, REGULAR, TABLE_FONT_SIZE);
    }
    drawRow(pdf, table, cols, cells, y);
    y += height;
    rule(pdf, MARGIN, pdf.page.width - MARGIN, y, 0.3, RULE);
  }
  pdf.x = MARGIN;
  pdf.y = y + 10;
}

function drawTotals({ pdf, doc, f, texts }: TCtx): void {
  const { totals } = doc;
  const rows: [string, string, boolean][] = [
    [f.labels.totalNet, f.money(totals.netMinor), false],
    [texts.vatLabel, f.money(totals.vatMinor), false],
    [f.labels.totalGross, f.money(totals.grossMinor), true],
  ];
  const width = 230;
  const x = pdf.page.width - MARGIN - width;
  if (pdf.y + rows.length * 14 + 6 > pageBottom(pdf)) pdf.addPage();
  let y = pdf.y;
  for (const [label, value, bold] of rows) {
    // The gross line is the sum line.
    if (bold) rule(pdf, x, x + width, y - 2, 0.5, 'black');
    style(pdf, bold ? BOLD : REGULAR, 9.5);
    pdf.text(label, x, y, { width: width * 0.55 });
    pdf.text(value, x + width * 0.55, y, { width: width * 0.45, align: 'right' });
    y += 14;
  }
  pdf.x = MARGIN;
  pdf.y = y + 10;
}

function drawNotes({ pdf, doc, f, texts }: TCtx): void {
  const heldBack = `${f.labels.heldBack}: ${f.money(doc.heldBackMinor)}`;
  style(pdf, REGULAR, 8.5);
  for (const note of [heldBack, ...texts.notes]) {
    // A note moves whole to the next page rather than splitting.
    const height = pdf.heightOfString(note, { width: contentWidth(pdf) });
    if (pdf.y + height > pageBottom(pdf)) pdf.addPage();
    pdf.text(note, MARGIN, pdf.y, { width: contentWidth(pdf) });
    pdf.y += 4;
  }
}

function drawFooters({ pdf, doc, f, texts }: TCtx): void {
  const range = pdf.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    pdf.switchToPage(i);
    // Writing below the bottom margin would otherwise open a new page.
    const bottomMargin = pdf.page.margins.bottom;
    pdf.page.margins.bottom = 0;
    const y = pdf.page.height - FOOTER_SPACE + 12;
    const page = f.labels.page(i + 1, range.count);
    const pageWidth = style(pdf, REGULAR, 7.5, GRAY).widthOfString(page);
    pdf.text(page, pdf.page.width - MARGIN - pageWidth, y, { lineBreak: false });
    // One line, shortened with an ellipsis rather than running into the page number.
    const width = contentWidth(pdf) - pageWidth - 16;
    const height = pdf.currentLineHeight(true);
    pdf.text(`${doc.firm.name} · ${texts.title}`, MARGIN, y, { width, height, ellipsis: true });
    pdf.page.margins.bottom = bottomMargin;
  }
}
