// The client 360 and the client list complete: a broker sees a client's case, edits the master
// data (checked as typed), records a consent (a bad purpose key refused as typed first), uploads a PDF, merges a
// duplicate; on the list filters (also on a custom field), saves the filter, reloads, applies it
// again and exports it as CSV and as a spreadsheet (built by the server); then the phone layout. Data is
// made through the API after a sign-in through the UI; elements by role and accessible name only.
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { DESKTOP, openBrowser, PHONE, pageErrors, shot } from './harness';
import { apiCall, describeJourneys, signIn } from './steps';

type TCreated = { id: string; number: string };

// The smallest file the server takes as a PDF (it finds the type in the content).
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

async function noSidewaysScroll(page: Page): Promise<void> {
  const [scroll, width] = await page.evaluate(() => [
    document.documentElement.scrollWidth,
    window.innerWidth,
  ]);
  expect(scroll).toBeLessThanOrEqual(width);
}

async function seed(page: Page) {
  await apiCall(page, 'POST', '/custom-fields', {
    entity: 'client',
    key: 'segment',
    label: 'Segment',
    type: 'choice',
    options: ['Premium', 'Standard'],
  });
  const anna = await apiCall<TCreated>(page, 'POST', '/clients', {
    kind: 'person',
    firstName: 'Anna',
    lastName: 'Zielińska',
    source: 'website',
    tags: ['vip'],
    custom: { segment: 'Premium' },
  });
  // Another VIP from the website, in the other segment: only the custom filter tells them apart.
  await apiCall(page, 'POST', '/clients', {
    kind: 'person',
    firstName: 'Bruno',
    lastName: 'Keller',
    source: 'website',
    tags: ['vip'],
    custom: { segment: 'Standard' },
  });
  const dup = await apiCall<TCreated>(page, 'POST', '/clients?allowDuplicate=true', {
    kind: 'person',
    firstName: 'Ania',
    lastName: 'Zielinska',
    source: 'hotline',
  });
  const caseA = await apiCall<TCreated>(page, 'POST', '/cases', {
    clientId: anna.id,
    productKind: 'mortgage',
    amount: { minor: 30_000_000, currency: 'EUR' },
  });
  const caseB = await apiCall<TCreated>(page, 'POST', '/cases', {
    clientId: dup.id,
    productKind: 'mortgage',
  });
  return { anna, caseA, caseB };
}

async function consentAndDocument(page: Page, journey: string): Promise<void> {
  const consents = page.getByRole('region', { name: 'Consents' });
  await consents.getByText('No consents recorded.').waitFor();
  // A purpose that is no key: the server's message shows at the field, what was typed stays.
  await consents.getByLabel(/^Purpose\b/).fill('Marketing!');
  await consents.getByLabel(/^Where it was given\b/).fill('website form');
  await consents.getByLabel(/^Wording version\b/).fill('2026-01');
  await consents.getByRole('button', { name: 'Record consent', exact: true }).click();
  await consents.getByText(/a key such as marketing/).waitFor();
  expect(await consents.getByLabel(/^Where it was given\b/).inputValue()).toBe('website form');
  await shot(page, journey, 'consent-field-error');
  await consents.getByLabel(/^Purpose\b/).fill('marketing');
  await consents.getByRole('button', { name: 'Record consent', exact: true }).click();
  await consents.getByText('marketing · E-mail').waitFor();
  await consents.getByText('Given', { exact: true }).waitFor();
  await shot(page, journey, 'consent-recorded');

  const documents = page.getByRole('region', { name: 'Documents' });
  await documents.getByLabel(/^Title\b/).fill('Payslip March');
  await documents
    .getByLabel(/^File\b/)
    .setInputFiles({ name: 'payslip.pdf', mimeType: 'application/pdf', buffer: PDF });
  await documents.getByRole('button', { name: 'Upload document', exact: true }).click();
  await documents.getByRole('link', { name: 'Version 1: payslip.pdf' }).waitFor();
  await documents.getByText('Payslip March').waitFor();
  await shot(page, journey, 'document-uploaded');
}

async function mergeDuplicate(page: Page, journey: string, caseB: TCreated): Promise<void> {
  const merge = page.getByRole('region', { name: 'Merge a duplicate' });
  await merge.getByRole('textbox', { name: 'Find the duplicate' }).fill('Ania');
  await page.getByRole('option', { name: /Ania Zielinska/ }).click();
  await merge.getByRole('button', { name: 'Merge Ania Zielinska into this client…' }).click();
  await shot(page, journey, 'merge-confirm');
  await merge.getByRole('button', { name: 'Merge', exact: true }).click();
  await merge.getByText('Ania Zielinska was merged into this client.').waitFor();
  // The duplicate's case is this client's now.
  await page.getByRole('region', { name: 'Cases' }).getByRole('link', { name: caseB.number }).waitFor();
  await shot(page, journey, 'merged');
}

