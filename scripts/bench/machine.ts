import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { postgresVersion } from './postgres';

export type TMachine = {
  cpus: number;
  cpuModel: string;
  memoryGiB: number;
  platform: string;
  /** 1-minute load average when the bench started: other work on the machine skews the figures. */
  loadAverage: number;
  node: string;
  postgres: string;
  pglite: string;
};

// The package does not export its package.json: find it above its entry point.
function packageVersion(name: string): string {
  let dir = path.dirname(createRequire(import.meta.url).resolve(name));
  while (dir !== path.dirname(dir)) {
    const file = path.join(dir, 'package.json');
    if (fs.existsSync(file)) {
      const pkg = JSON.parse(fs.readFileSync(file, 'utf8')) as { name?: string; version?: string };
      if (pkg.name === name) return pkg.version ?? '?';
    }
    dir = path.dirname(dir);
  }
  return '?';
}

// Opens the data folder a cold start left behind: creating a fresh PGlite costs seconds (initdb).
async function pgliteVersion(dataDir: string): Promise<string> {
  const pglite = await PGlite.create(dataDir);
  try {
    const r = await pglite.query<{ version: string }>('select version()');
    return `${r.rows[0]!.version} (@electric-sql/pglite ${packageVersion('@electric-sql/pglite')})`;
  } finally {
    await pglite.close();
  }
}

/** The 1-minute load average, rounded. */
export const loadAverage = () => Math.round(os.loadavg()[0]! * 100) / 100;

/** What the figures were measured on: they mean little without it. */
export async function describeMachine(
  adminUrl: string,
  pgliteDir: string | null,
  load: number,
): Promise<TMachine> {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? 'unknown',
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    platform: `${os.platform()} ${os.arch()} ${os.release()}`,
    loadAverage: load,
    node: process.version,
    postgres: await postgresVersion(adminUrl),
    pglite: pgliteDir ? await pgliteVersion(pgliteDir) : 'not measured (BENCH_ONLY=crm)',
  };
}
