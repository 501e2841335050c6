import path from 'node:path';
import { DEFAULT_WEB_DIR } from './web-app';

export type TConfig = {
  port: number;
  dataDir: string;
  databaseUrl: string | null;
  publicUrl: string;
  smtpUrl: string | null;
  mailFrom: string;
  backupKeep: number;
  /** Background jobs run at once per process (statement mails render while another waits). */
  jobConcurrency: number;
  /** Worker threads rendering statement PDFs and spreadsheets beside the main thread (0: none). */
  renderThreads: number;
  /** Connections of the pool to a PostgreSQL server (per process). */
  dbPoolSize: number;
  trustProxy: boolean;
  /** Requests per minute and client address on public endpoints (login, password reset). */
  publicRateLimit: number;
  /** The largest uploaded file accepted, in bytes (KONTOR_MAX_UPLOAD_MB, default 25 MiB). */
  maxUploadBytes: number;
  logLevel: string;
  /** The built web app served at `/` (KONTOR_WEB_DIR, default apps/web/dist). */
  webDir: string;
};

function intEnv(env: NodeJS.ProcessEnv, name: string, fallback: number, min = 1): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) throw new Error(`${name} must be a whole number of at least ${min}`);
  return n;
}

/** Reads the configuration from the environment; the README lists every variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): TConfig {
  const port = intEnv(env, 'PORT', 3000);
  const databaseUrl = env.DATABASE_URL?.trim() || null;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new Error('DATABASE_URL must start with postgres:// or postgresql://');
  }
  return {
    port,
    dataDir: path.resolve(env.KONTOR_DATA_DIR?.trim() || 'data'),
    databaseUrl,
    publicUrl: (env.KONTOR_PUBLIC_URL?.trim() || `http://localhost:${port}`).replace(/\/+$/, ''),
    smtpUrl: env.KONTOR_SMTP_URL?.trim() || null,
    mailFrom: env.KONTOR_MAIL_FROM?.trim() || 'Kontor <kontor@localhost>',
    backupKeep: intEnv(env, 'KONTOR_BACKUP_KEEP', 14, 0),
    jobConcurrency: intEnv(env, 'KONTOR_JOB_CONCURRENCY', 2, 1),
    renderThreads: intEnv(env, 'KONTOR_RENDER_THREADS', 1, 0),
    dbPoolSize: intEnv(env, 'KONTOR_DB_POOL_SIZE', 10),
    trustProxy: env.KONTOR_TRUST_PROXY === '1' || env.KONTOR_TRUST_PROXY === 'true',
    publicRateLimit: intEnv(env, 'KONTOR_PUBLIC_RATE_LIMIT', 20),
    maxUploadBytes: intEnv(env, 'KONTOR_MAX_UPLOAD_MB', 25) * 1024 * 1024,
    logLevel: env.KONTOR_LOG_LEVEL?.trim() || 'info',
    webDir: env.KONTOR_WEB_DIR?.trim() ? path.resolve(env.KONTOR_WEB_DIR.trim()) : DEFAULT_WEB_DIR,
  };
}
