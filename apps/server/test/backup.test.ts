import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUserFromCli } from '../src/features/users/create-user';
import {
  readManifest,
  restoreBackup,
  type TBackupManifest,
  verifyBackup,
  writeBackup,
} from '../src/platform/backup';
import { loadConfig } from '../src/platform/config';
import { openPglite, openPostgres, type TDatabase } from '../src/platform/db';
import { currentSchemaVersion, latestSchemaVersion, migrate } from '../src/platform/migrate';
import { asSystem, detectRlsMode } from '../src/platform/tx';
import { scheduleDailyJobs } from '../src/server';
import { PASSWORD, seedTenant, signIn, type TTestApp, testApp } from './helpers/app';
import {
  documentWithVersions,
  downloadAll,
  editArchive,
  flipByte,
  type TUploaded,
} from './helpers/backup-files';
import { freshDatabase } from './helpers/database';
import { filesUnder, minimalPdf, onePixelPng } from './helpers/files';

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

async function count(database: TDatabase, table: 'tenants' | 'users' | 'audit_log'): Promise<number> {
  return asSystem(database, async (tx) => {
    const r = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(tx);
    return r.rows[0]!.n;
  });
}

/** The data lines of an archive, parsed. */
function archiveRows(archive: string): { table: string; row: Record<string, unknown> }[] {
  const lines = zlib.gunzipSync(fs.readFileSync(archive)).toString('utf8').trim().split('\n');
  return lines.slice(1).map((l) => JSON.parse(l));
}

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

