import { randomUUID } from 'node:crypto';
import { retryDelayMs } from '@kontor/domain';
import { sql } from 'kysely';
import type { Logger } from 'pino';
import type { TDatabase, TDb } from './db';
import { asSystem, type TTx } from './tx';

export type TJob = { id: number; tenantId: string | null; kind: string; payload: unknown; attempts: number };
export type TJobHandler = (job: TJob) => Promise<void>;

export type TEnqueue = {
  tenantId: string | null;
  kind: string;
  payload?: unknown;
  runAt?: Date;
  /** At most one job with this key ever exists; enqueueing it again does nothing. */
  dedupeKey?: string;
  maxAttempts?: number;
};

/** Adds a job in the caller's transaction: it exists exactly when the caller's change does. */
export async function enqueueJob(tx: TTx | TDb, job: TEnqueue): Promise<void> {
  await tx
    .insertInto('jobs')
    .values({
      tenant_id: job.tenantId,
      kind: job.kind,
      payload: JSON.stringify(job.payload ?? {}),
      run_at: job.runAt ?? new Date(),
      dedupe_key: job.dedupeKey ?? null,
      max_attempts: job.maxAttempts ?? 8,
    })
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .execute();
}

/** Adds many jobs in the caller's transaction with one statement (a statement run's mails). */
export async function enqueueJobs(tx: TTx | TDb, jobs: readonly TEnqueue[]): Promise<void> {
  if (jobs.length === 0) return;
  await tx
    .insertInto('jobs')
    .values(
      jobs.map((job) => ({
        tenant_id: job.tenantId,
        kind: job.kind,
        payload: JSON.stringify(job.payload ?? {}),
        run_at: job.runAt ?? new Date(),
        dedupe_key: job.dedupeKey ?? null,
        max_attempts: job.maxAttempts ?? 8,
      })),
    )
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .execute();
}

export type TRunnerOptions = {
  pollMs?: number;
  leaseMs?: number;
  retryBaseMs?: number;
  /** Jobs run at once by this runner (default 1): one waits on the database while another computes. */
  concurrency?: number;
};

type TClaimed = { id: number; tenant_id: string | null; kind: string; payload: unknown; attempts: number };

/**
 * Takes due jobs from the `jobs` table one at a time with FOR UPDATE SKIP LOCKED, so that several
 * server processes never run the same job. A runner renews its lease while a handler runs; a job
 * whose process died is taken again once its lease has run out.
 * docs/adr/0002-job-queue.md says why this is not a library and what a handler must tolerate.
 */
export class JobRunner {
  readonly workerId = `${process.pid}-${randomUUID().slice(0, 8)}`;
  readonly #pollMs: number;
  readonly #leaseMs: number;
  readonly #retryBaseMs: number;
  readonly #concurrency: number;
  #timer: NodeJS.Timeout | null = null;
  #running: Promise<void> | null = null;
  #stopped = true;
  #halted = false;
  #woken = false;

  constructor(
    readonly database: TDatabase,
    readonly handlers: Record<string, TJobHandler>,
    readonly logger: Logger,
    options: TRunnerOptions = {},
  ) {
    this.#pollMs = options.pollMs ?? 1_000;
    this.#leaseMs = options.leaseMs ?? 5 * 60_000;
    this.#retryBaseMs = options.retryBaseMs ?? 2_000;
    this.#concurrency = Math.max(1, options.concurrency ?? 1);
  }

  start() {
    this.#stopped = false;
    this.#halted = false;
    this.#schedule(0);
  }

  /** Looks for work now instead of at the next poll (after enqueueing in this process). */
  wake() {
    if (this.#stopped) return;
    // A drain under way may already have found the queue empty: it looks once more when it ends.
    if (this.#running) this.#woken = true;
    else this.#schedule(0);
  }

  async stop() {
    this.#stopped = true;
    this.#halted = true;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
    await this.#running;
  }

  #schedule(ms: number) {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => {
      this.#timer = null;
      this.#woken = false;
      this.#running = this.drain()
        .then(() => undefined)
        .catch((error) => this.logger.error({ err: error }, 'job runner failed'))
        .finally(() => {
          this.#running = null;
          if (!this.#stopped) this.#schedule(this.#woken ? 0 : this.#pollMs);
        });
    }, ms);
    this.#timer.unref();
  }

