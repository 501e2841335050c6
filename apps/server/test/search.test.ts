import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, signIn, type TTestApp } from './helpers/app';
import { acmeWithOrg } from './helpers/org';

let t: TTestApp;
let anna: Client;
let clara: Client;
let lead: Client;
let caseNumber: string;

const titles = (res: { body: { items: { title: string }[] } }) => res.body.items.map((h) => h.title);
const clients = (res: { body: { items: { title: string; type: string }[] } }) =>
  res.body.items.filter((h) => h.type === 'client').map((h) => h.title);

beforeAll(async () => {
  ({ t } = await acmeWithOrg());
  anna = await signIn(t, 'acme', 'anna@acme.test');
  clara = await signIn(t, 'acme', 'clara@acme.test');
  lead = await signIn(t, 'acme', 'lead@acme.test');
  const müller = await anna.post('/clients', {
    kind: 'person',
    firstName: 'Jürgen',
    lastName: 'Müller',
    emails: [{ address: 'j.mueller@example.de' }],
    phones: [{ number: '+49 171 1234567' }],
  });
  await anna.post('/clients', { kind: 'person', firstName: 'Anna', lastName: 'Schneider' });
  await anna.post('/clients', { kind: 'company', companyName: 'Łódź Nieruchomości Sp. z o.o.' });
  await clara.post('/clients', { kind: 'person', firstName: 'Zoe', lastName: 'Müllerová' });
  const c = await anna.post('/cases', {
    clientId: müller.body.id,
    productKind: 'mortgage',
    platformReference: 'EP-2026-0815',
  });
  caseNumber = c.body.number;
});
afterAll(() => t.close());

describe('search', () => {
  it('finds names with or without umlauts and with small typos, best first', async () => {
    expect(titles(await anna.get('/search?q=müller'))[0]).toBe('Jürgen Müller');
    expect(titles(await anna.get('/search?q=mueller'))).toContain('Jürgen Müller');
    expect(titles(await anna.get('/search?q=Jurgen%20Muler'))).toContain('Jürgen Müller');
    expect(titles(await anna.get('/search?q=Schnieder'))).toContain('Anna Schneider');
    expect(titles(await anna.get('/search?q=lodz'))).toContain('Łódź Nieruchomości Sp. z o.o.');
  });

  it('finds e-mails, phones in any format, case numbers and platform references', async () => {
    expect(titles(await anna.get('/search?q=j.mueller@exa'))).toContain('Jürgen Müller');
    expect(titles(await anna.get(`/search?q=${encodeURIComponent('0171 123 45')}`))).toContain(
      'Jürgen Müller',
    );
    expect(titles(await anna.get(`/search?q=${encodeURIComponent('+491711234567')}`))).toContain(
      'Jürgen Müller',
    );
    expect(titles(await anna.get(`/search?q=${caseNumber}`))).toContain(caseNumber);
    expect(titles(await anna.get('/search?q=EP-2026-0815'))).toContain(caseNumber);
  });

  it('stays within scope', async () => {
    expect(clients(await clara.get('/search?q=muller'))).toEqual(['Zoe Müllerová']);
    expect(titles(await anna.get('/search?q=muller'))).not.toContain('Zoe Müllerová');
    expect(clients(await lead.get('/search?q=muller')).sort()).toEqual(['Jürgen Müller', 'Zoe Müllerová']);
    expect(titles(await lead.get('/search?q=muller'))).toContain(caseNumber); // the case of Jürgen Müller
    expect((await anna.get('/search?q=')).status).toBe(400);
  });
});

describe('search of partners', () => {
  it('finds partners and tipsters by name, umlauts and sounds, for whoever may view partners', async () => {
    const admin = await signIn(t, 'acme', 'boss@acme.test');
    const tipster = await admin.post('/commissions/recipients', {
      kind: 'tipster',
      name: 'Jörg Schäfer Immobilien',
      email: 'joerg@schaefer-immo.de',
    });
    expect(tipster.status).toBe(201);
    const found = (await anna.get('/search?q=schafer')).body.items;
    expect(found).toContainEqual(
      expect.objectContaining({ type: 'partner', id: tipster.body.id, subtitle: 'tipster' }),
    );
    expect(
      (await anna.get('/search?q=joerg@schaefer')).body.items.map((h: { id: string }) => h.id),
    ).toContain(tipster.body.id);
    // A firm's own users are recipients too, but not partners.
    const user = await admin.post('/commissions/recipients', {
      kind: 'user',
      userId: (
        await t.database.db
          .selectFrom('users')
          .select('id')
          .where('email', '=', 'anna@acme.test')
          .executeTakeFirstOrThrow()
      ).id,
      name: 'Anna Schäfer',
    });
    expect(user.status).toBe(201);
    expect(
      (await anna.get('/search?q=schafer')).body.items.filter((h: { type: string }) => h.type === 'partner'),
    ).toHaveLength(1);
  });
});
