// The clients-and-cases load (issue 3): a generated firm of 1,000,000 clients, 1,500,000 cases and
// 3,000,000 activities; advisors and unit leads list, page deep, search, open a client's 360° view
// and look at their case board, each beside the same statements replayed as raw SQL.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import type pg from 'pg';
import { openPostgres } from '../../../apps/server/src/platform/db';
import { listMigrations, migrate } from '../../../apps/server/src/platform/migrate';
import type { Cleanup } from '../cleanup';
import { rawPool, signIn } from '../fixture';
import { expectStatus, keepAliveAgent, request } from '../http';
import { runLoad, type TRequestFn } from '../load';
import { withAdmin } from '../postgres';
import type { TScenarioResult } from '../report';
import type { TScenario } from '../scenarios';
import { startServerProcess } from '../server-process';
import { ROOT, type TSettings } from '../settings';
import { openRecorder, replay, type TCaptured } from './capture';
import { ADVISORS, advisorEmail, BRANCHES, FULL_SHAPE, leadEmail, REGIONS, type TCrmShape } from './firm';
import { CRM_TENANT, seedCrm, type TCrmFixture, type TSeedStats } from './seed';

export const CRM_NOTES = [
  'clients-and-cases scenarios: advisors are 32 different users, unit leads the 12 branch leads (each sees two teams, ~8% of the firm); ' +
    'a "raw" scenario replays on plain pg the statements Kontor sent for the same request (recorded in process), transactions included',
  'client 360 counts the three GETs a client page loads at once (client, its cases, first timeline page) as one request',
];

export type TSeeding = TSeedStats & { shape: TCrmShape; reused: boolean };

const RAW_APPLICATION = 'kontor-bench-raw';

/** BENCH_CRM_SCALE (default 1): the share of the record counts to seed. */
function shapeOf(): TCrmShape {
  const raw = process.env.BENCH_CRM_SCALE?.trim();
  const scale = raw ? Number(raw) : 1;
  if (!Number.isFinite(scale) || scale <= 0 || scale > 1)
    throw new Error('BENCH_CRM_SCALE must be in (0, 1]');
  return {
    clients: Math.round(FULL_SHAPE.clients * scale),
    cases: Math.round(FULL_SHAPE.cases * scale),
    activities: Math.round(FULL_SHAPE.activities * scale),
  };
}

// Named by what decides its content (migrations, generator, size), so a kept database is reused
// only while it is what a fresh seed would make.
function databaseName(shape: TCrmShape): string {
  const hash = createHash('sha256').update(JSON.stringify(shape));
  for (const m of listMigrations()) hash.update(fs.readFileSync(m.file));
  for (const f of ['copy.ts', 'firm.ts', 'random.ts', 'seed-rows.ts', 'seed.ts', 'vocabulary.ts']) {
    hash.update(fs.readFileSync(path.join(ROOT, 'scripts/bench/crm', f)));
  }
  return `kontor_bench_crm_${hash.digest('hex').slice(0, 12)}`;
}

/**
 * The seeded database: reused when BENCH_CRM_KEEP=1 kept one from an earlier run, otherwise made
 * now (and dropped at the end unless BENCH_CRM_KEEP=1).
 */
