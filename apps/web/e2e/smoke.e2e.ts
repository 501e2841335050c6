import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  ACME,
  DESKTOP,
  journeyTitle,
  openBrowser,
  PHONE,
  pageErrors,
  shot,
  startKontor,
  type TKontor,
  unavailable,
} from './harness';

// Runs without the web app's screens: it proves the harness itself (seeded server on PGlite, real
// SMTP, Chromium) on the pages the server renders on its own.
const missing = unavailable();

describe.skipIf(missing !== null)(journeyTitle('smoke', missing), () => {
  let kontor: TKontor;
  beforeAll(async () => {
    kontor = await startKontor();
  });
  afterAll(async () => {
    await kontor?.stop();
  });

  for (const [name, viewport] of [
    ['desktop', DESKTOP],
    ['phone', PHONE],
  ] as const) {
    test(`health and API reference on a ${name} (${viewport.width}×${viewport.height})`, async () => {
      const journey = `smoke-${name}`;
      const page = await openBrowser(viewport);

      const health = await page.goto(`${kontor.baseUrl}/api/v1/health`);
      expect(health?.status()).toBe(200);
      expect(await health?.json()).toMatchObject({
        status: 'ok',
        database: { engine: 'pglite', connected: true },
      });
      await shot(page, journey, 'health');

      const docs = await page.goto(`${kontor.baseUrl}/api/docs`);
      expect(docs?.status()).toBe(200);
      await page.getByRole('heading', { level: 1, name: /Kontor.*API/ }).waitFor();
      await page.getByRole('link', { name: '/api/v1/openapi.json' }).waitFor();
      await shot(page, journey, 'api-docs');

      await page.getByRole('link', { name: '/api/v1/openapi.json' }).click();
      await page.waitForURL('**/api/v1/openapi.json');
      expect(JSON.parse(await page.innerText('body'))).toMatchObject({
        openapi: expect.stringMatching(/^3\.1/),
      });
      expect(pageErrors(page)).toEqual([]);
    });
  }

  // Through the server's own mailer and KONTOR_SMTP_URL, so a journey can rely on mail arriving.
  test('a password reset mail reaches the SMTP server', async () => {
    const response = await fetch(`${kontor.baseUrl}/api/v1/auth/password-reset`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ tenant: ACME.firm, email: ACME.anna.email }),
    });
    expect(response.status).toBe(202);
    const mail = await kontor.smtp.waitForMailTo(ACME.anna.email);
    expect(mail.text).toContain(kontor.baseUrl);
  });
});
