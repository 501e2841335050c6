// A small XLSX (Office Open XML) writer: one workbook of plain sheets with strings, numbers, a few
// cell styles (bold, font size, number format, a top or bottom rule), column widths and an
// autofilter. Written by hand because exceljs spent most of a statement's render in its
// JavaScript deflate and XML builder (ADR 0008); this uses Node's zlib and writes the XML directly.
// Same input, same bytes: the zip's file times come from the workbook's date.
import zlib from 'node:zlib';

export type TXlsxStyle = {
  bold?: boolean;
  /** Font size in points; 11 (Calibri) when absent. */
  size?: number;
  /** An Excel number format such as `#,##0.00`. */
  numFmt?: string;
  border?: 'top' | 'bottom';
};
export type TXlsxValue = string | number | null;
export type TXlsxCell = TXlsxValue | { value: TXlsxValue; style: TXlsxStyle };
export type TXlsxSheet = {
  name: string;
  /** Widths in characters, by column from A. */
  columnWidths?: number[];
  rows: TXlsxCell[][];
  /** 1-based rows and columns, inclusive. */
  autoFilter?: { fromRow: number; toRow: number; fromColumn: number; toColumn: number };
};
export type TXlsxWorkbook = { sheets: TXlsxSheet[]; creator?: string; title?: string; created: Date };

export function styled(value: TXlsxValue, style: TXlsxStyle): TXlsxCell {
  return { value, style };
}

/** The same style on every cell of a row (as a spreadsheet's row format). */
export function styledRow(values: TXlsxValue[], style: TXlsxStyle): TXlsxCell[] {
  return values.map((value) => ({ value, style }));
}

export function writeXlsx(book: TXlsxWorkbook): Buffer {
  if (book.sheets.length === 0) throw new Error('a workbook needs a sheet');
  const styles = new StyleTable();
  const sheets = book.sheets.map((sheet) => sheetXml(sheet, styles));
  const files: [string, string][] = [
    ['[Content_Types].xml', contentTypes(book.sheets.length)],
    ['_rels/.rels', ROOT_RELS],
    ['docProps/core.xml', coreProperties(book)],
    ['docProps/app.xml', APP_PROPERTIES],
    ['xl/workbook.xml', workbookXml(book.sheets)],
    ['xl/_rels/workbook.xml.rels', workbookRels(book.sheets.length)],
    ['xl/styles.xml', styles.xml()],
    ...sheets.map((xml, i): [string, string] => [`xl/worksheets/sheet${i + 1}.xml`, xml]),
  ];
  return zip(files, book.created);
}

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const ROOT_RELS = `${XML_HEAD}<Relationships xmlns="${NS_PKG_REL}"><Relationship Id="rId1" Type="${NS_REL}/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="${NS_REL}/extended-properties" Target="docProps/app.xml"/></Relationships>`;
const APP_PROPERTIES = `${XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Kontor</Application></Properties>`;

// Characters XML 1.0 cannot carry at all; a spreadsheet cell would be unreadable with them.
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are exactly the ones removed
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

