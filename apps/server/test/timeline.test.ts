import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, signIn, type TTestApp } from './helpers/app';
import { acmeWithOrg } from './helpers/org';

let t: TTestApp;
let anna: Client;
let clara: Client;
let lead: Client;
let clientId: string;
let caseId: string;
let hiddenCaseId: string;

beforeAll(async () => {
  ({ t } = await acmeWithOrg());
  anna = await signIn(t, 'acme', 'anna@acme.test');
  clara = await signIn(t, 'acme', 'clara@acme.test');
  lead = await signIn(t, 'acme', 'lead@acme.test');
  clientId = (await anna.post('/clients', { kind: 'person', firstName: 'Maria', lastName: 'Nowak' })).body.id;
  await anna.post('/activities', { kind: 'call', clientId, subject: 'First call', done: true });
  caseId = (await anna.post('/cases', { clientId, productKind: 'mortgage' })).body.id;
  await anna.post(`/cases/${caseId}/stage`, { stage: 'needs_analysis' });
  await anna.post(`/cases/${caseId}/comments`, { body: 'Client wants a fixed rate for 15 years' });
  await anna.patch(`/clients/${clientId}`, { status: 'qualified' });
  // clara's own case for the same client is outside anna's scope... and so is its work
  await lead.post('/clients', { kind: 'person', lastName: 'Spare' });
});
afterAll(() => t.close());

describe('client timeline', () => {
  it('merges activities, stage changes, comments and changes of the client and their cases, newest first', async () => {
    const res = await anna.get(`/clients/${clientId}/timeline`);
    expect(res.status).toBe(200);
    const types = res.body.items.map((i: { type: string }) => i.type);
    expect(types).toEqual(expect.arrayContaining(['activity', 'stage', 'comment', 'change']));
    const times = res.body.items.map((i: { at: string }) => i.at);
    expect([...times].sort().reverse()).toEqual(times);
    expect(res.body.items[0]).toMatchObject({ type: 'change', summary: 'client update' });
    const stage = res.body.items.find(
      (i: { type: string; summary: string }) => i.type === 'stage' && i.summary === 'needs_analysis',
    );
    expect(stage).toMatchObject({ caseId, detail: { from: 'first_contact', to: 'needs_analysis' } });
  });

  it('pages with a cursor without losing or repeating an item', async () => {
    const all = (await anna.get(`/clients/${clientId}/timeline?limit=200`)).body.items.map(
      (i: { id: string; type: string }) => `${i.type}:${i.id}`,
    );
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: { id: string; type: string }[]; nextCursor: string | null } } =
        await anna.get(`/clients/${clientId}/timeline?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.body.items.map((i) => `${i.type}:${i.id}`));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(all);
    expect(all.length).toBeGreaterThan(4);
  });

  it('answers 404 outside the scope and leaves out cases the reader may not see', async () => {
    expect((await clara.get(`/clients/${clientId}/timeline`)).status).toBe(404);
    const hidden = await lead.post('/cases', {
      clientId,
      productKind: 'consumer_loan',
      executorId: (await lead.get('/me')).body.user.id,
    });
    hiddenCaseId = hidden.body.id;
    await lead.post(`/cases/${hiddenCaseId}/comments`, { body: 'lead only' });
    const annaView = await anna.get(`/clients/${clientId}/timeline?limit=200`);
    expect(annaView.body.items.some((i: { caseId: string | null }) => i.caseId === hiddenCaseId)).toBe(false);
    const leadView = await lead.get(`/clients/${clientId}/timeline?limit=200`);
    expect(leadView.body.items.some((i: { caseId: string | null }) => i.caseId === hiddenCaseId)).toBe(true);
  });
});
