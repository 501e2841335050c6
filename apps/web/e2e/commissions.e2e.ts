import { readFile } from 'node:fs/promises';
import type { APIResponse, Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { ACME, DESKTOP, openBrowser, PHONE, pageErrors, shot, type TKontor } from './harness';
import { describeJourneys, signIn } from './steps';

// The managing director sets up one won case with commission through the API, then runs the
// period's statements in the browser, downloads the PDF and sees the mail arrive.

// Days of the firm (Europe/Berlin), as the server dates a win, a payment and a balance.
const firmDay = (offsetDays = 0) =>
  new Date(Date.now() + offsetDays * 86_400_000).toLocaleDateString('sv-SE', { timeZone: 'Europe/Berlin' });
const TERMS = {
  payoutMode: 'when_earned',
  liabilityMonths: 12,
  clawbackMode: 'pro_rata',
  reservePercent: '0',
};
const eur = (minor: number) => ({ minor, currency: 'EUR' });
// The won case test (a) sets up, for the journeys after it.
let wonCaseId = '';

describeJourneys('commissions', (kontor) => {
  test('(a) desktop: run the statements, download the PDF, get the mail', { timeout: 120_000 }, async () => {
    const journey = 'commissions-desktop';
    const page = await openBrowser(DESKTOP);
    await signIn(page, kontor, journey);
    wonCaseId = await setUpWonCase(page, kontor);

    await page.goto(`${kontor.baseUrl}/commissions`);
    await page.getByRole('heading', { name: 'Commissions', exact: true }).waitFor();
    await shot(page, journey, 'run-form');
    // The period covers the win and the payment whatever the time zone of the day's end.
    await page.getByLabel(/^Period start\b/).fill(`${firmDay().slice(0, 4)}-01-01`);
    await page.getByLabel(/^Period end\b/).fill(firmDay(1));
    await page.getByLabel(/^Issued on\b/).fill(firmDay(1));
    await page.getByRole('button', { name: 'Run statements', exact: true }).click();
    await page.getByText('1 statement created', { exact: true }).waitFor();
    await page.getByText('0 statements already existed', { exact: true }).waitFor();
    await settled(page);
    await shot(page, journey, 'run-done');
    await page.getByText('All e-mails are handled', { exact: true }).waitFor({ timeout: 30_000 });
    await shot(page, journey, 'mail-handled');

    const mail = await kontor.smtp.waitForMailTo(ACME.boss.email, 30_000);
    expect(mail.raw).toContain('application/pdf');

    await page.getByRole('tab', { name: 'Statements', exact: true }).click();
    const table = page.getByRole('table', { name: 'Statements' });
    await table.waitFor();
    expect(await table.getByRole('row').count()).toBe(2);
    await table.getByText('Sent', { exact: true }).waitFor();
    await shot(page, journey, 'statements');

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: /^PDF of statement \d{4}-\d+$/ }).click(),
    ]);
    const bytes = await readFile(await download.path());
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');

    await page.getByRole('tab', { name: 'Balances', exact: true }).click();
    await page.getByRole('table', { name: 'Balances' }).getByText('Boss Acme', { exact: true }).waitFor();
    await shot(page, journey, 'balances');

    await page.getByRole('tab', { name: 'Exports', exact: true }).click();
    await page.getByRole('radio', { name: 'CSV', exact: true }).check();
    const link = page.getByRole('link', { name: 'Download the export', exact: true });
    expect(await link.getAttribute('href')).toMatch(/\/api\/v1\/commissions\/exports\?from=.*&format=csv$/);
    await shot(page, journey, 'exports');
    expect(pageErrors(page)).toEqual([]);
  });

  test('(b) phone: statements and balances without sideways scrolling', async () => {
    const journey = 'commissions-phone';
    const page = await openBrowser(PHONE);
    await signIn(page, kontor, journey);
    await page.goto(`${kontor.baseUrl}/commissions`);
    await page.getByRole('tab', { name: 'Statements', exact: true }).click();
    await page.getByRole('list', { name: 'Statements' }).waitFor();
    expect(await horizontalOverflow(page)).toBe(0);
    await shot(page, journey, 'statements');
    await page.getByRole('tab', { name: 'Balances', exact: true }).click();
    await page.getByRole('list', { name: 'Balances' }).waitFor();
    expect(await horizontalOverflow(page)).toBe(0);
    await shot(page, journey, 'balances');
    expect(pageErrors(page)).toEqual([]);
  });
  test('(c) desktop and phone: an income rate made in the UI, a payment on the case', {
    timeout: 120_000,
  }, async () => {
    const journey = 'commissions-rates-payment';
    const page = await openBrowser(DESKTOP);
    await signIn(page, kontor, journey);
    await page.goto(`${kontor.baseUrl}/commissions`);
    await page.getByRole('tab', { name: 'Rates', exact: true }).click();
    const income = page.getByRole('region', { name: 'Income rates' });
    await income.getByRole('list', { name: 'Income rates' }).waitFor();
    await income.getByRole('button', { name: 'New', exact: true }).click();
    const form = page.getByRole('form', { name: 'New income rate' });
    await form.getByLabel(/^Lender\b/).fill('Hausbank');
    // Typed as the user would: a bad percentage is refused as it is typed, then corrected.
    const percent = form.getByLabel(/^Rate \(%\)/).first();
    await percent.fill('1,2345678');
    await form.getByRole('group', { name: 'Tiers by financed amount' }).getByRole('alert').waitFor();
    await percent.fill('1,25');
    await shot(page, journey, 'income-rate-form');
    await form.getByRole('button', { name: 'Save', exact: true }).click();
    await income.getByText(/Hausbank/).waitFor();
    await income.getByText(/1\.25 %/).waitFor();
    await shot(page, journey, 'income-rates');

    await page.goto(`${kontor.baseUrl}/cases/${wonCaseId}`);
    const section = page.getByRole('region', { name: 'Commission', exact: true });
    await section.getByRole('list', { name: 'Commission lines' }).waitFor();
    await section.getByText('Confirmed', { exact: true }).first().waitFor();
    const payment = section.getByRole('form', { name: 'Record payment' });
    await payment.getByLabel(/^Amount \(EUR\)/).fill('50.00');
    await payment.getByLabel(/^Note\b/).fill('Nachzahlung');
    await payment.getByRole('button', { name: 'Record payment', exact: true }).click();
    await section.getByText('Nachzahlung', { exact: true }).waitFor();
    await section.getByText('€250.00', { exact: true }).waitFor();
    await settled(page);
    await shot(page, journey, 'case-commission');
    expect(pageErrors(page)).toEqual([]);

    const phone = await openBrowser(PHONE);
    await signIn(phone, kontor, `${journey}-phone`);
    await phone.goto(`${kontor.baseUrl}/cases/${wonCaseId}`);
    const phoneSection = phone.getByRole('region', { name: 'Commission', exact: true });
    await phoneSection.getByText('Nachzahlung', { exact: true }).waitFor();
    await phoneSection.scrollIntoViewIfNeeded();
    expect(await horizontalOverflow(phone)).toBe(0);
    await shot(phone, journey, 'case-commission-phone');
    await phone.goto(`${kontor.baseUrl}/commissions`);
    await phone.getByRole('tab', { name: 'Rates', exact: true }).click();
    await phone
      .getByRole('region', { name: 'Income rates' })
      .getByText(/Hausbank/)
      .waitFor();
    expect(await horizontalOverflow(phone)).toBe(0);
    await shot(phone, journey, 'rates-phone');
    expect(pageErrors(phone)).toEqual([]);
  });
});