  /** Runs due jobs until none is left (or the runner is stopped); answers how many ran. */
  async drain(): Promise<number> {
    let count = 0;
    const loop = async () => {
      while (!this.#halted && (await this.runOne())) count += 1;
    };
    await Promise.all(Array.from({ length: this.#concurrency }, loop));
    return count;
  }

  /** Claims and runs one due job; false when there was none. */
  async runOne(): Promise<boolean> {
    const job = await this.#claim();
    if (!job) return false;
    const handler = this.handlers[job.kind];
    const lease = this.#keepLease(job.id);
    try {
      if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
      await handler({
        id: job.id,
        tenantId: job.tenant_id,
        kind: job.kind,
        payload: job.payload,
        attempts: job.attempts,
      });
    } catch (error) {
      await lease.end();
      await this.#fail(job, error);
      return true;
    }
    await lease.end();
    // Only while the lease is still ours: after it expired another worker owns the job. locked_by
    // stays on a done job to tell which process ran it.
    await asSystem(this.database, (tx) =>
      sql`update jobs set status = 'done', finished_at = now(), last_error = null
          where id = ${job.id} and status = 'running' and locked_by = ${this.workerId}`.execute(tx),
    );
    return true;
  }

  async #claim(): Promise<TClaimed | undefined> {
    return asSystem(this.database, async (tx) => {
      // A job still 'running' after its lease belongs to a process that died mid-job. It counts as
      // an attempt, so a job that kills its process every time ends 'failed' instead of looping.
      await sql`update jobs set
          status = case when attempts >= max_attempts then 'failed' else 'queued' end,
          finished_at = case when attempts >= max_attempts then now() end,
          last_error = 'lease of ' || locked_by || ' expired',
          locked_by = null, locked_at = null
        where status = 'running' and locked_at < now() - make_interval(secs => ${this.#leaseMs / 1000})`.execute(
        tx,
      );
      const r = await sql<TClaimed>`
        update jobs set status = 'running', locked_by = ${this.workerId}, locked_at = now(), attempts = attempts + 1
        where id = (select id from jobs where status = 'queued' and run_at <= now()
                    order by run_at, id limit 1 for update skip locked)
        returning id, tenant_id, kind, payload, attempts`.execute(tx);
      return r.rows[0];
    });
  }

  // A live worker renews its lease while the handler runs (a long backup), so only a dead process
  // loses its job to another.
  #keepLease(id: number) {
    let renewing: Promise<unknown> = Promise.resolve();
    const renew = () => {
      renewing = asSystem(this.database, (tx) =>
        sql`update jobs set locked_at = now()
            where id = ${id} and status = 'running' and locked_by = ${this.workerId}`.execute(tx),
      ).catch((error) => this.logger.warn({ job: id, err: error }, 'could not renew the job lease'));
    };
    const timer = setInterval(renew, Math.max(1, Math.floor(this.#leaseMs / 3)));
    timer.unref();
    return {
      end: async () => {
        clearInterval(timer);
        await renewing;
      },
    };
  }

  async #fail(job: TClaimed, error: unknown) {
    const message = error instanceof Error ? error.message : String(error);
    this.logger.warn({ job: job.id, kind: job.kind, attempt: job.attempts, err: message }, 'job failed');
    const delay = retryDelayMs(job.attempts, this.#retryBaseMs);
    await asSystem(this.database, (tx) =>
      sql`update jobs set
            status = case when attempts >= max_attempts then 'failed' else 'queued' end,
            finished_at = case when attempts >= max_attempts then now() end,
            run_at = now() + make_interval(secs => ${delay / 1000}),
            locked_by = null, locked_at = null, last_error = ${message.slice(0, 2000)}
          where id = ${job.id} and locked_by = ${this.workerId}`.execute(tx),
    );
  }
}

/**
 * Deletes finished jobs: done ones after 30 days, failed ones after 90 (time to look into them).
 * Jobs with a dedupe key stay, or the same daily job could be queued again.
 */
export async function cleanUpJobs(database: TDatabase): Promise<number> {
  return asSystem(database, async (tx) => {
    const r = await sql`delete from jobs where dedupe_key is null and (
        (status = 'done' and finished_at < now() - interval '30 days') or
        (status = 'failed' and finished_at < now() - interval '90 days'))`.execute(tx);
    return Number(r.numAffectedRows ?? 0);
  });
}
