import { Secret, TOTP } from 'otpauth';
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { ACME, DESKTOP, openBrowser, PHONE, pageErrors, shot } from './harness';
import { apiCall, describeJourneys, signIn } from './steps';

// The second factor (enrol with a code computed from the shown key, recovery codes, sign in with
// a code, turn off) and the trash (a client deleted through the API, restored on the trash page,
// and its audit trail). Elements are found by role and accessible name only.
type TAuditPage = {
  items: {
    id: number;
    at: string;
    actorUserId: string | null;
    action: string;
    before: unknown;
    after: unknown;
  }[];
  nextCursor: string | null;
};

const stepNow = () => Math.floor(Date.now() / 30_000);

function codeFor(secret: string, at = Date.now()): string {
  return new TOTP({ secret: Secret.fromBase32(secret.replace(/\s/g, '')) }).generate({ timestamp: at });
}

describeJourneys('security and trash', (kontor) => {
  test('(a) desktop: enrol TOTP, sign in with a code, turn it off', { timeout: 150_000 }, async () => {
    const journey = 'security-totp';
    const page = await openBrowser(DESKTOP);
    await signIn(page, kontor);
    await page.goto(`${kontor.baseUrl}/settings/security`);
    await page.getByRole('heading', { name: 'Second factor', exact: true }).waitFor();
    await shot(page, journey, 'off');

    await page.getByRole('button', { name: 'Set up the authenticator app', exact: true }).click();
    const key = page.getByLabel('Key to type in', { exact: true });
    await key.waitFor();
    expect(
      await page.getByRole('link', { name: 'Open in the authenticator app' }).getAttribute('href'),
    ).toMatch(/^otpauth:\/\/totp\//);
    const secret = await key.inputValue();
    expect(secret).toMatch(/^([A-Z2-7]{4} )+[A-Z2-7]{1,4}$/);
    await shot(page, journey, 'key');

    // A wrong code first: the field says so and keeps what was typed.
    const code = page.getByLabel(/^Code from your authenticator app/);
    const wrong = codeFor(secret) === '000000' ? '111111' : '000000';
    await code.fill(wrong);
    await page.getByRole('button', { name: 'Turn on', exact: true }).click();
    await page.getByText('The code does not match.', { exact: false }).waitFor();
    expect(await code.inputValue()).toBe(wrong);
    await shot(page, journey, 'wrong-code');

    await code.fill(codeFor(secret));
    const verifiedStep = stepNow();
    await page.getByRole('button', { name: 'Turn on', exact: true }).click();
    const list = page.getByRole('list', { name: 'Recovery codes', exact: true });
    await list.waitFor();
    expect(await list.getByRole('listitem').count()).toBe(10);
    await shot(page, journey, 'recovery-codes');
    await page.getByRole('button', { name: 'I have saved them', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'The second factor is on.' }).waitFor();
    await shot(page, journey, 'on');

    await page.getByRole('button', { name: 'Account', exact: true }).click();
    await page.getByRole('button', { name: 'Sign out', exact: true }).click();
    await page.waitForURL((url) => url.pathname === '/sign-in');
    await page.getByLabel(/^Firm\b/).fill(ACME.firm);
    await page.getByLabel(/^E-mail\b/).fill(ACME.boss.email);
    await page.getByLabel(/^Password\b/).fill(ACME.boss.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    const signInCode = page.getByLabel(/^Code from your authenticator app/);
    await signInCode.waitFor();
    await shot(page, journey, 'sign-in-asks-code');
    // The server refuses a code of a step already used: wait for the next one.
    while (stepNow() <= verifiedStep) await page.waitForTimeout(500);
    await signInCode.fill(codeFor(secret));
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
    await shot(page, journey, 'signed-in-with-code');

    await turnOff(page, kontor.baseUrl, journey);
    expect(pageErrors(page)).toEqual([]);
  });

  test('(c) phone: the enrolment fits a 390 px screen', async () => {
    const page = await openBrowser(PHONE);
    await signIn(page, kontor);
    await page.goto(`${kontor.baseUrl}/settings/security`);
    await page.getByRole('button', { name: 'Set up the authenticator app', exact: true }).click();
    await page.getByLabel('Key to type in', { exact: true }).waitFor();
    await shot(page, 'security-phone', 'key');
    expect(await noSidewaysScroll(page)).toBe(0);
    await page.getByRole('button', { name: 'Cancel', exact: true }).click();
    expect(pageErrors(page)).toEqual([]);
  });

  test('(b) phone: a deleted client is restored from the trash; the audit trail tells', async () => {
    const journey = 'trash-restore';
    const page = await openBrowser(PHONE);
    await signIn(page, kontor);
    const client = await apiCall<{ id: string; displayName: string }>(page, 'POST', '/clients', {
      kind: 'person',
      firstName: 'Paula',
      lastName: 'Papierkorb',
    });
    await apiDelete(page, `/clients/${client.id}`);
    const afterDelete = await apiCall<TAuditPage>(page, 'GET', `/audit?entity=client&id=${client.id}`);
    expect(afterDelete.items.map((e) => e.action)).toEqual(['delete', 'create']);
    expect(afterDelete.items[0]).toMatchObject({ actorUserId: expect.any(String), at: expect.any(String) });

    await page.goto(`${kontor.baseUrl}/trash`);
    await page.getByRole('heading', { name: 'Trash', exact: true }).waitFor();
    const item = page.getByRole('list', { name: 'Deleted records' }).getByRole('listitem', {
      name: client.displayName,
      exact: true,
    });
    await item.waitFor();
    // textContent, not innerText: the badge is upper-cased by CSS.
    expect(await item.textContent()).toContain('Client');
    expect(await item.textContent()).toMatch(/Deleted .+ by /);
    expect(await noSidewaysScroll(page)).toBe(0);
    await shot(page, journey, 'in-trash');

    await item.getByRole('button', { name: 'Restore', exact: true }).click();
    await page
      .getByRole('status')
      .filter({ hasText: `“${client.displayName}” is restored.` })
      .waitFor();
    await item.waitFor({ state: 'detached' });
    await shot(page, journey, 'restored');

    await page.goto(`${kontor.baseUrl}/clients/${client.id}`);
    await page.getByRole('heading', { name: client.displayName, exact: true }).waitFor();
    await shot(page, journey, 'client-back');
    const afterRestore = await apiCall<TAuditPage>(
      page,
      'GET',
      `/audit?entity=client&id=${client.id}&limit=1`,
    );
    expect(afterRestore.items[0]?.action).toBe('restore');
    expect(afterRestore.nextCursor).not.toBeNull();
    expect(pageErrors(page)).toEqual([]);
  });
});

/** Turning the factor off: a wrong password is refused on the field, the right one works. */
async function turnOff(page: Page, baseUrl: string, journey: string): Promise<void> {
  await page.goto(`${baseUrl}/settings/security`);
  const password = page.getByLabel(/^Password\b/);
  await password.fill('not-the-password');
  await page.getByRole('button', { name: 'Turn off', exact: true }).click();
  await page.getByText('The password is wrong.', { exact: true }).waitFor();
  await shot(page, journey, 'wrong-password');
  await password.fill(ACME.boss.password);
  await page.getByRole('button', { name: 'Turn off', exact: true }).click();
  await page.getByRole('status').filter({ hasText: 'The second factor is off.' }).waitFor();
  await shot(page, journey, 'off-again');
}

async function apiDelete(page: Page, path: string): Promise<void> {
  const cookies = await page.context().cookies();
  const csrf = cookies.find((c) => c.name === 'kontor_csrf')?.value ?? '';
  const response = await page.request.fetch(new URL(`/api/v1${path}`, page.url()).toString(), {
    method: 'DELETE',
    headers: { 'x-csrf-token': decodeURIComponent(csrf) },
  });
  if (!response.ok()) throw new Error(`DELETE ${path}: ${response.status()} ${await response.text()}`);
}

function noSidewaysScroll(page: Page): Promise<number> {
  return page.evaluate(() => Math.max(0, document.documentElement.scrollWidth - window.innerWidth));
}
