// Seeds the generated firm (firm.ts) into a migrated PostgreSQL database: the tenant through
// Kontor's own use-case (roles, ready pipelines), everything else streamed with COPY. Derived
// columns (search text, name keys, phone keys) come from the same functions the API uses, so
// search and the duplicate check see these rows as they would see typed-in ones.

import pg from 'pg';
import { loadPipelines } from '../../../apps/server/src/features/pipelines/pipelines.repository';
import { createTenant } from '../../../apps/server/src/features/tenants/create-tenant';
import { openPostgres } from '../../../apps/server/src/platform/db';
import { detectRlsMode, inTenant } from '../../../apps/server/src/platform/tx';
import { BENCH_PASSWORD } from '../fixture';
import type { TCrmShape, TPipelines } from './firm';
import { seedActivities, seedCases, seedClients, seedOrganisation } from './seed-rows';

export const CRM_TENANT = 'bench-crm';

// Tables the bulk load fills; their secondary indexes are dropped before and built after it.
const BULK_TABLES = [
  'clients',
  'client_emails',
  'client_phones',
  'client_addresses',
  'cases',
  'case_applicants',
  'case_co_executors',
  'case_stage_history',
  'activities',
  'client_reach',
];

export type TSeedStats = { rows: number; loadSeconds: number; indexSeconds: number; seconds: number };

/** What the scenarios need to know of the seeded firm. */
export type TCrmFixture = { tenantId: string; pipelines: TPipelines; shape: TCrmShape };

async function createFirm(url: string): Promise<{ tenantId: string; pipelines: TPipelines }> {
  const database = openPostgres(url, 2);
  try {
    await detectRlsMode(database);
    const { tenant } = await createTenant(database, {
      slug: CRM_TENANT,
      name: 'Bench Baufinanz AG',
      adminEmail: `director@${CRM_TENANT}.test`,
      adminPassword: BENCH_PASSWORD,
      adminName: 'Managing Director',
      locale: 'en',
    });
    const loaded = await inTenant(database, tenant.id, (tx) => loadPipelines(tx, tenant.id));
    const info = (kind: keyof TPipelines) => {
      const p = loaded.find((x) => x.productKind === kind && x.isDefault);
      if (!p) throw new Error(`the new tenant has no ${kind} pipeline`);
      return {
        id: p.id,
        stages: p.stages.map((s) => ({ key: s.key, kind: s.kind })),
        lossReasons: p.lossReasons.map((l) => l.key),
      };
    };
    return {
      tenantId: tenant.id,
      pipelines: {
        mortgage: info('mortgage'),
        consumer_loan: info('consumer_loan'),
        insurance: info('insurance'),
      },
    };
  } finally {
    await database.close();
  }
}

/** The secondary indexes of the bulk tables (not those behind primary keys or constraints). */
async function secondaryIndexes(pool: pg.Pool) {
  const r = await pool.query(
    `select i.indexname as name, i.indexdef as definition from pg_indexes i
     where i.schemaname = 'public' and i.tablename = any($1)
       and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`,
    [BULK_TABLES],
  );
  return r.rows as { name: string; definition: string }[];
}

/**
 * Seeds the firm into the migrated, empty database at `url` and answers how fast. As superuser the
 * load skips trigger and foreign-key checks (the generator keeps every reference valid) and builds
 * the secondary indexes after the rows are in, as a restore does.
 */
export async function seedCrm(url: string, shape: TCrmShape, log: (line: string) => void) {
  const started = performance.now();
  const { tenantId, pipelines } = await createFirm(url);
  const pool = new pg.Pool({ connectionString: url, max: 8, application_name: 'kontor-bench-seed' });
  try {
    const bulk =
      (await pool.query('select rolsuper from pg_roles where rolname = current_user')).rows[0]?.rolsuper ===
      true;
    await seedOrganisation(pool, tenantId);
    const indexes = await secondaryIndexes(pool);
    for (const ix of indexes) await pool.query(`drop index ${ix.name}`);
    const loadStarted = performance.now();
    let rows = 0;
    log(`seeding ${shape.clients} clients with contacts…`);
    rows += await seedClients(pool, tenantId, shape, bulk);
    log(`seeding ${shape.cases} cases…`);
    rows += await seedCases(pool, tenantId, shape, pipelines, bulk);
    log(`seeding ${shape.activities} activities…`);
    rows += await seedActivities(pool, tenantId, shape, bulk);
    // what the triggers of migration 0008 keep, in one statement (the load skipped the triggers)
    log('deriving who reaches which client…');
    // its primary key is built after the rows are in, like the other indexes (the view is distinct)
    await pool.query('alter table client_reach drop constraint client_reach_pkey');
    rows += (
      await pool.query(
        `insert into client_reach (tenant_id, client_id, user_id)
         select tenant_id, client_id, user_id from client_reach_expected where tenant_id = $1`,
        [tenantId],
      )
    ).rowCount!;
    const loadSeconds = (performance.now() - loadStarted) / 1000;
    log(`building ${indexes.length} indexes…`);
    const indexStarted = performance.now();
    // Two at a time: the machine's cores build them side by side.
    const queue = [...indexes];
    await Promise.all(
      [0, 1].map(async () => {
        const c = await pool.connect();
        try {
          await c.query(`set maintenance_work_mem = '512MB'`);
          for (let ix = queue.shift(); ix; ix = queue.shift()) await c.query(ix.definition);
        } finally {
          c.release();
        }
      }),
    );
    await pool.query('alter table client_reach add primary key (tenant_id, client_id, user_id)');
    // as autovacuum would in time: statistics, and the visibility map index-only scans need
    await pool.query('vacuum analyze');
    const indexSeconds = (performance.now() - indexStarted) / 1000;
    const stats: TSeedStats = {
      rows,
      loadSeconds,
      indexSeconds,
      seconds: (performance.now() - started) / 1000,
    };
    const fixture: TCrmFixture = { tenantId, pipelines, shape };
    return { fixture, stats };
  } finally {
    await pool.end();
  }
}
