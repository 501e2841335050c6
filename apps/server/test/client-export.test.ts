// GET /clients/export: refused without clients:export, the list's filters and the export scope
// applied, one audit entry per download, an XLSX that a spreadsheet library reads back, and CSV
// for German Excel (BOM, `;`, quotes around ; " and line breaks).
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, signIn, type TTestApp } from './helpers/app';
import { acmeWithOrg } from './helpers/org';

let t: TTestApp;
let admin: Client;
let anna: Client;
let lead: Client;

/** The raw answer: Client.request reads text, which would drop the BOM and break the zip. */
async function download(who: Client, query: string) {
  const res = await t.app.request(`/api/v1/clients/export?${query}`, {
    headers: { cookie: who.cookie, 'accept-language': 'de-DE,de;q=0.9' },
  });
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}

const csvLines = (bytes: Buffer) => bytes.toString('utf8').slice(1).split('\r\n');

beforeAll(async () => {
  ({ t, admin } = await acmeWithOrg());
  anna = await signIn(t, 'acme', 'anna@acme.test');
  lead = await signIn(t, 'acme', 'lead@acme.test');
  await admin.post('/custom-fields', {
    entity: 'client',
    key: 'segment',
    label: 'Segment',
    type: 'choice',
    options: ['A', 'B'],
  });
  await admin.post('/custom-fields', { entity: 'client', key: 'income', label: 'Income', type: 'money' });
  const make = (who: Client, body: Record<string, unknown>) =>
    who.post('/clients?allowDuplicate=true', { kind: 'person', tags: ['exp'], ...body });
  await make(admin, {
    lastName: 'Müller; "Sohn"',
    firstName: 'Jürgen',
    emails: [{ address: 'jm@example.de' }],
    phones: [{ number: '0171 1234567' }],
    addresses: [{ city: 'Hamburg' }],
    notes: 'x',
    custom: { segment: 'A', income: { minor: 123_456, currency: 'EUR' } },
  });
  await make(admin, { lastName: 'Zeile\nzwei', custom: { segment: 'B' } });
  await make(anna, { lastName: 'Annas', custom: { segment: 'A' } });
});
afterAll(() => t.close());

describe('client export', () => {
  it('is refused to an advisor without clients:export', async () => {
    const res = await download(anna, 'format=csv');
    expect(res.status).toBe(403);
  });

  it('writes CSV for German Excel with the filters applied and cells escaped', async () => {
    const res = await download(admin, 'format=csv&tag=exp&sort=displayName');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="kontor-clients-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    expect([...res.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csvLines(res.bytes);
    expect(lines[0]).toBe(
      'Nummer;Name;Typ;Status;Quelle;Betreuer;Einheit;E-Mail;Telefon;Ort;Schlagwörter;Angelegt;Income;Segment',
    );
    const text = res.bytes.toString('utf8');
    expect(text).toContain(';Annas;private;new;;anna;Team Alster;;;;exp;');
    expect(text).toContain(
      ';"Jürgen Müller; ""Sohn""";private;new;;Boss;;jm@example.de;0171 1234567;Hamburg;exp;',
    );
    expect(text).toContain(';1234,56 EUR;A\r\n');
    expect(text).toContain(';"Zeile\nzwei";');
    const filtered = csvLines((await download(admin, 'format=csv&tag=exp&custom.segment=B')).bytes);
    expect(filtered.filter((l) => l !== '')).toHaveLength(2); // the header and "Zeile zwei" (one record)
    expect(filtered[1]).toContain('"Zeile');
  });

  it('respects the export scope of a unit lead', async () => {
    const lines = csvLines((await download(lead, 'format=csv&tag=exp')).bytes).filter((l) => l !== '');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(';Annas;');
  });

  it('writes an XLSX a spreadsheet reads back, with numeric amounts', async () => {
    const res = await download(admin, 'format=xlsx&tag=exp&custom.segment=A&sort=displayName');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/filename="kontor-clients-[\d-]+\.xlsx"/);
    expect(res.bytes.subarray(0, 2).toString()).toBe('PK');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(res.bytes as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0]!;
    const rows: unknown[][] = [];
    sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    expect(rows).toHaveLength(3);
    expect(rows[0]).toEqual(expect.arrayContaining(['Name', 'Segment', 'Income']));
    expect(rows.map((r) => r[1])).toEqual(['Name', 'Annas', 'Jürgen Müller; "Sohn"']);
    expect(rows[2]![12]).toBe(1234.56);
  });

  it('records one audit entry per download with the filters, the format and the count', async () => {
    await download(admin, 'format=xlsx&tag=exp&custom.segment=B');
    const audit = await admin.get('/audit?entity=client_export');
    expect(audit.status).toBe(200);
    expect(audit.body.items[0]).toMatchObject({
      action: 'export',
      after: { format: 'xlsx', filters: { tag: 'exp', 'custom.segment': 'B' }, rows: 1 },
    });
    const before = audit.body.items.length;
    await download(admin, 'format=csv&tag=exp');
    expect((await admin.get('/audit?entity=client_export')).body.items).toHaveLength(before + 1);
  });

  it('refuses an unknown custom field like the list does', async () => {
    expect((await download(admin, 'format=csv&custom.nope=1')).status).toBe(400);
  });
});
