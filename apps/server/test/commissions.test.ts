// The worked example of issue 4 through the API: rates, a won case, proposed and confirmed lines,
// lender payments, statement runs (April, May, the reserve's release), the cancellation variant,
// final statements the database refuses to change, mail with both documents, and scopes.
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailStatement } from '../src/features/commissions/statements';
import { type Client, signIn, type TTestApp } from './helpers/app';
import { newClient } from './helpers/clients';
import { acmeWithOrg } from './helpers/org';
import { startSmtpServer, type TSmtp } from './helpers/smtp';

let t: TTestApp;
let admin: Client;
let tenantId: string;
let org: Awaited<ReturnType<typeof acmeWithOrg>>['org'];
let smtp: TSmtp;
const ids: Record<string, string> = {};

const TERMS = { payoutMode: 'when_paid', liabilityMonths: 12, clawbackMode: 'pro_rata', reservePercent: '0' };
const eur = (minor: number) => ({ minor, currency: 'EUR' });

async function ok(res: { status: number; body: unknown }, status = 201) {
  if (res.status !== status) throw new Error(`${res.status} ${JSON.stringify(res.body)}`);
  return res.body as Record<string, unknown> & { id: string };
}

// A case of anna's, won on the given day (the stage move itself is tested with the cases).
async function wonCase(closedAt: string) {
  const clientId = await newClient(admin, 'Müller', { firstName: 'Jürgen' });
  const kase = await ok(
    await admin.post('/cases', {
      clientId,
      productKind: 'mortgage',
      amount: eur(30_000_000),
      lender: 'Musterbank AG',
      ownerId: org.users.anna,
    }),
  );
  const won = await t.database.db
    .selectFrom('pipeline_stages')
    .select('key')
    .where('tenant_id', '=', tenantId)
    .where('kind', '=', 'won')
    .where(
      'pipeline_id',
      '=',
      (
        await t.database.db
          .selectFrom('cases')
          .select('pipeline_id')
          .where('id', '=', kase.id)
          .executeTakeFirstOrThrow()
      ).pipeline_id,
    )
    .executeTakeFirstOrThrow();
  await t.database.db
    .updateTable('cases')
    .set({ stage_key: won.key, closed_at: new Date(closedAt) })
    .where('id', '=', kase.id)
    .execute();
  return kase.id;
}

