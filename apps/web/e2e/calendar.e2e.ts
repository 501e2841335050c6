// The calendar: two appointments planned this week and a task due (through the API) show on
// today's card of the week view with their client and case; a new appointment is made in the form
// (checked as typed first); one is marked done; then the phone's agenda, without sideways
// scrolling. Elements by role and accessible name only.
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { DESKTOP, openBrowser, PHONE, pageErrors, shot } from './harness';
import { apiCall, describeJourneys, signIn } from './steps';

// The browser runs in Europe/Berlin (harness.ts); these are its day and wall-clock times.
const ZONE = 'Europe/Berlin';
const now = new Date();
const todayTitle = new Intl.DateTimeFormat('en', {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  timeZone: ZONE,
}).format(now);
const todayDate = new Intl.DateTimeFormat('en-CA', { timeZone: ZONE }).format(now);

/** An instant at a wall-clock time of today in Berlin. */
function berlinToday(hour: number): string {
  const offset = new Date(now.toLocaleString('en-US', { timeZone: ZONE })).getTime();
  const utc = new Date(now.toLocaleString('en-US', { timeZone: 'UTC' })).getTime();
  const at = new Date(`${todayDate}T${String(hour).padStart(2, '0')}:00:00Z`);
  return new Date(at.getTime() - (offset - utc)).toISOString();
}

async function seed(page: Page) {
  const client = await apiCall<{ id: string }>(page, 'POST', '/clients', {
    kind: 'person',
    firstName: 'Klara',
    lastName: 'Kalender',
  });
  const kase = await apiCall<{ id: string; number: string }>(page, 'POST', '/cases', {
    clientId: client.id,
    productKind: 'mortgage',
  });
  await apiCall(page, 'POST', '/activities', {
    kind: 'planned',
    clientId: client.id,
    subject: 'Bank meeting',
    plannedAt: berlinToday(10),
  });
  await apiCall(page, 'POST', '/activities', {
    kind: 'planned',
    clientId: client.id,
    caseId: kase.id,
    subject: 'Document review',
    plannedAt: berlinToday(14),
  });
  await apiCall(page, 'POST', '/tasks', {
    title: 'Send the offer',
    caseId: kase.id,
    dueAt: berlinToday(12),
  });
  return { client, kase };
}

function today(page: Page) {
  return page.getByRole('region', { name: todayTitle, exact: true });
}

describeJourneys('calendar', (kontor) => {
  test('desktop week, a new appointment, done; then the phone agenda', async () => {
    const journey = 'calendar';
    const page = await openBrowser(DESKTOP);
    await signIn(page, kontor);
    const { client, kase } = await seed(page);

    await page.getByRole('link', { name: 'Calendar', exact: true }).click();
    await page.getByRole('heading', { name: 'Calendar', exact: true }).waitFor();
    const day = today(page);
    await day.getByText('Bank meeting', { exact: true }).waitFor();
    await day.getByText('Document review', { exact: true }).waitFor();
    await day.getByRole('link', { name: 'Send the offer', exact: true }).waitFor();
    expect(await day.getAttribute('aria-current')).toBe('date');
    const clientLink = day.getByRole('link', { name: 'Klara Kalender', exact: true }).first();
    await clientLink.waitFor();
    expect(await clientLink.getAttribute('href')).toBe(`/clients/${client.id}`);
    await day.getByRole('link', { name: `Case ${kase.number}`, exact: true }).waitFor();
    // Seven days, Monday first.
    const days = page.locator('section[aria-label]');
    expect(await days.count()).toBe(7);
    expect(await days.first().getAttribute('aria-label')).toMatch(/^Monday, /);
    await shot(page, journey, 'week');

    await page.getByRole('button', { name: 'New appointment', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'New appointment' });
    await dialog.getByRole('button', { name: 'Save appointment', exact: true }).click();
    await dialog.getByText('Required').first().waitFor();
    await shot(page, journey, 'form-checked');
    await dialog.getByRole('textbox', { name: 'Client' }).fill('Kalender');
    await page.getByRole('option', { name: /Klara Kalender/ }).click();
    await dialog.getByLabel('Subject', { exact: true }).fill('Follow-up call');
    await dialog.getByLabel('Date and time', { exact: true }).fill(`${todayDate}T16:30`);
    await dialog.getByLabel('Case (optional)', { exact: true }).selectOption({ label: kase.number });
    await dialog.getByRole('button', { name: 'Save appointment', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'The appointment is saved.' }).waitFor();
    await day.getByText('Follow-up call', { exact: true }).waitFor();
    await shot(page, journey, 'created');

    await day.getByRole('button', { name: 'Mark done: Bank meeting', exact: true }).click();
    await day.getByText('done', { exact: true }).waitFor();
    expect(await day.getByRole('button', { name: 'Mark done: Bank meeting' }).count()).toBe(0);
    await shot(page, journey, 'marked-done');

    await page.getByRole('button', { name: 'Next week', exact: true }).click();
    await page.getByText('Nothing planned this week.').waitFor();
    expect(await today(page).count()).toBe(0);
    await page.getByRole('button', { name: 'Today', exact: true }).click();
    await today(page).getByText('Follow-up call', { exact: true }).waitFor();
    expect(pageErrors(page)).toEqual([]);

    const phone = await openBrowser(PHONE);
    await signIn(phone, kontor);
    await phone.goto(`${kontor.baseUrl}/calendar`);
    await today(phone).getByText('Follow-up call', { exact: true }).waitFor();
    const [scroll, width] = await phone.evaluate(() => [
      document.documentElement.scrollWidth,
      window.innerWidth,
    ]);
    expect(scroll).toBeLessThanOrEqual(width);
    await shot(phone, journey, 'phone-agenda');
    expect(pageErrors(phone)).toEqual([]);
  });
});
