import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, signIn, type TTestApp } from './helpers/app';
import { auditActions, newClient } from './helpers/clients';
import { acmeWithOrg } from './helpers/org';

let t: TTestApp;
let admin: Client;
let tenantId: string;
let org: Awaited<ReturnType<typeof acmeWithOrg>>['org'];
let anna: Client;
let lead: Client;
let clara: Client;
let auditor: Client;

beforeAll(async () => {
  ({ t, admin, tenantId, org } = await acmeWithOrg());
  anna = await signIn(t, 'acme', 'anna@acme.test');
  lead = await signIn(t, 'acme', 'lead@acme.test');
  clara = await signIn(t, 'acme', 'clara@acme.test');
  auditor = await signIn(t, 'acme', 'auditor@acme.test');
});
afterAll(() => t.close());

const client = newClient;

const relationsOf = async (as: Client, id: string) => (await as.get(`/clients/${id}/relations`)).body.items;
const actions = (entity: string, id: string) => auditActions(admin, entity, id);

describe('relations', () => {
  it('are read from both ends with the role of each side', async () => {
    const firm = await client(anna, 'Baugesellschaft');
    const worker = await client(anna, 'Arbeiter', { firstName: 'Karl' });
    const res = await anna.post(`/clients/${firm}/relations`, { relatedClientId: worker, kind: 'employer' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      kind: 'employer',
      direction: 'outgoing',
      label: 'employer',
      relatedClient: { id: worker, displayName: 'Karl Arbeiter' },
    });
    expect(await relationsOf(anna, firm)).toEqual([
      expect.objectContaining({ id: res.body.id, label: 'employer' }),
    ]);
    expect(await relationsOf(anna, worker)).toEqual([
      expect.objectContaining({
        id: res.body.id,
        kind: 'employer',
        direction: 'incoming',
        label: 'employee_of',
        relatedClient: { id: firm, displayName: 'Baugesellschaft' },
      }),
    ]);
    // Created from the other end: the worker's father stands guarantor for the worker.
    const father = await client(anna, 'Arbeiter', { firstName: 'Otto' });
    const guarantor = await anna.post(`/clients/${worker}/relations`, {
      relatedClientId: father,
      kind: 'guarantor',
      direction: 'incoming',
      note: 'for the mortgage',
    });
    expect(guarantor.body).toMatchObject({
      direction: 'incoming',
      label: 'guaranteed_by',
      note: 'for the mortgage',
    });
    expect(await relationsOf(anna, father)).toEqual([
      expect.objectContaining({
        direction: 'outgoing',
        label: 'guarantor',
        relatedClient: expect.objectContaining({ id: worker }),
      }),
    ]);
    expect(await actions('client_relation', res.body.id)).toEqual(['create']);
  });

  it('refuse duplicates (a household both ways), self-relations and bad kinds', async () => {
    const a = await client(anna, 'Haushalt', { firstName: 'Eva' });
    const b = await client(anna, 'Haushalt', { firstName: 'Max' });
    expect(
      (await anna.post(`/clients/${a}/relations`, { relatedClientId: b, kind: 'household_member' })).status,
    ).toBe(201);
    const again = await anna.post(`/clients/${b}/relations`, {
      relatedClientId: a,
      kind: 'household_member',
    });
    expect(again.status).toBe(409);
    // The database holds the same rule when two requests race past the check.
    const race = t.database.db
      .insertInto('client_relations')
      .values({ tenant_id: tenantId, client_id: b, related_client_id: a, kind: 'household_member' })
      .execute();
    await expect(race).rejects.toThrow(/client_relations_unique_household/);
    // A directed relation may exist once each way: they are different facts.
    expect(
      (await anna.post(`/clients/${a}/relations`, { relatedClientId: b, kind: 'representative' })).status,
    ).toBe(201);
    expect(
      (await anna.post(`/clients/${a}/relations`, { relatedClientId: b, kind: 'representative' })).status,
    ).toBe(409);
    expect(
      (await anna.post(`/clients/${b}/relations`, { relatedClientId: a, kind: 'representative' })).status,
    ).toBe(201);
    const self = await anna.post(`/clients/${a}/relations`, { relatedClientId: a, kind: 'employer' });
    expect(self.status).toBe(400);
    expect(self.body.errors[0].field).toBe('relatedClientId');
    const bad = await anna.post(`/clients/${a}/relations`, { relatedClientId: b, kind: 'cousin' });
    expect(bad.body.errors[0].field).toBe('kind');
    expect(await relationsOf(anna, a)).toHaveLength(3);
  });

  it('hold the scopes: outside the scope answers 404, and the other end shows without id or name', async () => {
    const mine = await client(anna, 'Annas Kundin');
    const foreign = await client(clara, 'Claras Kunde');
    const refused = await anna.post(`/clients/${mine}/relations`, {
      relatedClientId: foreign,
      kind: 'employer',
    });
    expect(refused.status).toBe(404);
    expect((await clara.get(`/clients/${mine}/relations`)).status).toBe(404);
    expect(
      (await auditor.post(`/clients/${mine}/relations`, { relatedClientId: foreign, kind: 'employer' }))
        .status,
    ).toBe(403);
    const byLead = await lead.post(`/clients/${mine}/relations`, {
      relatedClientId: foreign,
      kind: 'employer',
    });
    expect(byLead.status).toBe(201);
    expect(await relationsOf(anna, mine)).toEqual([
      expect.objectContaining({ id: byLead.body.id, relatedClient: { id: null, displayName: null } }),
    ]);
    expect((await relationsOf(clara, foreign))[0].relatedClient).toEqual({ id: null, displayName: null });
    expect((await anna.delete(`/clients/${mine}/relations/${byLead.body.id}`)).status).toBe(404);
    expect((await lead.get(`/clients/${mine}/relations`)).body.items[0].relatedClient.id).toBe(foreign);
  });

  it('go to the trash and come back; vanish while the other client is in the trash', async () => {
    const a = await client(anna, 'Vertreten');
    const b = await client(anna, 'Vertreter');
    const rel = await anna.post(`/clients/${b}/relations`, { relatedClientId: a, kind: 'representative' });
    const del = await anna.delete(`/clients/${a}/relations/${rel.body.id}`);
    expect(del.status).toBe(200);
    expect(await relationsOf(anna, a)).toEqual([]);
    expect(await actions('client_relation', rel.body.id)).toEqual(['delete', 'create']);
    expect((await anna.post(`/trash/${del.body.trashId}/restore`)).status).toBe(200);
    expect((await relationsOf(anna, a)).map((r: { id: string }) => r.id)).toEqual([rel.body.id]);
    expect((await anna.delete(`/clients/${b}`)).status).toBe(200);
    expect(await relationsOf(anna, a)).toEqual([]);
    expect((await anna.post(`/clients/${b}/restore`)).status).toBe(200);
    expect(await relationsOf(anna, a)).toHaveLength(1);
  });
});

