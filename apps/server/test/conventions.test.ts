import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp, openApiDocument } from '../src/app';
import { routePermissionTable } from '../src/tools/route-permissions';
import { Client, seedTenant, signIn, type TTestApp, testApp } from './helpers/app';

const generated = (name: string) =>
  fs.readFileSync(fileURLToPath(new URL(`../src/generated/${name}`, import.meta.url)), 'utf8');

let t: TTestApp;
let doc: ReturnType<typeof openApiDocument>;

beforeAll(async () => {
  t = await testApp();
  await seedTenant(t, 'acme');
  doc = openApiDocument(createApp(t.deps).api);
});
afterAll(() => t.close());

describe('every route declares its permission', () => {
  it('matches the reviewed table route → permission', () => {
    const table = routePermissionTable(doc);
    expect(table).not.toContain('MISSING');
    expect(table).toBe(generated('route-permissions.txt'));
  });

  it('the committed OpenAPI document is the one the code generates', async () => {
    expect(JSON.parse(generated('openapi.json'))).toEqual(JSON.parse(JSON.stringify(doc)));
    const served = await t.app.request('/api/v1/openapi.json');
    expect(((await served.json()) as { openapi: string }).openapi).toBe('3.1.0');
  });

  it('refuses anonymous callers on every non-public route with 401 problem+json', async () => {
    const anon = new Client(t);
    for (const [path, ops] of Object.entries(doc.paths ?? {})) {
      for (const [method, op] of Object.entries(ops as Record<string, { 'x-permission': string }>)) {
        if (op['x-permission'] === 'public') continue;
        const concrete = path.replace('{id}', '00000000-0000-4000-8000-000000000000');
        const res = await anon.request(method.toUpperCase(), concrete, method === 'get' ? undefined : {});
        expect(`${method} ${path} ${res.status}`).toBe(`${method} ${path} 401`);
        expect(res.headers.get('content-type')).toMatch(/application\/problem\+json/);
      }
    }
  });
});

describe('HTTP conventions', () => {
  it('never answers 500 to junk sent by a signed-in administrator, on any route', async () => {
    const admin = await signIn(t, 'acme', 'boss@acme.test');
    const junk: unknown[] = [
      {},
      [],
      { id: 1, name: 12, kind: null, grants: 'x', roleIds: [1], unitId: 'nope' },
      'text',
    ];
    const ids = ['00000000-0000-4000-8000-000000000000', 'not-a-uuid'];
    for (const [path, ops] of Object.entries(doc.paths ?? {})) {
      for (const method of Object.keys(ops as object)) {
        if (path === '/auth/logout') continue; // would end the session the loop runs on
        for (const id of ids) {
          const concrete = `${path.replace('{id}', id)}?limit=${id === ids[1] ? 'abc' : '5'}&cursor=%%%`;
          for (const body of method === 'get' ? [undefined] : junk) {
            const res = await admin.request(method.toUpperCase(), concrete, body as never);
            expect(`${method} ${concrete} ${JSON.stringify(body)} → ${res.status}`).not.toMatch(/→ 5\d\d$/);
          }
        }
      }
    }
    // Every route, twice, with four bodies each: its time grows with the API, so it has its own limit.
  }, 120_000);

  it('answers bad input with problem+json naming the field, never 500, and writes nothing', async () => {
    const admin = await signIn(t, 'acme', 'boss@acme.test');
    const count = async () => (await admin.get('/units')).body.items.length;
    const before = await count();
    const bad = await admin.post('/units', { kind: 'castle', name: '' });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('validation_failed');
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['kind', 'name']);
    const notJson = await t.app.request('/api/v1/units', {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: admin.cookie, 'x-csrf-token': admin.csrf },
      body: '{"kind": ',
    });
    expect(notJson.status).toBe(400);
    expect((await admin.get('/units/not-a-uuid')).body.errors[0].field).toBe('id');
    expect(await count()).toBe(before);
  });

  it('gives every answer a request id and unknown paths a 404 problem', async () => {
    const res = await t.app.request('/api/v1/nowhere');
    expect(res.status).toBe(404);
    expect(res.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(((await res.json()) as { requestId: string }).requestId).toBe(res.headers.get('x-request-id'));
  });

  it('names the failing field in the caller’s language', async () => {
    const admin = await signIn(t, 'acme', 'boss@acme.test');
    const bad = await admin.request(
      'POST',
      '/units',
      { kind: 'region', name: '' },
      { 'accept-language': 'de-DE' },
    );
    expect(bad.body.title).toBe('Die Eingabe ist ungültig.');
    expect(bad.body.errors).toEqual([{ field: 'name', code: 'too_small', message: 'Pflichtfeld' }]);
    // A use-case's own field message too, not only the schema's.
    const orphan = await admin.request(
      'POST',
      '/units',
      { kind: 'region', name: 'Nord', parentId: '00000000-0000-4000-8000-000000000000' },
      { 'accept-language': 'pl' },
    );
    expect(orphan.body.errors).toEqual([
      expect.objectContaining({ field: 'parentId', message: 'Nieznana jednostka nadrzędna' }),
    ]);
  });

  it('writes one JSON log line per request carrying its request id', async () => {
    const lines: string[] = [];
    const logger = pino({ level: 'info' }, { write: (line: string) => lines.push(line) });
    const logged = await testApp({}, undefined, logger);
    try {
      const res = await logged.app.request('/api/v1/health', {
        headers: { 'x-request-id': 'trace-me-12345' },
      });
      expect(res.headers.get('x-request-id')).toBe('trace-me-12345');
      const entries = lines.map((l) => JSON.parse(l)).filter((e) => e.path === '/api/v1/health');
      expect(entries).toEqual([
        expect.objectContaining({ requestId: 'trace-me-12345', method: 'GET', status: 200 }),
      ]);
    } finally {
      await logged.close();
    }
  });

  it('speaks the caller’s language in error titles', async () => {
    const titles: Record<string, string> = {};
    for (const lang of ['de', 'en', 'pl', 'ru']) {
      const res = await t.app.request('/api/v1/me', { headers: { 'accept-language': `${lang};q=0.9` } });
      titles[lang] = ((await res.json()) as { title: string }).title;
    }
    expect(titles).toEqual({
      de: 'Bitte melden Sie sich an.',
      en: 'Please sign in.',
      pl: 'Zaloguj się.',
      ru: 'Пожалуйста, войдите.',
    });
  });

  it('serves the start page, the API reference and the health check', async () => {
    const home = await t.app.request('/', { headers: { 'accept-language': 'de' } });
    const html = await home.text();
    expect(html).toContain('Kontor läuft');
    expect(html).toContain('kontor tenant create');
    const docs = await (await t.app.request('/api/docs')).text();
    expect(docs).toContain('/api/v1/auth/login');
    expect(docs).toContain('permission: users:view');
    const health = await t.app.request('/api/v1/health');
    expect(health.status).toBe(200);
    expect(((await health.json()) as { database: { connected: boolean } }).database.connected).toBe(true);
  });
});
