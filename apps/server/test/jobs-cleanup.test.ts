import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { TDatabase } from '../src/platform/db';
import { cleanUpJobs, enqueueJob } from '../src/platform/jobs';
import { asSystem } from '../src/platform/tx';
import { freshDatabase } from './helpers/database';

let database: TDatabase;
beforeAll(async () => {
  database = await freshDatabase();
});
afterAll(() => database.close());

it('deletes done jobs after 30 days and failed ones after 90, keeping dedupe keys and open work', async () => {
  const add = (kind: string, status: string, daysAgo: number, dedupeKey?: string) =>
    asSystem(database, async (tx) => {
      await enqueueJob(tx, { tenantId: null, kind, dedupeKey });
      await sql`update jobs set status = ${status}, finished_at = now() - make_interval(days => ${daysAgo})
        where kind = ${kind}`.execute(tx);
    });
  await add('done-old', 'done', 31);
  await add('done-recent', 'done', 29);
  await add('failed-old', 'failed', 91);
  await add('failed-recent', 'failed', 60);
  await add('done-deduped', 'done', 400, 'backup.daily:2025-01-01');
  await add('queued', 'queued', 100);
  expect(await cleanUpJobs(database)).toBe(2);
  const left = await database.db.selectFrom('jobs').select('kind').orderBy('kind').execute();
  expect(left.map((j) => j.kind)).toEqual(['done-deduped', 'done-recent', 'failed-recent', 'queued']);
});
