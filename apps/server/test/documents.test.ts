import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, signIn, type TTestApp } from './helpers/app';
import { insertCase } from './helpers/cases';
import {
  downloadVersion,
  filesUnder,
  gatedPdfStream,
  minimalDocx,
  minimalPdf,
  onePixelPng,
  pdfStream,
  storedZip,
  type TBody,
  uploadVersion,
} from './helpers/files';
import { acmeWithOrg } from './helpers/org';

const MiB = 1024 * 1024;
const LIMIT = 2 * MiB;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kontor-documents-'));
const filesDir = path.join(dataDir, 'files');

let t: TTestApp;
let admin: Client;
let tenantId: string;
let anna: Client;
let ben: Client;
let clara: Client;
let lead: Client;
let muller: string;
let annaCase: string;
let benCase: string;

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

// The upload and download of a signed-in user in this file's app.
const upload = (c: Client, id: string, body: TBody, headers: Record<string, string> = {}, query = '') =>
  uploadVersion(t, c, id, body, headers, query);
const download = (c: Client, id: string, version: number, headers: Record<string, string> = {}) =>
  downloadVersion(t, c, id, version, headers);

async function newDocument(c: Client, body: Record<string, unknown>) {
  const res = await c.post('/documents', { title: 'Unterlage', ...body });
  if (res.status !== 201) throw new Error(`document: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.id as string;
}

let org: Awaited<ReturnType<typeof acmeWithOrg>>['org'];

beforeAll(async () => {
  ({ t, admin, tenantId, org } = await acmeWithOrg({ dataDir, maxUploadBytes: LIMIT }));
  anna = await signIn(t, 'acme', 'anna@acme.test');
  ben = await signIn(t, 'acme', 'ben@acme.test');
  clara = await signIn(t, 'acme', 'clara@acme.test');
  lead = await signIn(t, 'acme', 'lead@acme.test');
  const client = await anna.post('/clients', { kind: 'person', firstName: 'Jürgen', lastName: 'Müller' });
  muller = client.body.id;
  annaCase = await insertCase(t, tenantId, { clientId: muller, ownerId: org.users.anna });
  // Ben works on a second case of the same client: he sees the client, but not Anna's case.
  benCase = await insertCase(t, tenantId, {
    clientId: muller,
    ownerId: org.users.anna,
    executorId: org.users.ben,
  });
});
afterAll(async () => {
  await t.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('documents and their versions', () => {
  it('creates documents on a client and on a case; a case document names the case’s client', async () => {
    const onClient = await anna.post('/documents', {
      clientId: muller,
      title: 'Personalausweis',
      category: 'id_document',
    });
    expect(onClient.status).toBe(201);
    expect(onClient.body).toMatchObject({ clientId: muller, caseId: null, currentVersion: 0, versions: [] });
    const onCase = await anna.post('/documents', {
      caseId: annaCase,
      title: 'Darlehensvertrag',
      category: 'contract',
    });
    expect(onCase.body).toMatchObject({ clientId: muller, caseId: annaCase, category: 'contract' });
    const fields = async (body: Record<string, unknown>) => {
      const res = await anna.post('/documents', body);
      expect(res.status).toBe(400);
      return res.body.errors.map((e: { field: string }) => e.field).sort();
    };
    expect(await fields({ clientId: muller, title: '', category: 'secret' })).toEqual(['category', 'title']);
    expect(await fields({ title: 'Lose Blätter' })).toEqual(['clientId']);
    const stranger = await anna.post('/documents', { caseId: annaCase, clientId: annaCase, title: 'x' });
    expect(stranger.body.errors[0].field).toBe('clientId');
  });

  it('stores a PDF and a PNG as versions 1 and 2, decided by content, and gives back the same bytes', async () => {
    const id = await newDocument(anna, { clientId: muller, category: 'income_proof' });
    const pdf = minimalPdf('Gehalt');
    const name = 'Gehaltsabrechnung März.pdf';
    const first = await upload(anna, id, pdf, { 'x-file-name': encodeURIComponent(name) }, '?comment=erste');
    expect(first.status).toBe(201);
    expect(first.body.versions[0]).toMatchObject({
      version: 1,
      mediaType: 'application/pdf',
      sizeBytes: pdf.length,
      sha256: sha256(pdf),
      originalName: name,
      comment: 'erste',
    });
    // The PNG claims to be a PDF by name and Content-Type; its content says otherwise.
    const png = onePixelPng();
    const second = await upload(anna, id, png, {
      'content-type': 'application/pdf',
      'x-file-name': 'scan.pdf',
    });
    expect(second.body.currentVersion).toBe(2);
    expect(
      second.body.versions.map((v: { version: number; mediaType: string }) => [v.version, v.mediaType]),
    ).toEqual([
      [2, 'image/png'],
      [1, 'application/pdf'],
    ]);

    const got = await download(anna, id, 1);
    expect(got.res.status).toBe(200);
    expect(got.bytes.equals(pdf)).toBe(true);
    expect(got.res.headers.get('content-type')).toBe('application/pdf');
    expect(got.res.headers.get('content-length')).toBe(String(pdf.length));
    expect(got.res.headers.get('etag')).toBe(`"${sha256(pdf)}"`);
    expect(got.res.headers.get('content-disposition')).toBe(
      `attachment; filename="Gehaltsabrechnung Marz.pdf"; filename*=UTF-8''Gehaltsabrechnung%20M%C3%A4rz.pdf`,
    );
    expect((await download(anna, id, 2)).bytes.equals(png)).toBe(true);
    const unchanged = await download(anna, id, 1, { 'if-none-match': `"${sha256(pdf)}"` });
    expect(unchanged.res.status).toBe(304);
    expect((await download(anna, id, 3)).res.status).toBe(404);
    // Every download is in the audit trail (M1), the refused one is not.
    const reads = await t.database.db
      .selectFrom('audit_log')
      .select(['actor_user_id', 'after'])
      .where('entity', '=', 'document')
      .where('entity_id', '=', id)
      .where('action', '=', 'download')
      .orderBy('id')
      .execute();
    expect(reads.map((r) => (r.after as { version: number }).version)).toEqual([1, 2, 1]);
    expect(new Set(reads.map((r) => r.actor_user_id))).toEqual(new Set([org.users.anna]));

    // On disk: under the tenant's folder, named by us, the same bytes.
    const stored = filesUnder(filesDir).filter((f) => f.startsWith(tenantId));
    const match = stored.find((f) => sha256(fs.readFileSync(path.join(filesDir, f))) === sha256(pdf));
    expect(match).toMatch(new RegExp(`^${tenantId}/[0-9a-f]{2}/[0-9a-f-]{36}$`));

    const list = await anna.get(`/documents?clientId=${muller}&category=income_proof`);
    expect(list.body.items).toEqual([
      expect.objectContaining({
        id,
        versionCount: 2,
        latest: expect.objectContaining({ mediaType: 'image/png' }),
      }),
    ]);
  });

  it('accepts a Word document and refuses a plain zip archive, by what the zip holds', async () => {
    const id = await newDocument(anna, { clientId: muller, category: 'offer' });
    const docx = await upload(anna, id, minimalDocx(), { 'x-file-name': 'Angebot.docx' });
    expect(docx.body.versions[0].mediaType).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    const zip = await upload(anna, id, storedZip({ 'angebot.txt': 'hello' }), {
      'x-file-name': 'Angebot.docx',
    });
    expect(zip.status).toBe(415);
  });

  it('refuses text and a program disguised as PDF with 415, writing nothing', async () => {
    const id = await newDocument(anna, { clientId: muller });
    const before = filesUnder(filesDir);
    const exe = Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), Buffer.alloc(512, 1)]);
    for (const body of [Buffer.from('This is not a PDF, just text.\n'), exe]) {
      const res = await upload(anna, id, body, {
        'content-type': 'application/pdf',
        'x-file-name': 'kontoauszug.pdf',
      });
      expect(res.status).toBe(415);
      expect(res.body.code).toBe('unsupported_media_type');
    }
    expect((await upload(anna, id, Buffer.alloc(0))).body.code).toBe('validation_failed');
    expect(filesUnder(filesDir)).toEqual(before);
    expect((await anna.get(`/documents/${id}`)).body).toMatchObject({ currentVersion: 0, versions: [] });
  });
});

describe('size limit and streaming', () => {
  it('refuses a body over the limit with 413 before reading it whole, leaving no file and no row', async () => {
    const id = await newDocument(anna, { clientId: muller });
    const before = filesUnder(filesDir);
    // Three times the limit, made only as the server pulls: refused once the limit is passed.
    const big = pdfStream(3 * LIMIT);
    const res = await upload(anna, id, big.stream);
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ code: 'payload_too_large', maxBytes: LIMIT });
    expect(big.pulled()).toBeLessThan(LIMIT + MiB);
    // A body declared too large by Content-Length is refused without reading a byte.
    const declared = pdfStream(3 * LIMIT);
    const early = await upload(anna, id, declared.stream, { 'content-length': String(3 * LIMIT) });
    expect(early.status).toBe(413);
    expect(declared.pulled()).toBe(0);
    expect(filesUnder(filesDir)).toEqual(before);
    expect((await anna.get(`/documents/${id}`)).body.versions).toEqual([]);
  });

  it('removes the stored file when the row cannot be written (the document left while it arrived)', async () => {
    const id = await newDocument(anna, { clientId: muller });
    const before = filesUnder(filesDir);
    const body = gatedPdfStream();
    const uploading = upload(anna, id, body.stream);
    await body.started;
    // No transaction is held while the bytes arrive: the delete goes through meanwhile.
    expect((await anna.delete(`/documents/${id}`)).status).toBe(200);
    body.release();
    expect((await uploading).status).toBe(404);
    expect(filesUnder(filesDir)).toEqual(before);
    expect((await anna.post(`/documents/${id}/restore`)).body.versions).toEqual([]);
  });

  it('streams a file of several MiB in and out with the same checksum', async () => {
    const id = await newDocument(anna, { clientId: muller });
    const size = LIMIT - 1000;
    const source = pdfStream(size);
    const hash = createHash('sha256');
    const [forServer, forHash] = source.stream.tee();
    const hashing = (async () => {
      for await (const chunk of forHash as unknown as AsyncIterable<Uint8Array>) hash.update(chunk);
    })();
    const res = await upload(anna, id, forServer, { 'x-file-name': 'grundbuch.pdf' });
    await hashing;
    const digest = hash.digest('hex');
    expect(res.status).toBe(201);
    expect(res.body.versions[0]).toMatchObject({
      sizeBytes: size,
      sha256: digest,
      mediaType: 'application/pdf',
    });
    const got = await download(anna, id, 1);
    expect(got.bytes.length).toBe(size);
    expect(sha256(got.bytes)).toBe(digest);
  });
});

describe('scope', () => {
  let clientDoc: string;
  let annaCaseDoc: string;
  let benCaseDoc: string;
  beforeAll(async () => {
    clientDoc = await newDocument(anna, { clientId: muller, title: 'Selbstauskunft' });
    annaCaseDoc = await newDocument(anna, { caseId: annaCase, title: 'Exposé' });
    benCaseDoc = await newDocument(anna, { caseId: benCase, title: 'Kaufvertrag' });
    for (const id of [clientDoc, annaCaseDoc, benCaseDoc]) await upload(anna, id, minimalPdf());
  });

  it('shows a case’s document exactly to those who see the case, a client’s to those who see the client', async () => {
    const ids = async (c: Client, q: string) =>
      (await c.get(`/documents?${q}&limit=200`)).body.items.map((d: { id: string }) => d.id);
    expect(await ids(ben, `clientId=${muller}`)).toEqual(expect.arrayContaining([clientDoc, benCaseDoc]));
    expect(await ids(ben, `clientId=${muller}`)).not.toContain(annaCaseDoc);
    expect((await ben.get(`/documents/${annaCaseDoc}`)).status).toBe(404);
    expect((await download(ben, annaCaseDoc, 1)).res.status).toBe(404);
    expect((await download(ben, benCaseDoc, 1)).res.status).toBe(200);
    expect((await ben.get(`/documents?caseId=${annaCase}`)).status).toBe(404);
    expect(await ids(lead, `caseId=${annaCase}`)).toContain(annaCaseDoc);
    expect(await ids(lead, `caseId=${annaCase}`)).not.toContain(benCaseDoc);
  });

  it('answers 404 outside the scope on list, get, download, upload and delete, writing nothing', async () => {
    expect((await clara.get(`/documents?clientId=${muller}`)).status).toBe(404);
    expect((await clara.get('/documents?limit=200')).body.items).toEqual([]);
    expect((await clara.get(`/documents/${clientDoc}`)).status).toBe(404);
    expect((await download(clara, clientDoc, 1)).res.status).toBe(404);
    expect((await clara.post('/documents', { clientId: muller, title: 'x' })).status).toBe(404);
    const before = filesUnder(filesDir);
    expect((await upload(clara, clientDoc, minimalPdf())).status).toBe(404);
    expect(filesUnder(filesDir)).toEqual(before);
    expect((await clara.delete(`/documents/${clientDoc}`)).status).toBe(404);
    expect((await anna.get(`/documents/${clientDoc}`)).body.currentVersion).toBe(1);
  });
});

describe('trash, restore and purge', () => {
  it('moves a document to the trash, restores it with its file, and removes the files when purged', async () => {
    const id = await newDocument(anna, { clientId: muller, title: 'Alte Gehaltsabrechnung' });
    const pdf = minimalPdf('alt');
    await upload(anna, id, pdf);
    const del = await anna.delete(`/documents/${id}`);
    expect(del.status).toBe(200);
    expect((await anna.get(`/documents/${id}`)).status).toBe(404);
    expect((await download(anna, id, 1)).res.status).toBe(404);
    expect(
      (await anna.get(`/documents?clientId=${muller}&limit=200`)).body.items.map((d: { id: string }) => d.id),
    ).not.toContain(id);
    expect((await clara.post(`/documents/${id}/restore`)).status).toBe(404);
    const restored = await anna.post(`/documents/${id}/restore`);
    expect(restored.status).toBe(200);
    expect(restored.body.versions).toHaveLength(1);
    expect((await download(anna, id, 1)).bytes.equals(pdf)).toBe(true);

    const audit = (await admin.get(`/audit?entity=document&id=${id}`)).body.items;
    expect(audit.map((a: { action: string }) => a.action)).toEqual([
      'download',
      'restore',
      'delete',
      'upload_version',
      'create',
    ]);
    expect(audit[3].after).toMatchObject({ sha256: sha256(pdf), sizeBytes: pdf.length });

    // Purged after the retention period: rows and files go.
    const again = await anna.delete(`/documents/${id}`);
    const before = filesUnder(filesDir);
    await t.database.db
      .updateTable('trash')
      .set({ deleted_at: new Date(Date.now() - 400 * 86_400_000) })
      .where('id', '=', again.body.trashId)
      .execute();
    expect((await admin.delete(`/trash/${again.body.trashId}`)).status).toBe(204);
    const after = filesUnder(filesDir);
    expect(before.length - after.length).toBe(1);
    expect(after.some((f) => sha256(fs.readFileSync(path.join(filesDir, f))) === sha256(pdf))).toBe(false);
  });
});
