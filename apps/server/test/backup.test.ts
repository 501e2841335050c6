import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUserFromCli } from '../src/features/users/create-user';
import { readManifest, type TBackupManifest, verifyBackup, writeBackup } from '../src/platform/backup';
import { loadConfig } from '../src/platform/config';
import { openPglite, openPostgres, type TDatabase } from '../src/platform/db';
import { currentSchemaVersion, latestSchemaVersion, migrate } from '../src/platform/migrate';
import { restoreBackup } from '../src/platform/restore';
import { asSystem, detectRlsMode } from '../src/platform/tx';
import { scheduleDailyJobs } from '../src/server';
import { PASSWORD, seedTenant, signIn, type TTestApp, testApp } from './helpers/app';
import { archiveRows, count, documentWithVersions, downloadAll } from './helpers/backup-files';
import { freshDatabase } from './helpers/database';
import { minimalPdf } from './helpers/files';

// The round trip needs a PostgreSQL server whatever engine the suite runs on.
const SERVER_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function serverReachable(): Promise<boolean> {
  const c = new pg.Client({ connectionString: SERVER_URL, connectionTimeoutMillis: 3_000 });
  try {
    await c.connect();
    return true;
  } catch {
    return false;
  } finally {
    await c.end().catch(() => undefined);
  }
}
// A server the suite was told to use must be there: its absence fails the test instead of skipping it.
const hasServer = process.env.TEST_DATABASE_URL ? true : await serverReachable();

/** An empty PostgreSQL database, dropped again on close. */
async function serverDatabase(): Promise<TDatabase> {
  const name = `kontor_test_${randomBytes(6).toString('hex')}`;
  const admin = async (query: string) => {
    const c = new pg.Client({ connectionString: SERVER_URL });
    await c.connect();
    await c.query(query).finally(() => c.end());
  };
  await admin(`create database ${name}`);
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  const opened = openPostgres(url.toString());
  return {
    ...opened,
    close: () => opened.close().then(() => admin(`drop database if exists ${name} with (force)`)),
  };
}

/** Two tenants with an administrator each (audit rows come with them), an advisor and a session. */
async function seed(t: TTestApp) {
  await seedTenant(t, 'acme');
  await seedTenant(t, 'globex');
  await createUserFromCli(t.database, {
    tenant: 'acme',
    email: 'anna@acme.test',
    password: PASSWORD,
    role: ['advisor'],
    name: 'Anna Łukasiewicz',
  });
  await createUserFromCli(t.database, {
    tenant: 'globex',
    email: 'olga@globex.test',
    password: PASSWORD,
    role: ['advisor', 'assistant'],
    name: 'Ольга "O" Петрова',
  });
  await signIn(t, 'acme', 'anna@acme.test');
}

