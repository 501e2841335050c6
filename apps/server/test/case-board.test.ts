import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, signIn, type TTestApp } from './helpers/app';
import { acmeWithOrg } from './helpers/org';

let t: TTestApp;
let admin: Client;
let org: Awaited<ReturnType<typeof acmeWithOrg>>['org'];
let anna: Client;
let clara: Client;
let lead: Client;
let pipeline: { id: string; stages: { key: string; kind: string }[] };

type TColumn = {
  stage: { key: string; kind: string };
  count: number;
  items: { id: string; clientName: string }[];
};

const board = async (as: Client, query = '') => {
  const res = await as.get(`/cases/board?pipelineId=${pipeline.id}${query}`);
  expect(res.status).toBe(200);
  return res.body.columns as TColumn[];
};
const counts = (columns: TColumn[]) => Object.fromEntries(columns.map((c) => [c.stage.key, c.count]));

beforeAll(async () => {
  ({ t, admin, org } = await acmeWithOrg());
  anna = await signIn(t, 'acme', 'anna@acme.test');
  clara = await signIn(t, 'acme', 'clara@acme.test');
  lead = await signIn(t, 'acme', 'lead@acme.test');
  pipeline = (await admin.get('/pipelines')).body.items.find(
    (p: { productKind: string }) => p.productKind === 'mortgage',
  );
  for (const [who, name, n] of [
    [anna, 'Müller', 3],
    [clara, 'Schmidt', 2],
  ] as const) {
    const clientId = (await who.post('/clients?allowDuplicate=true', { kind: 'person', lastName: name })).body
      .id;
    for (let i = 0; i < n; i++) {
      const res = await who.post('/cases', {
        clientId,
        productKind: 'mortgage',
        amount: { minor: 100, currency: 'EUR' },
      });
      expect(res.status).toBe(201);
    }
  }
});
afterAll(() => t.close());

describe('the case board', () => {
  it('shows every stage in order with the count and cards of the cases in scope', async () => {
    const first = pipeline.stages[0]!.key;
    const annas = await board(anna);
    expect(annas.map((c) => c.stage.key)).toEqual(pipeline.stages.map((s) => s.key));
    expect(counts(annas)[first]).toBe(3);
    expect(annas[0]!.items.map((i) => i.clientName)).toEqual(['Müller', 'Müller', 'Müller']);
    expect(counts(await board(clara))[first]).toBe(2);
    expect(counts(await board(lead))[first]).toBe(5);
    expect(counts(await board(lead, `&ownerId=${org.users.clara}`))[first]).toBe(2);
  });

  it('counts a case for its co-executor and executor too, once', async () => {
    const first = pipeline.stages[0]!.key;
    const clientId = (await anna.post('/clients?allowDuplicate=true', { kind: 'person', lastName: 'Weber' }))
      .body.id;
    const shared = await anna.post('/cases', {
      clientId,
      productKind: 'mortgage',
      coExecutorIds: [org.users.clara],
    });
    expect(shared.status).toBe(201);
    expect(counts(await board(clara))[first]).toBe(3);
    expect((await anna.post(`/cases/${shared.body.id}/assign`, { executorId: org.users.clara })).status).toBe(
      200,
    );
    expect(counts(await board(clara))[first]).toBe(3);
    expect(counts(await board(anna))[first]).toBe(4);
    expect(counts(await board(lead))[first]).toBe(6);
    expect((await anna.delete(`/cases/${shared.body.id}`)).status).toBe(200);
    expect(counts(await board(clara))[first]).toBe(2);
  });

  it('limits the cards per column, not the count', async () => {
    const columns = await board(lead, '&perStage=2');
    expect(columns[0]!.count).toBe(5);
    expect(columns[0]!.items).toHaveLength(2);
  });

  it('shows won and lost cases only while recently closed', async () => {
    const lostStage = pipeline.stages.find((s) => s.kind === 'lost')!.key;
    const caseId = (await anna.get('/cases?limit=1')).body.items[0].id;
    const reasons = (await anna.get(`/pipelines/${pipeline.id}`)).body.lossReasons;
    const moved = await anna.post(`/cases/${caseId}/stage`, { stage: lostStage, lossReason: reasons[0].key });
    expect(moved.status).toBe(200);
    expect(counts(await board(anna))[lostStage]).toBe(1);
    await t.database.db
      .updateTable('cases')
      .set({ closed_at: new Date(Date.now() - 40 * 86_400_000) })
      .where('id', '=', caseId)
      .execute();
    expect(counts(await board(anna))[lostStage]).toBe(0);
    expect(counts(await board(anna, '&closedDays=60'))[lostStage]).toBe(1);
  });

  it('answers 404 for an unknown pipeline and names a bad parameter', async () => {
    expect((await anna.get(`/cases/board?pipelineId=${crypto.randomUUID()}`)).status).toBe(404);
    const bad = await anna.get(`/cases/board?pipelineId=${pipeline.id}&perStage=0`);
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('perStage');
  });
});
