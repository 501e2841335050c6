// The commission part of `npm run bench` (issue 4): a month with 20,000 won cases and 600
// recipients on PostgreSQL. It measures computing every case's lines with the domain's arithmetic
// (and writing them), then the statement run through the API and the statement mails, each with
// its PDF and spreadsheet rendered, and the process's peak memory. Figures only.
import os from 'node:os';
import { proposeLines, type TWonCase } from '@kontor/domain';
import { sql } from 'kysely';
import pino from 'pino';
import { createApp } from '../../apps/server/src/app';
import { lineRow } from '../../apps/server/src/features/commissions/commission-lines.repository';
import { loadRateBook } from '../../apps/server/src/features/commissions/rates';
import { createTenant } from '../../apps/server/src/features/tenants/create-tenant';
import { loadConfig } from '../../apps/server/src/platform/config';
import { openPostgres } from '../../apps/server/src/platform/db';
import { migrate } from '../../apps/server/src/platform/migrate';
import { detectRlsMode, inTenant } from '../../apps/server/src/platform/tx';
import { buildDeps } from '../../apps/server/src/server';
import type { Cleanup } from './cleanup';
import { createBenchDatabase } from './postgres';
import type { TSettings } from './settings';

const CASES = Number(process.env.BENCH_COMMISSION_CASES ?? 20_000);
const RECIPIENTS = 600;
const PASSWORD = 'bench password 1234';
const TERMS = {
  payoutMode: 'when_paid',
  liabilityMonths: 12,
  clawbackMode: 'pro_rata',
  reservePercent: '10',
} as const;

export type TCommissionBench = {
  cases: number;
  recipients: number;
  linesComputeMs: number;
  linesWriteMs: number;
  lines: number;
  runMs: number;
  statements: number;
  mailMs: number;
  pages: number;
  pagesPerSecond: number;
  peakRssMb: number;
  renderThreads: number;
  /** The machine's 1-minute load average before and after the documents: others' work shows here. */
  load: [number, number];
};

// Samples the resident set size while the bench runs: the peak is what the target speaks of.
function rssSampler() {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 20);
  return {
    stop: () => {
      clearInterval(timer);
      return Math.max(peak, process.memoryUsage().rss);
    },
  };
}

async function seed(database: ReturnType<typeof openPostgres>, tenantId: string) {
  await inTenant(database, tenantId, async (tx) => {
    await sql`insert into rate_groups (tenant_id, name) values (${tenantId}, 'Berater')`.execute(tx);
    await sql`insert into users (tenant_id, email, display_name, password_hash)
      select ${tenantId}, 'advisor' || g || '@bench.test', 'Advisor ' || g, 'x' from generate_series(1, ${RECIPIENTS - 40}) g`.execute(
      tx,
    );
    await sql`insert into commission_recipients (tenant_id, kind, user_id, name, email, rate_group_id, locale)
      select u.tenant_id, 'user', u.id, u.display_name, u.email, (select id from rate_groups limit 1),
        (array['de','en','pl','ru'])[1 + (row_number() over (order by u.email)) % 4]
      from users u where u.email like 'advisor%'`.execute(tx);
    await sql`insert into commission_recipients (tenant_id, kind, name, email, locale)
      select ${tenantId}, 'tipster', 'Tippgeber ' || g, 'tipster' || g || '@bench.test', 'de' from generate_series(1, 40) g`.execute(
      tx,
    );
    await sql`insert into income_rates (tenant_id, currency, product_kind, tiers, payout_mode, liability_months, clawback_mode, reserve_percent, valid_from)
      values (${tenantId}, 'EUR', 'mortgage', '[{"fromAmountMinor":0,"percent":"1.00"},{"fromAmountMinor":50000000,"percent":"0.80"}]', 'when_earned', 0, 'full', 0, '2026-01-01')`.execute(
      tx,
    );
    await sql`insert into group_rates (tenant_id, kind, rate_group_id, product_kind, percent, payout_mode, liability_months, clawback_mode, reserve_percent, valid_from)
      select ${tenantId}, 'advisor', id, 'mortgage', 80, ${TERMS.payoutMode}, 12, 'pro_rata', 10, '2026-01-01' from rate_groups`.execute(
      tx,
    );
    await sql`insert into partner_agreements (tenant_id, recipient_id, share_kind, percent, payout_mode, liability_months, clawback_mode, reserve_percent, valid_from)
      select tenant_id, id, 'percent_of_income', 10, 'when_paid', 12, 'pro_rata', 0, '2026-01-01' from commission_recipients where kind = 'tipster'`.execute(
      tx,
    );
    await sql`insert into clients (tenant_id, kind, last_name, display_name, owner_id, source)
      select ${tenantId}, 'person', 'Kunde ' || g, 'Kunde ' || g, a.id, 'partner'
      from generate_series(1, ${CASES}) g
      join (select id, row_number() over (order by email) - 1 as n from users where email like 'advisor%') a
        on a.n = g % ${RECIPIENTS - 40}`.execute(tx);
    await sql`insert into cases (tenant_id, number, client_id, product_kind, amount_minor, currency, lender, pipeline_id, stage_key, owner_id, executor_id, closed_at)
      select c.tenant_id, '2026-B' || lpad(row_number() over (order by c.id)::text, 6, '0'), c.id, 'mortgage',
        10000000 + (hashtext(c.id::text) & 65535) * 1000, 'EUR', 'Musterbank', p.id, s.key, c.owner_id, c.owner_id, timestamptz '2026-11-15 10:00Z'
      from clients c, pipelines p join pipeline_stages s on s.tenant_id = p.tenant_id and s.pipeline_id = p.id and s.kind = 'won'
      where c.tenant_id = ${tenantId} and p.product_kind = 'mortgage' and p.is_default`.execute(tx);
  });
}

