import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { openPglite, openPostgres, type TDatabase } from '../../src/platform/db';
import { listMigrations, migrate } from '../../src/platform/migrate';

import { detectRlsMode } from '../../src/platform/tx';

// The installed PGlite, as the lock file records it: a new PGlite must not load an old dump.
const PGLITE_VERSION: string = JSON.parse(
  fs.readFileSync(new URL('../../../../package-lock.json', import.meta.url), 'utf8'),
).packages['node_modules/@electric-sql/pglite'].version;

/**
 * Where global-setup.ts leaves the dump of a migrated PGlite database: named by the migrations
 * and the PGlite version, so a changed schema never loads an old dump.
 */
export const PGLITE_TEMPLATE = (() => {
  const hash = createHash('sha256').update(PGLITE_VERSION);
  for (const m of listMigrations()) hash.update(path.basename(m.file)).update(fs.readFileSync(m.file));
  return path.join(os.tmpdir(), `kontor-test-template-${hash.digest('hex').slice(0, 16)}.tar`);
})();

/** Which engine the suite runs on: PostgreSQL when TEST_DATABASE_URL is set, PGlite otherwise. */
export const ENGINE = process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite';

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/**
 * Creates an empty database on the PostgreSQL server of TEST_DATABASE_URL (nothing migrated) and
 * answers its URL, for tests that open it more than once (several pools, a restart).
 */
export async function createPostgresDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) throw new Error('createPostgresDatabase needs TEST_DATABASE_URL');
  const name = `kontor_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const drop = async () => {
    const c = new pg.Client({ connectionString: serverUrl });
    await c.connect();
    await c.query(`drop database if exists ${name} with (force)`);
    await c.end();
  };
  return { url: withDatabase(serverUrl, name), drop };
}

/** Migrates a database opened by a test and detects how tenant transactions must run on it. */
export async function prepareDatabase(database: TDatabase): Promise<TDatabase> {
  await migrate(database);
  await detectRlsMode(database);
  return database;
}

/** A fresh, empty database on the suite's engine (migrated unless told not to). */
export async function freshDatabase(options: { migrate?: boolean } = {}): Promise<TDatabase> {
  let database: TDatabase;
  if (ENGINE === 'postgres') {
    const { url, drop } = await createPostgresDatabase();
    const opened = openPostgres(url);
    database = {
      ...opened,
      close: async () => {
        await opened.close();
        await drop();
      },
    };
  } else if (options.migrate !== false && fs.existsSync(PGLITE_TEMPLATE)) {
    // A dump of a migrated database, made once per run by global-setup.ts: seconds faster.
    const dump = new Blob([fs.readFileSync(PGLITE_TEMPLATE)]);
    database = await openPglite('memory://', { loadDataDir: dump });
  } else {
    database = await openPglite('memory://');
  }
  return options.migrate === false ? database : prepareDatabase(database);
}

/**
 * A migrated database that can be closed and opened again, as across a server restart: a PGlite
 * folder, or a database on the PostgreSQL server. `remove` deletes it for good.
 */
export async function reopenableDatabase(): Promise<{
  open: () => Promise<TDatabase>;
  remove: () => Promise<void>;
}> {
  if (ENGINE === 'postgres') {
    const { url, drop } = await createPostgresDatabase();
    return { open: () => prepareDatabase(openPostgres(url)), remove: drop };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kontor-test-'));
  return {
    open: async () => prepareDatabase(await openPglite(dir)),
    remove: async () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}
