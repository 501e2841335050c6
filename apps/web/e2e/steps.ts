// Steps more than one journey takes.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe } from 'vitest';
import { ACME, journeyTitle, shot, startKontor, type TKontor, unavailable } from './harness';

/**
 * A file of journeys against one Kontor of its own, started before them and stopped after; skipped
 * with the reason where Chromium or the web app's build is missing. `kontor` stands for the
 * started server (it is started in beforeAll, after the tests are declared).
 */
export function describeJourneys(name: string, body: (kontor: TKontor) => void): void {
  const missing = unavailable({ webApp: true });
  describe.skipIf(missing !== null)(journeyTitle(name, missing), () => {
    let started: TKontor | undefined;
    const kontor = new Proxy({} as TKontor, {
      get: (_, key) => {
        if (!started) throw new Error('Kontor is not started yet');
        return started[key as keyof TKontor];
      },
    });
    beforeAll(async () => {
      started = await startKontor();
    });
    afterAll(async () => {
      await started?.stop();
    });
    body(kontor);
  });
}

/** The API as the signed-in page: its cookies, and the CSRF token on writes; throws unless 2xx. */
export async function apiCall<T>(
  page: Page,
  method: 'GET' | 'POST' | 'PUT',
  path: string,
  data?: unknown,
): Promise<T> {
  const cookies = await page.context().cookies();
  const csrf = cookies.find((c) => c.name === 'kontor_csrf')?.value ?? '';
  const response = await page.request.fetch(new URL(`/api/v1${path}`, page.url()).toString(), {
    method,
    headers: { 'x-csrf-token': decodeURIComponent(csrf) },
    data,
  });
  if (!response.ok()) throw new Error(`${method} ${path}: ${response.status()} ${await response.text()}`);
  return (await response.json()) as T;
}

/** Signs in as the firm's managing director through the sign-in page. */
export async function signIn(page: Page, kontor: TKontor, journey?: string): Promise<void> {
  await page.goto(`${kontor.baseUrl}/`);
  // The path only: a redirect may carry where to go back to in its query.
  await page.waitForURL((url) => url.pathname === '/sign-in');
  if (journey) await shot(page, journey, 'sign-in');
  // A required field's label ends in an asterisk ("Firm *"): match the label's start.
  await page.getByLabel(/^Firm\b/).fill(ACME.firm);
  await page.getByLabel(/^E-mail\b/).fill(ACME.boss.email);
  await page.getByLabel(/^Password\b/).fill(ACME.boss.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
}
