import { serve } from '@hono/node-server';
import pino from 'pino';
import { createApp } from './app';
import { closeStatementRenderer } from './features/commissions/statements';
import { jobHandlers } from './jobs';
import type { TConfig } from './platform/config';
import type { TDatabase } from './platform/db';
import type { TDeps } from './platform/deps';
import { enqueueJob, JobRunner } from './platform/jobs';
import { createMailer } from './platform/mail';
import { openConfiguredDatabase } from './platform/open';
import { RateLimiter } from './platform/rate-limit';
import { asSystem } from './platform/tx';

const HOUR_MS = 60 * 60 * 1000;

/** Wires the dependencies of a running server around an open database. */
export function buildDeps(database: TDatabase, config: TConfig, logger = pino({ level: config.logLevel })) {
  const mailer = createMailer(config.smtpUrl, config.mailFrom, logger);
  let runner: JobRunner | null = null;
  const deps: TDeps = {
    database,
    config,
    logger,
    mailer,
    wakeJobs: () => runner?.wake(),
    publicLimiter: new RateLimiter(config.publicRateLimit),
  };
  runner = new JobRunner(database, jobHandlers(deps), logger, { concurrency: config.jobConcurrency });
  return { deps, runner };
}

/**
 * Queues the day's (UTC) backup and clean-up of finished jobs. The dedupe keys make them one job
 * each a day, however often and by however many server processes this is called.
 */
export async function scheduleDailyJobs(
  database: TDatabase,
  now = new Date(),
  options: { backups: boolean } = { backups: true },
): Promise<void> {
  const day = now.toISOString().slice(0, 10);
  const kinds = options.backups ? ['backup.daily', 'jobs.cleanup'] : ['jobs.cleanup'];
  await asSystem(database, async (tx) => {
    for (const kind of kinds) {
      await enqueueJob(tx, { tenantId: null, kind, payload: { day }, dedupeKey: `${kind}:${day}` });
    }
  });
}

/** `kontor serve`: opens and migrates the database, runs jobs, answers HTTP until stopped. */
export async function startServer(config: TConfig) {
  const logger = pino({ level: config.logLevel });
  const database = await openConfiguredDatabase(config, 'kontor serve', { logger });
  const { deps, runner } = buildDeps(database, config, logger);
  const { app } = createApp(deps);
  runner.start();
  const server = serve({ fetch: app.fetch, port: config.port });
  await new Promise<void>((resolve, reject) => {
    server.once('listening', () => resolve());
    server.once('error', reject);
  });
  logger.info(
    { port: config.port, engine: database.engine, location: database.location },
    `Kontor listens on http://localhost:${config.port}`,
  );
  // Asked on start and hourly rather than at a fixed time, so a server that was down at midnight
  // still makes the day's backup.
  let scheduling: Promise<void> = Promise.resolve();
  const queueBackup = () => {
    scheduling = scheduleDailyJobs(database, new Date(), { backups: config.backupKeep > 0 })
      .then(() => runner.wake())
      .catch((error) => logger.error({ err: error }, 'could not queue the daily backup'));
  };
  queueBackup();
  const backupTimer = setInterval(queueBackup, HOUR_MS);
  backupTimer.unref();
  const stop = async () => {
    logger.info('stopping');
    clearInterval(backupTimer);
    await scheduling;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await runner.stop();
    await closeStatementRenderer(deps);
    deps.mailer.close();
    await database.close();
  };
  return { stop, deps };
}
