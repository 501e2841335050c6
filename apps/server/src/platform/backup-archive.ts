import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { pipeline } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import zlib from 'node:zlib';
import { z } from 'zod';
import { isFileKey } from './files';

// The archive format, readable without a database. The archive is gzip'd JSON Lines: the manifest,
// then one `{"table":…,"row":…}` line per row, tables in foreign-key order, rows in primary-key order.
// Each row is the database's own row_to_json text, so values pass through exactly (microseconds,
// int8 beyond 2^53, jsonb numbers) and both engines write the same bytes for the same data; the
// checksums are taken over those lines. Format 2 follows the rows with the stored files that rows
// refer to, in the order of those rows: a `{"file":KEY,"size":N,"sha256":HEX}` line, then its bytes
// as `{"chunk":BASE64}` lines of at most FILE_CHUNK bytes each, so no file is ever held whole.

/** The columns by which a table's rows refer to stored files (document_versions and any later one). */
export const FILE_COLUMNS = ['file_key', 'size_bytes', 'sha256'] as const;
/** Bytes of a stored file per chunk line. */
export const FILE_CHUNK = 48 * 1024;

const SHA256 = z.string().regex(/^[0-9a-f]{64}$/);

const ZManifest = z
  .object({
    format: z.literal('kontor-backup'),
    // 1: rows only (read still: restores the rows, the files stay where the operator copied them)
    formatVersion: z.union([z.literal(1), z.literal(2)]),
    schemaVersion: z.number().int().positive(),
    createdAt: z.string(),
    sourceEngine: z.enum(['pglite', 'postgres']),
    scope: z.enum(['all', 'tenant']),
    tenants: z.array(z.object({ id: z.string(), slug: z.string(), name: z.string() })),
    tables: z.array(
      z.object({
        name: z.string(),
        columns: z.array(z.string()),
        primaryKey: z.array(z.string()),
        rows: z.number().int().nonnegative(),
        sha256: SHA256,
      }),
    ),
    // The files after the rows: how many, their bytes, and the SHA-256 of their `KEY SIZE SHA256\n`
    // lines in archive order (the same list the rows give, which verification compares).
    files: z
      .object({
        count: z.number().int().nonnegative(),
        bytes: z.number().int().nonnegative(),
        sha256: SHA256,
      })
      .optional(),
  })
  .refine((m) => (m.formatVersion === 1) === (m.files === undefined));
export type TBackupManifest = z.infer<typeof ZManifest>;
export type TBackupTable = TBackupManifest['tables'][number];
export type TBackupFiles = NonNullable<TBackupManifest['files']>;
/** A stored file as a row refers to it. */
export type TFileRef = { key: string; size: number; sha256: string };

/** A backup that cannot be written or restored, with a message meant for the operator. */
export class BackupError extends Error {}

async function* archiveLines(file: string): AsyncGenerator<string> {
  // stream.pipeline destroys the gunzip stream on a read error too, so the loop below throws it.
  const source = pipeline(fs.createReadStream(file), zlib.createGunzip(), () => undefined);
  const decoder = new StringDecoder('utf8');
  let rest = '';
  try {
    for await (const chunk of source) {
      const lines = (rest + decoder.write(chunk as Buffer)).split('\n');
      rest = lines.pop()!;
      yield* lines;
    }
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    if (code === 'ENOENT') throw new BackupError(`no such file ${file}`);
    if (code?.startsWith('Z_'))
      throw new BackupError(`${file} is damaged or not a Kontor backup: ${message}`);
    throw new BackupError(`cannot read ${file}: ${message}`);
  }
  rest += decoder.end();
  if (rest) yield rest;
}

/** Reads the manifest (the first line) of a backup without reading its rows. */
export async function readManifest(file: string): Promise<TBackupManifest> {
  let first = '';
  for await (const line of archiveLines(file)) {
    first = line;
    break;
  }
  try {
    const parsed = ZManifest.safeParse(JSON.parse(first));
    if (parsed.success) return parsed.data;
  } catch {
    // not JSON: answered below like any other first line that is no manifest
  }
  throw new BackupError(`${file} is not a Kontor backup (or one written by a newer Kontor)`);
}

