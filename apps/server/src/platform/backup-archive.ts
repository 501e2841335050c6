import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { pipeline } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import zlib from 'node:zlib';
import { z } from 'zod';

// The archive format, readable without a database. The archive is gzip'd JSON Lines: the manifest, then one `{"table":…,"row":…}` line per row, tables
// in foreign-key order, rows in primary-key order. Each row is the database's own row_to_json text,
// so values pass through exactly (microseconds, int8 beyond 2^53, jsonb numbers) and both engines
// write the same bytes for the same data; the checksums are taken over those lines.

const ZManifest = z.object({
  format: z.literal('kontor-backup'),
  formatVersion: z.literal(1),
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
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
    }),
  ),
});
export type TBackupManifest = z.infer<typeof ZManifest>;
export type TBackupTable = TBackupManifest['tables'][number];

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

/** The rows of a backup after its manifest, each as its table and its row_to_json text. */
export async function* archiveRows(file: string): AsyncGenerator<{ table: string; row: string }> {
  let first = true;
  for await (const line of archiveLines(file)) {
    if (first) {
      first = false;
      continue;
    }
    const m = ROW_LINE.exec(line);
    if (!m || !line.endsWith('}')) throw new BackupError(`${file} is damaged: a line is not a table row`);
    yield { table: JSON.parse(m[1]!) as string, row: line.slice(m[0].length, -1) };
  }
}

// Counts and hashes the rows as they stream past and compares each table with the manifest as soon
// as the next table begins (tables without rows have no lines).
export class ArchiveChecker {
  #pos = -1;
  #rows = 0;
  #hash = createHash('sha256');
  constructor(readonly tables: TBackupTable[]) {}

  add(table: string, row: string) {
    if (this.tables[this.#pos]?.name !== table) {
      const next = this.tables.findIndex((t, i) => i > this.#pos && t.name === table);
      if (next < 0) throw new BackupError(`the backup is damaged: unexpected rows of table ${table}`);
      while (this.#pos < next) this.#advance();
    }
    this.#rows += 1;
    this.#hash.update(`${row}\n`);
  }

  end() {
    while (this.#pos < this.tables.length) this.#advance();
  }

  #advance() {
    const t = this.tables[this.#pos];
    const sha256 = this.#hash.digest('hex');
    if (t && (t.rows !== this.#rows || t.sha256 !== sha256)) {
      throw new BackupError(
        `the backup is damaged: table ${t.name} has ${this.#rows} rows with checksum ${sha256}, ` +
          `the manifest says ${t.rows} rows with checksum ${t.sha256}`,
      );
    }
    this.#pos += 1;
    this.#rows = 0;
    this.#hash = createHash('sha256');
  }
}

/** Reads a whole backup and checks every table's row count and checksum against its manifest. */
export async function verifyBackup(file: string): Promise<TBackupManifest> {
  const manifest = await readManifest(file);
  const checker = new ArchiveChecker(manifest.tables);
  for await (const { table, row } of archiveRows(file)) checker.add(table, row);
  checker.end();
  return manifest;
}