// Every case's lines from the rates, computed by the domain and written in batches.
async function computeLines(database: ReturnType<typeof openPostgres>, tenantId: string) {
  return inTenant(database, tenantId, async (tx) => {
    const book = await loadRateBook(tx, tenantId);
    const cases = await tx
      .selectFrom('cases')
      .select(['id', 'owner_id', 'amount_minor'])
      .where('tenant_id', '=', tenantId)
      .execute();
    const people = await tx
      .selectFrom('commission_recipients')
      .select(['id', 'user_id', 'rate_group_id', 'kind'])
      .where('tenant_id', '=', tenantId)
      .execute();
    const byUser = new Map(people.filter((p) => p.user_id).map((p) => [p.user_id, p]));
    const tipsters = people.filter((p) => p.kind === 'tipster');
    const started = performance.now();
    const rows = cases.flatMap((c, i) => {
      const advisor = byUser.get(c.owner_id);
      const won: TWonCase = {
        amountMinor: c.amount_minor ?? 0,
        currency: 'EUR',
        productKind: 'mortgage',
        lenderId: 'musterbank',
        productId: null,
        wonOn: '2026-11-15',
        advisor: { recipientId: advisor?.id ?? '', rateGroupId: advisor?.rate_group_id ?? '' },
        leads: [],
        partner:
          i % 3 === 0 ? { partnerId: tipsters[i % tipsters.length]?.id ?? '', leadSource: 'partner' } : null,
        extraLines: [],
      };
      const p = proposeLines(won, book);
      return [p.income, ...p.payouts].map((l) => lineRow(tenantId, c.id, l, 'confirmed'));
    });
    const computeMs = performance.now() - started;
    await sql`insert into case_commissions (tenant_id, case_id, won_on, currency, lead_source)
      select tenant_id, id, '2026-11-15', 'EUR', 'partner' from cases where tenant_id = ${tenantId}`.execute(
      tx,
    );
    for (let i = 0; i < rows.length; i += 2000)
      await tx
        .insertInto('commission_lines')
        .values(rows.slice(i, i + 2000))
        .execute();
    await sql`insert into lender_payments (tenant_id, case_id, paid_on, amount_minor, currency)
      select tenant_id, case_id, '2026-11-28', amount_minor, currency from commission_lines where tenant_id = ${tenantId} and kind = 'income'`.execute(
      tx,
    );
    return { computeMs, writeMs: performance.now() - started - computeMs, lines: rows.length };
  });
}

