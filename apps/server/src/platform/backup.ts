import { createHash, randomBytes } from 'node:crypto';
import { once } from 'node:events';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import { sql } from 'kysely';
import {
  BackupError,
  chunkLine,
  FILE_CHUNK,
  FileListing,
  fileLine,
  refersToFiles,
  type TBackupManifest,
  type TBackupTable,
  type TFileRef,
} from './backup-archive';
import type { TDatabase } from './db';
import { storedPath } from './files';
import type { TTx } from './tx';

export {
  BackupError,
  readManifest,
  type TBackupFiles,
  type TBackupManifest,
  verifyBackup,
} from './backup-archive';

type TTable = {
  name: string;
  columns: string[];
  primary_key: string[];
  text_keys: string[];
  refs: string[];
  tenant_scoped: boolean;
};

export const PAGE_ROWS = 500;
export const BATCH_BYTES = 4 * 1024 * 1024;

// Tables come from the catalog, so those of later migrations are included without a change here.
// Jobs are left out: they are this installation's transient work (mails due, backups), and replaying
// them elsewhere would send old mails again. kontor_migrations is rebuilt by migrating, and
// client_reach by its triggers as the restore inserts cases, applicants and co-executors.
export async function listTables(tx: TTx): Promise<TTable[]> {
  const r = await sql<TTable>`
    select c.relname::text as name,
      array(select a.attname::text from pg_attribute a
        where a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
        order by a.attnum) as columns,
      array(select a.attname::text from pg_index i, unnest(i.indkey::int2[]) with ordinality k(attnum, ord), pg_attribute a
        where i.indrelid = c.oid and i.indisprimary and a.attrelid = c.oid and a.attnum = k.attnum
        order by k.ord) as primary_key,
      array(select a.attname::text from pg_index i, unnest(i.indkey::int2[]) k(attnum), pg_attribute a
        where i.indrelid = c.oid and i.indisprimary and a.attrelid = c.oid and a.attnum = k.attnum
          and a.attcollation <> 0) as text_keys,
      array(select distinct p.relname::text from pg_constraint f join pg_class p on p.oid = f.confrelid
        where f.conrelid = c.oid and f.contype = 'f' and f.confrelid <> c.oid order by 1) as refs,
      exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id'
        and not a.attisdropped) as tenant_scoped
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition
      and c.relname not in ('kontor_migrations', 'jobs', 'client_reach')
    order by c.relname`.execute(tx);
  return foreignKeyOrder(r.rows);
}

// Parents before children, so the non-deferrable references to tenants hold row by row; cycles and
// self-references are left to the deferred constraints of the restore transaction.
function foreignKeyOrder(tables: TTable[]): TTable[] {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const ordered: TTable[] = [];
  const done = new Set<string>();
  const visit = (t: TTable, path: Set<string>) => {
    if (done.has(t.name) || path.has(t.name)) return;
    path.add(t.name);
    for (const ref of t.refs) {
      const parent = byName.get(ref);
      if (parent) visit(parent, path);
    }
    done.add(t.name);
    ordered.push(t);
  };
  for (const t of tables) visit(t, new Set());
  return ordered;
}

async function schemaVersionIn(tx: TTx): Promise<number> {
  const exists = await sql<{ t: string | null }>`select to_regclass('kontor_migrations')::text as t`.execute(
    tx,
  );
  if (!exists.rows[0]?.t) return 0;
  const r = await sql<{ v: number | null }>`select max(version) as v from kontor_migrations`.execute(tx);
  return r.rows[0]?.v ?? 0;
}

function tenantWhere(table: TTable, tenantId: string | null) {
  return tenantId === null
    ? sql``
    : sql`where ${sql.id(table.name === 'tenants' ? 'id' : 'tenant_id')} = ${tenantId}`;
}

// Text keys sort bytewise: the servers' collations must not change the order, hence the checksum.
function rowOrder(table: TTable) {
  return sql.join(
    table.primary_key.map((k) =>
      table.text_keys.includes(k) ? sql`${sql.id('r', k)} collate "C"` : sql.id('r', k),
    ),
  );
}

