import { setTimeout as sleep } from 'node:timers/promises';
import { retryDelayMs } from '@kontor/domain';
import { sql } from 'kysely';
import pino from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openPostgres, type TDatabase } from '../src/platform/db';
import { enqueueJob, JobRunner, type TJobHandler } from '../src/platform/jobs';
import { asSystem } from '../src/platform/tx';
import {
  createPostgresDatabase,
  ENGINE,
  freshDatabase,
  prepareDatabase,
  reopenableDatabase,
} from './helpers/database';

const logger = pino({ level: process.env.TEST_LOG ? 'debug' : 'silent' });

let database: TDatabase;

beforeAll(async () => {
  database = await freshDatabase();
});
afterAll(() => database?.close());
beforeEach(async () => {
  await database.db.deleteFrom('jobs').execute();
});

const allJobs = (db: TDatabase = database) => db.db.selectFrom('jobs').selectAll().orderBy('id').execute();

async function onlyJob(db: TDatabase = database) {
  const jobs = await allJobs(db);
  expect(jobs).toHaveLength(1);
  return jobs[0]!;
}

async function databaseNow(): Promise<number> {
  const r = await sql<{ now: Date }>`select now() as now`.execute(database.db);
  return r.rows[0]!.now.getTime();
}

/** Waits until `condition` holds, looking every 50 ms, for at most `timeoutMs`. */
async function until(condition: () => Promise<boolean>, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await sleep(50);
  }
}

/** A runner with handlers that record what they were given. */
function recordingRunner(db: TDatabase, kinds: string[]) {
  const ran: unknown[] = [];
  const handler: TJobHandler = async (job) => {
    ran.push(job.payload);
  };
  const runner = new JobRunner(db, Object.fromEntries(kinds.map((k) => [k, handler])), logger);
  return { runner, ran };
}

describe('enqueueing', () => {
  it('never runs a job enqueued in a transaction that rolled back', async () => {
    const failed = asSystem(database, async (tx) => {
      await enqueueJob(tx, { tenantId: null, kind: 'test.note', payload: { n: 1 } });
      throw new Error('the change failed');
    });
    await expect(failed).rejects.toThrow('the change failed');
    await asSystem(database, (tx) =>
      enqueueJob(tx, { tenantId: null, kind: 'test.note', payload: { n: 2 } }),
    );
    const { runner, ran } = recordingRunner(database, ['test.note']);
    expect(await runner.drain()).toBe(1);
    expect(ran).toEqual([{ n: 2 }]);
  });

  it('keeps one job per dedupe key', async () => {
    for (const n of [1, 2]) {
      await enqueueJob(database.db, { tenantId: null, kind: 'test.note', payload: { n }, dedupeKey: 'once' });
    }
    const { runner, ran } = recordingRunner(database, ['test.note']);
    expect(await runner.drain()).toBe(1);
    expect(ran).toEqual([{ n: 1 }]);
  });
});

describe('failures', () => {
  it('retries with growing back-off, then marks the job failed with the last error', async () => {
    const base = 60_000;
    const runner = new JobRunner(
      database,
      { 'test.flaky': async (job) => Promise.reject(new Error(`refused on attempt ${job.attempts}`)) },
      logger,
      { retryBaseMs: base },
    );
    await enqueueJob(database.db, { tenantId: null, kind: 'test.flaky', maxAttempts: 3 });
    const waits: { min: number; max: number }[] = [];
    for (const attempt of [1, 2]) {
      const before = await databaseNow();
      expect(await runner.runOne()).toBe(true);
      const after = await databaseNow();
      const job = await onlyJob();
      expect(job).toMatchObject({
        status: 'queued',
        attempts: attempt,
        last_error: `refused on attempt ${attempt}`,
      });
      // The failure was written between `before` and `after`, so the wait it set lies in between.
      const wait = { min: job.run_at.getTime() - after, max: job.run_at.getTime() - before };
      expect(retryDelayMs(attempt, base)).toBeGreaterThanOrEqual(wait.min);
      expect(retryDelayMs(attempt, base)).toBeLessThanOrEqual(wait.max);
      waits.push(wait);
      expect(await runner.runOne()).toBe(false);
      await database.db
        .updateTable('jobs')
        .set({ run_at: new Date(before) })
        .execute();
    }
    expect(waits[1]!.min).toBeGreaterThan(waits[0]!.max);

    expect(await runner.runOne()).toBe(true);
    const job = await onlyJob();
    expect(job).toMatchObject({ status: 'failed', attempts: 3, last_error: 'refused on attempt 3' });
    expect(job.finished_at).toBeInstanceOf(Date);
    await database.db
      .updateTable('jobs')
      .set({ run_at: new Date(0) })
      .execute();
    expect(await runner.runOne()).toBe(false);
  });

  it('fails a job of a kind nobody handles instead of dropping it', async () => {
    await enqueueJob(database.db, { tenantId: null, kind: 'test.unknown', maxAttempts: 1 });
    const { runner } = recordingRunner(database, ['test.note']);
    expect(await runner.drain()).toBe(1);
    expect(await onlyJob()).toMatchObject({
      status: 'failed',
      last_error: 'no handler for job kind test.unknown',
    });
  });
});