/** The API as the signed-in user: the page's cookies, and the CSRF token on every write. */
async function apiOf(page: Page, kontor: TKontor) {
  const csrf = (await page.context().cookies()).find((c) => c.name === 'kontor_csrf')?.value ?? '';
  const call = async (method: 'GET' | 'POST' | 'PUT', path: string, data?: unknown, status = 200) => {
    const res: APIResponse = await page.request.fetch(`${kontor.baseUrl}/api/v1${path}`, {
      method,
      headers: { 'x-csrf-token': csrf },
      data,
    });
    if (res.status() !== status) throw new Error(`${method} ${path}: ${res.status()} ${await res.text()}`);
    // biome-ignore lint/suspicious/noExplicitAny: the setup reads a few fields of the answers
    return (await res.json()) as any;
  };
  return {
    get: (path: string) => call('GET', path),
    put: (path: string, data: unknown) => call('PUT', path, data),
    post: (path: string, data?: unknown, status = 201) => call('POST', path, data ?? {}, status),
  };
}

/**
 * The sequence of the server's commission tests (helpers/commissions.ts), through the API: the boss
 * as the only recipient, a consumer loan won today, its lines confirmed and the lender's payment.
 */
async function setUpWonCase(page: Page, kontor: TKontor): Promise<string> {
  const api = await apiOf(page, kontor);
  const me = await api.get('/me');
  const validFrom = '2026-01-01';
  await api.put('/commissions/settings', {
    firm: {
      addressLines: ['Hafenstraße 1', '20457 Hamburg'],
      vatId: 'DE123456789',
      email: 'provision@acme.test',
    },
  });
  const group = await api.post('/commissions/rate-groups', { name: 'Berater' });
  await api.post('/commissions/recipients', {
    kind: 'user',
    userId: me.user.id,
    name: 'Boss Acme',
    email: ACME.boss.email,
    rateGroupId: group.id,
    vat: { mode: 'exempt', note: '§ 4 Nr. 8 UStG' },
  });
  const rate = { productKind: 'consumer_loan', terms: TERMS, validFrom };
  await api.post('/commissions/income-rates', {
    ...rate,
    currency: 'EUR',
    tiers: [{ fromAmountMinor: 0, percent: '2' }],
  });
  await api.post('/commissions/group-rates', {
    ...rate,
    kind: 'advisor',
    rateGroupId: group.id,
    percent: '50',
  });
  const client = await api.post('/clients?allowDuplicate=true', { kind: 'person', lastName: 'Kowalski' });
  const kase = await api.post('/cases', {
    clientId: client.id,
    productKind: 'consumer_loan',
    amount: eur(1_000_000),
    termMonths: 48,
    lender: 'Kreditbank',
  });
  const pipelines = await api.get('/pipelines');
  const pipeline = pipelines.items.find((p: { productKind: string }) => p.productKind === 'consumer_loan');
  const won = pipeline.stages.find((s: { kind: string }) => s.kind === 'won').key;
  await api.post(`/cases/${kase.id}/stage`, { stage: won }, 200);
  await api.post(`/cases/${kase.id}/commission/confirm`, {}, 200);
  await api.post(`/cases/${kase.id}/commission/payments`, { paidOn: firmDay(), amount: eur(20_000) });
  return kase.id;
}

/** Waits out a button's loading fade (the contrast check would read it half-drawn). */
async function settled(page: Page): Promise<void> {
  await page.locator('button[data-loading]').waitFor({ state: 'detached' });
  await page.waitForTimeout(400);
}

/** How many pixels the page is wider than the window: 0 when nothing scrolls sideways. */
function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => Math.max(0, document.documentElement.scrollWidth - window.innerWidth));
}
