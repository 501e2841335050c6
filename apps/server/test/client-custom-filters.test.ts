// Filtering the client list on the tenant's custom fields: equality for text, choice, yes/no,
// number, money and date, "contains" for multi-choice; unknown fields and ill-formed values are
// refused naming the parameter; the actor's scope still applies.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, signIn, type TTestApp } from './helpers/app';
import { acmeWithOrg } from './helpers/org';

let t: TTestApp;
let admin: Client;
let anna: Client;

const names = (res: { body: { items: { lastName: string }[] } }) =>
  res.body.items.map((c) => c.lastName).sort();

beforeAll(async () => {
  ({ t, admin } = await acmeWithOrg());
  anna = await signIn(t, 'acme', 'anna@acme.test');
  const def = async (body: Record<string, unknown>) => {
    const res = await admin.post('/custom-fields', { entity: 'client', ...body });
    if (res.status !== 201) throw new Error(JSON.stringify(res.body));
  };
  await def({ key: 'segment', label: 'Segment', type: 'choice', options: ['A', 'B'] });
  await def({
    key: 'products',
    label: 'Products',
    type: 'multi_choice',
    options: ['loan', 'insurance', 'fund'],
  });
  await def({ key: 'vip', label: 'VIP', type: 'yes_no' });
  await def({ key: 'employer', label: 'Employer', type: 'text' });
  await def({ key: 'children', label: 'Children', type: 'number' });
  await def({ key: 'income', label: 'Income', type: 'money' });
  await def({ key: 'since', label: 'Customer since', type: 'date' });
  const make = (who: Client, lastName: string, custom: Record<string, unknown>) =>
    who.post('/clients?allowDuplicate=true', { kind: 'person', lastName, tags: ['cff'], custom });
  await make(admin, 'Adler', {
    segment: 'A',
    products: ['loan', 'fund'],
    vip: true,
    employer: 'Hapag',
    children: 2,
    income: { minor: 500_000, currency: 'EUR' },
    since: '2020-01-15',
  });
  await make(admin, 'Bauer', {
    segment: 'B',
    products: ['insurance'],
    vip: false,
    employer: 'Airbus',
    children: 0,
  });
  await make(anna, 'Claus', { segment: 'A', products: ['loan'], vip: false, employer: 'Hapag' });
  await make(admin, 'Dorn', {});
});
afterAll(() => t.close());

describe('custom-field filters on the client list', () => {
  it.each([
    ['custom.segment=A', ['Adler', 'Claus']],
    ['custom.products=loan', ['Adler', 'Claus']],
    ['custom.products=insurance', ['Bauer']],
    ['custom.vip=true', ['Adler']],
    ['custom.vip=false', ['Bauer', 'Claus']],
    ['custom.employer=Hapag', ['Adler', 'Claus']],
    ['custom.children=2', ['Adler']],
    ['custom.children=0', ['Bauer']],
    ['custom.income=500000', ['Adler']],
    ['custom.since=2020-01-15', ['Adler']],
    ['custom.segment=A&custom.vip=false', ['Claus']],
    ['custom.segment=B&custom.products=loan', []],
  ])('%s', async (filter, expected) => {
    const res = await admin.get(`/clients?tag=cff&${filter}`);
    expect(res.status).toBe(200);
    expect(names(res)).toEqual(expected);
  });

  it('combines with the other filters and the search', async () => {
    expect(names(await admin.get('/clients?tag=cff&custom.segment=A&q=adl'))).toEqual(['Adler']);
    expect(names(await admin.get('/clients?tag=nothing&custom.segment=A'))).toEqual([]);
  });

  it('keeps the scope: an advisor sees only her own matches', async () => {
    expect(names(await anna.get('/clients?tag=cff&custom.segment=A'))).toEqual(['Claus']);
  });

  it('refuses unknown fields and ill-formed values, naming the parameter', async () => {
    for (const [query, field] of [
      ['custom.nope=1', 'custom.nope'],
      ['custom.segment=C', 'custom.segment'],
      ['custom.products=car', 'custom.products'],
      ['custom.vip=maybe', 'custom.vip'],
      ['custom.children=two', 'custom.children'],
      ['custom.income=12.5', 'custom.income'],
      ['custom.since=15.01.2020', 'custom.since'],
    ]) {
      const res = await admin.get(`/clients?${query}`);
      expect(res.status, query).toBe(400);
      expect(res.body.errors[0].field, query).toBe(field);
    }
  });
});
