// Recording activities (E1): on a client's 360 a broker records a call with a note (its subject
// checked as typed) and sees it on the timeline at once, plans a meeting and marks it done, answers
// the call and sees the whole conversation; on a case page records a note, changes it and moves it
// to the trash; then the phone layout.
// Data is made through the API after a sign-in through the UI; elements by role and name only.
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { DESKTOP, openBrowser, PHONE, pageErrors, shot } from './harness';
import { apiCall, describeJourneys, signIn } from './steps';

type TCreated = { id: string; number: string };

async function seed(page: Page) {
  const client = await apiCall<TCreated>(page, 'POST', '/clients', {
    kind: 'person',
    firstName: 'Marta',
    lastName: 'Nowak',
    source: 'website',
  });
  const kase = await apiCall<TCreated>(page, 'POST', '/cases', {
    clientId: client.id,
    productKind: 'mortgage',
  });
  return { client, kase };
}

async function recordCall(page: Page, journey: string): Promise<void> {
  const form = page.getByRole('form', { name: 'Record an activity' });
  expect(await form.getByRole('combobox', { name: 'Kind' }).inputValue()).toBe('call');
  await form.getByRole('combobox', { name: 'Direction' }).selectOption({ label: 'Outbound' });
  // Longer than the server takes: the schema's message shows as typed.
  await form.getByRole('textbox', { name: 'Subject' }).fill('x'.repeat(301));
  await form.getByText(/At most 300/).waitFor();
  await shot(page, journey, 'subject-too-long');
  await form.getByRole('textbox', { name: 'Subject' }).fill('Rate offer discussed');
  await form.getByRole('textbox', { name: 'Notes' }).fill('She wants a 10-year fixed rate.');
  await form.getByRole('button', { name: 'Record', exact: true }).click();
  const timeline = page.getByRole('region', { name: 'Timeline' });
  await timeline.getByText('Rate offer discussed').waitFor();
  // The form is empty again for the next one.
  expect(await form.getByRole('textbox', { name: 'Subject' }).inputValue()).toBe('');
  await shot(page, journey, 'call-recorded');
}

async function planAndDone(page: Page, journey: string): Promise<void> {
  const form = page.getByRole('form', { name: 'Record an activity' });
  await form.getByRole('combobox', { name: 'Kind' }).selectOption({ label: 'Planned' });
  await form.getByLabel('Planned for').fill('2030-01-15T10:30');
  await form.getByRole('textbox', { name: 'Subject' }).fill('Meeting at the bank');
  await form.getByRole('button', { name: 'Record', exact: true }).click();
  const timeline = page.getByRole('region', { name: 'Timeline' });
  const entry = timeline.locator('.mantine-Timeline-item', { hasText: 'Meeting at the bank' });
  await entry.getByText('open', { exact: true }).waitFor();
  await shot(page, journey, 'meeting-planned');
  await entry.getByRole('button', { name: 'Mark done' }).click();
  await entry.getByText('done', { exact: true }).waitFor();
  await entry.getByRole('button', { name: 'Mark done' }).waitFor({ state: 'detached' });
  await shot(page, journey, 'meeting-done');
}

async function replyAndChain(page: Page, journey: string): Promise<void> {
  const timeline = page.getByRole('region', { name: 'Timeline' });
  const call = timeline.locator('.mantine-Timeline-item', { hasText: 'Rate offer discussed' }).first();
  await call.getByRole('button', { name: 'Reply' }).click();
  const dialog = page.getByRole('dialog', { name: 'Reply' });
  const form = dialog.getByRole('form', { name: 'Reply' });
  expect(await form.getByRole('textbox', { name: 'Subject' }).inputValue()).toBe('Re: Rate offer discussed');
  expect(await form.getByRole('combobox', { name: 'Direction' }).inputValue()).toBe('inbound');
  await form.getByRole('textbox', { name: 'Notes' }).fill('She called back: agreed.');
  await shot(page, journey, 'reply-form');
  await form.getByRole('button', { name: 'Record reply' }).click();
  await dialog.waitFor({ state: 'detached' });
  const reply = timeline.locator('.mantine-Timeline-item', { hasText: 'Re: Rate offer discussed' });
  await reply.getByRole('button', { name: 'Conversation' }).click();
  const chain = page.getByRole('dialog', { name: 'The whole conversation' });
  const items = chain.getByRole('listitem');
  await items.nth(1).waitFor();
  expect(await items.count()).toBe(2);
  await items.nth(0).getByText('She wants a 10-year fixed rate.').waitFor();
  await items.nth(1).getByText('She called back: agreed.').waitFor();
  await shot(page, journey, 'chain');
  await page.keyboard.press('Escape');
  await chain.waitFor({ state: 'detached' });
}