async function dumpTable(
  tx: TTx,
  table: TTable,
  tenantId: string | null,
  emit: (text: string) => Promise<void>,
): Promise<TBackupTable> {
  if (table.primary_key.length === 0) throw new BackupError(`table ${table.name} has no primary key`);
  await sql`declare kontor_backup no scroll cursor for
    select row_to_json(r)::text as j from (select ${sql.join(table.columns.map((c) => sql.id(c)))}
    from ${sql.table(table.name)} ${tenantWhere(table, tenantId)}) r order by ${rowOrder(table)}`.execute(tx);
  const hash = createHash('sha256');
  const prefix = `{"table":${JSON.stringify(table.name)},"row":`;
  let rows = 0;
  for (;;) {
    const page = await sql<{ j: string }>`fetch ${sql.raw(String(PAGE_ROWS))} from kontor_backup`.execute(tx);
    let text = '';
    for (const { j } of page.rows) {
      hash.update(`${j}\n`);
      text += `${prefix}${j}}\n`;
    }
    rows += page.rows.length;
    if (text) await emit(text);
    if (page.rows.length < PAGE_ROWS) break;
  }
  await sql`close kontor_backup`.execute(tx);
  const { name, columns, primary_key: primaryKey } = table;
  return { name, columns, primaryKey, rows, sha256: hash.digest('hex') };
}

// Streams one stored file into the archive chunk by chunk; answers what is wrong with it, if anything.
async function dumpFile(
  dataDir: string,
  ref: TFileRef,
  emit: (text: string) => Promise<void>,
): Promise<string | null> {
  let handle: fsp.FileHandle;
  try {
    handle = await fsp.open(storedPath(dataDir, ref.key), 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return `${ref.key} is missing`;
    throw error;
  }
  try {
    await emit(fileLine(ref));
    const hash = createHash('sha256');
    const buffer = Buffer.alloc(FILE_CHUNK);
    let size = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, FILE_CHUNK, null);
      if (bytesRead === 0) break;
      hash.update(buffer.subarray(0, bytesRead));
      size += bytesRead;
      await emit(chunkLine(buffer.subarray(0, bytesRead)));
    }
    const sha256 = hash.digest('hex');
    if (size === ref.size && sha256 === ref.sha256) return null;
    return `${ref.key} has ${size} bytes with checksum ${sha256}, its row records ${ref.size} bytes with ${ref.sha256}`;
  } finally {
    await handle.close();
  }
}

// The files that the rows of `tables` name, in the order of those rows (which verification relies
// on). Inside the snapshot: on PGlite no purge can remove a file meanwhile, on PostgreSQL one that
// commits during the backup makes it fail, and the daily job tries again. Every file is looked at
// before failing, so that one run names all that are wrong.
async function dumpFiles(
  tx: TTx,
  tables: TTable[],
  tenantId: string | null,
  dataDir: string,
  emit: (text: string) => Promise<void>,
) {
  const listing = new FileListing();
  const problems: string[] = [];
  for (const table of tables) {
    await sql`declare kontor_backup_files no scroll cursor for
      select r.file_key as key, r.size_bytes::text as size, r.sha256 from (select * from ${sql.table(table.name)}
      ${tenantWhere(table, tenantId)}) r where r.file_key is not null order by ${rowOrder(table)}`.execute(
      tx,
    );
    for (;;) {
      const page = await sql<{ key: string; size: string; sha256: string }>`fetch ${sql.raw(
        String(PAGE_ROWS),
      )} from kontor_backup_files`.execute(tx);
      for (const row of page.rows) {
        const ref = { key: row.key, size: Number(row.size), sha256: row.sha256 };
        const problem = await dumpFile(dataDir, ref, emit);
        if (problem) problems.push(`${problem} (${table.name})`);
        listing.add(ref);
      }
      if (page.rows.length < PAGE_ROWS) break;
    }
    await sql`close kontor_backup_files`.execute(tx);
  }
  if (problems.length > 0) {
    const shown =
      problems.slice(0, 10).join('; ') + (problems.length > 10 ? `; and ${problems.length - 10} more` : '');
    // A backup without its documents would restore them broken: none is written instead.
    throw new BackupError(
      `no backup written: ${problems.length} stored file(s) named by the database are missing or damaged ` +
        `under ${path.join(dataDir, 'files')}: ${shown}. Put the files back (from an older backup), ` +
        'or delete their documents and purge them from the trash',
    );
  }
  return listing.summary();
}