describe('consents', () => {
  const grant = {
    purpose: 'marketing',
    channel: 'email',
    granted: true,
    legalBasis: 'consent',
    source: 'website form',
    wordingVersion: '2026-01',
    proof: { confirmedAt: '2026-01-05T10:00:00Z', ip: '203.0.113.9', token: 'doi-123' },
  };

  it('keep a log: a withdrawal is a new record, the current view shows the latest per purpose and channel', async () => {
    const id = await client(anna, 'Einwilligung');
    const first = await anna.post(`/clients/${id}/consents`, grant);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ ...grant, recordedBy: org.users.anna });
    await anna.post(`/clients/${id}/consents`, { ...grant, channel: 'phone', proof: undefined });
    const withdrawal = await anna.post(`/clients/${id}/consents`, {
      ...grant,
      granted: false,
      source: 'e-mail from the client',
      proof: undefined,
    });
    expect(withdrawal.status).toBe(201);
    const log = await anna.get(`/clients/${id}/consents`);
    expect(log.status).toBe(200);
    expect(
      log.body.items.map((c: { granted: boolean; channel: string }) => `${c.channel}:${c.granted}`),
    ).toEqual(['email:false', 'phone:true', 'email:true']);
    expect(log.body.items[2]).toMatchObject({ id: first.body.id, granted: true, proof: grant.proof });
    expect(log.body.current).toEqual([
      expect.objectContaining({ channel: 'email', granted: false, id: withdrawal.body.id }),
      expect.objectContaining({ channel: 'phone', granted: true }),
    ]);
    expect(await actions('consent', withdrawal.body.id)).toEqual(['withdraw']);
    expect(await actions('consent', first.body.id)).toEqual(['grant']);
  });

  it('are never edited: no route changes or deletes one, and the database refuses an edit', async () => {
    const id = await client(anna, 'Unveränderlich');
    const c = await anna.post(`/clients/${id}/consents`, grant);
    for (const method of ['PATCH', 'PUT', 'DELETE']) {
      expect((await anna.request(method, `/clients/${id}/consents/${c.body.id}`, {})).status).toBe(404);
    }
    expect((await anna.request('PATCH', `/clients/${id}/consents`, { granted: false })).status).toBe(404);
    await expect(
      sql`update consents set granted = false where id = ${c.body.id}`.execute(t.database.db),
    ).rejects.toThrow(/never edited/);
    const log = await anna.get(`/clients/${id}/consents`);
    expect(log.body.items).toEqual([expect.objectContaining({ id: c.body.id, granted: true })]);
  });

  it('validate the input and hold the scopes', async () => {
    const id = await client(anna, 'Geprüft');
    const bad = await anna.post(`/clients/${id}/consents`, {
      ...grant,
      purpose: 'Marketing Stuff',
      legalBasis: 'because',
      proof: { ip: 'nowhere' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'legalBasis',
      'proof.ip',
      'purpose',
    ]);
    expect((await clara.post(`/clients/${id}/consents`, grant)).status).toBe(404);
    expect((await clara.get(`/clients/${id}/consents`)).status).toBe(404);
    expect((await auditor.post(`/clients/${id}/consents`, grant)).status).toBe(403);
    expect((await auditor.get(`/clients/${id}/consents`)).status).toBe(200);
    expect((await anna.get(`/clients/${id}/consents`)).body).toEqual({ items: [], current: [] });
  });
});
