import fs from 'node:fs';
import path from 'node:path';
import { backupsToPrune } from '@kontor/domain';
import { mailStatement } from './features/commissions/statements';
import { verifyBackup, writeBackup } from './platform/backup';
import type { TDeps } from './platform/deps';
import { cleanUpJobs, type TJobHandler } from './platform/jobs';
import type { TMail } from './platform/mail';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const DAILY_BACKUP = /^kontor-\d{4}-\d{2}-\d{2}\.jsonl\.gz$/;

// Runs in the server process on the database it already holds (PGlite admits one process only),
// with the document files of its data directory. Only a backup that reads back with the right
// checksums replaces old ones; a bad one is removed and the job retried. A stored file missing or
// damaged fails the job with the list of such files, and no backup is written.
async function dailyBackup(deps: TDeps, payload: unknown): Promise<void> {
  const asked = (payload as { day?: unknown } | null)?.day;
  const day = typeof asked === 'string' && DAY.test(asked) ? asked : new Date().toISOString().slice(0, 10);
  const dir = path.join(deps.config.dataDir, 'backups');
  const file = path.join(dir, `kontor-${day}.jsonl.gz`);
  const started = Date.now();
  const written = await writeBackup(deps.database, file, { dataDir: deps.config.dataDir });
  try {
    const read = await verifyBackup(file);
    const sums = (m: typeof read) => JSON.stringify([m.tables, m.files]);
    if (sums(read) !== sums(written)) throw new Error('manifest differs');
  } catch (error) {
    fs.rmSync(file, { force: true });
    throw new Error(`the backup ${file} did not verify: ${(error as Error).message}`);
  }
  const pruned = backupsToPrune(
    fs.readdirSync(dir).filter((name) => DAILY_BACKUP.test(name)),
    deps.config.backupKeep,
  );
  for (const name of pruned) fs.rmSync(path.join(dir, name), { force: true });
  const rows = written.tables.reduce((sum, t) => sum + t.rows, 0);
  const { files } = written;
  deps.logger.info(
    { file, rows, files: files?.count, fileBytes: files?.bytes, ms: Date.now() - started, pruned },
    'daily backup written and verified',
  );
}

/** Every kind of background job and what runs it. */
export function jobHandlers(deps: TDeps): Record<string, TJobHandler> {
  return {
    'mail.send': async (job) => deps.mailer.send(job.payload as TMail),
    'backup.daily': (job) => dailyBackup(deps, job.payload),
    'statement.mail': (job) => mailStatement(deps, job),
    'jobs.cleanup': async () => {
      const removed = await cleanUpJobs(deps.database);
      deps.logger.info({ removed }, 'finished jobs cleaned up');
    },
  };
}