async function seededDatabase(settings: TSettings, cleanup: Cleanup) {
  const shape = shapeOf();
  const keep = process.env.BENCH_CRM_KEEP === '1';
  const name = databaseName(shape);
  const url = new URL(settings.adminUrl);
  url.pathname = `/${name}`;
  const exists = await withAdmin(settings.adminUrl, async (c) => {
    const r = await c.query('select 1 from pg_database where datname = $1', [name]);
    return r.rowCount === 1;
  });
  if (exists && keep) {
    const marker = await withAdmin(settings.adminUrl, (c) =>
      c.query<{ note: string | null }>(
        'select shobj_description(oid, $2) as note from pg_database where datname = $1',
        [name, 'pg_database'],
      ),
    );
    const note = marker.rows[0]?.note;
    if (note) {
      const seeded = JSON.parse(note) as { fixture: TCrmFixture; stats: TSeedStats };
      process.stderr.write(`reusing the seeded database ${name} (BENCH_CRM_KEEP=1)\n`);
      return {
        url: url.toString(),
        fixture: seeded.fixture,
        seeding: { ...seeded.stats, shape, reused: true },
      };
    }
  }
  await withAdmin(settings.adminUrl, async (c) => {
    await c.query(`drop database if exists ${name} with (force)`);
    await c.query(`create database ${name}`);
  });
  if (!keep) {
    cleanup.defer(`drop database ${name}`, () =>
      withAdmin(settings.adminUrl, (c) => c.query(`drop database if exists ${name} with (force)`)).then(
        () => undefined,
      ),
    );
  }
  const database = openPostgres(url.toString(), 2);
  try {
    await migrate(database);
  } finally {
    await database.close();
  }
  process.stderr.write(`seeding the generated firm into ${name}…\n`);
  const { fixture, stats } = await seedCrm(url.toString(), shape, (line) =>
    process.stderr.write(`  ${line}\n`),
  );
  // The seed is complete: the database says so (and what it holds) in its comment.
  const note = JSON.stringify({ fixture, stats }).replace(/'/g, "''");
  await withAdmin(settings.adminUrl, (c) => c.query(`comment on database ${name} is '${note}'`));

  return { url: url.toString(), fixture, seeding: { ...stats, shape, reused: false } };
}

type TUser = { email: string; cookie: string };
/** One request of a scenario: the paths a screen loads at once, as one user. */
type TVariant = { user: TUser; paths: string[] };

async function getJson(agent: http.Agent, baseUrl: string, user: TUser, p: string) {
  const answer = await request(agent, `${baseUrl}${p}`, { headers: { cookie: user.cookie } });
  expectStatus(answer, 200, `GET ${p}`);
  return JSON.parse(answer.body);
}

const LIST = '/api/v1/clients?clientType=private&sort=displayName&limit=50';
const DEEP_PAGE = 20;
const SEARCHES = ['müller', 'schmi', 'mueler', 'jürgen kra', '0151 23', 'hoffman', 'öztürk', 'becker anna'];

/** The variants of every scenario for the users of one role (one user per worker). */
async function variantsFor(users: TUser[], agent: http.Agent, baseUrl: string, fixture: TCrmFixture) {
  const kinds: Record<string, TVariant[]> = { list: [], deep: [], search: [], client360: [], board: [] };
  for (const [w, user] of users.entries()) {
    kinds.list!.push({ user, paths: [LIST] });
    let page = await getJson(agent, baseUrl, user, LIST);
    const first = page.items as { id: string }[];
    let deep = LIST;
    for (let n = 1; n < DEEP_PAGE && page.nextCursor; n++) {
      deep = `${LIST}&cursor=${encodeURIComponent(page.nextCursor)}`;
      page = await getJson(agent, baseUrl, user, deep);
    }
    kinds.deep!.push({ user, paths: [deep] });
    kinds.search!.push({
      user,
      paths: [`/api/v1/search?q=${encodeURIComponent(SEARCHES[w % SEARCHES.length]!)}&limit=10`],
    });
    const client = first[(w * 7) % first.length]!.id;
    kinds.client360!.push({
      user,
      paths: [
        `/api/v1/clients/${client}`,
        `/api/v1/cases?clientId=${client}&limit=20`,
        `/api/v1/clients/${client}/timeline?limit=20`,
      ],
    });
    kinds.board!.push({ user, paths: [`/api/v1/cases/board?pipelineId=${fixture.pipelines.mortgage.id}`] });
  }
  return kinds;
}

const LABELS: Record<string, string> = {
  list: 'client list, first page',
  deep: `client list, page ${DEEP_PAGE}`,
  search: 'search typeahead',
  client360: 'client 360 (3 GETs)',
  board: 'case board',
};

type TPair = { name: string; kontor: TRequestFn; raw: TRequestFn };

/** Kontor over HTTP and the captured statements as raw SQL, for each variant. */
function pairOf(
  name: string,
  variants: TVariant[],
  captured: TCaptured[][],
  agent: http.Agent,
  baseUrl: string,
  pool: pg.Pool,
): TPair {
  return {
    name,
    kontor: async (worker) => {
      const v = variants[worker % variants.length]!;
      await Promise.all(v.paths.map((p) => getJson(agent, baseUrl, v.user, p)));
    },
    raw: async (worker) => {
      await Promise.all(captured[worker % captured.length]!.map((c) => replay(pool, c)));
    },
  };
}

/** Each worker goes round all `fns`, one request each, starting at its own. */
function roundRobin(fns: TRequestFn[]): TRequestFn {
  const next = new Map<number, number>();
  return async (worker) => {
    const i = next.get(worker) ?? worker;
    next.set(worker, i + 1);
    await fns[i % fns.length]!(worker);
  };
}

/** Seeds (or reuses) the firm, starts Kontor on it, and runs every scenario of both roles. */
export async function runCrmScenarios(settings: TSettings, cleanup: Cleanup, scratch: string) {
  const { url, fixture, seeding } = await seededDatabase(settings, cleanup);
  const server = await startServerProcess(
    {
      DATABASE_URL: url,
      KONTOR_PUBLIC_RATE_LIMIT: '1000000000',
      KONTOR_DB_POOL_SIZE: String(settings.concurrency),
      KONTOR_BACKUP_KEEP: '0',
    },
    path.join(scratch, 'load-crm.log'),
  );
  const stop = cleanup.defer(`stop server ${server.pid}`, server.stop);
  const agent = keepAliveAgent(settings.concurrency * 3);
  const closeAgent = cleanup.defer('close HTTP agent', () => agent.destroy());
  // a 360 view is three requests at once; the server holds `concurrency` connections beside these,
  // and PostgreSQL's default max_connections is 100
  const pool = rawPool(url, Math.min(settings.concurrency * 3, 60), RAW_APPLICATION);
  const endPool = cleanup.defer('end raw pool', () => pool.end());
  const recorder = await openRecorder(url);
  const closeRecorder = cleanup.defer('close recorder', () => recorder.close());

  const sessions = async (emails: string[]) =>
    Promise.all(
      emails.map(async (email) => ({
        email,
        cookie: `kontor_session=${await signIn(agent, server.baseUrl, email, CRM_TENANT)}`,
      })),
    );
  const workers = settings.concurrency;
  const roles = {
    advisor: await sessions(Array.from({ length: Math.min(workers, ADVISORS) }, (_, w) => advisorEmail(w))),
    // branch leads: everything of their branch's two teams
    lead: await sessions(Array.from({ length: BRANCHES }, (_, b) => leadEmail(REGIONS + b))),
  };
  const pairs: TPair[] = [];
  for (const [role, users] of Object.entries(roles)) {
    process.stderr.write(`preparing the ${role} scenarios…\n`);
    const kinds = await variantsFor(users, agent, server.baseUrl, fixture);
    for (const [kind, variants] of Object.entries(kinds)) {
      const captured: TCaptured[][] = [];
      for (const v of variants) {
        // one at a time: the recorder hears one request's statements at once
        const screens: TCaptured[] = [];
        for (const p of v.paths) screens.push(await recorder.capture(p, v.user.cookie));
        captured.push(screens);
      }
      pairs.push(pairOf(`${role}: ${LABELS[kind]}`, variants, captured, agent, server.baseUrl, pool));
    }
  }
  await closeRecorder();
  pairs.push({
    name: 'mix of all above',
    kontor: roundRobin(pairs.map((p) => p.kontor)),
    raw: roundRobin(pairs.map((p) => p.raw)),
  });
  const scenarios: TScenario[] = pairs.flatMap((p): TScenario[] => [
    { name: p.name, kind: 'kontor', baselines: [`raw ${p.name}`], setup: () => p.kontor },
    { name: `raw ${p.name}`, kind: 'raw', setup: () => p.raw },
  ]);
  const results: TScenarioResult[] = [];
  for (const p of pairs) {
    for (const [name, kind, run] of [
      [p.name, 'kontor', p.kontor],
      [`raw ${p.name}`, 'raw', p.raw],
    ] as const) {
      process.stderr.write(`running ${name}…\n`);
      results.push({ name, kind, ...(await runLoad(run, settings)) });
    }
  }
  await endPool();
  await closeAgent();
  await stop();
  return { scenarios, results, seeding };
}