async function prepare(database: TDatabase): Promise<TDatabase> {
  await migrate(database);
  await detectRlsMode(database);
  return database;
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kontor-backup-test-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
const file = (name: string) => path.join(tmp, name);

const sums = (m: TBackupManifest) => m.tables.map((t) => ({ table: t.name, rows: t.rows, sha256: t.sha256 }));
const rowsOf = (m: TBackupManifest, table: string) => m.tables.find((t) => t.name === table)?.rows;

/** Rewrites an archive's text (manifest and rows) with `edit`, keeping it a valid gzip file. */
function tamper(archive: string, out: string, edit: (text: string) => string) {
  const text = zlib.gunzipSync(fs.readFileSync(archive)).toString('utf8');
  fs.writeFileSync(out, zlib.gzipSync(edit(text)));
}

const ROUND_TRIP = hasServer
  ? 'PGlite → PostgreSQL → PGlite keeps every count and checksum, and users can still sign in'
  : `PGlite → PostgreSQL → PGlite round trip SKIPPED: no PostgreSQL server at ${new URL(SERVER_URL).host}`;

describe('a backup travels between engines', () => {
  it.skipIf(!hasServer)(
    ROUND_TRIP,
    async () => {
      const dirs = { dataDir: file('rt-source') };
      const source = await testApp(dirs, await openPglite('memory://').then(prepare));
      await seed(source);
      const pdf = minimalPdf('Übertragung');
      const { documentId } = await documentWithVersions(source, 'globex', 'olga@globex.test', [pdf]);
      const first = await writeBackup(source.database, file('first.jsonl.gz'), dirs);
      await source.close();

      const onServer = await testApp({ dataDir: file('rt-server') }, await serverDatabase());
      try {
        await restoreBackup(onServer.database, file('first.jsonl.gz'), { dataDir: file('rt-server') });
        await detectRlsMode(onServer.database);
        const second = await writeBackup(onServer.database, file('second.jsonl.gz'), {
          dataDir: file('rt-server'),
        });
        expect((await signIn(onServer, 'globex', 'olga@globex.test')).csrf).not.toBe('');
        expect(second.sourceEngine).toBe('postgres');
        expect(sums(second)).toEqual(sums(first));
        expect(second.files).toEqual(first.files);
      } finally {
        await onServer.close();
      }

      const back = await testApp({ dataDir: file('rt-back') }, await openPglite('memory://'));
      try {
        await restoreBackup(back.database, file('second.jsonl.gz'), { dataDir: file('rt-back') });
        await detectRlsMode(back.database);
        const third = await writeBackup(back.database, file('third.jsonl.gz'), { dataDir: file('rt-back') });
        expect(sums(third)).toEqual(sums(first));
        expect(third.files).toEqual(first.files);
        expect(await downloadAll(back, 'globex', 'olga@globex.test', documentId, 1)).toEqual([pdf]);
        expect((await signIn(back, 'acme', 'anna@acme.test')).csrf).not.toBe('');
        // New rows after a restore take fresh identity values (audit_log.id continues).
        await createUserFromCli(back.database, {
          tenant: 'acme',
          email: 'new@acme.test',
          password: PASSWORD,
          role: ['advisor'],
        });
        expect(await count(back.database, 'users')).toBe(5);
      } finally {
        await back.close();
      }

      expect(first.sourceEngine).toBe('pglite');
      expect(first.tenants.map((t) => t.slug).sort()).toEqual(['acme', 'globex']);
      expect(rowsOf(first, 'users')).toBe(4);
      expect(rowsOf(first, 'sessions')).toBe(2); // Anna's, and Olga's who uploaded the document
      expect(rowsOf(first, 'audit_log')).toBeGreaterThan(4);
      expect(first.files).toMatchObject({ count: 1, bytes: pdf.length });
    },
    120_000,
  );
});

describe('backups on the suite engine', () => {
  let t: TTestApp;
  let all: TBackupManifest;
  beforeAll(async () => {
    t = await testApp({ dataDir: path.join(tmp, 'data'), backupKeep: 2 });
    await seed(t);
    all = await writeBackup(t.database, file('all.jsonl.gz'), { dataDir: t.deps.config.dataDir });
  });
  afterAll(() => t.close());

  it('lists every table but jobs and the migrations, in foreign-key order', () => {
    const names = all.tables.map((x) => x.name);
    expect(names.indexOf('tenants')).toBeLessThan(names.indexOf('users'));
    expect(names).toEqual(expect.arrayContaining(['users', 'roles', 'user_roles', 'audit_log', 'trash']));
    expect(names).not.toContain('jobs');
    expect(names).not.toContain('kontor_migrations');
    expect(names.indexOf('users')).toBeLessThan(names.indexOf('user_roles'));
    expect(all.schemaVersion).toBe(latestSchemaVersion());
  });

  it('a one-tenant backup holds that tenant only, and restores alone', async () => {
    const dataDir = t.deps.config.dataDir;
    const one = await writeBackup(t.database, file('globex.jsonl.gz'), { tenantSlug: 'globex', dataDir });
    const globex = one.tenants[0]!.id;
    expect(one.scope).toBe('tenant');
    expect(one.tenants.map((x) => x.slug)).toEqual(['globex']);
    const rows = archiveRows(file('globex.jsonl.gz'));
    expect(rows.length).toBe(one.tables.reduce((sum, x) => sum + x.rows, 0));
    for (const { table, row } of rows) expect(table === 'tenants' ? row.id : row.tenant_id).toBe(globex);
    expect(rows.filter((r) => r.table === 'users').map((r) => r.row.email)).toEqual(
      expect.arrayContaining(['boss@globex.test', 'olga@globex.test']),
    );

    const copy = await testApp({}, await freshDatabase({ migrate: false }));
    try {
      await restoreBackup(copy.database, file('globex.jsonl.gz'), { dataDir: file('globex-copy') });
      await detectRlsMode(copy.database);
      expect(await count(copy.database, 'tenants')).toBe(1);
      expect((await signIn(copy, 'globex', 'olga@globex.test')).csrf).not.toBe('');
    } finally {
      await copy.close();
    }
    await expect(
      writeBackup(t.database, file('x.jsonl.gz'), { tenantSlug: 'nope', dataDir }),
    ).rejects.toThrow(/no tenant with slug nope/);
  });

  it('restore refuses a database that holds data, and changes nothing in it', async () => {
    const users = await count(t.database, 'users');
    await expect(
      restoreBackup(t.database, file('all.jsonl.gz'), { dataDir: t.deps.config.dataDir }),
    ).rejects.toThrow(/not empty/);
    expect(await count(t.database, 'users')).toBe(users);
  });

  it('restore refuses a damaged archive and leaves the database empty', async () => {
    const changed = file('changed.jsonl.gz');
    tamper(file('all.jsonl.gz'), changed, (text) =>
      text
        .split('\n')
        .map((l) =>
          l.startsWith('{"table":"users"') ? l.replace('Anna Łukasiewicz', 'Anna Lukasiewicz') : l,
        )
        .join('\n'),
    );
    const truncated = file('truncated.jsonl.gz');
    tamper(file('all.jsonl.gz'), truncated, (text) => text.trim().split('\n').slice(0, -1).join('\n'));
    const newer = file('newer.jsonl.gz');
    tamper(file('all.jsonl.gz'), newer, (text) =>
      text.replace(/"schemaVersion":\d+/, `"schemaVersion":${latestSchemaVersion() + 1}`),
    );
    const cut = file('cut.jsonl.gz');
    const bytes = fs.readFileSync(file('all.jsonl.gz'));
    fs.writeFileSync(cut, bytes.subarray(0, bytes.length - 200));
    const notGzip = file('plain.txt');
    fs.writeFileSync(notGzip, 'hello');
    const notBackup = file('other.jsonl.gz');
    fs.writeFileSync(notBackup, zlib.gzipSync('{"format":"something else"}\n'));
    const cases: [string, RegExp][] = [
      [changed, /damaged: table users has 4 rows with checksum/],
      [truncated, /damaged: table \w+ has \d+ rows/],
      [newer, /newer than this Kontor knows/],
      [cut, /cut\.jsonl\.gz is damaged or not a Kontor backup: unexpected end of file/],
      [notGzip, /plain\.txt is damaged or not a Kontor backup/],
      [notBackup, /other\.jsonl\.gz is not a Kontor backup/],
    ];
    // One empty database takes every refusal, and a good restore after them: nothing was left behind.
    const empty = await freshDatabase({ migrate: false });
    try {
      for (const [archive, message] of cases) {
        await expect(restoreBackup(empty, archive, { dataDir: file('empty') })).rejects.toThrow(message);
        if ((await currentSchemaVersion(empty)) > 0) {
          for (const table of ['tenants', 'users', 'audit_log'] as const)
            expect(await count(empty, table)).toBe(0);
        }
      }
      await restoreBackup(empty, file('all.jsonl.gz'), { dataDir: file('empty') });
      expect(await count(empty, 'users')).toBe(4);
    } finally {
      await empty.close();
    }
    await expect(verifyBackup(changed)).rejects.toThrow(/damaged/);
    expect((await verifyBackup(file('all.jsonl.gz'))).tables).toEqual(all.tables);
  });

  it('queues no daily backup when KONTOR_BACKUP_KEEP is 0, only the clean-up', async () => {
    await scheduleDailyJobs(t.database, new Date('2029-02-03T08:00:00Z'), { backups: false });
    const kinds = await t.database.db
      .selectFrom('jobs')
      .select('kind')
      .where('dedupe_key', 'like', '%:2029-02-03')
      .execute();
    expect(kinds.map((k) => k.kind)).toEqual(['jobs.cleanup']);
    expect(loadConfig({ KONTOR_BACKUP_KEEP: '0' }).backupKeep).toBe(0);
    expect(() => loadConfig({ KONTOR_BACKUP_KEEP: '-1' })).toThrow(/KONTOR_BACKUP_KEEP/);
    await t.database.db.deleteFrom('jobs').where('dedupe_key', 'like', '%:2029-02-03').execute();
  });

  it('the daily job writes a verified backup and keeps the newest N', async () => {
    const dir = path.join(t.deps.config.dataDir, 'backups');
    fs.mkdirSync(dir, { recursive: true });
    for (const day of ['2020-01-01', '2020-01-02', '2020-01-03'])
      fs.writeFileSync(path.join(dir, `kontor-${day}.jsonl.gz`), '');
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'not a backup');
    const now = new Date('2031-05-06T23:30:00Z');
    await scheduleDailyJobs(t.database, now);
    await scheduleDailyJobs(t.database, new Date('2031-05-06T00:10:00Z')); // same day: no second job
    expect(await t.runner.drain()).toBe(2); // the backup and the clean-up of old jobs, once each
    expect(fs.readdirSync(dir).sort()).toEqual([
      'kontor-2020-01-03.jsonl.gz',
      'kontor-2031-05-06.jsonl.gz',
      'notes.txt',
    ]);
    const written = await verifyBackup(path.join(dir, 'kontor-2031-05-06.jsonl.gz'));
    expect(sums(written)).toEqual(sums(all));
    const job = await asSystem(t.database, (tx) =>
      tx.selectFrom('jobs').select(['status', 'last_error']).where('kind', '=', 'backup.daily').execute(),
    );
    expect(job).toEqual([{ status: 'done', last_error: null }]);
    expect((await readManifest(path.join(dir, 'kontor-2031-05-06.jsonl.gz'))).scope).toBe('all');
  });
});
