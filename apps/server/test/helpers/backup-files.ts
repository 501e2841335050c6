import fs from 'node:fs';
import readline from 'node:readline';
import { pipeline } from 'node:stream/promises';
import zlib from 'node:zlib';
import { sql } from 'kysely';
import type { TDatabase } from '../../src/platform/db';
import { asSystem } from '../../src/platform/tx';
import { type Client, signIn, type TTestApp } from './app';
import { downloadVersion, uploadVersion } from './files';

// Documents with real files for the backup tests, and edits of archives line by line.

export type TUploaded = { client: Client; documentId: string; versions: Buffer[] };

/**
 * As `email` of `tenant`: a client with one document whose versions are `versions`, uploaded
 * through the API (so files and rows are made as in production).
 */
export async function documentWithVersions(
  t: TTestApp,
  tenant: string,
  email: string,
  versions: Buffer[],
): Promise<TUploaded> {
  const client = await signIn(t, tenant, email);
  const person = await client.post('/clients?allowDuplicate=true', {
    kind: 'person',
    firstName: 'Jürgen',
    lastName: 'Müller',
  });
  if (person.status !== 201) throw new Error(`client: ${person.status} ${JSON.stringify(person.body)}`);
  const document = await client.post('/documents', { clientId: person.body.id, title: 'Vertrag' });
  if (document.status !== 201)
    throw new Error(`document: ${document.status} ${JSON.stringify(document.body)}`);
  const documentId = document.body.id as string;
  for (const bytes of versions) {
    const res = await uploadVersion(t, client, documentId, bytes, { 'x-file-name': 'Vertrag.pdf' });
    if (res.status !== 201) throw new Error(`upload: ${res.status} ${JSON.stringify(res.body)}`);
  }
  return { client, documentId, versions };
}

/** Every version of a document as downloaded through the API of `t`, signed in as `email`. */
export async function downloadAll(
  t: TTestApp,
  tenant: string,
  email: string,
  documentId: string,
  count: number,
) {
  const client = await signIn(t, tenant, email);
  const bytes: Buffer[] = [];
  for (let version = 1; version <= count; version += 1) {
    const got = await downloadVersion(t, client, documentId, version);
    if (got.res.status !== 200) throw new Error(`download of version ${version}: ${got.res.status}`);
    bytes.push(got.bytes);
  }
  return bytes;
}

/**
 * Copies an archive line by line through `edit` (answer the line, a changed one, or null to drop
 * it), streaming, into a valid gzip file.
 */
export async function editArchive(archive: string, out: string, edit: (line: string) => string | null) {
  const lines = readline.createInterface({ input: fs.createReadStream(archive).pipe(zlib.createGunzip()) });
  async function* edited() {
    for await (const line of lines) {
      const kept = edit(line);
      if (kept !== null) yield `${kept}\n`;
    }
  }
  await pipeline(edited, zlib.createGzip(), fs.createWriteStream(out));
}

/** A chunk line of an archive with one byte of its content changed (the length stays). */
export function flipByte(line: string): string {
  const m = /^\{"chunk":"(.*)"\}$/.exec(line);
  if (!m) throw new Error('not a chunk line');
  const bytes = Buffer.from(m[1]!, 'base64');
  const last = bytes.length - 1;
  bytes[last] = bytes[last]! ^ 0xff;
  return `{"chunk":"${bytes.toString('base64')}"}`;
}

/** How many rows a table holds, over every tenant. */
export async function count(database: TDatabase, table: 'tenants' | 'users' | 'audit_log'): Promise<number> {
  return asSystem(database, async (tx) => {
    const r = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(tx);
    return r.rows[0]!.n;
  });
}

/** The data lines of an archive, parsed. */
export function archiveRows(archive: string): { table: string; row: Record<string, unknown> }[] {
  const lines = zlib.gunzipSync(fs.readFileSync(archive)).toString('utf8').trim().split('\n');
  return lines.slice(1).map((l) => JSON.parse(l));
}
