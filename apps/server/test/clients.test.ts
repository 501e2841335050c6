import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, signIn, type TTestApp } from './helpers/app';
import { acmeWithOrg } from './helpers/org';

let t: TTestApp;
let admin: Client;
let org: Awaited<ReturnType<typeof acmeWithOrg>>['org'];
let anna: Client;
let lead: Client;
let clara: Client;

const person = (over: Record<string, unknown> = {}) => ({
  kind: 'person',
  firstName: 'Jürgen',
  lastName: 'Müller',
  emails: [{ address: 'juergen.mueller@example.de' }],
  phones: [{ number: '0171 1234567' }],
  ...over,
});

beforeAll(async () => {
  ({ t, admin, org } = await acmeWithOrg());
  anna = await signIn(t, 'acme', 'anna@acme.test');
  lead = await signIn(t, 'acme', 'lead@acme.test');
  clara = await signIn(t, 'acme', 'clara@acme.test');
});
afterAll(() => t.close());

describe('creating clients', () => {
  it('creates a person with normalised phones, shown as entered, and the local time', async () => {
    const res = await anna.post(
      '/clients',
      person({ iban: 'de89 3704 0044 0532 0130 00', timeZone: 'Europe/Warsaw' }),
    );
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      kind: 'person',
      displayName: 'Jürgen Müller',
      ownerId: org.users.anna,
      clientType: 'private',
      status: 'new',
      iban: 'DE89370400440532013000',
      emails: [{ address: 'juergen.mueller@example.de' }],
      phones: [{ number: '0171 1234567', e164: '+491711234567' }],
    });
    expect(res.body.localTime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+0[12]:00$/);
  });

  it('creates a company', async () => {
    const res = await anna.post('/clients', {
      kind: 'company',
      companyName: 'Bau & Wohnen GmbH',
      vatId: 'DE 123 456 789',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      displayName: 'Bau & Wohnen GmbH',
      clientType: 'business',
      vatId: 'DE123456789',
    });
  });

  it('names every failing field and writes nothing', async () => {
    const res = await anna.post(
      '/clients',
      person({ lastName: '', iban: 'DE00 1234', phones: [{ number: '123456' }], timeZone: 'Mars/Base' }),
    );
    expect(res.status).toBe(400);
    const fields = res.body.errors.map((e: { field: string }) => e.field).sort();
    expect(fields).toContain('lastName');
    const second = await anna.post(
      '/clients',
      person({
        lastName: 'Schulz',
        iban: 'DE00 1234',
        phones: [{ number: '123456' }],
        timeZone: 'Mars/Base',
      }),
    );
    expect(second.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'iban',
      'phones.0.number',
      'timeZone',
    ]);
    const companyWithPersonFields = await anna.post('/clients', {
      kind: 'company',
      companyName: 'X AG',
      iban: 'DE89370400440532013000',
    });
    expect(companyWithPersonFields.status).toBe(400);
    expect(companyWithPersonFields.body.errors[0].field).toBe('iban');
  });

  it('answers 409 with candidates and reasons for likely duplicates, unless told to create anyway', async () => {
    const similar = await anna.post(
      '/clients',
      person({ firstName: 'Juergen', lastName: 'Mueller', emails: [], phones: [] }),
    );
    expect(similar.status).toBe(409);
    expect(similar.body.code).toBe('duplicate_client');
    expect(similar.body.candidates[0]).toMatchObject({
      displayName: 'Jürgen Müller',
      reasons: expect.arrayContaining(['similar_name']),
    });
    const samePhone = await anna.post(
      '/clients',
      person({ firstName: 'Eva', lastName: 'Schwarz', emails: [], phones: [{ number: '+49 171 123 4567' }] }),
    );
    expect(samePhone.status).toBe(409);
    expect(samePhone.body.candidates[0]).toMatchObject({
      reasons: ['same_phone'],
      against: ['different_first_name'],
    });
    const forced = await anna.post(
      '/clients?allowDuplicate=true',
      person({ firstName: 'Juergen', lastName: 'Mueller', emails: [], phones: [] }),
    );
    expect(forced.status).toBe(201);
  });

  it('shows duplicates outside the scope without their name or id', async () => {
    const res = await clara.post(
      '/clients',
      person({ emails: [{ address: 'JUERGEN.MUELLER@example.de' }], phones: [] }),
    );
    expect(res.status).toBe(409);
    expect(res.body.candidates[0]).toMatchObject({ id: null, displayName: null, ownerId: org.users.anna });
  });
});

describe('scopes', () => {
  it('an advisor sees their own clients, a lead their subtree, the director all; others answer 404', async () => {
    const own = await anna.get('/clients');
    expect(own.body.items.length).toBeGreaterThan(0);
    expect(own.body.items.every((c: { ownerId: string }) => c.ownerId === org.users.anna)).toBe(true);
    const claraClient = await clara.post('/clients', {
      kind: 'person',
      lastName: 'Zander',
      firstName: 'Zoe',
    });
    expect(claraClient.status).toBe(201);
    expect((await anna.get(`/clients/${claraClient.body.id}`)).status).toBe(404);
    expect((await anna.patch(`/clients/${claraClient.body.id}`, { notes: 'x' })).status).toBe(404);
    expect((await anna.delete(`/clients/${claraClient.body.id}`)).status).toBe(404);
    const leadIds = (await lead.get('/clients?limit=200')).body.items.map((c: { id: string }) => c.id);
    expect(leadIds).toContain(claraClient.body.id);
    const adminList = await admin.get('/clients?limit=200');
    expect(adminList.body.items.length).toBe(leadIds.length);
  });

  it('an advisor cannot hand a client to someone outside their scope', async () => {
    const res = await anna.post('/clients', { kind: 'person', lastName: 'Owner', ownerId: org.users.clara });
    expect(res.status).toBe(403);
  });
});

