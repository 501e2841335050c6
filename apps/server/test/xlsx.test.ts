// The XLSX writer, read back by exceljs as a spreadsheet application would read the file.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { columnName, sheetName, styled, styledRow, writeXlsx } from '../src/platform/xlsx';

const AT = new Date('2026-04-02T00:00:00Z');

async function read(bytes: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return workbook;
}

describe('xlsx writer', () => {
  it('names columns as spreadsheets do', () => {
    expect([1, 26, 27, 52, 53, 702, 703, 16_384].map(columnName)).toEqual([
      'A',
      'Z',
      'AA',
      'AZ',
      'BA',
      'ZZ',
      'AAA',
      'XFD',
    ]);
  });

  it('keeps sheet names within what Excel accepts', () => {
    expect(sheetName('2026/00042: [draft]?')).toBe('2026-00042- -draft--');
    expect(sheetName('x'.repeat(40))).toHaveLength(31);
    expect(sheetName('', 'Statement')).toBe('Statement');
  });

  it('writes strings, numbers, empty cells and the workbook properties', async () => {
    const bytes = writeXlsx({
      creator: 'Finanzkontor & Nord <GmbH>',
      title: 'Gutschrift 2026-00042',
      created: AT,
      sheets: [
        {
          name: 'Daten',
          columnWidths: [16, 30],
          rows: [
            ['Łukasz Żółć', 'Дмитрий "Дима" <Иванов> & Co'],
            [],
            [null, 1234.56],
            ['  leading and trailing  ', -0.05],
            ['=1+1', 'line one\nline two'],
            ['bell\u0007 removed', 0],
          ],
        },
      ],
    });
    const workbook = await read(bytes);
    expect(workbook.creator).toBe('Finanzkontor & Nord <GmbH>');
    expect(workbook.title).toBe('Gutschrift 2026-00042');
    expect(workbook.created?.toISOString()).toBe(AT.toISOString());
    const sheet = workbook.getWorksheet('Daten')!;
    expect(sheet.getCell('A1').value).toBe('Łukasz Żółć');
    expect(sheet.getCell('B1').value).toBe('Дмитрий "Дима" <Иванов> & Co');
    expect(sheet.getCell('A2').value).toBeNull();
    expect(sheet.getCell('A3').value).toBeNull();
    expect(sheet.getCell('B3').value).toBe(1234.56);
    expect(sheet.getCell('A4').value).toBe('  leading and trailing  ');
    expect(sheet.getCell('B4').value).toBe(-0.05);
    // A string that looks like a formula stays text: the writer never writes formulas.
    expect(sheet.getCell('A5').value).toBe('=1+1');
    expect(sheet.getCell('A5').formula).toBeUndefined();
    expect(sheet.getCell('B5').value).toBe('line one\nline two');
    expect(sheet.getCell('A6').value).toBe('bell removed');
    expect(sheet.getColumn(1).width).toBe(16);
    expect(sheet.getColumn(2).width).toBe(30);
  });

  it('styles cells: bold, size, number format and rules', async () => {
    const bytes = writeXlsx({
      created: AT,
      sheets: [
        {
          name: 'S',
          rows: [
            [styled('Title', { bold: true, size: 14 })],
            styledRow(['Net', 'VAT'], { bold: true, border: 'bottom' }),
            [styled(1500, { numFmt: '#,##0.00' }), styled(285, { numFmt: '#,##0.00' })],
            [
              styled(1785, { numFmt: '#,##0.00', bold: true, border: 'top' }),
              styled(null, { border: 'top' }),
            ],
          ],
          autoFilter: { fromRow: 2, toRow: 3, fromColumn: 1, toColumn: 2 },
        },
      ],
    });
    const sheet = (await read(bytes)).worksheets[0]!;
    expect(sheet.getCell('A1').font).toMatchObject({ bold: true, size: 14 });
    expect(sheet.getCell('A2').font?.bold).toBe(true);
    expect(sheet.getCell('B2').border?.bottom?.style).toBe('thin');
    expect(sheet.getCell('A3').numFmt).toBe('#,##0.00');
    expect(sheet.getCell('A3').font?.bold).toBeFalsy();
    expect(sheet.getCell('A4').font?.bold).toBe(true);
    expect(sheet.getCell('A4').border?.top?.style).toBe('thin');
    expect(sheet.getCell('B4').border?.top?.style).toBe('thin');
    expect(sheet.autoFilter).toBe('A2:B3');
  });

  it('writes several sheets and the same bytes for the same workbook', async () => {
    const book = {
      created: AT,
      sheets: [
        { name: 'One', rows: [['a']] },
        { name: 'Two', rows: [[2]] },
      ],
    };
    const bytes = writeXlsx(book);
    expect(bytes.equals(writeXlsx(book))).toBe(true);
    const workbook = await read(bytes);
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['One', 'Two']);
    expect(workbook.getWorksheet('Two')!.getCell('A1').value).toBe(2);
  });

  it('refuses what a spreadsheet cannot hold', () => {
    expect(() => writeXlsx({ created: AT, sheets: [] })).toThrow(/needs a sheet/);
    expect(() => writeXlsx({ created: AT, sheets: [{ name: 'S', rows: [[Number.NaN]] }] })).toThrow(/A1/);
  });
});