describe('backups carry the document files', () => {
  const source = file('docs-source');
  const archive = file('docs.jsonl.gz');
  const pdf = minimalPdf('Kreditvertrag');
  const png = onePixelPng();
  // Incompressible and several chunk lines long, as a scan would be.
  const scan = Buffer.concat([minimalPdf('Scan'), randomBytes(300 * 1024)]);
  let t: TTestApp;
  let acme: TUploaded;
  let globex: TUploaded;
  let manifest: TBackupManifest;
  beforeAll(async () => {
    t = await testApp({ dataDir: source });
    await seedTenant(t, 'acme');
    await seedTenant(t, 'globex');
    acme = await documentWithVersions(t, 'acme', 'boss@acme.test', [pdf, png]);
    globex = await documentWithVersions(t, 'globex', 'boss@globex.test', [scan]);
    // A document in the trash keeps its file until purged: the backup carries it too.
    const trashed = await documentWithVersions(t, 'acme', 'boss@acme.test', [minimalPdf('alt')]);
    expect((await trashed.client.delete(`/documents/${trashed.documentId}`)).status).toBe(200);
    manifest = await writeBackup(t.database, archive, { dataDir: source });
  });
  afterAll(() => t.close());

  /** A fresh database and data directory on the suite engine, with the archive restored into them. */
  async function restored(from: string, dataDir: string) {
    const copy = await testApp({ dataDir }, await freshDatabase({ migrate: false }));
    const summary = await restoreBackup(copy.database, from, { dataDir });
    await detectRlsMode(copy.database);
    return { copy, summary };
  }

  it('restores every file into a fresh database and data directory, byte for byte', async () => {
    const stored = filesUnder(source).filter((f) => f.startsWith('files/'));
    expect(manifest.formatVersion).toBe(2);
    expect(manifest.files).toMatchObject({
      count: 4,
      bytes: stored.reduce((sum, f) => sum + fs.statSync(path.join(source, f)).size, 0),
    });
    expect((await verifyBackup(archive)).files).toEqual(manifest.files);
    const target = file('docs-target');
    const { copy, summary } = await restored(archive, target);
    try {
      expect(summary).toMatchObject({ files: 4, filesNotInBackup: 0 });
      expect(await downloadAll(copy, 'acme', 'boss@acme.test', acme.documentId, 2)).toEqual([pdf, png]);
      expect(await downloadAll(copy, 'globex', 'boss@globex.test', globex.documentId, 1)).toEqual([scan]);
      // The same files under the same keys, the trashed one included, and no staging folder left.
      expect(filesUnder(target)).toEqual(stored);
      for (const f of stored)
        expect(fs.readFileSync(path.join(target, f)).equals(fs.readFileSync(path.join(source, f)))).toBe(
          true,
        );
      expect(fs.readdirSync(path.join(target, 'files')).some((n) => n.startsWith('.'))).toBe(false);
    } finally {
      await copy.close();
    }
  });

  it("a one-tenant backup carries that tenant's files only", async () => {
    const one = await writeBackup(t.database, file('docs-globex.jsonl.gz'), {
      tenantSlug: 'globex',
      dataDir: source,
    });
    expect(one.files).toMatchObject({ count: 1, bytes: scan.length });
    const target = file('docs-globex');
    const { copy } = await restored(file('docs-globex.jsonl.gz'), target);
    try {
      expect(filesUnder(target)).toEqual([expect.stringMatching(`^files/${one.tenants[0]!.id}/`)]);
      expect(await downloadAll(copy, 'globex', 'boss@globex.test', globex.documentId, 1)).toEqual([scan]);
    } finally {
      await copy.close();
    }
  });

  it('a changed, cut or missing file in the archive fails verification, and restore writes nothing', async () => {
    let chunks = 0;
    const changed = file('docs-changed.jsonl.gz');
    await editArchive(archive, changed, (l) =>
      l.startsWith('{"chunk"') && ++chunks === 3 ? flipByte(l) : l,
    );
    // The big file's lines: without its last chunk it is cut, without all of them missing.
    const lines = zlib.gunzipSync(fs.readFileSync(archive)).toString('utf8').trim().split('\n');
    const bigHeader = lines.findIndex((l) => l.includes(`"size":${scan.length},`));
    let bigEnd = bigHeader + 1;
    while (lines[bigEnd]?.startsWith('{"chunk"')) bigEnd += 1;
    const cut = file('docs-cut.jsonl.gz');
    fs.writeFileSync(cut, zlib.gzipSync(lines.filter((_, i) => i !== bigEnd - 1).join('\n')));
    const missing = file('docs-missing.jsonl.gz');
    fs.writeFileSync(missing, zlib.gzipSync(lines.filter((_, i) => i < bigHeader || i >= bigEnd).join('\n')));
    const cases: [string, RegExp][] = [
      [
        changed,
        /damaged: file files\/[0-9a-f/-]+ has \d+ bytes with checksum [0-9a-f]{64}, the backup records/,
      ],
      [cut, new RegExp(`damaged: file files/[0-9a-f/-]+ has \\d+ bytes .* records ${scan.length} bytes`)],
      [missing, /damaged: it holds 3 files of \d+ bytes .*, the manifest says 4 files/],
    ];
    for (const [bad, message] of cases) await expect(verifyBackup(bad)).rejects.toThrow(message);

    const target = file('docs-refused');
    const empty = await freshDatabase({ migrate: false });
    try {
      for (const [bad, message] of cases) {
        await expect(restoreBackup(empty, bad, { dataDir: target })).rejects.toThrow(message);
        expect(await count(empty, 'tenants')).toBe(0);
        expect(filesUnder(target)).toEqual([]);
        expect(fs.readdirSync(target, { recursive: true })).toEqual(['files']); // no staging folder left
      }
    } finally {
      await empty.close();
    }
  });

  it('an older backup without files (format 1) restores its rows and says how many files it lacks', async () => {
    const old = file('docs-v1.jsonl.gz');
    await editArchive(archive, old, (l) => {
      if (l.startsWith('{"file"') || l.startsWith('{"chunk"')) return null;
      if (!l.startsWith('{"format"')) return l;
      const { files: _, ...m } = JSON.parse(l);
      return JSON.stringify({ ...m, formatVersion: 1 });
    });
    expect((await verifyBackup(old)).formatVersion).toBe(1);
    const target = file('docs-v1');
    const { copy, summary } = await restored(old, target);
    try {
      expect(summary).toMatchObject({ files: 0, filesNotInBackup: 4 });
      expect(filesUnder(target)).toEqual([]);
      expect(await count(copy.database, 'users')).toBe(2);
    } finally {
      await copy.close();
    }
  });

  it('a stored file missing or changed at backup time fails the backup and the daily job, naming each', async () => {
    const [first, second] = filesUnder(source).filter((f) => f.startsWith('files/'));
    const keep = file('kept');
    fs.mkdirSync(keep, { recursive: true });
    for (const f of [first!, second!])
      fs.copyFileSync(path.join(source, f), path.join(keep, path.basename(f)));
    fs.rmSync(path.join(source, first!));
    fs.appendFileSync(path.join(source, second!), 'x');
    try {
      const out = file('docs-broken.jsonl.gz');
      const refused = writeBackup(t.database, out, { dataDir: source });
      await expect(refused).rejects.toThrow(/no backup written: 2 stored file\(s\)/);
      await expect(refused).rejects.toThrow(`${first} is missing (document_versions)`);
      await expect(refused).rejects.toThrow(new RegExp(`${second} has \\d+ bytes .*, its row records`));
      expect(fs.readdirSync(tmp).filter((n) => n.startsWith('docs-broken'))).toEqual([]);

      await scheduleDailyJobs(t.database, new Date('2031-05-06T23:30:00Z'));
      await t.runner.drain();
      const job = await asSystem(t.database, (tx) =>
        tx.selectFrom('jobs').select(['status', 'last_error']).where('kind', '=', 'backup.daily').execute(),
      );
      expect(job).toEqual([{ status: 'queued', last_error: expect.stringMatching(/no backup written/) }]);
      expect(fs.readdirSync(path.join(source, 'backups'))).toEqual([]);
    } finally {
      for (const f of [first!, second!])
        fs.copyFileSync(path.join(keep, path.basename(f)), path.join(source, f));
    }
    const again = await writeBackup(t.database, file('docs-again.jsonl.gz'), { dataDir: source });
    expect(again.files).toEqual(manifest.files);
  });
});