const ROW_LINE = /^\{"table":("(?:[^"\\]|\\.)*"),"row":/;
const FILE_LINE = /^\{"file":"([^"\\]+)","size":(\d+),"sha256":"([0-9a-f]{64})"\}$/;
const CHUNK_LINE = /^\{"chunk":"([A-Za-z0-9+/]*={0,2})"\}$/;

export type TArchiveEntry =
  | { kind: 'row'; table: string; row: string }
  | { kind: 'file'; file: TFileRef }
  | { kind: 'chunk'; data: Buffer };

/** The header line of a stored file in the archive. */
export const fileLine = (f: TFileRef) =>
  `{"file":${JSON.stringify(f.key)},"size":${f.size},"sha256":${JSON.stringify(f.sha256)}}\n`;
/** One line of a stored file's bytes. */
export const chunkLine = (bytes: Buffer) => `{"chunk":"${bytes.toString('base64')}"}\n`;

/** What follows the manifest: rows, then (format 2) each file's header and its chunks. */
export async function* archiveEntries(file: string): AsyncGenerator<TArchiveEntry> {
  let first = true;
  for await (const line of archiveLines(file)) {
    if (first) {
      first = false;
      continue;
    }
    const row = ROW_LINE.exec(line);
    if (row && line.endsWith('}')) {
      yield { kind: 'row', table: JSON.parse(row[1]!) as string, row: line.slice(row[0].length, -1) };
      continue;
    }
    const chunk = CHUNK_LINE.exec(line);
    if (chunk) {
      yield { kind: 'chunk', data: Buffer.from(chunk[1]!, 'base64') };
      continue;
    }
    const header = FILE_LINE.exec(line);
    // The key becomes a path on restore: only keys of the file store's own shape pass.
    if (header && isFileKey(header[1]!)) {
      yield { kind: 'file', file: { key: header[1]!, size: Number(header[2]), sha256: header[3]! } };
      continue;
    }
    throw new BackupError(`${file} is damaged: a line is neither a table row nor part of a file`);
  }
}

const damaged = (what: string) => new BackupError(`the backup is damaged: ${what}`);

/** A list of files as count, bytes and the SHA-256 of their `KEY SIZE SHA256\n` lines. */
export class FileListing {
  count = 0;
  bytes = 0;
  #hash = createHash('sha256');
  add(f: TFileRef) {
    this.count += 1;
    this.bytes += f.size;
    this.#hash.update(`${f.key} ${f.size} ${f.sha256}\n`);
  }
  summary(): TBackupFiles {
    return { count: this.count, bytes: this.bytes, sha256: this.#hash.digest('hex') };
  }
}

/** The stored file that a row of a table with FILE_COLUMNS names, if any. */
export function fileOfRow(row: string): TFileRef | null {
  const r = JSON.parse(row) as Record<(typeof FILE_COLUMNS)[number], unknown>;
  if (r.file_key === null || r.file_key === undefined) return null;
  return { key: String(r.file_key), size: Number(r.size_bytes), sha256: String(r.sha256) };
}

/** Whether a table's rows name stored files (which the archive then carries after the rows). */
export const refersToFiles = (columns: string[]) => FILE_COLUMNS.every((c) => columns.includes(c));

// Counts and hashes the rows as they stream past and compares each table with the manifest as soon
// as the next table begins (tables without rows have no lines). Then each file's bytes against its
// header, and at the end the list of files against the manifest and against the files the rows
// name: the files come in the order of those rows, so two running checksums compare them.
export class ArchiveChecker {
  #pos = -1;
  #rows = 0;
  #hash = createHash('sha256');
  readonly #fileTables: Set<string>;
  readonly #referenced = new FileListing();
  readonly #held = new FileListing();
  #file: { ref: TFileRef; size: number; hash: ReturnType<typeof createHash> } | undefined;