describe('restarts and dead processes', () => {
  it('runs after a restart what was queued before it, and what a dead process had taken', async () => {
    const place = await reopenableDatabase();
    try {
      const before = await place.open();
      await enqueueJob(before.db, { tenantId: null, kind: 'test.note', payload: { n: 1 } });
      await enqueueJob(before.db, { tenantId: null, kind: 'test.note', payload: { n: 2 } });
      // The process that took job 2 died mid-job ten minutes ago: its lease (5 minutes) has run out.
      await sql`update jobs set status = 'running', attempts = 1, locked_by = 'dead-process',
        locked_at = now() - interval '10 minutes' where payload->>'n' = '2'`.execute(before.db);
      await before.close();

      const after = await place.open();
      try {
        const { runner, ran } = recordingRunner(after, ['test.note']);
        expect(await runner.drain()).toBe(2);
        expect(ran).toEqual(expect.arrayContaining([{ n: 1 }, { n: 2 }]));
        const jobs = await allJobs(after);
        expect(jobs.map((j) => [j.status, j.attempts, j.locked_by])).toEqual([
          ['done', 1, runner.workerId],
          ['done', 2, runner.workerId],
        ]);
      } finally {
        await after.close();
      }
    } finally {
      await place.remove();
    }
  });

  it('leaves a job to its worker while the lease lasts, and ignores that worker once it ran out', async () => {
    let started!: () => void;
    const isStarted = new Promise<void>((resolve) => {
      started = resolve;
    });
    let giveUp!: (error: Error) => void;
    const slowHandler: TJobHandler = () =>
      new Promise<void>((_, reject) => {
        giveUp = reject;
        started();
      });
    const slow = new JobRunner(database, { 'test.slow': slowHandler }, logger);
    await enqueueJob(database.db, { tenantId: null, kind: 'test.slow' });
    const slowRun = slow.runOne();
    await isStarted;

    const { runner: other, ran } = recordingRunner(database, ['test.slow']);
    expect(await other.runOne()).toBe(false);
    await sql`update jobs set locked_at = now() - interval '10 minutes'`.execute(database.db);
    expect(await other.runOne()).toBe(true);
    expect(ran).toHaveLength(1);

    // The first worker, frozen past its lease (a suspended machine), comes back with a failure:
    // the job stays done.
    giveUp(new Error('too late'));
    await slowRun;
    expect(await onlyJob()).toMatchObject({
      status: 'done',
      attempts: 2,
      locked_by: other.workerId,
      last_error: null,
    });
  });

  it('renews the lease while a handler runs, so a long job is not taken from a live worker', async () => {
    let finish!: () => void;
    const finished = new Promise<void>((resolve) => {
      finish = resolve;
    });
    // A lease of 3 s is renewed every second; the other runner keeps the default of 5 minutes.
    const long = new JobRunner(database, { 'test.long': () => finished }, logger, { leaseMs: 3_000 });
    await enqueueJob(database.db, { tenantId: null, kind: 'test.long' });
    const longRun = long.runOne();
    await until(async () => (await onlyJob()).status === 'running');
    await sql`update jobs set locked_at = now() - interval '10 minutes'`.execute(database.db);
    await until(async () => {
      const r = await sql<{ fresh: boolean }>`
        select locked_at > now() - interval '1 minute' as fresh from jobs`.execute(database.db);
      return r.rows[0]!.fresh;
    });

    const { runner: other, ran } = recordingRunner(database, ['test.long']);
    expect(await other.runOne()).toBe(false);
    finish();
    await longRun;
    expect(ran).toEqual([]);
    expect(await onlyJob()).toMatchObject({ status: 'done', attempts: 1, locked_by: long.workerId });
  });

  it('fails a job whose lease ran out on its last attempt instead of starting it again', async () => {
    await enqueueJob(database.db, { tenantId: null, kind: 'test.note', maxAttempts: 2 });
    await sql`update jobs set status = 'running', attempts = 2, locked_by = 'dead-process',
      locked_at = now() - interval '10 minutes'`.execute(database.db);
    const { runner, ran } = recordingRunner(database, ['test.note']);
    expect(await runner.drain()).toBe(0);
    expect(ran).toEqual([]);
    expect(await onlyJob()).toMatchObject({ status: 'failed', last_error: 'lease of dead-process expired' });
  });
});

