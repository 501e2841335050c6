import type { Locator, Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { ACME, DESKTOP, openBrowser, PHONE, pageErrors, shot } from './harness';
import { apiCall, describeJourneys, signIn } from './steps';

// Written against the web app's contract before its screens exist: every element is found by its
// role and accessible name (English), as a screen reader would, never by markup or CSS classes.

describeJourneys('sign-in', (kontor) => {
  test('(a) desktop: sign in, see the desk, search', async () => {
    const journey = 'sign-in-desktop';
    const page = await openBrowser(DESKTOP);
    await signIn(page, kontor, journey);
    await desk(page, 'Desk').waitFor();

    // An appointment planned for now is today's, whatever the time zone and hour of the run.
    const client = await apiCall<{ id: string }>(page, 'POST', '/clients?allowDuplicate=true', {
      kind: 'person',
      firstName: 'Tessa',
      lastName: 'Terminova',
    });
    await apiCall(page, 'POST', '/activities', {
      kind: 'planned',
      clientId: client.id,
      subject: 'Beratung Anschlussfinanzierung',
      plannedAt: new Date().toISOString(),
    });
    await page.reload();
    const appointments = page.getByRole('region', { name: 'Today’s appointments' });
    await appointments.getByText('Beratung Anschlussfinanzierung').waitFor();
    await appointments.getByRole('link', { name: 'Tessa Terminova' }).waitFor();
    await shot(page, journey, 'desk');

    const search = searchBox(page);
    await search.click();
    await search.fill('acme');
    await shot(page, journey, 'searched-acme');
    // Give a debounced search time to answer before deciding that nothing broke.
    await page.waitForTimeout(1_000);
    await desk(page, 'Desk').waitFor();
    expect(pageErrors(page)).toEqual([]);
    await shot(page, journey, 'after-search');
  });

  // Before the language journey, which is last: the language may be saved on the user, and the
  // journeys before it read English. Each file has its own server, so nothing leaks further.
  test('(c) phone: sign in, open the search, no horizontal scrolling', async () => {
    const journey = 'sign-in-phone';
    const page = await openBrowser(PHONE);
    await signIn(page, kontor, journey);
    await desk(page, 'Desk').waitFor();
    // Without a meta viewport a phone lays the page out 980 px wide and nothing ever overflows.
    expect(await page.evaluate(() => window.innerWidth)).toBe(PHONE.width);
    expect(await horizontalOverflow(page)).toBe(0);
    await shot(page, journey, 'desk');

    // On a phone the search may sit behind a button of the same name: open it if the box is hidden.
    const search = searchBox(page);
    if (!(await search.isVisible())) {
      await page.getByRole('button', { name: 'Search' }).click();
    }
    await search.waitFor();
    await search.fill('acme');
    await page.waitForTimeout(1_000);
    await shot(page, journey, 'search-open');
    expect(await horizontalOverflow(page)).toBe(0);
    expect(pageErrors(page)).toEqual([]);
  });

  test('(d) password reset: the link from the mail sets a new password, checked as one types', async () => {
    const journey = 'password-reset';
    const page = await openBrowser(PHONE);
    await page.goto(`${kontor.baseUrl}/sign-in`);
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await page.getByLabel(/^Firm\b/).fill(ACME.firm);
    const email = page.getByLabel(/^E-mail\b/);
    // The server's own schema, in the browser: a broken address is refused before any request.
    await email.fill('anna@');
    await page.getByText('An e-mail address, please').waitFor();
    await shot(page, journey, 'invalid-email');
    await email.fill(ACME.anna.email);
    await page.getByRole('button', { name: 'Send the link' }).click();
    // The answer, or the refusal in its place, so that a failure says what the page said.
    const answer = page
      .getByRole('status')
      .filter({ hasText: 'the link is on its way' })
      .or(page.getByRole('alert'))
      .first();
    await answer.waitFor({ timeout: 60_000 });
    expect(await answer.innerText()).toContain('the link is on its way');
    await shot(page, journey, 'sent');

    const mail = await kontor.smtp.waitForMailTo(ACME.anna.email);
    const link = mail.text.match(/https?:\/\/\S+reset-password\S+/)?.[0];
    expect(link).toBeTruthy();
    await page.goto(link as string);
    const password = page.getByLabel(/^New password\b/);
    await password.fill('short');
    await page.getByText(/at least 10/i).waitFor();
    await shot(page, journey, 'too-short');
    await password.fill('a-brand-new-password-1');
    await page.getByRole('button', { name: 'Set the new password' }).click();
    await page.getByRole('status').filter({ hasText: 'Your password is changed' }).waitFor();
    await shot(page, journey, 'changed');

    const signedIn = await fetch(`${kontor.baseUrl}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ tenant: ACME.firm, email: ACME.anna.email, password: 'a-brand-new-password-1' }),
    });
    expect(signedIn.status).toBe(200);
    expect(pageErrors(page)).toEqual([]);
  });

  test('(b) language: Polski turns the desk into Pulpit', async () => {
    const journey = 'sign-in-language';
    const page = await openBrowser(DESKTOP);
    await signIn(page, kontor, journey);
    await desk(page, 'Desk').waitFor();

    await page.getByRole('button', { name: 'Account', exact: true }).click();
    const language = page.getByLabel('Language', { exact: true });
    await language.waitFor();
    await shot(page, journey, 'account-menu');
    expect(await optionNames(page, language)).toEqual(
      expect.arrayContaining(['Deutsch', 'English', 'Polski', 'Русский']),
    );

    await choose(page, language, 'Polski');
    await desk(page, 'Pulpit').waitFor();
    await shot(page, journey, 'polish-desk');

    expect(pageErrors(page)).toEqual([]);
  });
});

function desk(page: Page, name: string): Locator {
  return page.getByRole('heading', { name, exact: true });
}

function searchBox(page: Page): Locator {
  return page
    .getByRole('searchbox', { name: 'Search', exact: true })
    .or(page.getByRole('combobox', { name: 'Search', exact: true }))
    .first();
}

/** How many pixels the page is wider than the window: 0 when nothing scrolls sideways. */
function horizontalOverflow(page: Page): Promise<number> {
  return page.evaluate(() => Math.max(0, document.documentElement.scrollWidth - window.innerWidth));
}

// A native <select> or a combobox with a listbox (as component libraries draw them): both are
// accepted by the contract, so both are handled here.
async function isNativeSelect(select: Locator): Promise<boolean> {
  return select.evaluate((element) => element instanceof HTMLSelectElement);
}

/** The names of the options; a drawn listbox is left open for `choose`, as Escape may close the menu too. */
async function optionNames(page: Page, select: Locator): Promise<string[]> {
  if (await isNativeSelect(select)) {
    return select.evaluate((element) => Array.from((element as HTMLSelectElement).options, (o) => o.label));
  }
  await select.click();
  const options = page.getByRole('option');
  await options.first().waitFor();
  return (await options.allInnerTexts()).map((text) => text.trim());
}

async function choose(page: Page, select: Locator, option: string): Promise<void> {
  if (await isNativeSelect(select)) {
    await select.selectOption({ label: option });
    return;
  }
  const item = page.getByRole('option', { name: option, exact: true });
  if (!(await item.isVisible())) await select.click();
  await item.click();
}