async function noteOnCase(page: Page, journey: string, kase: TCreated): Promise<void> {
  await page.getByRole('link', { name: kase.number }).first().click();
  await page.getByRole('heading', { name: kase.number, exact: true }).waitFor();
  const section = page.getByRole('region', { name: 'Activities' });
  await section.getByText('No activities recorded yet.').waitFor();
  const form = section.getByRole('form', { name: 'Record an activity' });
  await form.getByRole('combobox', { name: 'Kind' }).selectOption({ label: 'Note' });
  await expect(form.getByRole('combobox', { name: 'Direction' }).count()).resolves.toBe(0);
  await form.getByRole('textbox', { name: 'Notes' }).fill('Valuation report requested from the bank.');
  await form.getByRole('button', { name: 'Record', exact: true }).click();
  await section
    .getByRole('list', { name: 'Activities of this case' })
    .getByText('Valuation report requested from the bank.')
    .waitFor();
  await shot(page, journey, 'case-note');
  await editAndDelete(page, journey);
}

async function editAndDelete(page: Page, journey: string): Promise<void> {
  const section = page.getByRole('region', { name: 'Activities' });
  const list = section.getByRole('list', { name: 'Activities of this case' });
  await list.getByRole('button', { name: 'Edit' }).click();
  const edit = page.getByRole('dialog', { name: 'Change the activity' });
  await edit.getByRole('textbox', { name: 'Notes' }).fill('Valuation report received.');
  await edit.getByRole('button', { name: 'Save', exact: true }).click();
  await edit.waitFor({ state: 'detached' });
  await list.getByText('Valuation report received.').waitFor();
  await list.getByRole('button', { name: 'Delete' }).click();
  const confirm = page.getByRole('dialog', { name: 'Delete the activity?' });
  await shot(page, journey, 'delete-confirm');
  await confirm.getByRole('button', { name: 'Delete', exact: true }).click();
  await section.getByText('No activities recorded yet.').waitFor();
}

describeJourneys('activities', (kontor) => {
  test('record a call, plan and finish a meeting, reply and see the chain; a note on a case', async () => {
    const journey = 'activities';
    const page = await openBrowser(DESKTOP);
    await signIn(page, kontor);
    const { client, kase } = await seed(page);
    await page.goto(`${kontor.baseUrl}/clients/${client.id}`);
    await page.getByRole('heading', { name: 'Marta Nowak', exact: true }).waitFor();
    await page.getByRole('form', { name: 'Record an activity' }).waitFor();
    await shot(page, journey, 'client-360');

    await recordCall(page, journey);
    await planAndDone(page, journey);
    await replyAndChain(page, journey);
    await noteOnCase(page, journey, kase);

    const phone = await openBrowser(PHONE);
    await signIn(phone, kontor);
    await phone.goto(`${kontor.baseUrl}/clients/${client.id}`);
    await phone.getByRole('region', { name: 'Timeline' }).getByText('Meeting at the bank').waitFor();
    const [scroll, width] = await phone.evaluate(() => [
      document.documentElement.scrollWidth,
      window.innerWidth,
    ]);
    expect(scroll).toBeLessThanOrEqual(width);
    await shot(phone, journey, 'phone-360');
    expect(pageErrors(page)).toEqual([]);
    expect(pageErrors(phone)).toEqual([]);
    // Each screenshot also runs axe: on two shared cores this takes longer than the default minute.
  }, 180_000);
});