describe('changing, listing and the trash', () => {
  it('updates fields and contacts, audits before and after', async () => {
    const created = await anna.post('/clients', {
      kind: 'person',
      firstName: 'Piotr',
      lastName: 'Kowalski',
      phones: [{ number: '+48 512 345 678' }],
    });
    const id = created.body.id;
    const res = await anna.patch(`/clients/${id}`, {
      status: 'qualified',
      tags: ['vip', 'vip', 'baufi'],
      emails: [{ address: 'piotr@example.pl' }],
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      status: 'qualified',
      tags: ['vip', 'baufi'],
      phones: [{ e164: '+48512345678' }],
    });
    expect(res.body.emails).toEqual([expect.objectContaining({ address: 'piotr@example.pl' })]);
    const audit = await anna.get(`/audit?entity=client&id=${id}`);
    expect(audit.body.items[0]).toMatchObject({
      action: 'update',
      before: { status: 'new' },
      after: { status: 'qualified' },
    });
  });

  it('filters, searches and sorts with a cursor', async () => {
    const names = ['Adler', 'Becker', 'Claasen', 'Dietrich', 'Ebert'];
    for (const lastName of names) {
      await admin.post('/clients?allowDuplicate=true', {
        kind: 'person',
        lastName,
        firstName: 'Test',
        tags: ['sorted'],
      });
    }
    const first = await admin.get('/clients?tag=sorted&sort=displayName&limit=2');
    expect(first.body.items.map((c: { lastName: string }) => c.lastName)).toEqual(['Adler', 'Becker']);
    const second = await admin.get(
      `/clients?tag=sorted&sort=displayName&limit=2&cursor=${first.body.nextCursor}`,
    );
    expect(second.body.items.map((c: { lastName: string }) => c.lastName)).toEqual(['Claasen', 'Dietrich']);
    const byDesc = await admin.get('/clients?tag=sorted&sort=-displayName&limit=1');
    expect(byDesc.body.items[0].lastName).toBe('Ebert');
    const found = await admin.get(`/clients?q=${encodeURIComponent('müller')}`);
    expect(found.body.items.map((c: { lastName: string }) => c.lastName)).toContain('Müller');
    const byPhone = await admin.get(`/clients?q=${encodeURIComponent('0171 1234')}`);
    expect(byPhone.body.items.length).toBeGreaterThan(0);
    expect((await admin.get('/clients?status=lost')).body.items).toEqual([]);
    expect((await admin.get('/clients?sort=bogus')).status).toBe(400);
  });

  it('moves a client with its contacts to the trash and restores it', async () => {
    const created = await anna.post('/clients', {
      kind: 'person',
      lastName: 'Trashable',
      emails: [{ address: 't@example.de' }],
    });
    const id = created.body.id;
    expect((await anna.delete(`/clients/${id}`)).status).toBe(200);
    expect((await anna.get(`/clients/${id}`)).status).toBe(404);
    expect((await anna.get('/clients?limit=200')).body.items.map((c: { id: string }) => c.id)).not.toContain(
      id,
    );
    const restored = await anna.post(`/clients/${id}/restore`);
    expect(restored.status).toBe(200);
    expect(restored.body.emails).toEqual([expect.objectContaining({ address: 't@example.de' })]);
  });
});

describe('custom fields', () => {
  it('are validated on write, filterable and sortable', async () => {
    const def = (body: Record<string, unknown>) =>
      admin.post('/custom-fields', { entity: 'client', ...body });
    expect((await def({ key: 'income', label: 'Net income', type: 'money' })).status).toBe(201);
    expect(
      (await def({ key: 'segment', label: 'Segment', type: 'choice', options: ['A', 'B'] })).status,
    ).toBe(201);
    expect((await def({ key: 'bad', label: 'Bad', type: 'choice' })).body.errors[0].field).toBe('options');
    expect(
      (await anna.post('/custom-fields', { entity: 'client', key: 'x', label: 'X', type: 'text' })).status,
    ).toBe(403);
    const make = (lastName: string, custom: Record<string, unknown>) =>
      admin.post('/clients?allowDuplicate=true', { kind: 'person', lastName, tags: ['cf'], custom });
    const bad = await make('Invalid', { segment: 'C', income: { minor: 1.5, currency: 'EUR' }, unknown: 1 });
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'custom.income',
      'custom.segment',
      'custom.unknown',
    ]);
    await make('Rich', { segment: 'A', income: { minor: 900_000, currency: 'EUR' } });
    await make('Modest', { segment: 'B', income: { minor: 250_000, currency: 'EUR' } });
    await make('Middle', { segment: 'A', income: { minor: 400_000, currency: 'EUR' } });
    const sorted = await admin.get('/clients?tag=cf&sort=-custom.income');
    expect(sorted.body.items.map((c: { lastName: string }) => c.lastName)).toEqual([
      'Rich',
      'Middle',
      'Modest',
    ]);
    const filtered = await admin.get('/clients?tag=cf&custom.segment=A&sort=custom.income');
    expect(filtered.body.items.map((c: { lastName: string }) => c.lastName)).toEqual(['Middle', 'Rich']);
    expect((await admin.get('/clients?custom.nope=1')).status).toBe(400);
  });
});
