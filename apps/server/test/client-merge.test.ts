import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLIENT_REFERENCES } from '../src/features/clients/merge-client';
import { type Client, signIn, type TTestApp } from './helpers/app';
import { insertCase } from './helpers/cases';
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

describe('merging duplicates', () => {
  async function applicant(caseId: string, clientId: string, role: string) {
    await t.database.db
      .insertInto('case_applicants')
      .values({ tenant_id: tenantId, case_id: caseId, client_id: clientId, role })
      .execute();
  }

  it('folds cases, applicants, relations, consents, new contacts, tags and empty fields into the survivor', async () => {
    const keep = await client(anna, 'Müller', {
      firstName: 'Jürgen',
      tags: ['vip'],
      emails: [{ address: 'j.mueller@example.de' }],
      phones: [{ number: '0171 1111111' }],
      addresses: [{ street: 'Hauptstraße 1', postalCode: '20095', city: 'Hamburg' }],
    });
    const dup = await client(anna, 'Mueller', {
      firstName: 'Juergen',
      birthDate: '1980-02-03',
      tags: ['baufi', 'vip'],
      notes: 'from the import',
      emails: [{ address: 'J.Mueller@example.de' }, { address: 'juergen@example.de' }],
      phones: [{ number: '+49 171 1111111' }, { number: '040 123456' }],
      addresses: [
        { street: 'Hauptstr. 1', postalCode: '20095', city: 'HAMBURG' },
        { kind: 'work', street: 'Elbchaussee 5', postalCode: '22763', city: 'Hamburg' },
      ],
    });
    const employer = await client(anna, 'Arbeitgeber');
    const spouse = await client(anna, 'Ehefrau');
    await anna.post(`/clients/${keep}/relations`, {
      relatedClientId: employer,
      kind: 'employer',
      direction: 'incoming',
    });
    const sameEmployer = await anna.post(`/clients/${dup}/relations`, {
      relatedClientId: employer,
      kind: 'employer',
      direction: 'incoming',
    });
    const household = await anna.post(`/clients/${spouse}/relations`, {
      relatedClientId: dup,
      kind: 'household_member',
    });
    const selfToBe = await anna.post(`/clients/${dup}/relations`, {
      relatedClientId: keep,
      kind: 'guarantor',
    });
    await anna.post(`/clients/${dup}/consents`, {
      purpose: 'newsletter',
      channel: 'email',
      granted: true,
      legalBasis: 'consent',
      source: 'import',
      wordingVersion: 'v1',
    });
    const dupCase = await insertCase(t, tenantId, { clientId: dup, ownerId: org.users.anna });
    const jointCase = await insertCase(t, tenantId, { clientId: keep, ownerId: org.users.anna });
    await applicant(jointCase, keep, 'applicant');
    await applicant(jointCase, dup, 'co_applicant');
    await applicant(dupCase, dup, 'applicant');

    const res = await anna.post(`/clients/${keep}/merge`, { duplicateId: dup });
    expect(res.status).toBe(200);
    const merged = res.body.client;
    expect(merged).toMatchObject({
      id: keep,
      firstName: 'Jürgen',
      lastName: 'Müller',
      birthDate: '1980-02-03',
    });
    expect(merged.notes).toBe('from the import');
    expect(merged.tags).toEqual(['vip', 'baufi']);
    expect(merged.emails.map((e: { address: string }) => e.address)).toEqual([
      'j.mueller@example.de',
      'juergen@example.de',
    ]);
    expect(merged.phones.map((p: { e164: string }) => p.e164)).toEqual(['+491711111111', '+4940123456']);
    expect(merged.addresses.map((a: { street: string }) => a.street)).toEqual([
      'Hauptstraße 1',
      'Elbchaussee 5',
    ]);
    expect(res.body.moved).toMatchObject({
      cases: 1,
      consents: 1,
      caseApplicants: 1,
      relations: 1,
      emails: 1,
    });
    expect(res.body.kept).toMatchObject({
      caseApplicantsDropped: 1,
      relations: 2,
      emails: 1,
      phones: 1,
      addresses: 1,
    });
    expect(res.body.filled).toEqual(expect.arrayContaining(['birthDate', 'notes', 'tags']));

    const cases = await t.database.db
      .selectFrom('cases')
      .select(['id', 'client_id'])
      .where('id', 'in', [dupCase, jointCase])
      .execute();
    expect(cases.map((c) => c.client_id)).toEqual([keep, keep]);
    const applicants = await t.database.db
      .selectFrom('case_applicants')
      .select(['case_id', 'client_id', 'role'])
      .where('case_id', 'in', [dupCase, jointCase])
      .execute();
    expect(applicants).toHaveLength(2);
    expect(applicants).toEqual(
      expect.arrayContaining([
        { case_id: jointCase, client_id: keep, role: 'applicant' },
        { case_id: dupCase, client_id: keep, role: 'applicant' },
      ]),
    );
    const relations = await relationsOf(anna, keep);
    expect(
      relations
        .map((r: { label: string; relatedClient: { id: string } }) => `${r.label}:${r.relatedClient.id}`)
        .sort(),
    ).toEqual([`employee_of:${employer}`, `household_member:${spouse}`].sort());
    expect(relations.map((r: { id: string }) => r.id)).toContain(household.body.id);
    expect((await anna.get(`/clients/${keep}/consents`)).body.current).toEqual([
      expect.objectContaining({ purpose: 'newsletter', granted: true }),
    ]);
    // The survivor is found by what came from the duplicate.
    const found = await anna.get(`/clients?q=${encodeURIComponent('juergen@example.de')}`);
    expect(found.body.items.map((c: { id: string }) => c.id)).toEqual([keep]);

    // The duplicate is in the trash with what stayed, and the audit trail keeps both.
    expect((await anna.get(`/clients/${dup}`)).status).toBe(404);
    const trash = (await admin.get('/trash?limit=200')).body.items;
    expect(trash).toContainEqual(
      expect.objectContaining({ id: res.body.trashId, entity: 'client', entityId: dup }),
    );
    const survivorAudit = (await admin.get(`/audit?entity=client&id=${keep}`)).body.items[0];
    expect(survivorAudit).toMatchObject({
      action: 'merge',
      before: { birthDate: null },
      after: { birthDate: '1980-02-03', mergedFrom: { id: dup, moved: { cases: 1 } } },
    });
    expect(await actions('client', dup)).toEqual(['delete', 'merged_into', 'create']);

    const restored = await anna.post(`/clients/${dup}/restore`);
    expect(restored.status).toBe(200);
    expect(restored.body.emails.map((e: { address: string }) => e.address)).toEqual(['j.mueller@example.de']);
    expect(restored.body.addresses.map((a: { street: string }) => a.street)).toEqual(['Hauptstr. 1']);
    expect((await relationsOf(anna, dup)).map((r: { id: string }) => r.id).sort()).toEqual(
      [sameEmployer.body.id, selfToBe.body.id].sort(),
    );
    expect((await anna.get(`/clients/${dup}/consents`)).body.items).toEqual([]);
  });

  it('moves activities with their reply chains', async () => {
    const keep = await client(anna, 'Bleibt');
    const dup = await client(anna, 'Geht');
    const first = await insertActivity(dup, null);
    const reply = await insertActivity(dup, first);
    const res = await anna.post(`/clients/${keep}/merge`, { duplicateId: dup });
    expect(res.status).toBe(200);
    expect(res.body.moved.activities).toBe(2);
    const rows = await t.database.db
      .selectFrom('activities')
      .select(['id', 'client_id', 'reply_to_id'])
      .where('id', 'in', [first, reply])
      .execute();
    expect(rows).toEqual(
      expect.arrayContaining([
        { id: first, client_id: keep, reply_to_id: null },
        { id: reply, client_id: keep, reply_to_id: first },
      ]),
    );
  });

  it('needs both clients within the edit scope (404) and two different clients (400)', async () => {
    const mine = await client(anna, 'Meins');
    const foreign = await client(clara, 'Fremd');
    expect((await anna.post(`/clients/${mine}/merge`, { duplicateId: foreign })).status).toBe(404);
    expect((await anna.post(`/clients/${foreign}/merge`, { duplicateId: mine })).status).toBe(404);
    expect((await auditor.post(`/clients/${mine}/merge`, { duplicateId: foreign })).status).toBe(403);
    const self = await anna.post(`/clients/${mine}/merge`, { duplicateId: mine });
    expect(self.status).toBe(400);
    expect(self.body.errors[0].field).toBe('duplicateId');
    expect((await anna.get(`/clients/${mine}`)).status).toBe(200);
    expect((await clara.get(`/clients/${foreign}`)).status).toBe(200);
    expect((await lead.post(`/clients/${mine}/merge`, { duplicateId: foreign })).status).toBe(200);
  });

  it('CLIENT_REFERENCES names every foreign key to clients', async () => {
    const fks = await sql<{ table: string; column: string }>`
      select cl.relname as table, a.attname as column
      from pg_constraint c
      join pg_class cl on cl.oid = c.conrelid
      join pg_attribute a on a.attrelid = c.conrelid and a.attnum = any(c.conkey)
      where c.contype = 'f' and c.confrelid = 'clients'::regclass and a.attname <> 'tenant_id'`.execute(
      t.database.db,
    );
    const listed = CLIENT_REFERENCES.map((r) => `${r.table}.${r.column}`).sort();
    expect(fks.rows.map((r) => `${r.table}.${r.column}`).sort()).toEqual(listed);
  });
});

async function insertActivity(clientId: string, replyTo: string | null): Promise<string> {
  const row = await t.database.db
    .insertInto('activities')
    .values({
      tenant_id: tenantId,
      client_id: clientId,
      kind: 'note',
      occurred_at: new Date(),
      owner_id: org.users.anna,
      reply_to_id: replyTo,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}
