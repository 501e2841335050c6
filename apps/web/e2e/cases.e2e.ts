import type { Locator, Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { DESKTOP, openBrowser, PHONE, pageErrors, shot } from './harness';
import { apiCall, describeJourneys, signIn } from './steps';

// The cases screens: the board with "Move to…" and dragging, a strict pipeline's refusal, and
// reassigning a case (the new executor's e-mail arrives). Data is made through the API after a
// sign-in through the UI; elements are found by role and accessible name only.
const BEN = { email: 'ben@acme.test', password: 'ben-long-password-1', name: 'Ben Berater' };

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
    const kase = await newCase(page, 'Mustermann', {
      amount: { minor: 30_000_000, currency: 'EUR' },
      purpose: 'purchase',
    });

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
