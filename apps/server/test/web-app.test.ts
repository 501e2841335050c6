// The server answers the web app at `/`: assets by path, index.html for every app route, the start
// page where no build exists; the API keeps its own 404s. Also PATCH /me, the language switch.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedTenant, signIn, type TTestApp, testApp } from './helpers/app';

let built: TTestApp;
let bare: TTestApp;
let dir: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'kontor-web-'));
  fs.mkdirSync(path.join(dir, 'assets'));
  fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><div id="root"></div>');
  fs.writeFileSync(path.join(dir, 'assets', 'index-abc123.js'), 'console.log("kontor")');
  fs.writeFileSync(path.join(dir, 'secret.txt'), 'inside the build');
  built = await testApp({ webDir: dir });
  bare = await testApp({ webDir: path.join(dir, 'missing') });
  await seedTenant(built);
});
afterAll(async () => {
  await built.close();
  await bare.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('the web app', () => {
  it('answers index.html at / and at every app route, never cached', async () => {
    for (const url of [
      '/',
      '/clients',
      '/clients/0b9d6c1e-0000-4000-8000-000000000000',
      '/sign-in?next=%2F',
    ]) {
      const res = await built.app.request(url);
      expect(res.status, url).toBe(200);
      expect(res.headers.get('content-type')).toContain('text/html');
      expect(res.headers.get('cache-control')).toBe('no-cache');
      expect(await res.text()).toContain('id="root"');
    }
  });

  it('serves hashed assets for a year and refuses missing ones and paths outside the build', async () => {
    const js = await built.app.request('/assets/index-abc123.js');
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toContain('text/javascript');
    expect(js.headers.get('cache-control')).toContain('immutable');
    expect((await built.app.request('/assets/index-old999.js')).status).toBe(404);
    expect((await built.app.request('/..%2F..%2Fpackage.json')).status).toBe(404);
    // Dot segments are resolved before the path reaches the app: at most the app's index.html.
    const outside = await built.app.request('/%2e%2e/%2e%2e/etc/passwd');
    expect(await outside.text()).not.toContain('root:');
    expect((await built.app.request('/assets/%E0%A4%A')).status).toBe(404);
  });

  it('leaves the API its own answers', async () => {
    const res = await built.app.request('/api/v1/no-such-thing');
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect((await built.app.request('/api/v1/health')).status).toBe(200);
  });

  it('serves a rebuild at once: a new index.html and its new assets, without a restart', async () => {
    fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><div id="root" data-build="2"></div>');
    fs.writeFileSync(path.join(dir, 'assets', 'index-def456.js'), 'console.log("rebuilt")');
    expect(await (await built.app.request('/clients')).text()).toContain('data-build="2"');
    expect((await built.app.request('/assets/index-def456.js')).status).toBe(200);
  });

  it('shows the start page at / when the web app is not built', async () => {
    const res = await bare.app.request('/');
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('kontor tenant create');
    expect((await bare.app.request('/clients')).status).toBe(404);
  });
});

describe('PATCH /me', () => {
  it('changes the signed-in user’s own language and time zone, audited, and refuses junk by field', async () => {
    const boss = await signIn(built, 'acme', 'boss@acme.test');
    const res = await boss.patch('/me', { locale: 'pl', timeZone: 'Europe/Warsaw' });
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ locale: 'pl', timeZone: 'Europe/Warsaw' });
    expect((await boss.get('/me')).body.user).toMatchObject({ locale: 'pl', timeZone: 'Europe/Warsaw' });
    const bad = await boss.patch('/me', { locale: 'xx' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toContain('locale');
    const zone = await boss.patch('/me', { timeZone: 'Mars/Olympus' });
    expect(zone.status).toBe(400);
    expect(zone.body.errors[0].field).toBe('timeZone');
    expect((await boss.patch('/me', {})).status).toBe(400);
    expect((await boss.get('/me')).body.user.locale).toBe('pl');
    const audit = await boss.get(`/audit?entity=user&id=${res.body.user.id}`);
    expect(audit.status).toBe(200);
    expect(JSON.stringify(audit.body)).toContain('Europe/Warsaw');
  });
});