function escapeXml(text: string): string {
  return text
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** A1-style column letters for a 1-based column. */
export function columnName(column: number): string {
  let name = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

function sheetXml(sheet: TXlsxSheet, styles: StyleTable): string {
  const parts: string[] = [`${XML_HEAD}<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">`];
  const widths = sheet.columnWidths ?? [];
  if (widths.length > 0) {
    parts.push('<cols>');
    widths.forEach((width, i) => {
      parts.push(`<col min="${i + 1}" max="${i + 1}" width="${width}" customWidth="1"/>`);
    });
    parts.push('</cols>');
  }
  parts.push('<sheetData>');
  sheet.rows.forEach((row, r) => {
    parts.push(`<row r="${r + 1}">`);
    row.forEach((cell, c) => {
      const xml = cellXml(cell, `${columnName(c + 1)}${r + 1}`, styles);
      if (xml) parts.push(xml);
    });
    parts.push('</row>');
  });
  parts.push('</sheetData>');
  if (sheet.autoFilter) parts.push(`<autoFilter ref="${filterRange(sheet.autoFilter)}"/>`);
  parts.push('</worksheet>');
  return parts.join('');
}

function filterRange(f: NonNullable<TXlsxSheet['autoFilter']>): string {
  return `${columnName(f.fromColumn)}${f.fromRow}:${columnName(f.toColumn)}${f.toRow}`;
}

function cellXml(cell: TXlsxCell, ref: string, styles: StyleTable): string {
  const { value, style } =
    cell !== null && typeof cell === 'object' ? cell : { value: cell, style: undefined };
  const s = style ? ` s="${styles.index(style)}"` : '';
  if (value === null || value === '') return style ? `<c r="${ref}"${s}/>` : '';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`cell ${ref} holds ${value}, not a number Excel can store`);
    return `<c r="${ref}"${s}><v>${value}</v></c>`;
  }
  const space = /^\s|\s$|\n/.test(value) ? ' xml:space="preserve"' : '';
  return `<c r="${ref}"${s} t="inlineStr"><is><t${space}>${escapeXml(value)}</t></is></c>`;
}

// Fonts, number formats and borders each get a table; a cell's style is one row of cellXfs naming
// an entry of each. Index 0 of every table is the default.
class StyleTable {
  private readonly fonts = ['<font><sz val="11"/><name val="Calibri"/><family val="2"/></font>'];
  private readonly formats: string[] = [];
  private readonly borders = ['<border><left/><right/><top/><bottom/><diagonal/></border>'];
  private readonly xfs = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'];
  private readonly byKey = new Map<string, number>();

  index(style: TXlsxStyle): number {
    const key = `${style.bold ? 1 : 0}|${style.size ?? ''}|${style.numFmt ?? ''}|${style.border ?? ''}`;
    let index = this.byKey.get(key);
    if (index === undefined) {
      index = this.xfs.length;
      this.xfs.push(this.xf(style));
      this.byKey.set(key, index);
    }
    return index;
  }

  private xf(style: TXlsxStyle): string {
    const font = intern(
      this.fonts,
      `<font>${style.bold ? '<b/>' : ''}<sz val="${style.size ?? 11}"/><name val="Calibri"/><family val="2"/></font>`,
    );
    // Custom number formats are numbered from 164; below are Excel's built-in ones.
    const numFmt = style.numFmt ? 164 + intern(this.formats, style.numFmt) : 0;
    const border = style.border ? intern(this.borders, borderXml(style.border)) : 0;
    return `<xf numFmtId="${numFmt}" fontId="${font}" fillId="0" borderId="${border}" xfId="0"${font ? ' applyFont="1"' : ''}${numFmt ? ' applyNumberFormat="1"' : ''}${border ? ' applyBorder="1"' : ''}/>`;
  }

  xml(): string {
    const formats = this.formats.map(
      (f, i) => `<numFmt numFmtId="${164 + i}" formatCode="${escapeXml(f)}"/>`,
    );
    return [
      `${XML_HEAD}<styleSheet xmlns="${NS_MAIN}">`,
      formats.length ? `<numFmts count="${formats.length}">${formats.join('')}</numFmts>` : '',
      `<fonts count="${this.fonts.length}">${this.fonts.join('')}</fonts>`,
      '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>',
      `<borders count="${this.borders.length}">${this.borders.join('')}</borders>`,
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>',
      `<cellXfs count="${this.xfs.length}">${this.xfs.join('')}</cellXfs>`,
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>',
      '</styleSheet>',
    ].join('');
  }
}

function intern(table: string[], entry: string): number {
  const found = table.indexOf(entry);
  if (found >= 0) return found;
  table.push(entry);
  return table.length - 1;
}

function borderXml(side: 'top' | 'bottom'): string {
  const line = '<color auto="1"/>';
  const top = side === 'top' ? `<top style="thin">${line}</top>` : '<top/>';
  const bottom = side === 'bottom' ? `<bottom style="thin">${line}</bottom>` : '<bottom/>';
  return `<border><left/><right/>${top}${bottom}<diagonal/></border>`;
}