async function filterSaveReload(page: Page, journey: string): Promise<void> {
  await page.getByRole('link', { name: 'Clients', exact: true }).click();
  await page.getByRole('heading', { name: 'Clients', exact: true }).waitFor();
  const filters = page.getByRole('region', { name: 'Filters' });
  await filters.getByRole('combobox', { name: 'Source' }).selectOption({ label: 'Website' });
  await filters.getByRole('textbox', { name: 'Tag' }).fill('vip');
  await page.getByRole('link', { name: 'Bruno Keller', exact: true }).waitFor();
  await filters.getByRole('combobox', { name: 'Segment' }).selectOption({ label: 'Premium' });
  await page.getByRole('link', { name: 'Bruno Keller', exact: true }).waitFor({ state: 'detached' });
  await page.getByRole('link', { name: 'Anna Zielińska', exact: true }).waitFor();
  await page.getByRole('textbox', { name: 'Name of the filter' }).fill('VIP from the website');
  await page.getByRole('button', { name: 'Save filter', exact: true }).click();
  await shot(page, journey, 'filter-saved');

  await page.reload();
  await page.getByRole('heading', { name: 'Clients', exact: true }).waitFor();
  expect(await filters.getByRole('textbox', { name: 'Tag' }).inputValue()).toBe('');
  await page.getByRole('combobox', { name: 'Saved filters' }).selectOption({ label: 'VIP from the website' });
  expect(await filters.getByRole('textbox', { name: 'Tag' }).inputValue()).toBe('vip');
  expect(await filters.getByRole('combobox', { name: 'Segment' }).inputValue()).toBe('Premium');
  // The list asks again once the filter settles: Bruno (segment Standard) leaves it.
  await page.getByRole('link', { name: 'Bruno Keller', exact: true }).waitFor({ state: 'detached' });
  await page.getByRole('link', { name: 'Anna Zielińska', exact: true }).waitFor();
  await shot(page, journey, 'filter-applied');
}

async function exportFile(page: Page, item: string): Promise<Buffer> {
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('menuitem', { name: item }).click(),
  ]);
  // The menu closes with a short fade; the page is photographed (and checked) once it is gone.
  await page.getByRole('menu').waitFor({ state: 'hidden' });
  return readFile(await download.path());
}

async function exportFiles(page: Page, journey: string): Promise<void> {
  // The server's CSV for German Excel: BOM, `;`, the filter applied (only Anna), the custom field.
  const csv = (await exportFile(page, 'CSV (semicolon-separated)')).toString('utf8');
  expect(csv.charCodeAt(0)).toBe(0xfeff);
  const [header, ...lines] = csv.slice(1).trim().split('\r\n');
  expect(header).toBe('Number;Name;Type;Status;Source;Owner;Unit;E-mail;Phone;City;Tags;Created;Segment');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/;Anna Zielińska;private;qualified;website;boss@acme\.test;;anna@example\.pl;/);
  expect(lines[0]).toMatch(/;Premium$/);
  const xlsx = await exportFile(page, 'Spreadsheet (Excel)');
  expect(xlsx.subarray(0, 2).toString('latin1')).toBe('PK');
  await shot(page, journey, 'exported');
}

async function editMasterData(page: Page, journey: string): Promise<void> {
  await page.getByRole('button', { name: 'Edit', exact: true }).click();
  const edit = page.getByRole('form', { name: 'Edit client' });
  await edit.getByLabel(/^E-mail\b/).fill('anna@');
  await edit.getByText('An e-mail address, please').waitFor();
  await shot(page, journey, 'edit-invalid');
  await edit.getByLabel(/^E-mail\b/).fill('anna@example.pl');
  await edit.getByRole('combobox', { name: 'Status' }).selectOption({ label: 'Qualified' });
  expect(await edit.getByRole('combobox', { name: 'Segment' }).inputValue()).toBe('Premium');
  await edit.getByRole('button', { name: 'Save changes', exact: true }).click();
  await page.getByRole('form', { name: 'Edit client' }).waitFor({ state: 'detached' });
  await page.getByText('Qualified', { exact: true }).waitFor();
  await page.getByRole('link', { name: 'anna@example.pl' }).waitFor();
  await shot(page, journey, 'edited');
}

describeJourneys('client 360', (kontor) => {
  test('edit, cases, consent, document and merge on the 360; custom filter, saved filter and export on the list', async () => {
    const journey = 'client-360';
    const page = await openBrowser(DESKTOP);
    await signIn(page, kontor, journey);
    const { anna, caseA, caseB } = await seed(page);

    await page.goto(`${kontor.baseUrl}/clients/${anna.id}`);
    await page.getByRole('heading', { name: 'Anna Zielińska', exact: true }).waitFor();
    await page.getByRole('region', { name: 'Cases' }).getByRole('link', { name: caseA.number }).waitFor();
    await page.getByRole('region', { name: 'Quick facts' }).getByText('Total volume').waitFor();
    await shot(page, journey, 'client-360');

    await editMasterData(page, journey);
    await consentAndDocument(page, journey);
    await mergeDuplicate(page, journey, caseB);
    await filterSaveReload(page, journey);
    await exportFiles(page, journey);

    // A phone: the 360 and the list fit the width.
    const phone = await openBrowser(PHONE);
    await signIn(phone, kontor);
    await phone.goto(`${kontor.baseUrl}/clients/${anna.id}`);
    await phone.getByRole('heading', { name: 'Anna Zielińska', exact: true }).waitFor();
    await phone.getByRole('region', { name: 'Documents' }).getByText('Payslip March').waitFor();
    await noSidewaysScroll(phone);
    await shot(phone, journey, 'phone-360');
    await phone.goto(`${kontor.baseUrl}/clients`);
    await phone.getByRole('link', { name: 'Anna Zielińska', exact: true }).waitFor();
    await phone.getByRole('button', { name: 'Export', exact: true }).waitFor();
    await noSidewaysScroll(phone);
    await shot(phone, journey, 'phone-list');
    expect(pageErrors(page)).toEqual([]);
    expect(pageErrors(phone)).toEqual([]);
  });
});
