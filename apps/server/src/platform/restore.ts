// Restoring a backup archive (see backup.ts for writing one, ADR 0004 for the format): into an
// empty database, rows and files checked against the manifest, all in one transaction.
import { randomBytes } from 'node:crypto';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { sql } from 'kysely';
import { BATCH_BYTES, listTables, PAGE_ROWS } from './backup';
import {
  ArchiveChecker,
  archiveEntries,
  BackupError,
  readManifest,
  type TBackupManifest,
  type TBackupTable,
} from './backup-archive';
import type { TDatabase } from './db';
import { removeStoredFile, storedPath, syncDirectory } from './files';
import { currentSchemaVersion, latestSchemaVersion, migrate } from './migrate';
import { asSystem, type TTx } from './tx';

export type TRestoreSummary = {
  manifest: TBackupManifest;
  rows: number;
  /** Files written under the data directory. */
  files: number;
  /** Files that restored rows name but the archive does not hold (format 1 archives only). */
  filesNotInBackup: number;
  schemaVersion: number;
};

// Any row counts, not only tenants: audit and trash rows have no reference to a tenant that would
// make them collide.
async function assertEmpty(database: TDatabase): Promise<void> {
  if ((await currentSchemaVersion(database)) === 0) return;
  const { tenants, filled } = await asSystem(database, async (tx) => {
    const names: string[] = [];
    for (const t of await listTables(tx)) {
      const r = await sql<{ x: boolean }>`select exists (select 1 from ${sql.table(t.name)}) as x`.execute(
        tx,
      );
      if (r.rows[0]?.x) names.push(t.name);
    }
    const n = await sql<{ n: number }>`select count(*)::int as n from tenants`.execute(tx);
    return { tenants: n.rows[0]?.n ?? 0, filled: names };
  });
  if (filled.length > 0) {
    throw new BackupError(
      `the database is not empty: it holds ${tenants} tenant(s) and rows in ${filled.join(', ')}; ` +
        'restore needs an empty database',
    );
  }
}

async function insertRows(tx: TTx, table: TBackupTable, rows: string[]): Promise<void> {
  const cols = sql.join(table.columns.map((c) => sql.id(c)));
  // The database converts the JSON back to column types itself, so nothing is lost on the way.
  await sql`insert into ${sql.table(table.name)} (${cols}) overriding system value
    select ${cols} from jsonb_populate_recordset(null::${sql.table(table.name)}, ${`[${rows.join(',')}]`}::jsonb)`.execute(
    tx,
  );
}

// A restore's files, written under <data dir>/files/.restore-<random>/ (on the file system of
// their places, so that a rename moves them) and renamed into place only once all are checked.
class StagedFiles {
  readonly dir: string;
  readonly keys: string[] = [];
  #out: fsp.FileHandle | undefined;
  constructor(readonly dataDir: string) {
    this.dir = path.join(dataDir, 'files', `.restore-${randomBytes(6).toString('hex')}`);
  }

  async begin(key: string) {
    await this.finish();
    if (this.keys.length === 0) await fsp.mkdir(this.dir, { recursive: true });
    this.#out = await fsp.open(path.join(this.dir, String(this.keys.length)), 'wx', 0o640);
    this.keys.push(key);
  }

  async write(data: Buffer) {
    await this.#out!.write(data);
  }

  async finish() {
    const out = this.#out;
    this.#out = undefined;
    if (!out) return;
    try {
      await out.sync();
    } finally {
      await out.close();
    }
  }

  /** Renames every file into place (a file of the same key is replaced), noting each in `placed`. */
  async place(placed: string[]) {
    if (this.keys.length === 0) return;
    const dirs = new Set<string>([path.join(this.dataDir, 'files')]);
    for (const [i, key] of this.keys.entries()) {
      const target = storedPath(this.dataDir, key);
      await fsp.mkdir(path.dirname(target), { recursive: true });
      await fsp.rename(path.join(this.dir, String(i)), target);
      placed.push(key);
      dirs.add(path.dirname(target)).add(path.dirname(path.dirname(target)));
    }
    for (const dir of dirs) await syncDirectory(dir);
  }

  async discard() {
    await this.#out?.close().catch(() => undefined);
    await fsp.rm(this.dir, { recursive: true, force: true });
  }
}

type TLoaded = { rows: number; files: number; filesNotInBackup: number };

