// A broker creates a client, meets the duplicate warning on a second one with the same e-mail,
// opens the existing client from it, and finds them in the list and the global search.
import { expect, test } from 'vitest';
import { DESKTOP, openBrowser, pageErrors, shot } from './harness';
import { describeJourneys, signIn } from './steps';

describeJourneys('clients', (kontor) => {
  test('create a client, meet the duplicate warning, open the client 360', async () => {
    const journey = 'clients';
    const page = await openBrowser(DESKTOP);
    await signIn(page, kontor, journey);
    await page.getByRole('link', { name: 'Clients', exact: true }).click();
    await page.getByRole('heading', { name: 'Clients', exact: true }).waitFor();
    await page.getByRole('link', { name: 'New client', exact: true }).click();
    await page.getByRole('heading', { name: 'New client', exact: true }).waitFor();

    // Validation as you type, with the server's own schema: the last name is required.
    await page.getByLabel(/^Last name\b/).fill('x');
    await page.getByLabel(/^Last name\b/).fill('');
    await page.getByText('Required', { exact: true }).waitFor();
    await shot(page, journey, 'required');

    await page.getByLabel(/^First name\b/).fill('Jürgen');
    await page.getByLabel(/^Last name\b/).fill('Müller');
    await page.getByLabel(/^E-mail\b/).fill('j.mueller@example.de');
    await page.getByRole('button', { name: 'Create client', exact: true }).click();
    await page.getByRole('heading', { name: 'Jürgen Müller', exact: true }).waitFor();
    const firstUrl = page.url();
    await shot(page, journey, 'client-360');

    // The same e-mail again: the warning lists Jürgen Müller with the reason, and nothing is created.
    await page.getByRole('link', { name: 'Clients', exact: true }).click();
    await page.getByRole('link', { name: 'New client', exact: true }).click();
    await page.getByLabel(/^First name\b/).fill('Juergen');
    await page.getByLabel(/^Last name\b/).fill('Mueller');
    await page.getByLabel(/^E-mail\b/).fill('J.Mueller@example.de');
    await page.getByRole('button', { name: 'Create client', exact: true }).click();
    const warning = page.getByRole('region', { name: 'Similar clients already exist' });
    await warning.waitFor();
    await warning.getByText('same e-mail').waitFor();
    await warning.getByText('Jürgen Müller').waitFor();
    // What was typed is still there.
    expect(await page.getByLabel(/^Last name\b/).inputValue()).toBe('Mueller');
    await shot(page, journey, 'duplicate-warning');

    await warning.getByRole('button', { name: 'Open', exact: true }).click();
    await page.getByRole('heading', { name: 'Jürgen Müller', exact: true }).waitFor();
    expect(page.url()).toBe(firstUrl);
    await page.getByRole('region', { name: 'Quick facts' }).getByText('Client since').waitFor();
    // The client's change history: the managing director may read the audit trail.
    await page
      .getByRole('region', { name: 'Change history' })
      .getByText('Created', { exact: true })
      .waitFor();
    await shot(page, journey, 'opened-existing');

    // The list holds one Müller, and the header's search finds him.
    await page.getByRole('link', { name: 'Clients', exact: true }).click();
    await page.getByRole('link', { name: 'Jürgen Müller', exact: true }).waitFor();
    expect(await page.getByRole('link', { name: /Müller|Mueller/ }).count()).toBe(1);
    const search = page.getByRole('combobox', { name: 'Search', exact: true });
    await search.fill('mueller');
    await page.getByRole('option', { name: /Jürgen Müller/ }).click();
    await page.getByRole('heading', { name: 'Jürgen Müller', exact: true }).waitFor();
    await shot(page, journey, 'found-by-search');
    expect(pageErrors(page)).toEqual([]);
  });
});