/** Seeds the month, then measures lines, the statement run and the mails with their documents. */
export async function runCommissionBench(settings: TSettings, cleanup: Cleanup): Promise<TCommissionBench> {
  const bench = await createBenchDatabase(settings.adminUrl);
  cleanup.defer(`drop ${bench.name}`, bench.drop);
  const database = openPostgres(bench.url, 4);
  cleanup.defer('close the commission bench pool', () => database.close());
  await migrate(database);
  await detectRlsMode(database);
  const { tenant } = await createTenant(database, {
    slug: 'bench-provision',
    name: 'Bench Provision GmbH',
    adminEmail: 'boss@bench.test',
    adminPassword: PASSWORD,
    adminName: 'Boss',
  });
  process.stderr.write(`commissions: seeding ${CASES} won cases and ${RECIPIENTS} recipients…\n`);
  let phase = performance.now();
  const done = (what: string) => {
    process.stderr.write(`commissions: ${what} in ${((performance.now() - phase) / 1000).toFixed(1)} s\n`);
    phase = performance.now();
  };
  await seed(database, tenant.id);
  done('seeded');
  const analyze = () => sql`analyze`.execute(database.db); // as the table owner, as autovacuum would
  const memory = rssSampler();
  const lines = await computeLines(database, tenant.id);
  await analyze();
  done('lines computed and written');
  const { deps, runner } = buildDeps(
    database,
    {
      ...loadConfig({
        KONTOR_DATA_DIR: '/tmp/kontor-bench-unused',
        KONTOR_RENDER_THREADS: process.env.KONTOR_RENDER_THREADS,
      }),
      smtpUrl: null,
    },
    pino({ level: 'silent' }),
  );
  const { app } = createApp(deps);
  const login = await app.request('/api/v1/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ tenant: 'bench-provision', email: 'boss@bench.test', password: PASSWORD }),
  });
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  let started = performance.now();
  const res = await app.request('/api/v1/commissions/statement-runs', {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
    body: JSON.stringify({ periodStart: '2026-11-01', periodEnd: '2026-11-30', issuedOn: '2026-12-01' }),
  });
  if (res.status !== 201) throw new Error(`statement run: ${res.status} ${await res.text()}`);
  const run = (await res.json()) as { created: number; statements: { id: string }[] };
  const runMs = performance.now() - started;
  done(`${run.created} statements run`);
  const loadBefore = os.loadavg()[0] ?? 0;
  started = performance.now();
  await runner.drain();
  const mailMs = performance.now() - started;
  const peakRssMb = memory.stop() / 2 ** 20;
  const pages = await inTenant(database, tenant.id, async (tx) => {
    const r = await tx
      .selectFrom('statement_entries')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    // One page carries about 25 entries (the renderer's table); count what the documents printed.
    return Math.max(run.created, Math.ceil(Number(r.n) / 25));
  });
  deps.mailer.close();
  return {
    cases: CASES,
    recipients: RECIPIENTS,
    linesComputeMs: lines.computeMs,
    linesWriteMs: lines.writeMs,
    lines: lines.lines,
    runMs,
    statements: run.created,
    mailMs,
    pages,
    pagesPerSecond: pages / (mailMs / 1000),
    peakRssMb,
    renderThreads: deps.config.renderThreads,
    load: [loadBefore, os.loadavg()[0] ?? 0],
  };
}

/** The section of the report. */
export function formatCommissionBench(r: TCommissionBench): string {
  const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  return [
    `Commissions: a month of ${r.cases.toLocaleString('en')} won cases and ${r.recipients} recipients (PostgreSQL)`,
    `  computing all lines (domain):          ${s(r.linesComputeMs)} for ${r.lines.toLocaleString('en')} lines (target ≤ 2 s); writing them ${s(r.linesWriteMs)}`,
    `  statement run (one transaction):       ${s(r.runMs)} for ${r.statements} statements`,
    `  mails with PDF + spreadsheet each:     ${s(r.mailMs)} (${r.statements} PDFs and ${r.statements} spreadsheets, ~${r.pages} pages, ${r.pagesPerSecond.toFixed(1)} pages/s)`,
    `    rendered on the main thread and ${r.renderThreads} render thread(s) (KONTOR_RENDER_THREADS); load average ${r.load.map((l) => l.toFixed(2)).join(' → ')}`,
    `  run + documents:                       ${s(r.runMs + r.mailMs)} (target ≤ 20 s); peak memory ${r.peakRssMb.toFixed(0)} MB (target ≤ 500 MB)`,
  ].join('\n');
}
