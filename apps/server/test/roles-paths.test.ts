import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, PASSWORD, signIn, type TTestApp } from './helpers/app';
import { acmeWithOrg } from './helpers/org';

// Each built-in role on the client and case paths: what it may do, and what it sees.
let t: TTestApp;
let admin: Client;
let org: Awaited<ReturnType<typeof acmeWithOrg>>['org'];
const as: Record<string, Client> = {};
let annaClient: string;
let claraClient: string;
let annaCase: string;

const ids = (res: { body: { items: { id: string }[] } }) => res.body.items.map((i) => i.id);

beforeAll(async () => {
  ({ t, admin, org } = await acmeWithOrg());
  await admin.post('/users', {
    email: 'acc@acme.test',
    password: PASSWORD,
    roleIds: [org.role('accounting')],
  });
  await admin.post('/users', {
    email: 'partner@acme.test',
    password: PASSWORD,
    roleIds: [org.role('partner')],
  });
  for (const who of ['anna', 'clara', 'assi', 'auditor', 'acc', 'partner', 'lead'])
    as[who] = await signIn(t, 'acme', `${who}@acme.test`);
  annaClient = (await as.anna!.post('/clients', { kind: 'person', lastName: 'Annas' })).body.id;
  claraClient = (await as.clara!.post('/clients', { kind: 'person', lastName: 'Claras' })).body.id;
  annaCase = (await as.anna!.post('/cases', { clientId: annaClient, productKind: 'mortgage' })).body.id;
});
afterAll(() => t.close());

describe('built-in roles on clients and cases', () => {
  it('assistant: works the clients of their own unit, may not delete', async () => {
    const assi = as.assi!;
    expect(ids(await assi.get('/clients'))).toEqual([annaClient]);
    expect((await assi.get(`/clients/${claraClient}`)).status).toBe(404);
    expect((await assi.patch(`/clients/${annaClient}`, { notes: 'called back' })).status).toBe(200);
    expect((await assi.delete(`/clients/${annaClient}`)).status).toBe(403);
    expect(ids(await assi.get('/cases'))).toEqual([annaCase]);
    expect((await assi.post(`/cases/${annaCase}/stage`, { stage: 'needs_analysis' })).status).toBe(200);
  });

  it('auditor: reads everything, changes nothing', async () => {
    const auditor = as.auditor!;
    expect(ids(await auditor.get('/clients')).sort()).toEqual([annaClient, claraClient].sort());
    expect((await auditor.get(`/cases/${annaCase}`)).status).toBe(200);
    expect((await auditor.post('/clients', { kind: 'person', lastName: 'X' })).status).toBe(403);
    expect((await auditor.patch(`/clients/${annaClient}`, { notes: 'x' })).status).toBe(403);
    expect((await auditor.post(`/cases/${annaCase}/stage`, { stage: 'first_contact' })).status).toBe(403);
    expect((await auditor.get(`/clients/${annaClient}/timeline`)).status).toBe(200);
  });

  it('accounting: sees all clients and cases, creates and edits none', async () => {
    const acc = as.acc!;
    expect(ids(await acc.get('/clients')).sort()).toEqual([annaClient, claraClient].sort());
    expect(ids(await acc.get('/cases'))).toEqual([annaCase]);
    expect((await acc.post('/clients', { kind: 'person', lastName: 'X' })).status).toBe(403);
    expect((await acc.post('/cases', { clientId: annaClient, productKind: 'mortgage' })).status).toBe(403);
  });

  it('partner: sees only their own, creates no clients or cases directly', async () => {
    const partner = as.partner!;
    expect((await partner.get('/clients')).body.items).toEqual([]);
    expect((await partner.get(`/clients/${annaClient}`)).status).toBe(404);
    expect((await partner.get('/search?q=annas')).body.items).toEqual([]);
    expect((await partner.post('/clients', { kind: 'person', lastName: 'Lead' })).status).toBe(403);
    expect((await partner.get('/cases')).body.items).toEqual([]);
  });

  it('advisor and lead: own records, and the subtree', async () => {
    expect(ids(await as.clara!.get('/clients'))).toEqual([claraClient]);
    expect((await as.clara!.get(`/cases/${annaCase}`)).status).toBe(404);
    expect(ids(await as.lead!.get('/clients')).sort()).toEqual([annaClient, claraClient].sort());
    expect((await as.lead!.delete(`/cases/${annaCase}`)).status).toBe(200);
    expect((await as.lead!.post(`/cases/${annaCase}/restore`)).status).toBe(200);
  });
});
