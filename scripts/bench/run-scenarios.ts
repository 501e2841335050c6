import path from 'node:path';
import type { Cleanup } from './cleanup';
import { rawPool, seedFixture } from './fixture';
import { keepAliveAgent } from './http';
import { runLoad } from './load';
import { createBenchDatabase } from './postgres';
import type { TScenarioResult } from './report';
import { SCENARIOS, type TBenchContext } from './scenarios';
import { startServerProcess } from './server-process';
import type { TSettings } from './settings';

const RAW_APPLICATION = 'kontor-bench-raw';

// The sign-in endpoints allow 20 requests a minute per address; the bench is one address. No daily
// backup runs while the load is measured.
const BENCH_SERVER_ENV = { KONTOR_PUBLIC_RATE_LIMIT: '1000000000', KONTOR_BACKUP_KEEP: '0' };

/** PostgreSQL connections the Kontor server holds on the bench database right now. */
async function serverConnections(ctx: TBenchContext, database: string): Promise<number> {
  const r = await ctx.pool.query<{ n: string }>(
    'select count(*) as n from pg_stat_activity where datname = $1 and application_name <> $2',
    [database, RAW_APPLICATION],
  );
  return Number(r.rows[0]!.n);
}

/**
 * Runs every registered scenario against one `kontor serve` process on a fresh PostgreSQL
 * database, and the raw baselines against the same database with a pool of their own.
 */
export async function runScenarios(settings: TSettings, cleanup: Cleanup, scratch: string) {
  const database = await createBenchDatabase(settings.adminUrl);
  const drop = cleanup.defer(`drop database ${database.name}`, database.drop);
  const server = await startServerProcess(
    { DATABASE_URL: database.url, ...BENCH_SERVER_ENV },
    path.join(scratch, 'load-postgres.log'),
  );
  const stop = cleanup.defer(`stop server ${server.pid}`, server.stop);
  const agent = keepAliveAgent(settings.concurrency);
  const closeAgent = cleanup.defer('close HTTP agent', () => agent.destroy());
  const pool = rawPool(database.url, settings.concurrency, RAW_APPLICATION);
  const endPool = cleanup.defer('end raw pool', () => pool.end());

  process.stderr.write(`seeding ${settings.concurrency} users…\n`);
  const fixture = await seedFixture(database.url, settings.concurrency, agent, server.baseUrl);
  const ctx: TBenchContext = { settings, baseUrl: server.baseUrl, agent, pool, fixture };
  const results: TScenarioResult[] = [];
  const connections: Record<string, number> = {};
  for (const scenario of SCENARIOS) {
    process.stderr.write(`running ${scenario.name}…\n`);
    const run = await scenario.setup(ctx);
    const result = await runLoad(run, {
      ...settings,
      concurrency: scenario.concurrency ?? settings.concurrency,
    });
    results.push({ name: scenario.name, kind: scenario.kind, ...result });
    if (scenario.kind === 'kontor') connections[scenario.name] = await serverConnections(ctx, database.name);
  }
  await endPool();
  await closeAgent();
  await stop();
  await drop();
  return { results, connections };
}
