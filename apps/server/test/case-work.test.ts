import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commentsForTimeline } from '../src/features/case-work/timeline-rows';
import { inTenant } from '../src/platform/tx';
import { type Client, signIn, type TTestApp } from './helpers/app';
import { insertCase } from './helpers/cases';
import { acmeWithOrg } from './helpers/org';

let t: TTestApp;
let admin: Client;
let tenantId: string;
let org: Awaited<ReturnType<typeof acmeWithOrg>>['org'];
let anna: Client;
let ben: Client;
let clara: Client;
let lead: Client;
let assistant: Client;

// Anna's client with Anna's case (Ben co-executes) and a case of her own; Clara's client and case.
let muller: string;
let annaCase: string;
let soloCase: string;
let claraClient: string;
let claraCase: string;

async function newClient(as: Client, lastName: string): Promise<string> {
  const res = await as.post('/clients?allowDuplicate=true', { kind: 'person', lastName });
  expect(res.status).toBe(201);
  return res.body.id;
}

const ids = (res: { body: { items: { id: string }[] } }) => res.body.items.map((a) => a.id);
const fields = (res: { body: { errors?: { field: string }[] } }) =>
  (res.body.errors ?? []).map((e) => e.field);

beforeAll(async () => {
  ({ t, admin, tenantId, org } = await acmeWithOrg());
  anna = await signIn(t, 'acme', 'anna@acme.test');
  ben = await signIn(t, 'acme', 'ben@acme.test');
  clara = await signIn(t, 'acme', 'clara@acme.test');
  lead = await signIn(t, 'acme', 'lead@acme.test');
  assistant = await signIn(t, 'acme', 'assi@acme.test');
  muller = await newClient(anna, 'Müller');
  claraClient = await newClient(clara, 'Zander');
  annaCase = await insertCase(t, tenantId, {
    clientId: muller,
    ownerId: org.users.anna,
    coExecutorIds: [org.users.ben],
  });
  soloCase = await insertCase(t, tenantId, { clientId: muller, ownerId: org.users.anna });
  claraCase = await insertCase(t, tenantId, { clientId: claraClient, ownerId: org.users.clara });
});
afterAll(() => t.close());

