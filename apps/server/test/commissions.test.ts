// The worked example of issue 4 through the API: rates, a won case, proposed and confirmed lines,
// lender payments, statement runs (April, May, the reserve's release), the cancellation variant,
// final statements the database refuses to change, mail with both documents, exports, scopes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, signIn, type TTestApp } from './helpers/app';
import { commissionFirm, eur, ok, type TCommissionFirm, TERMS, type TRun } from './helpers/commissions';

let f: TCommissionFirm;
let t: TTestApp;
let admin: Client;
let ids: TCommissionFirm['ids'];
let smtp: TCommissionFirm['smtp'];

beforeAll(async () => {
  f = await commissionFirm();
  ({ t, admin, ids, smtp } = f);
});
afterAll(() => f.close());

const wonCase = (closedAt: string) => f.wonCase(closedAt);
const proposeAndConfirm = (caseId: string) => f.proposeAndConfirm(caseId);
const run = (periodStart: string, periodEnd: string) => f.run(periodStart, periodEnd);
const netOf = (r: TRun, who: keyof TCommissionFirm['ids']) => f.netOf(r, who);

describe('the worked example of issue 4, through the API', () => {
  let caseId: string;

  it('proposes the lines from the rates valid on the date of win, to the cent', async () => {
    caseId = await wonCase('2026-03-10T10:00:00Z');
    const p = await proposeAndConfirm(caseId);
    const byKind = Object.fromEntries(p.lines.map((l) => [l.kind, l]));
    expect(byKind.income?.amount.minor).toBe(300_000);
    expect(byKind.partner?.amount.minor).toBe(30_000);
    expect(byKind.extra?.amount.minor).toBe(20_000);
    expect(byKind.advisor?.amount.minor).toBe(200_000);
    expect(byKind.advisor?.reserve.minor).toBe(20_000);
    expect(p.firmKeeps.minor).toBe(50_000);
    const shown = (await admin.get(`/cases/${caseId}/commission`)).body;
    expect(shown.lines.every((l: { status: string }) => l.status === 'confirmed')).toBe(true);
  });

  it('pays "when paid" lines in proportion to the lender’s payments, numbered without gaps', async () => {
    await ok(
      await admin.post(`/cases/${caseId}/commission/payments`, {
        paidOn: '2026-04-02',
        amount: eur(150_000),
      }),
    );
    const april = await run('2026-04-01', '2026-04-30');
    expect(netOf(april, 'anna')).toBe(90_000);
    expect(netOf(april, 'tom')).toBe(15_000);
    expect(netOf(april, 'ben')).toBe(20_000); // a fixed sum, paid when earned
    expect(april.statements.map((s) => s.number).sort()).toEqual(['2026-00001', '2026-00002', '2026-00003']);

    const again = await run('2026-04-01', '2026-04-30');
    expect(again.created).toBe(0);
    expect(again.existing).toBe(3);

    await ok(
      await admin.post(`/cases/${caseId}/commission/payments`, {
        paidOn: '2026-05-05',
        amount: eur(150_000),
      }),
    );
    const may = await run('2026-05-01', '2026-05-31');
    expect(netOf(may, 'anna')).toBe(90_000);
    expect(netOf(may, 'tom')).toBe(15_000);
    expect(netOf(may, 'ben')).toBeUndefined();
    expect(may.statements.map((s) => s.number).sort()).toEqual(['2026-00004', '2026-00005']);
  });

  it('claws back pro rata when the case is cancelled within the liability period', async () => {
    const other = await wonCase('2026-03-10T10:00:00Z');
    await proposeAndConfirm(other);
    await ok(
      await admin.post(`/cases/${other}/commission/payments`, { paidOn: '2026-04-02', amount: eur(150_000) }),
    );
    await ok(
      await admin.post(`/cases/${other}/commission/payments`, { paidOn: '2026-05-05', amount: eur(150_000) }),
    );
    const paid = await run('2026-06-01', '2026-06-30');
    expect(netOf(paid, 'anna')).toBe(180_000);
    await ok(
      await admin.post(`/cases/${other}/commission/cancellation`, {
        cancelledOn: '2026-09-10',
        reason: 'Kunde hat widerrufen',
      }),
      200,
    );
    const september = await run('2026-09-01', '2026-09-30');
    expect(netOf(september, 'anna')).toBe(-80_000); // −1,000.00 clawed back, +200.00 reserve released
    expect(netOf(september, 'tom')).toBe(-15_000);
    const statement = (
      await admin.get(
        `/commissions/statements/${september.statements.find((s) => s.recipientId === ids.anna)?.id}`,
      )
    ).body;
    expect(
      statement.entries.map((e: { kind: string; netMinor: number }) => [e.kind, e.netMinor]).sort(),
    ).toEqual([
      ['clawback', -100_000],
      ['reserve_release', 20_000],
    ]);
  });
  it('releases the reserve on the first statement after the liability period', async () => {
    const before = await run('2027-03-01', '2027-03-09');
    expect(netOf(before, 'anna')).toBeUndefined();
    const after = await run('2027-03-10', '2027-03-31');
    expect(netOf(after, 'anna')).toBe(20_000);
    const balance = (await admin.get(`/commissions/balances?recipientId=${ids.anna}&asOf=2027-03-31`)).body
      .items[0];
    // Both cases: 2 × 2,000.00 earned; the cancelled one clawed back 1,000.00; all of it settled.
    expect(balance).toMatchObject({
      earned: eur(400_000),
      clawedBack: eur(100_000),
      paid: eur(300_000),
      payable: eur(0),
      heldBack: eur(0),
    });
  });
});

