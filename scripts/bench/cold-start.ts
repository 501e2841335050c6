import { spawn } from 'node:child_process';
import path from 'node:path';
import type { Cleanup } from './cleanup';
import { createBenchDatabase } from './postgres';
import { startServerProcess } from './server-process';
import { KONTOR_BIN, ROOT, type TSettings } from './settings';

export type TColdStart = {
  engine: 'pglite' | 'postgres';
  /** fresh: empty database, migrations run; warm: second start on the migrated database. */
  start: 'fresh' | 'warm';
  ms: number;
};

async function startAndStop(cleanup: Cleanup, env: Record<string, string>, logFile: string): Promise<number> {
  const server = await startServerProcess(env, logFile);
  const stop = cleanup.defer(`stop server ${server.pid}`, server.stop);
  await stop();
  return server.readyMs;
}

async function freshAndWarm(
  cleanup: Cleanup,
  engine: TColdStart['engine'],
  env: Record<string, string>,
  logFile: string,
): Promise<TColdStart[]> {
  const fresh = await startAndStop(cleanup, env, logFile);
  const warm = await startAndStop(cleanup, env, logFile);
  return [
    { engine, start: 'fresh', ms: fresh },
    { engine, start: 'warm', ms: warm },
  ];
}

/**
 * Milliseconds for `kontor help` from spawn to exit: Node, tsx and every module of the server
 * loaded, nothing opened. The part of any start that the database has no say in.
 */
export function measureCodeLoad(): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [KONTOR_BIN, 'help'], { cwd: ROOT, stdio: 'ignore' });
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0
        ? resolve(performance.now() - started)
        : reject(new Error(`kontor help exited with ${code}`)),
    );
  });
}

/**
 * Cold start to first answer: spawn `kontor serve` and time it until GET /api/v1/health answers
 * 200, on an empty embedded data folder and on an empty PostgreSQL database, then once more on the
 * already migrated data (a restart).
 */
export async function measureColdStarts(settings: TSettings, cleanup: Cleanup, scratch: string) {
  const results: TColdStart[] = [];
  const dataDir = path.join(scratch, 'pglite-cold');
  results.push(
    ...(await freshAndWarm(
      cleanup,
      'pglite',
      { KONTOR_DATA_DIR: dataDir },
      path.join(scratch, 'cold-pglite.log'),
    )),
  );
  const database = await createBenchDatabase(settings.adminUrl);
  const drop = cleanup.defer(`drop database ${database.name}`, database.drop);
  results.push(
    ...(await freshAndWarm(
      cleanup,
      'postgres',
      { DATABASE_URL: database.url },
      path.join(scratch, 'cold-postgres.log'),
    )),
  );
  await drop();
  // Left for describeMachine to ask PGlite its version; the scratch folder goes at the end.
  return { results, pgliteDir: path.join(dataDir, 'pglite') };
}
