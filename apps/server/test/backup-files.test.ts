// Backups carry the document files (archive format 2, ADR 0004): round trip, verification, refusal.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TBackupManifest, verifyBackup, writeBackup } from '../src/platform/backup';
import { restoreBackup } from '../src/platform/restore';
import { asSystem, detectRlsMode } from '../src/platform/tx';
import { scheduleDailyJobs } from '../src/server';
import { seedTenant, type TTestApp, testApp } from './helpers/app';
import {
  count,
  documentWithVersions,
  downloadAll,
  editArchive,
  flipByte,
  type TUploaded,
} from './helpers/backup-files';
import { freshDatabase } from './helpers/database';
import { filesUnder, minimalPdf, onePixelPng } from './helpers/files';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kontor-backup-files-test-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
const file = (name: string) => path.join(tmp, name);

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