describe('comments', () => {
  it('comments on a case, newest first with a cursor, audited', async () => {
    const made: string[] = [];
    for (const body of ['first', 'second', 'third']) {
      const res = await anna.post(`/cases/${annaCase}/comments`, { body });
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ body, authorId: org.users.anna, caseId: annaCase, editedAt: null });
      made.push(res.body.id);
    }
    const first = await ben.get(`/cases/${annaCase}/comments?limit=2`);
    expect(ids(first)).toEqual([made[2], made[1]]);
    const rest = await ben.get(`/cases/${annaCase}/comments?limit=2&cursor=${first.body.nextCursor}`);
    expect(ids(rest)).toEqual([made[0]]);
    const audit = await anna.get(`/audit?entity=case_comment&id=${made[0]}`);
    expect(audit.body.items[0]).toMatchObject({ action: 'create', after: { body: 'first' } });
  });

  it('lets only the author edit; the edit is dated', async () => {
    const c = (await anna.post(`/cases/${annaCase}/comments`, { body: 'Please send payslips' })).body;
    const byBen = await ben.patch(`/cases/${annaCase}/comments/${c.id}`, { body: 'changed' });
    expect(byBen.status).toBe(403);
    const edited = await anna.patch(`/cases/${annaCase}/comments/${c.id}`, {
      body: 'Please send 3 payslips',
    });
    expect(edited.status).toBe(200);
    expect(edited.body.body).toBe('Please send 3 payslips');
    expect(edited.body.editedAt).not.toBeNull();
    expect(fields(await anna.patch(`/cases/${annaCase}/comments/${c.id}`, { body: '  ' }))).toEqual(['body']);
    expect((await anna.patch(`/cases/${soloCase}/comments/${c.id}`, { body: 'wrong case' })).status).toBe(
      404,
    );
  });

  it('answers 404 on a case outside the scope', async () => {
    expect((await clara.get(`/cases/${annaCase}/comments`)).status).toBe(404);
    expect((await clara.post(`/cases/${annaCase}/comments`, { body: 'hi' })).status).toBe(404);
    expect((await ben.get(`/cases/${soloCase}/comments`)).status).toBe(404);
    expect((await anna.post(`/cases/${claraCase}/comments`, { body: 'hi' })).status).toBe(404);
    expect((await lead.post(`/cases/${claraCase}/comments`, { body: 'Lead was here' })).status).toBe(201);
    // The assistant works for the team: Anna's cases, not Clara's.
    expect((await assistant.get(`/cases/${annaCase}/comments`)).status).toBe(200);
    expect((await assistant.get(`/cases/${claraCase}/comments`)).status).toBe(404);
  });

  it('goes to the trash (author, or who may delete the case) and comes back', async () => {
    const c = (await ben.post(`/cases/${annaCase}/comments`, { body: 'Ben’s note' })).body;
    // Ben's note on Anna's case: Anna owns the case and may remove it; the assistant may not.
    expect((await assistant.delete(`/cases/${annaCase}/comments/${c.id}`)).status).toBe(403);
    const del = await anna.delete(`/cases/${annaCase}/comments/${c.id}`);
    expect(del.status).toBe(200);
    expect(ids(await anna.get(`/cases/${annaCase}/comments?limit=200`))).not.toContain(c.id);
    expect((await anna.patch(`/cases/${annaCase}/comments/${c.id}`, { body: 'x' })).status).toBe(404);
    expect((await anna.post(`/trash/${del.body.trashId}/restore`)).status).toBe(200);
    expect(ids(await anna.get(`/cases/${annaCase}/comments?limit=200`))).toContain(c.id);
  });

  it('gives the timeline the comments of the visible cases, newest first', async () => {
    const rows = await inTenant(t.database, tenantId, (tx) =>
      commentsForTimeline(tx, tenantId, [annaCase], null, 3),
    );
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatchObject({ kind: 'comment', caseId: annaCase, summary: 'Ben’s note' });
    expect(rows[0]!.at.getTime()).toBeGreaterThanOrEqual(rows[1]!.at.getTime());
    const next = await inTenant(t.database, tenantId, (tx) =>
      commentsForTimeline(tx, tenantId, [annaCase], { at: rows[2]!.at, id: rows[2]!.id }, 100),
    );
    expect(next.map((r) => r.id)).not.toContain(rows[2]!.id);
    expect(next.length).toBeGreaterThan(0);
    expect(
      await inTenant(t.database, tenantId, (tx) => commentsForTimeline(tx, tenantId, [], null, 5)),
    ).toEqual([]);
  });
});

describe('checklists', () => {
  it('adds items in order, ticks them with who and when, unticks, renames and moves', async () => {
    const add = (title: string) => anna.post(`/cases/${annaCase}/checklist`, { title });
    const a = (await add('Payslips')).body;
    const b = (await add('Land register extract')).body;
    expect([a.position, b.position]).toEqual([0, 1]);
    const ticked = await ben.patch(`/cases/${annaCase}/checklist/${a.id}`, { done: true });
    expect(ticked.status).toBe(200);
    expect(ticked.body).toMatchObject({ done: true, doneBy: org.users.ben });
    expect(new Date(ticked.body.doneAt).getTime()).toBeGreaterThan(Date.now() - 60_000);
    // Ticking again keeps the first tick.
    const again = await anna.patch(`/cases/${annaCase}/checklist/${a.id}`, { done: true });
    expect(again.body).toMatchObject({ doneBy: org.users.ben, doneAt: ticked.body.doneAt });
    const unticked = await anna.patch(`/cases/${annaCase}/checklist/${a.id}`, { done: false });
    expect(unticked.body).toMatchObject({ done: false, doneBy: null, doneAt: null });
    await anna.patch(`/cases/${annaCase}/checklist/${a.id}`, { title: 'Last 3 payslips', position: 5 });
    const list = await anna.get(`/cases/${annaCase}/checklist`);
    expect(list.body.items.map((i: { title: string }) => i.title)).toEqual([
      'Land register extract',
      'Last 3 payslips',
    ]);
    const audit = await anna.get(`/audit?entity=checklist_item&id=${a.id}`);
    expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual([
      'update',
      'uncheck',
      'update',
      'check',
      'create',
    ]);
  });

  it('names failing fields, answers 404 out of scope', async () => {
    const bad = await anna.post(`/cases/${annaCase}/checklist`, { title: '', position: -1, extra: 1 });
    expect(fields(bad).sort()).toEqual(['extra', 'position', 'title']);
    expect(fields(await anna.patch(`/cases/${annaCase}/checklist/nope`, { done: 'yes' })).sort()).toEqual([
      'itemId',
    ]);
    expect((await clara.get(`/cases/${annaCase}/checklist`)).status).toBe(404);
    expect((await clara.post(`/cases/${annaCase}/checklist`, { title: 'x' })).status).toBe(404);
    const item = (await anna.get(`/cases/${annaCase}/checklist`)).body.items[0];
    expect((await clara.patch(`/cases/${annaCase}/checklist/${item.id}`, { done: true })).status).toBe(404);
    expect((await clara.patch(`/cases/${claraCase}/checklist/${item.id}`, { done: true })).status).toBe(404);
  });

  it('goes to the trash and comes back', async () => {
    const item = (await anna.post(`/cases/${annaCase}/checklist`, { title: 'Temporary' })).body;
    const del = await anna.delete(`/cases/${annaCase}/checklist/${item.id}`);
    expect(del.status).toBe(200);
    expect(ids(await anna.get(`/cases/${annaCase}/checklist`))).not.toContain(item.id);
    expect((await anna.post(`/trash/${del.body.trashId}/restore`)).status).toBe(200);
    expect(ids(await anna.get(`/cases/${annaCase}/checklist`))).toContain(item.id);
  });
});