function contentTypes(sheets: number): string {
  const sheetTypes = Array.from(
    { length: sheets },
    (_, i) =>
      `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
  );
  return `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>${sheetTypes.join('')}<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>`;
}

function coreProperties(book: TXlsxWorkbook): string {
  const at = book.created.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const optional = (tag: string, value: string | undefined) =>
    value ? `<${tag}>${escapeXml(value)}</${tag}>` : '';
  return `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">${optional('dc:title', book.title)}${optional('dc:creator', book.creator)}<dcterms:created xsi:type="dcterms:W3CDTF">${at}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${at}</dcterms:modified></cp:coreProperties>`;
}

// Excel refuses sheet names with \ / ? * [ ] : and longer than 31 characters.
export function sheetName(name: string, fallback = 'Sheet'): string {
  return name.replace(/[\\/?*[\]:]/g, '-').slice(0, 31) || fallback;
}

function workbookXml(sheets: TXlsxSheet[]): string {
  const entries = sheets.map(
    (sheet, i) => `<sheet name="${escapeXml(sheetName(sheet.name))}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`,
  );
  // Excel keeps an autofilter's range as a hidden name of its sheet.
  const filters = sheets.flatMap((sheet, i) => {
    if (!sheet.autoFilter) return [];
    const [from, to] = filterRange(sheet.autoFilter).split(':') as [string, string];
    const absolute = (ref: string) => ref.replace(/^([A-Z]+)(\d+)$/, '$$$1$$$2');
    const quoted = `'${escapeXml(sheetName(sheet.name).replace(/'/g, "''"))}'`;
    return [
      `<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">${quoted}!${absolute(from)}:${absolute(to)}</definedName>`,
    ];
  });
  const names = filters.length ? `<definedNames>${filters.join('')}</definedNames>` : '';
  return `${XML_HEAD}<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}"><sheets>${entries.join('')}</sheets>${names}</workbook>`;
}

function workbookRels(sheets: number): string {
  const rels = Array.from(
    { length: sheets },
    (_, i) =>
      `<Relationship Id="rId${i + 1}" Type="${NS_REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
  );
  rels.push(`<Relationship Id="rId${sheets + 1}" Type="${NS_REL}/styles" Target="styles.xml"/>`);
  return `${XML_HEAD}<Relationships xmlns="${NS_PKG_REL}">${rels.join('')}</Relationships>`;
}

// A zip archive (PKWARE APPNOTE 4.3): each file deflated, then the central directory. The file
// names are ASCII, the sizes far below 4 GiB, so no Zip64.
function zip(files: [string, string][], at: Date): Buffer {
  const { time, date } = dosDateTime(at);
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const [name, text] of files) {
    const data = Buffer.from(text, 'utf8');
    const packed = zlib.deflateRawSync(data);
    const nameBytes = Buffer.from(name, 'ascii');
    const crc = zlib.crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed: 2.0 (deflate)
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    local.writeUInt16LE(0, 28);
    locals.push(local, nameBytes, packed);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4); // made by: 2.0
    local.copy(entry, 6, 4, 30); // version needed … name length, as in the local header
    entry.writeUInt16LE(0, 30); // extra
    entry.writeUInt16LE(0, 32); // comment
    entry.writeUInt16LE(0, 34); // disk
    entry.writeUInt16LE(0, 36); // internal attributes
    entry.writeUInt32LE(0, 38); // external attributes
    entry.writeUInt32LE(offset, 42);
    central.push(entry, nameBytes);
    offset += local.length + nameBytes.length + packed.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(files.length, 8);
  end.writeUInt16LE(files.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

// MS-DOS time and date (local time in the format, here the UTC fields of the workbook's date).
function dosDateTime(at: Date): { time: number; date: number } {
  const year = Math.min(Math.max(at.getUTCFullYear(), 1980), 2107);
  return {
    time: (at.getUTCHours() << 11) | (at.getUTCMinutes() << 5) | Math.floor(at.getUTCSeconds() / 2),
    date: ((year - 1980) << 9) | ((at.getUTCMonth() + 1) << 5) | at.getUTCDate(),
  };
}