beforeAll(async () => {
  smtp = await startSmtpServer();
  ({ t, admin, tenantId, org } = await acmeWithOrg({ smtpUrl: smtp.url }));
  await ok(
    await admin.put('/commissions/settings', {
      firm: {
        addressLines: ['Hafenstraße 1', '20457 Hamburg'],
        vatId: 'DE123456789',
        email: 'provision@acme.test',
      },
    }),
    200,
  );
  const advisors = await ok(await admin.post('/commissions/rate-groups', { name: 'Berater' }));
  ids.anna = (
    await ok(
      await admin.post('/commissions/recipients', {
        kind: 'user',
        userId: org.users.anna,
        name: 'Anna Advisor',
        email: 'anna@acme.test',
        rateGroupId: advisors.id,
        vat: { mode: 'exempt', note: '§ 4 Nr. 8 UStG' },
      }),
    )
  ).id;
  ids.ben = (
    await ok(
      await admin.post('/commissions/recipients', {
        kind: 'user',
        userId: org.users.ben,
        name: 'Ben Helper',
        email: 'ben@acme.test',
      }),
    )
  ).id;
  ids.tom = (
    await ok(
      await admin.post('/commissions/recipients', {
        kind: 'tipster',
        name: 'Tomasz Łęcki',
        email: 'tom@tips.test',
        locale: 'pl',
      }),
    )
  ).id;
  await ok(
    await admin.post('/commissions/income-rates', {
      currency: 'EUR',
      productKind: 'mortgage',
      tiers: [{ fromAmountMinor: 0, percent: '1.00' }],
      terms: { ...TERMS, payoutMode: 'when_earned' },
      validFrom: '2026-01-01',
    }),
  );
  await ok(
    await admin.post('/commissions/group-rates', {
      kind: 'advisor',
      rateGroupId: advisors.id,
      productKind: 'mortgage',
      percent: '80',
      terms: { ...TERMS, reservePercent: '10' },
      validFrom: '2026-01-01',
    }),
  );
  await ok(
    await admin.post('/commissions/agreements', {
      recipientId: ids.tom,
      share: { kind: 'percent_of_income', percent: '10' },
      terms: TERMS,
      validFrom: '2026-01-01',
    }),
  );
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

const helping = { recipientId: '', label: 'Helping colleague', amount: eur(20_000) };

async function proposeAndConfirm(caseId: string) {
  const proposed = await ok(
    await admin.post(`/cases/${caseId}/commission/proposal`, {
      partnerId: ids.tom,
      extraLines: [{ ...helping, recipientId: ids.ben }],
    }),
    200,
  );
  await ok(await admin.post(`/cases/${caseId}/commission/confirm`), 200);
  return proposed as unknown as {
    lines: {
      kind: string;
      amount: { minor: number };
      reserve: { minor: number };
      status: string;
      recipientId: string;
    }[];
    firmKeeps: { minor: number };
  };
}

async function run(periodStart: string, periodEnd: string) {
  return (await ok(
    await admin.post('/commissions/statement-runs', { periodStart, periodEnd, issuedOn: periodEnd }),
  )) as unknown as {
    created: number;
    existing: number;
    statements: { id: string; number: string; recipientId: string; totals: { netMinor: number } }[];
  };
}
const netOf = (r: Awaited<ReturnType<typeof run>>, who: string) =>
  r.statements.find((s) => s.recipientId === ids[who])?.totals.netMinor;

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

describe('a case moved to a won stage', () => {
  it('gets its lines proposed from the rates; a missing rate never stops the move', async () => {
    const group = (await admin.get('/commissions/rate-groups')).body.items[0].id;
    await ok(
      await admin.post('/commissions/income-rates', {
        currency: 'EUR',
        productKind: 'consumer_loan',
        tiers: [{ fromAmountMinor: 0, percent: '2' }],
        terms: { ...TERMS, payoutMode: 'when_earned' },
        validFrom: '2026-01-01',
      }),
    );
    await ok(
      await admin.post('/commissions/group-rates', {
        kind: 'advisor',
        rateGroupId: group,
        productKind: 'consumer_loan',
        percent: '50',
        terms: TERMS,
        validFrom: '2026-01-01',
      }),
    );
    const pipeline = (await admin.get('/pipelines')).body.items.find(
      (p: { productKind: string }) => p.productKind === 'consumer_loan',
    );
    const won = pipeline.stages.find((s: { kind: string }) => s.kind === 'won').key;
    const move = async (ownerId: string) => {
      const clientId = await newClient(admin, 'Kowalski');
      const kase = await ok(
        await admin.post('/cases', {
          clientId,
          productKind: 'consumer_loan',
          amount: eur(1_000_000),
          termMonths: 48,
          lender: 'Kreditbank',
          ownerId,
        }),
      );
      await ok(await admin.post(`/cases/${kase.id}/stage`, { stage: won }), 200);
      return kase.id;
    };
    const annas = await move(org.users.anna);
    const shown = (await admin.get(`/cases/${annas}/commission`)).body;
    expect(
      shown.lines.map((l: { kind: string; status: string; amount: { minor: number } }) => [
        l.kind,
        l.status,
        l.amount.minor,
      ]),
    ).toEqual([
      ['income', 'proposed', 20_000],
      ['advisor', 'proposed', 10_000],
    ]);
    // Clara has no commission recipient: the case is won all the same, with nothing proposed.
    const claras = await move(org.users.clara);
    expect((await admin.get(`/cases/${claras}`)).body.stage.key).toBe(won);
    expect((await admin.get(`/cases/${claras}/commission`)).status).toBe(404);
    const refused = await admin.post(`/cases/${claras}/commission/proposal`, {});
    expect([refused.status, refused.body.reason]).toEqual([422, 'no_recipient']);
    await ok(await admin.post(`/cases/${annas}/commission/confirm`), 200);
  });
});

describe('commission reports', () => {
  it('sums income and payouts by advisor and month, and shows what lenders still owe', async () => {
    const byAdvisor = (
      await admin.get('/commissions/reports/summary?from=2026-03-01&to=2026-03-31&by=advisor')
    ).body.items;
    expect(byAdvisor).toEqual([
      { key: 'anna', cases: 2, income: eur(600_000), payouts: eur(500_000), firmKeeps: eur(100_000) },
    ]);
    const byMonth = (await admin.get('/commissions/reports/summary?from=2026-01-01&to=2026-12-31&by=month'))
      .body.items;
    expect(byMonth.map((r: { key: string }) => r.key)).toEqual([
      '2026-03',
      new Date().toISOString().slice(0, 7),
    ]);
    const owedRes = await admin.get('/commissions/reports/receivables');
    expect(owedRes.status, JSON.stringify(owedRes.body)).toBe(200);
    const owed = owedRes.body.items;
    expect(owed).toEqual([
      { lender: 'Kreditbank', cases: 1, income: eur(20_000), paid: eur(0), open: eur(20_000) },
    ]);
    const clara = await signIn(t, 'acme', 'clara@acme.test');
    expect((await clara.get('/commissions/reports/receivables')).status).toBe(403);
    const lead = await signIn(t, 'acme', 'lead@acme.test');
    expect(
      (await lead.get('/commissions/reports/summary?from=2026-03-01&to=2026-03-31')).body.items,
    ).toHaveLength(1);
  });
});

describe('delivery', () => {
  it('keeps a failed mail visible and sends it again on request', async () => {
    const [statement] = (await admin.get(`/commissions/statements?recipientId=${ids.tom}`)).body.items;
    const refusing = {
      ...t.deps,
      mailer: {
        send: async () => Promise.reject(new Error('550 mailbox unavailable')),
        close: () => undefined,
      },
    };
    const job = {
      id: 0,
      tenantId,
      kind: 'statement.mail',
      payload: { statementId: statement.id },
      attempts: 1,
    };
    await expect(mailStatement(refusing, job)).rejects.toThrow(/550/);
    const failed = (await admin.get(`/commissions/statements/${statement.id}`)).body.delivery;
    expect(failed).toMatchObject({ status: 'failed', lastError: '550 mailbox unavailable' });
    expect((await admin.post(`/commissions/statements/${statement.id}/send`)).body).toEqual({ queued: true });
    await t.runner.drain();
    expect((await admin.get(`/commissions/statements/${statement.id}`)).body.delivery.status).toBe('sent');
  });
});

describe('changing lines by hand', () => {
  it('corrects a line with a reason (audited) and splits one among recipients to the cent', async () => {
    const [kase] = (await admin.get('/cases?limit=100')).body.items.filter(
      (c: { ownerId: string; productKind: string }) =>
        c.ownerId === org.users.anna && c.productKind === 'consumer_loan',
    );
    const before = (await admin.get(`/cases/${kase.id}/commission`)).body;
    const advisor = before.lines.find((l: { kind: string }) => l.kind === 'advisor');
    const noReason = await admin.patch(`/cases/${kase.id}/commission/lines/${advisor.id}`, {
      amount: eur(10_001),
    });
    expect([noReason.status, noReason.body.errors[0].field]).toEqual([400, 'reason']);
    const corrected = await ok(
      await admin.patch(`/cases/${kase.id}/commission/lines/${advisor.id}`, {
        amount: eur(10_001),
        reason: 'Sondervereinbarung',
      }),
      200,
    );
    expect(
      (corrected.lines as { id: string; amount: { minor: number } }[]).find((l) => l.id === advisor.id)
        ?.amount.minor,
    ).toBe(10_001);
    const trail = (await admin.get(`/audit?entity=commission_line&id=${advisor.id}`)).body.items[0];
    expect([trail.action, trail.after.reason, trail.before.amount.minor]).toEqual([
      'correct',
      'Sondervereinbarung',
      10_000,
    ]);
    const split = await ok(
      await admin.post(`/cases/${kase.id}/commission/lines/${advisor.id}/split`, {
        shares: [
          { recipientId: ids.anna, weight: 1 },
          { recipientId: ids.ben, weight: 1 },
        ],
        reason: 'Gemeinsam beraten',
      }),
      200,
    );
    const parts = (split.lines as { kind: string; recipientId: string; amount: { minor: number } }[]).filter(
      (l) => l.kind === 'advisor',
    );
    expect(parts.map((l) => l.amount.minor).sort()).toEqual([5_000, 5_001]);
    expect(new Set(parts.map((l) => l.recipientId))).toEqual(new Set([ids.anna, ids.ben]));
  });

  it('a lead sees the balances of their units’ people, not the firm’s partners', async () => {
    const lead = await signIn(t, 'acme', 'lead@acme.test');
    const seen = (await lead.get('/commissions/balances')).body.items.map(
      (b: { recipientId: string }) => b.recipientId,
    );
    expect(seen).toContain(ids.anna);
    expect(seen).toContain(ids.ben);
    expect(seen).not.toContain(ids.tom);
  });
});

describe('a statement run that fails half-way', () => {
  it('leaves no statement and no number behind, and the next run goes on without a gap', async () => {
    const count = async () =>
      Number(
        (
          await t.database.db
            .selectFrom('statements')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const [loan] = (await admin.get('/cases?limit=100')).body.items.filter(
      (c: { ownerId: string; productKind: string }) =>
        c.ownerId === org.users.anna && c.productKind === 'consumer_loan',
    );
    await ok(
      await admin.post(`/cases/${loan.id}/commission/payments`, {
        paidOn: '2026-12-01',
        amount: eur(20_000),
      }),
    );
    const before = await count();
    const last = (await admin.get('/commissions/statements')).body.items
      .map((s: { number: string }) => s.number)
      .filter((n: string) => n.startsWith('2026-'))
      .sort()
      .at(-1);
    const db = t.database.db;
    // A failure after the first statements are written (as a crash or a lost connection would be).
    await sql`create function fail_run() returns trigger language plpgsql as $$
      begin raise exception 'connection lost'; end $$`.execute(db);
    await sql`create trigger fail_run before insert on statement_deliveries for each row execute function fail_run()`.execute(
      db,
    );
    const failed = await admin.post('/commissions/statement-runs', {
      periodStart: '2026-12-01',
      periodEnd: '2026-12-31',
      issuedOn: '2026-12-31',
    });
    expect(failed.status).toBe(500);
    expect(await count()).toBe(before);
    await sql`drop trigger fail_run on statement_deliveries`.execute(db);
    await sql`drop function fail_run()`.execute(db);
    const next = await ok(
      await admin.post('/commissions/statement-runs', {
        periodStart: '2026-12-01',
        periodEnd: '2026-12-31',
        issuedOn: '2026-12-31',
      }),
    );
    const numbers = (next.statements as { number: string }[]).map((s) => s.number).sort();
    expect(numbers.length).toBeGreaterThan(0);
    expect(numbers[0]).toBe(`2026-${String(Number(last.slice(5)) + 1).padStart(5, '0')}`);
  });
});