describe('final statements', () => {
  it('the database refuses any change to a final statement or its entries', async () => {
    const s = await t.database.db
      .selectFrom('statements')
      .select(['id', 'tenant_id'])
      .executeTakeFirstOrThrow();
    await expect(
      t.database.db.updateTable('statements').set({ net_minor: 1 }).where('id', '=', s.id).execute(),
    ).rejects.toThrow(/final/);
    await expect(
      t.database.db.deleteFrom('statement_entries').where('statement_id', '=', s.id).execute(),
    ).rejects.toThrow(/never changed/);
    await expect(t.database.db.deleteFrom('statements').where('id', '=', s.id).execute()).rejects.toThrow(
      /final/,
    );
  });

  it('mails each recipient their statement with the PDF and the spreadsheet attached', async () => {
    await t.runner.drain();
    const mail = await smtp.waitFor((m) => m.to.includes('tom@tips.test'));
    expect(mail.subject).toMatch(/Rozliczenie prowizji 2026-0000\d/);
    expect(mail.raw).toMatch(/filename="?2026-\d{5}\.pdf/);
    expect(mail.raw).toMatch(/filename="?2026-\d{5}\.xlsx/);
    const listed = (await admin.get('/commissions/statements')).body.items;
    expect(listed.every((s: { delivery: { status: string } }) => s.delivery.status === 'sent')).toBe(true);
  });

  it('downloads the PDF and the spreadsheet, and records the download', async () => {
    const [first] = (await admin.get('/commissions/statements')).body.items;
    const pdf = await t.app.request(`/api/v1/commissions/statements/${first.id}/pdf`, {
      headers: { cookie: admin.cookie },
    });
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
    const xlsx = await t.app.request(`/api/v1/commissions/statements/${first.id}/xlsx`, {
      headers: { cookie: admin.cookie },
    });
    expect(
      Buffer.from(await xlsx.arrayBuffer())
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');
    const audit = (await admin.get(`/audit?entity=statement&id=${first.id}`)).body.items;
    expect(audit.map((e: { action: string }) => e.action)).toContain('download');
  });
});

describe('the list of statements', () => {
  it('pages by number, newest first, without gaps or repeats', async () => {
    const all = (await admin.get('/commissions/statements?limit=200')).body.items.map(
      (s: { number: string }) => s.number,
    );
    expect(all.length).toBeGreaterThan(4);
    expect([...all].sort().reverse()).toEqual(all);
    const paged: string[] = [];
    let cursor = '';
    do {
      const res = (await admin.get(`/commissions/statements?limit=3${cursor ? `&cursor=${cursor}` : ''}`))
        .body;
      paged.push(...res.items.map((s: { number: string }) => s.number));
      cursor = res.nextCursor ?? '';
    } while (cursor);
    expect(paged).toEqual(all);
  });
});

describe('accounting export', () => {
  it('writes the period as a DATEV Buchungsstapel in Windows-1252 and as a plain CSV', async () => {
    const datev = await t.app.request(
      '/api/v1/commissions/exports?from=2026-04-01&to=2026-05-31&format=datev',
      { headers: { cookie: admin.cookie } },
    );
    expect(datev.status, await datev.clone().text()).toBe(200);
    const text = Buffer.from(await datev.arrayBuffer()).toString('latin1');
    const rows = text.split('\r\n').filter(Boolean);
    expect(rows[0]).toMatch(/^"EXTF";700;21;"Buchungsstapel"/);
    // April and May: 3 + 2 statements, each one booking, in statement order.
    expect(rows.slice(2).every((r) => r.split(';')[1] === '"S"')).toBe(true);
    expect(
      rows
        .slice(2)
        .map((r) => r.split(';')[0])
        .sort(),
    ).toEqual(['150,00', '150,00', '200,00', '900,00', '900,00']);
    const csv = await (
      await t.app.request('/api/v1/commissions/exports?from=2026-09-01&to=2026-09-30&format=csv', {
        headers: { cookie: admin.cookie },
      })
    ).text();
    expect(csv).toMatch(/clawback/);
    expect(csv).toMatch(/-1000\.00/);
    const anna = await signIn(t, 'acme', 'anna@acme.test');
    expect((await anna.get('/commissions/exports?from=2026-04-01&to=2026-05-31')).status).toBe(403);
  });
});

describe('scopes', () => {
  it('an advisor sees only their own statements, balance and lines; partners are the firm’s', async () => {
    const anna = await signIn(t, 'acme', 'anna@acme.test');
    const statements = (await anna.get('/commissions/statements')).body.items;
    expect(statements.length).toBeGreaterThan(0);
    expect(statements.every((s: { recipientId: string }) => s.recipientId === ids.anna)).toBe(true);
    const balances = (await anna.get('/commissions/balances')).body.items;
    expect(balances.map((b: { recipientId: string }) => b.recipientId)).toEqual([ids.anna]);
    const tomStatement = (await admin.get(`/commissions/statements?recipientId=${ids.tom}`)).body.items[0];
    expect((await anna.get(`/commissions/statements/${tomStatement.id}`)).status).toBe(404);
    expect((await anna.get(`/commissions/statements/${tomStatement.id}/pdf`)).status).toBe(404);
    const [kase] = (await anna.get('/cases')).body.items;
    const lines = (await anna.get(`/cases/${kase.id}/commission`)).body.lines;
    expect(lines.map((l: { recipientId: string }) => l.recipientId)).toEqual([ids.anna]);
    expect(
      (await anna.post('/commissions/statement-runs', { periodStart: '2026-01-01', periodEnd: '2026-01-31' }))
        .status,
    ).toBe(403);
    const clara = await signIn(t, 'acme', 'clara@acme.test');
    expect((await clara.get(`/cases/${kase.id}/commission`)).status).toBe(404);
    expect((await clara.get('/commissions/balances')).body.items).toEqual([]);
  });

  it('refuses bad input naming the field, and writes nothing', async () => {
    const before = await t.database.db
      .selectFrom('income_rates')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    const res = await admin.post('/commissions/income-rates', {
      currency: 'EUR',
      tiers: [{ fromAmountMinor: 0, percent: '1.5.0' }],
      terms: TERMS,
      validFrom: '2026-01-01',
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/problem\+json/);
    expect(JSON.stringify(res.body.errors)).toMatch(/tiers/);
    const after = await t.database.db
      .selectFrom('income_rates')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toEqual(before.n);
  });
});