describe('the running server', () => {
  it('runs a woken job at once, even when the wake comes as a drain is ending', async () => {
    const ran: string[] = [];
    const waiting: (() => void)[] = [];
    const nextRun = () => new Promise<void>((resolve) => waiting.push(resolve));
    const handler: TJobHandler = async (job) => {
      ran.push(job.payload as string);
      waiting.shift()?.();
    };
    let late = true;
    // Enqueues and wakes just after a drain found the queue empty, before that drain has ended.
    class LateRunner extends JobRunner {
      override async runOne() {
        const found = await super.runOne();
        if (!found && late) {
          late = false;
          await enqueueJob(this.database.db, { tenantId: null, kind: 'test.note', payload: 'late' });
          this.wake();
        }
        return found;
      }
    }
    // An hour between polls: only wake() can make these jobs run within the test.
    const runner = new LateRunner(database, { 'test.note': handler }, logger, { pollMs: 3_600_000 });
    try {
      const lateRan = nextRun();
      runner.start();
      await lateRan;
      const idleRan = nextRun();
      await enqueueJob(database.db, { tenantId: null, kind: 'test.note', payload: 'idle' });
      runner.wake();
      await idleRan;
      expect(ran).toEqual(['late', 'idle']);
    } finally {
      await runner.stop();
    }
  });
});

describe('several server processes', () => {
  const JOBS = 200;

  it('runs each job exactly once with two runners on separate connection pools', async (ctx) => {
    if (ENGINE !== 'postgres') {
      ctx.skip('PostgreSQL only: PGlite is one connection inside one process, so no second runner exists');
    }
    const { url, drop } = await createPostgresDatabase();
    const one = await prepareDatabase(openPostgres(url));
    const two = openPostgres(url);
    try {
      // A second run of a job would break the primary key and leave its error on the job.
      await sql`create table job_effects (job_id bigint primary key, runner text not null)`.execute(one.db);
      await asSystem(one, async (tx) => {
        for (let n = 0; n < JOBS; n++)
          await enqueueJob(tx, { tenantId: null, kind: 'test.effect', payload: { n } });
      });
      const effect =
        (db: TDatabase, name: string): TJobHandler =>
        async (job) => {
          await sql`insert into job_effects (job_id, runner) values (${job.id}, ${name})`.execute(db.db);
          await sleep(3);
        };
      const runners = [
        new JobRunner(one, { 'test.effect': effect(one, 'one') }, logger),
        new JobRunner(two, { 'test.effect': effect(two, 'two') }, logger),
      ];
      const counts = await Promise.all(runners.map((r) => r.drain()));

      expect(counts[0]! + counts[1]!).toBe(JOBS);
      expect(counts[0]).toBeGreaterThan(0);
      expect(counts[1]).toBeGreaterThan(0);
      const effects = await sql<{ runner: string; n: number }>`
        select runner, count(*)::int as n from job_effects group by runner order by runner`.execute(one.db);
      expect(effects.rows).toEqual([
        { runner: 'one', n: counts[0] },
        { runner: 'two', n: counts[1] },
      ]);
      const jobs = await allJobs(one);
      expect(
        jobs.filter((j) => j.status === 'done' && j.attempts === 1 && j.last_error === null),
      ).toHaveLength(JOBS);
      expect(jobs.filter((j) => j.locked_by === runners[0]!.workerId)).toHaveLength(counts[0]!);
    } finally {
      await two.close();
      await one.close();
      await drop();
    }
  });
});