  constructor(readonly manifest: TBackupManifest) {
    this.#fileTables = new Set(manifest.tables.filter((t) => refersToFiles(t.columns)).map((t) => t.name));
  }

  get tables() {
    return this.manifest.tables;
  }

  add(entry: TArchiveEntry) {
    if (entry.kind === 'row') return this.#row(entry.table, entry.row);
    if (!this.manifest.files) throw damaged('a format 1 backup holds files');
    if (entry.kind === 'file') {
      this.#endRows();
      this.#endFile();
      this.#held.add(entry.file);
      this.#file = { ref: entry.file, size: 0, hash: createHash('sha256') };
      return;
    }
    if (!this.#file) throw damaged('file content without its file');
    this.#file.size += entry.data.length;
    this.#file.hash.update(entry.data);
  }

  /** Checks what is left; answers the files held, and how many the rows name that the archive lacks. */
  end(): TBackupFiles & { notHeld: number } {
    this.#endRows();
    this.#endFile();
    const referenced = this.#referenced.summary();
    const held = this.#held.summary();
    const listed = this.manifest.files;
    if (!listed) return { ...held, notHeld: referenced.count };
    const say = (f: TBackupFiles) => `${f.count} files of ${f.bytes} bytes with list checksum ${f.sha256}`;
    const same = (a: TBackupFiles, b: TBackupFiles) =>
      a.count === b.count && a.bytes === b.bytes && a.sha256 === b.sha256;
    if (!same(held, listed)) throw damaged(`it holds ${say(held)}, the manifest says ${say(listed)}`);
    if (!same(referenced, held)) throw damaged(`its rows name ${say(referenced)}, it holds ${say(held)}`);
    return { ...held, notHeld: 0 };
  }

  #row(table: string, row: string) {
    if (this.#held.count > 0) throw damaged(`rows of table ${table} after the files`);
    if (this.tables[this.#pos]?.name !== table) {
      const next = this.tables.findIndex((t, i) => i > this.#pos && t.name === table);
      if (next < 0) throw damaged(`unexpected rows of table ${table}`);
      while (this.#pos < next) this.#advance();
    }
    this.#rows += 1;
    this.#hash.update(`${row}\n`);
    if (!this.#fileTables.has(table)) return;
    let ref: TFileRef | null;
    try {
      ref = fileOfRow(row);
    } catch {
      throw damaged(`a row of table ${table} is not JSON`);
    }
    if (ref) this.#referenced.add(ref);
  }

  #endRows() {
    while (this.#pos < this.tables.length) this.#advance();
  }

  #advance() {
    const t = this.tables[this.#pos];
    const sha256 = this.#hash.digest('hex');
    if (t && (t.rows !== this.#rows || t.sha256 !== sha256)) {
      throw damaged(
        `table ${t.name} has ${this.#rows} rows with checksum ${sha256}, ` +
          `the manifest says ${t.rows} rows with checksum ${t.sha256}`,
      );
    }
    this.#pos += 1;
    this.#rows = 0;
    this.#hash = createHash('sha256');
  }

  #endFile() {
    const f = this.#file;
    if (!f) return;
    this.#file = undefined;
    const sha256 = f.hash.digest('hex');
    if (f.size !== f.ref.size || sha256 !== f.ref.sha256) {
      throw damaged(
        `file ${f.ref.key} has ${f.size} bytes with checksum ${sha256}, ` +
          `the backup records ${f.ref.size} bytes with checksum ${f.ref.sha256}`,
      );
    }
  }
}

/**
 * Reads a whole backup and checks every table's row count and checksum, and every file's size and
 * checksum, against its manifest and the rows that name the files.
 */
export async function verifyBackup(file: string): Promise<TBackupManifest> {
  const manifest = await readManifest(file);
  const checker = new ArchiveChecker(manifest);
  for await (const entry of archiveEntries(file)) checker.add(entry);
  checker.end();
  return manifest;
}
