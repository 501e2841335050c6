import fs from 'node:fs';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Kysely, type LogConfig, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { DB } from '../generated/db';
import { SerialPGliteDialect } from './pglite-dialect';

export type TEngine = 'pglite' | 'postgres';
export type TDb = Kysely<DB>;

export type TDatabase = {
  db: TDb;
  engine: TEngine;
  /** Where PGlite keeps its files, or the server address without credentials. */
  location: string;
  /** The embedded instance, on PGlite only. */
  pglite?: PGlite;
  /** Runs a multi-statement SQL script in one transaction (migrations, restore). */
  execScript: (script: string) => Promise<void>;
  close: () => Promise<void>;
};

const INT8 = 20;
const NUMERIC = 1700;
const DATE = 1082;

// Both engines must hand the same JavaScript types to the code: int8 as a number (refusing values a
// number cannot hold exactly), numeric as an exact decimal string, date as 'YYYY-MM-DD'.
function parseInt8(value: string): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw new Error(`int8 value ${value} exceeds the safe integer range`);
  return n;
}
const keepString = (value: string) => value;

/**
 * Opens PGlite in `dir` (or in memory when `dir` is `memory://`), optionally starting from a
 * dumped data folder (much faster than PGlite creating a database from nothing).
 */
export async function openPglite(dir: string, options: { loadDataDir?: Blob } = {}): Promise<TDatabase> {
  if (dir !== 'memory://') fs.mkdirSync(dir, { recursive: true });
  const pglite = await PGlite.create(dir === 'memory://' ? undefined : dir, {
    parsers: { [INT8]: parseInt8, [NUMERIC]: keepString, [DATE]: keepString },
    extensions: { pg_trgm },
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
  });
  const db = new Kysely<DB>({ dialect: new SerialPGliteDialect(pglite) });
  return {
    db,
    pglite,
    engine: 'pglite',
    location: dir === 'memory://' ? dir : path.resolve(dir),
    execScript: async (script) => {
      await pglite.transaction(async (tx) => {
        await tx.exec(script);
      });
    },
    close: () => db.destroy(),
  };
}

const pgTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === INT8) return parseInt8;
    if (oid === NUMERIC || oid === DATE) return keepString;
    return pg.types.getTypeParser(oid, format);
  },
};

/**
 * Opens a pool on a PostgreSQL server. An idle connection the server ends (a restart, an
 * administrator, a dropped database) is left by the pool, and the next query opens a new one;
 * `onIdleError` hears of it. Without a listener Node would end the whole process on that event.
 * `log` sees every statement sent (Kysely's log option; the bench replays them as raw SQL).
 */
export function openPostgres(
  url: string,
  poolSize = 10,
  onIdleError: (error: Error) => void = () => undefined,
  log?: LogConfig,
): TDatabase {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    types: pgTypes as pg.CustomTypesConfig,
    // JIT compilation pays off for long reports, not for the short queries of a request: a cost
    // estimate above jit_above_cost made one list query spend 370 ms compiling. Off per session.
    options: '-c jit=off',
  });
  pool.on('error', onIdleError);
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }), ...(log ? { log } : {}) });
  const safe = new URL(url);
  safe.password = '';
  safe.username = '';
  const execScript = async (script: string) => {
    const client = await pool.connect();
    try {
      await client.query('begin');
      await client.query(script);
      await client.query('commit');
    } catch (error) {
      await client.query('rollback').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  };
  return { db, engine: 'postgres', location: safe.toString(), execScript, close: () => db.destroy() };
}
