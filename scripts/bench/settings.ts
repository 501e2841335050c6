import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root: scripts/bench/ sits two folders below it. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const KONTOR_BIN = path.join(ROOT, 'apps/server/bin/kontor.js');

export type TSettings = {
  /** Measured seconds per load scenario. */
  seconds: number;
  /** Seconds of unmeasured load before each scenario (connections, JIT, caches). */
  warmupSeconds: number;
  concurrency: number;
  /** A PostgreSQL server where the bench may create and drop databases. */
  adminUrl: string;
  /** Where the figures go as JSON. */
  outFile: string;
  /** BENCH_ONLY: run only the sign-in (auth), the clients-and-cases (crm) or the commission part. */
  only: 'auth' | 'crm' | 'commissions' | null;
};

function numberEnv(name: string, fallback: number, min: number): number {
  const raw = process.env[name]?.trim();
  if (!raw) return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < min) throw new Error(`${name} must be a number of at least ${min}`);
  return n;
}

function onlyEnv(): TSettings['only'] {
  const raw = process.env.BENCH_ONLY?.trim();
  if (!raw) return null;
  if (raw !== 'auth' && raw !== 'crm' && raw !== 'commissions') {
    throw new Error('BENCH_ONLY must be auth, crm or commissions');
  }
  return raw;
}

/** Reads BENCH_SECONDS, BENCH_WARMUP_SECONDS, BENCH_CONCURRENCY, BENCH_DATABASE_URL. */
export function loadSettings(): TSettings {
  return {
    seconds: numberEnv('BENCH_SECONDS', 5, 0.5),
    warmupSeconds: numberEnv('BENCH_WARMUP_SECONDS', 1, 0),
    concurrency: Math.round(numberEnv('BENCH_CONCURRENCY', 32, 1)),
    adminUrl: process.env.BENCH_DATABASE_URL?.trim() || 'postgres://postgres@127.0.0.1:5432/postgres',
    outFile: path.join(ROOT, 'artifacts/bench.json'),
    only: onlyEnv(),
  };
}

/** A scratch folder for one bench run (PGlite data, server logs). */
export function scratchDir(): string {
  return path.join(os.tmpdir(), `kontor-bench-${process.pid}-${Date.now().toString(36)}`);
}