describe('tasks', () => {
  it('creates a task on a case for an active user; the assignee sees it though the case is not theirs', async () => {
    const res = await anna.post('/tasks', {
      caseId: annaCase,
      title: 'Order valuation',
      dueAt: '2030-01-15T09:00:00+01:00',
      assigneeId: org.users.clara,
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      status: 'open',
      assigneeId: org.users.clara,
      dueAt: '2030-01-15T08:00:00.000Z',
      overdue: false,
      createdBy: org.users.anna,
    });
    const mine = await clara.get('/tasks?assigneeId=me');
    expect(ids(mine)).toEqual([res.body.id]);
    expect((await clara.get(`/cases/${annaCase}/comments`)).status).toBe(404);
    const done = await clara.patch(`/tasks/${res.body.id}`, { status: 'done' });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ status: 'done', doneBy: org.users.clara });
    const reopened = await anna.patch(`/tasks/${res.body.id}`, { status: 'open' });
    expect(reopened.body).toMatchObject({ status: 'open', doneBy: null, doneAt: null });
    const audit = await anna.get(`/audit?entity=task&id=${res.body.id}`);
    expect(audit.body.items[1]).toMatchObject({ actorUserId: org.users.clara, after: { status: 'done' } });
  });

  it('shows a task to whom its case or client is in scope, or who is assigned; 404 to others', async () => {
    const onSolo = (await anna.post('/tasks', { caseId: soloCase, title: 'Solo' })).body;
    const onClient = (await anna.post('/tasks', { clientId: muller, title: 'Call back' })).body;
    expect(ids(await ben.get('/tasks?limit=200'))).not.toContain(onSolo.id);
    expect((await ben.get(`/tasks/${onSolo.id}`)).status).toBe(404);
    // Ben co-executes a case of Müller, so he sees Müller and the client's own tasks.
    expect((await ben.get(`/tasks/${onClient.id}`)).status).toBe(200);
    expect((await clara.get(`/tasks/${onClient.id}`)).status).toBe(404);
    expect((await clara.patch(`/tasks/${onClient.id}`, { title: 'x' })).status).toBe(404);
    expect((await clara.delete(`/tasks/${onClient.id}`)).status).toBe(404);
    expect((await clara.post('/tasks', { clientId: muller, title: 'x' })).status).toBe(404);
    expect((await clara.post('/tasks', { caseId: annaCase, title: 'x' })).status).toBe(404);
    const leads = ids(await lead.get('/tasks?limit=200'));
    expect(leads.sort()).toEqual(ids(await admin.get('/tasks?limit=200')).sort());
    expect(leads).toContain(onSolo.id);
  });

  it('validates: a case or a client, the case the client’s, an active assignee', async () => {
    const count = async () => (await admin.get('/tasks?limit=200')).body.items.length;
    const before = await count();
    expect(fields(await anna.post('/tasks', { title: 'Nowhere' }))).toEqual(['caseId']);
    expect(fields(await anna.post('/tasks', { title: '', clientId: 'x', dueAt: 'soon' })).sort()).toEqual([
      'clientId',
      'dueAt',
      'title',
    ]);
    const other = await newClient(anna, 'Fremd');
    expect(fields(await anna.post('/tasks', { title: 'x', clientId: other, caseId: annaCase }))).toEqual([
      'caseId',
    ]);
    const gone = await admin.post('/users', {
      email: 'gone@acme.test',
      password: 'correct horse battery',
      roleIds: [org.role('advisor')],
      unitId: org.units.teamA,
      displayName: 'gone',
    });
    await admin.patch(`/users/${gone.body.id}`, { status: 'disabled' });
    expect(
      fields(await anna.post('/tasks', { title: 'x', clientId: muller, assigneeId: gone.body.id })),
    ).toEqual(['assigneeId']);
    const task = (await anna.post('/tasks', { title: 'Valid', clientId: muller })).body;
    expect(
      fields(await anna.patch(`/tasks/${task.id}`, { assigneeId: gone.body.id, status: 'late' })).sort(),
    ).toEqual(['status']);
    expect(fields(await anna.patch(`/tasks/${task.id}`, { assigneeId: gone.body.id }))).toEqual([
      'assigneeId',
    ]);
    expect(await count()).toBe(before + 1);
  });

  it('filters by client (with its cases), case, status and due time, by due time with a cursor', async () => {
    const c = await newClient(anna, 'Fällig');
    const kase = await insertCase(t, tenantId, { clientId: c, ownerId: org.users.anna });
    const make = async (body: Record<string, unknown>) => (await anna.post('/tasks', body)).body.id as string;
    const t1 = await make({ clientId: c, title: 'one', dueAt: '2025-01-01T10:00:00Z' });
    const t2 = await make({ caseId: kase, title: 'two', dueAt: '2025-02-01T10:00:00Z' });
    const t3 = await make({ caseId: kase, title: 'three', dueAt: '2025-02-01T10:00:00Z' });
    const t4 = await make({ clientId: c, title: 'undated' });
    const byDue = [t1, ...[t2, t3].sort(), t4];
    const first = await anna.get(`/tasks?clientId=${c}&limit=2`);
    expect(ids(first)).toEqual(byDue.slice(0, 2));
    expect(first.body.items[0].overdue).toBe(true);
    const second = await anna.get(`/tasks?clientId=${c}&limit=2&cursor=${first.body.nextCursor}`);
    expect(ids(second)).toEqual(byDue.slice(2, 4));
    expect(ids(await anna.get(`/tasks?caseId=${kase}`)).sort()).toEqual([t2, t3].sort());
    expect(ids(await anna.get(`/tasks?clientId=${c}&dueBefore=2025-01-15T00:00:00Z`))).toEqual([t1]);
    await anna.patch(`/tasks/${t1}`, { status: 'cancelled' });
    expect(ids(await anna.get(`/tasks?clientId=${c}&status=cancelled`))).toEqual([t1]);
    expect(fields(await anna.get('/tasks?assigneeId=you&status=late'))).toEqual(['assigneeId', 'status']);
    const tampered = Buffer.from(JSON.stringify({ k: '', id: 'x' })).toString('base64url');
    expect(fields(await anna.get(`/tasks?cursor=${tampered}`))).toEqual(['cursor']);
    expect(fields(await anna.get(`/cases/${kase}/comments?cursor=${tampered}`))).toEqual(['cursor']);
  });

  it('goes to the trash and comes back; a deleted case hides its tasks, even from the assignee', async () => {
    const task = (
      await anna.post('/tasks', { caseId: soloCase, title: 'Trash me', assigneeId: org.users.clara })
    ).body;
    const del = await anna.delete(`/tasks/${task.id}`);
    expect(del.status).toBe(200);
    expect((await clara.get(`/tasks/${task.id}`)).status).toBe(404);
    expect((await anna.post(`/trash/${del.body.trashId}/restore`)).status).toBe(200);
    expect((await clara.get(`/tasks/${task.id}`)).status).toBe(200);
    await t.database.db
      .updateTable('cases')
      .set({ deleted_at: new Date() })
      .where('id', '=', soloCase)
      .execute();
    expect((await clara.get(`/tasks/${task.id}`)).status).toBe(404);
    expect((await anna.get(`/tasks/${task.id}`)).status).toBe(404);
    expect((await anna.get(`/cases/${soloCase}/checklist`)).status).toBe(404);
    await t.database.db.updateTable('cases').set({ deleted_at: null }).where('id', '=', soloCase).execute();
  });
});