// One read-only snapshot, so that the archive is consistent: on PostgreSQL a repeatable-read
// transaction, on PGlite the one session held for the duration.
async function dumpDatabase(
  database: TDatabase,
  { tenantSlug, dataDir }: TBackupOptions,
  emit: (text: string) => Promise<void>,
): Promise<TBackupManifest> {
  const trx = database.db.transaction().setIsolationLevel('repeatable read').setAccessMode('read only');
  return trx.execute(async (tx) => {
    // Output settings fixed here rather than taken from the server's configuration.
    await sql`select set_config('kontor.system', 'on', true), set_config('TimeZone', 'UTC', true),
      set_config('IntervalStyle', 'postgres', true), set_config('bytea_output', 'hex', true),
      set_config('extra_float_digits', '1', true)`.execute(tx);
    const schemaVersion = await schemaVersionIn(tx);
    if (schemaVersion === 0) throw new BackupError('the database holds no Kontor schema to back up');
    const tenants = await tx
      .selectFrom('tenants')
      .select(['id', 'slug', 'name'])
      .$if(tenantSlug !== undefined, (q) => q.where('slug', '=', tenantSlug!))
      .orderBy('id')
      .execute();
    if (tenantSlug !== undefined && tenants.length === 0)
      throw new BackupError(`no tenant with slug ${tenantSlug}`);
    const tenantId = tenantSlug === undefined ? null : tenants[0]!.id;
    const tables: TBackupTable[] = [];
    const withFiles: TTable[] = [];
    for (const table of await listTables(tx)) {
      // Tables without tenant_id belong to the installation, not to one tenant.
      if (tenantId !== null && table.name !== 'tenants' && !table.tenant_scoped) continue;
      tables.push(await dumpTable(tx, table, tenantId, emit));
      if (refersToFiles(table.columns)) withFiles.push(table);
    }
    const files = await dumpFiles(tx, withFiles, tenantId, dataDir, emit);
    return {
      format: 'kontor-backup' as const,
      formatVersion: 2 as const,
      schemaVersion,
      createdAt: new Date().toISOString(),
      sourceEngine: database.engine,
      scope: tenantId === null ? ('all' as const) : ('tenant' as const),
      tenants,
      tables,
      files,
    };
  });
}

export type TBackupOptions = {
  /** The data directory whose `files/` holds the stored files the rows name. */
  dataDir: string;
  /** Only this tenant; all when left out. */
  tenantSlug?: string;
};

/**
 * Writes a portable backup of all tenants (or of one), with the stored files their rows name, to
 * `out`, atomically, and returns its manifest. Fails, writing nothing, when such a file is missing
 * or differs from its row.
 */
export async function writeBackup(
  database: TDatabase,
  out: string,
  opts: TBackupOptions,
): Promise<TBackupManifest> {
  fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
  // The checksums are known only at the end, so the rows and files go to a side file first; the
  // archive is then the manifest's gzip member followed by the side file's (a multi-member gzip file
  // reads as one stream).
  const partial = `${out}.${randomBytes(4).toString('hex')}.partial`;
  const body = `${partial}-rows`;
  try {
    const gzip = zlib.createGzip();
    const written = pipeline(gzip, fs.createWriteStream(body));
    written.catch(() => undefined); // awaited below; a write error also fails the `drain` wait
    const manifest = await dumpDatabase(database, opts, async (text) => {
      if (!gzip.write(text)) await once(gzip, 'drain');
    }).catch((error) => {
      gzip.destroy();
      throw error;
    });
    gzip.end();
    await written;
    fs.writeFileSync(partial, zlib.gzipSync(`${JSON.stringify(manifest)}\n`));
    await pipeline(fs.createReadStream(body), fs.createWriteStream(partial, { flags: 'a' }));
    const fd = fs.openSync(partial, 'r');
    fs.fsyncSync(fd); // a backup that a power cut can empty after the rename is no backup
    fs.closeSync(fd);
    fs.renameSync(partial, out);
    return manifest;
  } finally {
    fs.rmSync(body, { force: true });
    fs.rmSync(partial, { force: true });
  }
}
