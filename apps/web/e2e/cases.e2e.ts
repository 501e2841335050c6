import type { Locator, Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { DESKTOP, openBrowser, PHONE, pageErrors, shot } from './harness';
import { apiCall, describeJourneys, signIn } from './steps';

// The cases screens: the board with "Move to…" and dragging, a strict pipeline's refusal, and
// reassigning a case (the new executor's e-mail arrives). Data is made through the API after a
// sign-in through the UI; elements are found by role and accessible name only.
const BEN = { email: 'ben@acme.test', password: 'ben-long-password-1', name: 'Ben Berater' };

const CORA = { email: 'cora@acme.test', password: 'cora-long-password-1', name: 'Cora Kollegin' };

type TCreated = { id: string; number: string };

describeJourneys('cases', (kontor) => {
  test('(a) desktop: move by menu and by dragging, then reassign with an e-mail', async () => {
    const journey = 'cases-board';
    const page = await openBrowser(DESKTOP);
    await signIn(page, kontor);
    const roles = await apiCall<{ items: { id: string; key: string | null }[] }>(page, 'GET', '/roles');
    const advisor = roles.items.find((r) => r.key === 'advisor');
    expect(advisor).toBeDefined();
    await apiCall(page, 'POST', '/users', {
      email: BEN.email,
      password: BEN.password,
      displayName: BEN.name,
      locale: 'en',
      roleIds: [advisor?.id],
    });
    // Opened through the UI, from the client's 360 page, in the user's notation for the amount.
    const client = await apiCall<{ id: string }>(page, 'POST', '/clients', {
      kind: 'person',
      firstName: 'Max',
      lastName: 'Mustermann',
    });
    await page.goto(`${kontor.baseUrl}/clients/${client.id}`);
    await page.getByRole('link', { name: 'New case', exact: true }).click();
    const form = page.getByRole('form', { name: 'New case' });
    const picked = form.getByLabel(/^Client\b/);
    await picked.waitFor();
    expect(await picked.inputValue()).toBe('Max Mustermann');
    await form.getByLabel(/^Amount\b/).fill('300,000.0x');
    await form.getByText('Enter an amount like').waitFor();
    await form.getByLabel(/^Amount\b/).fill('300,000.00');
    await form.getByLabel(/^Purpose\b/).fill('purchase');
    await shot(page, journey, 'new-case');
    await form.getByRole('button', { name: 'Open the case', exact: true }).click();
    await page.waitForURL((url) => /^\/cases\/[0-9a-f-]{36}$/.test(url.pathname));
    // The case page, once it shows the amount as saved (the form's page may still be on screen).
    await page.getByText('€300,000.00').first().waitFor();
    const kase: TCreated = {
      id: new URL(page.url()).pathname.split('/').pop() as string,
      number: (await page.getByRole('heading', { level: 1 }).innerText()).trim(),
    };
    expect(kase.number).not.toBe('New case');

    await page.goto(`${kontor.baseUrl}/cases`);
    const card = inColumn(page, 'First contact', kase.number);
    await card.waitFor();
    await shot(page, journey, 'board');

    await card.getByRole('button', { name: 'Move to…', exact: true }).click();
    await page.getByRole('menuitem', { name: 'Needs analysis', exact: true }).click();
    await inColumn(page, 'Needs analysis', kase.number).waitFor();
    await page
      .getByRole('status')
      .filter({ hasText: `${kase.number} moved to Needs analysis` })
      .waitFor();
    await shot(page, journey, 'moved-by-menu');

    await dragTo(page, inColumn(page, 'Needs analysis', kase.number), column(page, 'Documents'));
    await inColumn(page, 'Documents', kase.number).waitFor();
    await shot(page, journey, 'moved-by-dragging');

    await inColumn(page, 'Documents', kase.number)
      .getByRole('link', { name: kase.number, exact: true })
      .click();
    await page.getByRole('heading', { name: kase.number, exact: true }).waitFor();
    await shot(page, journey, 'case-page');
    // Checked as the user types with the server's schema: an empty item is refused before sending.
    const newItem = page.getByLabel('New checklist item', { exact: true });
    await page.getByRole('button', { name: 'Add the item', exact: true }).click();
    await expect.poll(() => newItem.getAttribute('aria-invalid')).toBe('true');
    await page.getByText('Required', { exact: true }).waitFor();
    await shot(page, journey, 'empty-item-refused');
    await newItem.fill('Payslips of the last three months');
    await newItem.press('Enter');
    await page.getByRole('checkbox', { name: 'Payslips of the last three months', exact: true }).waitFor();
    expect(await newItem.inputValue()).toBe('');
    await page.getByLabel('Executor', { exact: true }).selectOption({ label: BEN.name });
    await page.getByRole('button', { name: 'Reassign', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'The case is reassigned.' }).waitFor();
    await shot(page, journey, 'reassigned');
    const mail = await kontor.smtp.waitForMailTo(BEN.email);
    expect(mail.to).toContain(BEN.email);
    expect(pageErrors(page)).toEqual([]);
  });

  test('(b) desktop: a strict pipeline refuses a move and says what is missing', async () => {
    const journey = 'cases-refused';
    const page = await openBrowser(DESKTOP);
    await signIn(page, kontor);
    const kase = await newCase(page, 'Leer', {});
    await page.goto(`${kontor.baseUrl}/cases`);
    await moveByMenu(page, inColumn(page, 'First contact', kase.number), 'Needs analysis');
    const card = inColumn(page, 'Needs analysis', kase.number);
    await card.waitFor();

    await moveByMenu(page, card, 'Documents');
    const alert = page.getByRole('alert').filter({ hasText: `${kase.number} cannot move to Documents` });
    await alert.waitFor();
    await expect.poll(() => alert.innerText()).toContain('Amount must be filled first');
    expect(await alert.innerText()).toContain('Purpose must be filled first');
    await shot(page, journey, 'refused');
    // The card stays where it was.
    expect(await card.isVisible()).toBe(true);
    expect(await inColumn(page, 'Documents', kase.number).count()).toBe(0);
    expect(pageErrors(page)).toEqual([]);
  });

  test('(c) phone: the board scrolls inside itself, the page does not', async () => {
    const journey = 'cases-phone';
    const page = await openBrowser(PHONE);
    await signIn(page, kontor);
    await page.goto(`${kontor.baseUrl}/cases`);
    await column(page, 'First contact').waitFor();
    await shot(page, journey, 'board');
    expect(
      await page.evaluate(() => Math.max(0, document.documentElement.scrollWidth - window.innerWidth)),
    ).toBe(0);
    expect(pageErrors(page)).toEqual([]);
  });

  test('(d) desktop and phone: work a case: sub-status, co-executor, task, amount', async () => {
    const journey = 'cases-work';
    const page = await openBrowser(DESKTOP);
    await signIn(page, kontor);
    const roles = await apiCall<{ items: { id: string; key: string | null }[] }>(page, 'GET', '/roles');
    await apiCall(page, 'POST', '/users', {
      email: CORA.email,
      password: CORA.password,
      displayName: CORA.name,
      locale: 'en',
      roleIds: [roles.items.find((r) => r.key === 'advisor')?.id],
    });
    const kase = await newCase(page, 'Vertrag', {
      amount: { minor: 30_000_000, currency: 'EUR' },
      purpose: 'purchase',
      propertyValue: { minor: 40_000_000, currency: 'EUR' },
      lender: 'Musterbank',
      termMonths: 240,
    });
    // The strict mortgage pipeline is walked stage by stage up to contract signing.
    for (const stage of [
      'needs_analysis',
      'documents',
      'offer',
      'application',
      'approval',
      'contract_signing',
    ])
      await apiCall(page, 'POST', `/cases/${kase.id}/stage`, { stage });

    await page.goto(`${kontor.baseUrl}/cases/${kase.id}`);
    await page.getByRole('heading', { name: kase.number, exact: true }).waitFor();
    const status = page.getByRole('region', { name: 'Stage status', exact: true });
    await status
      .getByRole('list', { name: 'Still needed for Payout:' })
      .getByText('Contract status')
      .waitFor();
    await shot(page, journey, 'case-opened');
    await status.getByLabel('Contract status').selectOption({ label: 'Done' });
    await status.getByText('Nothing is missing for Payout.').waitFor();
    await shot(page, journey, 'sub-status-set');

    const co = page.getByRole('region', { name: 'Co-executors', exact: true });
    await co.getByLabel('Co-executor', { exact: true }).selectOption({ label: CORA.name });
    await co.getByRole('button', { name: 'Add the co-executor', exact: true }).click();
    await co.getByRole('button', { name: `Remove ${CORA.name} as co-executor`, exact: true }).waitFor();

    const tasks = page.getByRole('region', { name: 'Tasks', exact: true });
    await tasks.getByLabel('Task', { exact: true }).fill('Call the bank');
    await tasks.getByLabel('Due date', { exact: true }).fill('2026-12-20');
    await tasks.getByLabel('Assigned to', { exact: true }).selectOption({ label: CORA.name });
    await tasks.getByRole('button', { name: 'Add the task', exact: true }).click();
    const done = tasks.getByRole('checkbox', { name: 'Mark “Call the bank” done', exact: true });
    await done.check();
    await expect.poll(() => done.isChecked()).toBe(true);
    await shot(page, journey, 'co-executor-and-task');

    const details = page.getByRole('region', { name: 'Details', exact: true });
    await details.getByRole('button', { name: 'Edit details', exact: true }).click();
    const amount = details.getByLabel('Amount', { exact: true });
    await amount.fill('350,000.5x');
    await details.getByText('Enter an amount like 350,000.50').waitFor();
    await amount.fill('350,000.50');
    await details.getByRole('button', { name: 'Save details', exact: true }).click();
    await details.getByText('€350,000.50').waitFor();
    await shot(page, journey, 'amount-edited');
    const saved = await apiCall<{ amount: { minor: number }; coExecutorIds: string[] }>(
      page,
      'GET',
      `/cases/${kase.id}`,
    );
    expect(saved.amount.minor).toBe(35_000_050);
    expect(saved.coExecutorIds).toHaveLength(1);
    expect(pageErrors(page)).toEqual([]);

    const phone = await openBrowser(PHONE);
    await signIn(phone, kontor);
    await phone.goto(`${kontor.baseUrl}/cases/${kase.id}`);
    await phone.getByRole('heading', { name: kase.number, exact: true }).waitFor();
    await phone.getByText('Call the bank').waitFor();
    await shot(phone, journey, 'phone-case');
    expect(await horizontalOverflow(phone)).toBe(0);
    await phone.goto(`${kontor.baseUrl}/cases`);
    await phone.getByText('List', { exact: true }).click();
    await phone.getByRole('link', { name: kase.number, exact: true }).waitFor();
    await shot(phone, journey, 'phone-list');
    expect(await horizontalOverflow(phone)).toBe(0);
    expect(pageErrors(phone)).toEqual([]);
  }, 180_000);
});

/** A request with the signed-in page's cookies and its CSRF token, as the web app sends it. */

async function newCase(page: Page, lastName: string, fields: Record<string, unknown>): Promise<TCreated> {
  const client = await apiCall<{ id: string }>(page, 'POST', '/clients', {
    kind: 'person',
    firstName: 'Max',
    lastName,
  });
  return apiCall<TCreated>(page, 'POST', '/cases', {
    clientId: client.id,
    productKind: 'mortgage',
    ...fields,
  });
}

function column(page: Page, stage: string): Locator {
  return page.getByRole('region', { name: stage, exact: true });
}

function inColumn(page: Page, stage: string, number: string): Locator {
  return column(page, stage).getByRole('article', { name: number, exact: true });
}

async function moveByMenu(page: Page, card: Locator, stage: string): Promise<void> {
  await card.getByRole('button', { name: 'Move to…', exact: true }).click();
  await page.getByRole('menuitem', { name: stage, exact: true }).click();
}

/** A mouse drag from the card's top right corner (its grip, clear of the link and the menu). */
async function dragTo(page: Page, card: Locator, target: Locator): Promise<void> {
  const from = await card.boundingBox();
  const to = await target.boundingBox();
  if (!from || !to) throw new Error('card or column not on screen');
  await page.mouse.move(from.x + from.width - 14, from.y + 14);
  await page.mouse.down();
  await page.mouse.move(to.x + to.width / 2, to.y + 60, { steps: 12 });
  await page.mouse.up();
}

function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => Math.max(0, document.documentElement.scrollWidth - window.innerWidth));
}