// Rows go into the database in batches, files into `staged`; the checker sees every entry first.
async function loadArchive(
  tx: TTx,
  file: string,
  manifest: TBackupManifest,
  staged: StagedFiles,
): Promise<TLoaded> {
  const present = new Map((await listTables(tx)).map((t) => [t.name, t.columns.join(',')]));
  for (const t of manifest.tables) {
    if (present.get(t.name) !== t.columns.join(',')) {
      throw new BackupError(`table ${t.name} of the backup does not match the database schema`);
    }
  }
  const tables = new Map(manifest.tables.map((t) => [t.name, t]));
  const checker = new ArchiveChecker(manifest);
  let batch: string[] = [];
  let bytes = 0;
  let current: TBackupTable | undefined;
  let total = 0;
  const flush = async () => {
    if (current && batch.length > 0) await insertRows(tx, current, batch);
    batch = [];
    bytes = 0;
  };
  for await (const entry of archiveEntries(file)) {
    checker.add(entry);
    if (entry.kind !== 'row') {
      await flush();
      if (entry.kind === 'file') await staged.begin(entry.file.key);
      else await staged.write(entry.data);
      continue;
    }
    if (current?.name !== entry.table) {
      await flush();
      current = tables.get(entry.table);
    }
    batch.push(entry.row);
    bytes += entry.row.length;
    total += 1;
    if (batch.length >= PAGE_ROWS || bytes >= BATCH_BYTES) await flush();
  }
  await flush();
  await staged.finish();
  const files = checker.end();
  return { rows: total, files: files.count, filesNotInBackup: files.notHeld };
}

// Identity columns (audit_log.id, …) continue after the restored values.
async function resetSequences(tx: TTx, tables: Set<string>): Promise<void> {
  const r = await sql<{ table: string; column: string; seq: string }>`
    select c.relname::text as "table", a.attname::text as "column", s.seq
    from pg_class c join pg_namespace n on n.oid = c.relnamespace join pg_attribute a on a.attrelid = c.oid,
      lateral (select pg_get_serial_sequence(format('%I.%I', n.nspname, c.relname), a.attname) as seq) s
    where n.nspname = 'public' and c.relkind in ('r', 'p') and a.attnum > 0 and not a.attisdropped
      and s.seq is not null`.execute(tx);
  for (const s of r.rows.filter((s) => tables.has(s.table))) {
    await sql`select setval(${s.seq}, max(${sql.id(s.column)})) from ${sql.table(s.table)}
      having max(${sql.id(s.column)}) is not null`.execute(tx);
  }
}

// One transaction for the rows. The files are renamed into place just before it commits, as an
// upload does (ADR 0005): a failure in between leaves files that no row names, which are harmless
// and removed again here when the process lives on, never a row without its file. Renaming after
// the commit instead would leave committed rows without files if the renames failed half way.
async function loadInTransaction(
  database: TDatabase,
  file: string,
  manifest: TBackupManifest,
  dataDir: string,
): Promise<TLoaded> {
  const staged = new StagedFiles(dataDir);
  const placed: string[] = [];
  try {
    return await database.db.transaction().execute(async (tx) => {
      await sql`select set_config('kontor.system', 'on', true)`.execute(tx);
      await sql`set constraints all deferred`.execute(tx);
      const loaded = await loadArchive(tx, file, manifest, staged);
      // Checks the deferred references here, so that a violation rolls back like any other error.
      await sql`set constraints all immediate`.execute(tx);
      await resetSequences(tx, new Set(manifest.tables.map((t) => t.name)));
      await staged.place(placed);
      return loaded;
    });
  } catch (error) {
    // Rolled back: no row names these files (the database was empty before).
    for (const key of placed) await removeStoredFile(dataDir, key).catch(() => undefined);
    throw error;
  } finally {
    await staged.discard();
  }
}

/**
 * Loads a backup into an empty database of either engine, and its files into `dataDir`/files:
 * migrates to the backup's schema version, loads and verifies every row and file in one
 * transaction (nothing stays on a mismatch), then migrates on.
 */
export async function restoreBackup(
  database: TDatabase,
  file: string,
  opts: { dataDir: string },
): Promise<TRestoreSummary> {
  const manifest = await readManifest(file);
  const latest = latestSchemaVersion();
  if (manifest.schemaVersion > latest) {
    throw new BackupError(
      `${file} has schema version ${manifest.schemaVersion}, newer than this Kontor knows (${latest}): ` +
        'restore it with the Kontor version that wrote it, or a newer one',
    );
  }
  await assertEmpty(database);
  const current = await currentSchemaVersion(database);
  if (current > manifest.schemaVersion) {
    throw new BackupError(
      `the database is at schema version ${current}, past the backup's ${manifest.schemaVersion}: ` +
        'restore into a new, empty database',
    );
  }
  await migrate(database, manifest.schemaVersion);
  const loaded = await loadInTransaction(database, file, manifest, opts.dataDir);
  await migrate(database);
  return { manifest, ...loaded, schemaVersion: latest };
}
