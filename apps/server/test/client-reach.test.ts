import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asSystem } from '../src/platform/tx';
import { type Client, signIn, type TTestApp } from './helpers/app';
import { newClient } from './helpers/clients';
import { acmeWithOrg } from './helpers/org';

// client_reach (migration 0008) is kept by triggers; the client scope trusts it. After every kind
// of change it must equal what the cases say (the view client_reach_expected).

let t: TTestApp;
let admin: Client;
let org: Awaited<ReturnType<typeof acmeWithOrg>>['org'];
let anna: Client;
let ben: Client;
let clara: Client;

type TPair = { client_id: string; user_id: string };
const sorted = (rows: TPair[]) => rows.map((r) => `${r.client_id}:${r.user_id}`).sort();

async function expectConsistent() {
  const [kept, expected] = await asSystem(t.database, async (tx) => [
    (await sql<TPair>`select client_id, user_id from client_reach`.execute(tx)).rows,
    (await sql<TPair>`select client_id, user_id from client_reach_expected`.execute(tx)).rows,
  ]);
  expect(sorted(kept)).toEqual(sorted(expected));
  return kept;
}

const mortgage = (clientId: string, more: Record<string, unknown> = {}) => ({
  clientId,
  productKind: 'mortgage',
  amount: { minor: 100, currency: 'EUR' },
  ...more,
});

beforeAll(async () => {
  ({ t, admin, org } = await acmeWithOrg());
  anna = await signIn(t, 'acme', 'anna@acme.test');
  ben = await signIn(t, 'acme', 'ben@acme.test');
  clara = await signIn(t, 'acme', 'clara@acme.test');
});
afterAll(() => t.close());

describe('who reaches a client through its cases', () => {
  it('follows cases, executors, co-executors, applicants, the trash, merges and purges', async () => {
    const main = await newClient(anna, 'Müller');
    const partner = await newClient(anna, 'Müller-Lüdenscheidt');
    const other = await newClient(clara, 'Schmidt');
    const created = await anna.post('/cases', mortgage(main, { coExecutorIds: [org.users.ben] }));
    expect(created.status).toBe(201);
    const caseId = created.body.id;
    let pairs = await expectConsistent();
    expect(pairs).toContainEqual({ client_id: main, user_id: org.users.ben });

    // clara executes: she reaches the client (and sees it), ben still co-executes
    expect((await anna.post(`/cases/${caseId}/assign`, { executorId: org.users.clara })).status).toBe(200);
    await expectConsistent();
    expect((await clara.get(`/clients/${main}`)).status).toBe(200);

    // an applicant is reached too; dropping ben as co-executor takes his reach away
    const patched = await anna.patch(`/cases/${caseId}`, {
      applicants: [{ clientId: partner, role: 'co_applicant' }],
      coExecutorIds: [],
    });
    expect(patched.status).toBe(200);
    pairs = await expectConsistent();
    expect(pairs).toContainEqual({ client_id: partner, user_id: org.users.clara });
    expect(pairs).not.toContainEqual({ client_id: main, user_id: org.users.ben });
    expect((await ben.get(`/clients/${main}`)).status).toBe(404);

    // the trash takes the case's reach away, a restore gives it back
    expect((await anna.delete(`/cases/${caseId}`)).status).toBe(200);
    pairs = await expectConsistent();
    expect(pairs.filter((p) => p.client_id === main)).toEqual([]);
    expect((await clara.get(`/clients/${main}`)).status).toBe(404);
    expect((await anna.post(`/cases/${caseId}/restore`)).status).toBe(200);
    await expectConsistent();
    expect((await clara.get(`/clients/${main}`)).status).toBe(200);

    // a merge moves the case to the survivor: the reach moves with it
    const second = await clara.post('/cases', mortgage(other));
    expect(second.status).toBe(201);
    const merged = await admin.post(`/clients/${main}/merge`, { duplicateId: other });
    expect(merged.status).toBe(200);
    pairs = await expectConsistent();
    expect(pairs.filter((p) => p.client_id === other)).toEqual([]);

    // purging a case for good leaves nothing behind
    const del = await admin.delete(`/cases/${second.body.id}`);
    await t.database.db
      .updateTable('trash')
      .set({ deleted_at: new Date(Date.now() - 400 * 86_400_000) })
      .where('id', '=', del.body.trashId)
      .execute();
    expect((await admin.delete(`/trash/${del.body.trashId}`)).status).toBe(204);
    await expectConsistent();
  });
});
