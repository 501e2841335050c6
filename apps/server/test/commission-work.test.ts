// Commission work around the worked example: lines proposed on a won stage, corrections and
// splits, reports, failed and resent mail, and a statement run that fails half-way.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailStatement } from '../src/features/commissions/statements';
import { writeBackup } from '../src/platform/backup';
import { restoreBackup } from '../src/platform/restore';
import { type Client, signIn, type TTestApp } from './helpers/app';
import { newClient } from './helpers/clients';
import { commissionFirm, eur, ok, type TCommissionFirm, TERMS } from './helpers/commissions';
import { freshDatabase } from './helpers/database';

let f: TCommissionFirm;
let t: TTestApp;
let admin: Client;
let tenantId: string;
let org: TCommissionFirm['org'];
let ids: TCommissionFirm['ids'];

// The worked example's case, won in March, half paid in April, and April's statements.
beforeAll(async () => {
  f = await commissionFirm();
  ({ t, admin, tenantId, org, ids } = f);
  const caseId = await f.wonCase('2026-03-10T10:00:00Z');
  await f.proposeAndConfirm(caseId);
  await ok(
    await admin.post(`/cases/${caseId}/commission/payments`, { paidOn: '2026-04-02', amount: eur(150_000) }),
  );
  await f.run('2026-04-01', '2026-04-30');
  await t.runner.drain();
});
afterAll(() => f.close());

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
      { key: 'anna', cases: 1, income: eur(300_000), payouts: eur(250_000), firmKeeps: eur(50_000) },
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
      { lender: 'Musterbank AG', cases: 1, income: eur(300_000), paid: eur(150_000), open: eur(150_000) },
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

describe('backup and restore', () => {
  it('carries final statements over, and they stay final', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kontor-commission-backup-'));
    const file = path.join(dir, 'backup.jsonl.gz');
    await writeBackup(t.database, file, { dataDir: dir });
    const target = await freshDatabase();
    try {
      await restoreBackup(target, file, { dataDir: dir });
      const count = async (db: typeof target) =>
        (
          await db.db
            .selectFrom('statement_entries')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n;
      expect(Number(await count(target))).toBeGreaterThan(0);
      expect(await count(target)).toEqual(await count(t.database));
      const restored = await target.db.selectFrom('statements').select(['id', 'status']).execute();
      expect(restored.every((s) => s.status === 'final')).toBe(true);
      await expect(
        target.db.updateTable('statements').set({ net_minor: 0 }).where('id', '=', restored[0]!.id).execute(),
      ).rejects.toThrow(/final/);
    } finally {
      await target.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('lead overrides', () => {
  it('pay a lead above the advisor a share of the income, from the firm’s part', async () => {
    const leads = await ok(await admin.post('/commissions/rate-groups', { name: 'Filialleitung' }));
    await ok(
      await admin.post('/commissions/group-rates', {
        kind: 'override',
        rateGroupId: leads.id,
        productKind: 'mortgage',
        percent: '5',
        terms: TERMS,
        validFrom: '2026-01-01',
      }),
    );
    const lead = await ok(
      await admin.post('/commissions/recipients', {
        kind: 'user',
        userId: org.users.lead,
        name: 'Lena Lead',
        rateGroupId: leads.id,
      }),
    );
    const caseId = await f.wonCase('2026-06-15T10:00:00Z');
    const proposal = await ok(await admin.post(`/cases/${caseId}/commission/proposal`, {}), 200);
    const lines = proposal.lines as { kind: string; recipientId: string; amount: { minor: number } }[];
    expect(lines.find((l) => l.kind === 'lead_override')).toMatchObject({
      recipientId: lead.id,
      amount: eur(15_000),
    });
    // The advisor's 80 % of the income is not reduced by the override.
    expect(lines.find((l) => l.kind === 'advisor')?.amount).toEqual(eur(240_000));
    expect(proposal.firmKeeps).toEqual(eur(300_000 - 240_000 - 15_000));
  });
});

describe('editing rates', () => {
  it('replaces a rate without changing lines already computed, and trashes one', async () => {
    const [rate] = (await admin.get('/commissions/income-rates')).body.items.filter(
      (r: { productKind: string }) => r.productKind === 'mortgage',
    );
    const changed = await ok(
      await admin.put(`/commissions/income-rates/${rate.id}`, {
        ...rate,
        id: undefined,
        tiers: [{ fromAmountMinor: 0, percent: '2' }],
      }),
      200,
    );
    expect(changed.tiers).toEqual([{ fromAmountMinor: 0, percent: '2' }]);
    const lines = await t.database.db
      .selectFrom('commission_lines')
      .select('amount_minor')
      .where('kind', '=', 'income')
      .where('status', '=', 'confirmed')
      .execute();
    expect(lines.map((l) => l.amount_minor)).toContain(300_000);
    const trashed = await ok(await admin.delete(`/commissions/income-rates/${rate.id}`), 200);
    expect(trashed.trashId).toBeTruthy();
    expect(
      (await admin.get('/commissions/income-rates')).body.items.map((r: { id: string }) => r.id),
    ).not.toContain(rate.id);
    expect((await admin.put(`/commissions/income-rates/${rate.id}`, { ...rate, id: undefined })).status).toBe(
      404,
    );
  });
});
