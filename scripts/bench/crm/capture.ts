// The raw baselines run exactly the statements Kontor sends for a request: an in-process Kontor on
// the same database answers each request once while Kysely's log records the SQL and parameters
// (begin and commit included); replay() sends them again through plain `pg`, with no Kontor code
// in between. So "×2 of raw SQL" compares like with like, and stays true when the queries change.
import type pg from 'pg';
import pino from 'pino';
import { createApp } from '../../../apps/server/src/app';
import { loadConfig } from '../../../apps/server/src/platform/config';
import { openPostgres } from '../../../apps/server/src/platform/db';
import { detectRlsMode } from '../../../apps/server/src/platform/tx';
import { buildDeps } from '../../../apps/server/src/server';

export type TStatement = { sql: string; parameters: readonly unknown[] };

/** One request as Kontor answers it: the statements it sent, in order. */
export type TCaptured = { path: string; statements: TStatement[] };

/** An in-process Kontor on `url` that records the statements of each request it answers. */
export async function openRecorder(url: string) {
  let recording: TStatement[] | null = null;
  const database = openPostgres(url, 4, undefined, (event) => {
    if (event.level === 'query' && recording) {
      recording.push({ sql: event.query.sql, parameters: [...event.query.parameters] });
    }
  });
  await detectRlsMode(database);
  const config = {
    ...loadConfig({ DATABASE_URL: url, KONTOR_PUBLIC_RATE_LIMIT: '1000000000' }),
    logLevel: 'silent',
  };
  const { deps } = buildDeps(database, config, pino({ level: 'silent' }));
  const { app } = createApp(deps);
  return {
    /** Answers GET `path` as the session `cookie`, and the statements that took. */
    async capture(path: string, cookie: string): Promise<TCaptured> {
      recording = [];
      const res = await app.request(path, { headers: { cookie } });
      const statements = recording;
      recording = null;
      if (res.status !== 200) throw new Error(`recording ${path}: ${res.status} ${await res.text()}`);
      return { path, statements };
    },
    close: () => database.close(),
  };
}

/** Sends a captured request's statements again on one connection of `pool`, in order. */
export async function replay(pool: pg.Pool, captured: TCaptured): Promise<void> {
  const client = await pool.connect();
  let broken = false;
  try {
    for (const s of captured.statements) await client.query(s.sql, s.parameters as unknown[]);
  } catch (error) {
    broken = true;
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    client.release(broken);
  }
}
