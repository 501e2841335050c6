import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activitiesForTimeline } from '../src/features/activities/activities.repository';
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

// Anna's client Müller with two cases: one Anna works herself, one executed by Ben.
let muller: string;
let annaCase: string;
let benCase: string;
let claraClient: string;

async function newClient(as: Client, lastName: string): Promise<string> {
  const res = await as.post('/clients?allowDuplicate=true', { kind: 'person', lastName });
  expect(res.status).toBe(201);
  return res.body.id;
}

async function record(as: Client, body: Record<string, unknown>) {
  const res = await as.post('/activities', body);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as { id: string; at: string; clientId: string; caseId: string | null };
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
  muller = await newClient(anna, 'Müller');
  claraClient = await newClient(clara, 'Zander');
  annaCase = await insertCase(t, tenantId, { clientId: muller, ownerId: org.users.anna });
  benCase = await insertCase(t, tenantId, {
    clientId: muller,
    ownerId: org.users.anna,
    executorId: org.users.ben,
  });
});
afterAll(() => t.close());

describe('recording activities', () => {
  it('records a call on a client: done, dated now, owned by the actor, audited', async () => {
    const call = await record(anna, {
      kind: 'call',
      clientId: muller,
      subject: 'First contact',
      direction: 'inbound',
    });
    expect(call).toMatchObject({ kind: 'call', done: true, ownerId: org.users.anna, caseId: null });
    expect(new Date(call.at).getTime()).toBeGreaterThan(Date.now() - 60_000);
    const audit = await anna.get(`/audit?entity=activity&id=${call.id}`);
    expect(audit.body.items[0]).toMatchObject({ action: 'create', after: { subject: 'First contact' } });
  });

  it('takes the client from the case, and accepts a case where the client is an applicant', async () => {
    const onCase = await record(anna, {
      kind: 'meeting',
      caseId: annaCase,
      occurredAt: '2026-01-10T09:00:00Z',
    });
    expect(onCase).toMatchObject({ clientId: muller, caseId: annaCase, at: '2026-01-10T09:00:00.000Z' });
    const partner = await newClient(anna, 'Müller-Partner');
    await t.database.db
      .insertInto('case_applicants')
      .values({ tenant_id: tenantId, case_id: annaCase, client_id: partner, role: 'co_applicant' })
      .execute();
    const asApplicant = await record(anna, {
      kind: 'note',
      clientId: partner,
      caseId: annaCase,
      body: 'Payslips',
    });
    expect(asApplicant.clientId).toBe(partner);
  });

  it('keeps a planned interaction open until it is done', async () => {
    const planned = await record(anna, {
      kind: 'planned',
      clientId: muller,
      plannedAt: '2030-05-01T08:00:00Z',
    });
    expect(planned).toMatchObject({ done: false, occurredAt: null, at: '2030-05-01T08:00:00.000Z' });
    const done = await anna.patch(`/activities/${planned.id}`, { done: true, body: 'Went well' });
    expect(done.status).toBe(200);
    expect(done.body.done).toBe(true);
    expect(new Date(done.body.occurredAt).getTime()).toBeGreaterThan(Date.now() - 60_000);
    const audit = await anna.get(`/audit?entity=activity&id=${planned.id}`);
    expect(audit.body.items[0]).toMatchObject({
      action: 'update',
      before: { done: false },
      after: { done: true },
    });
  });

  it('names the failing fields and writes nothing', async () => {
    const count = async () => (await admin.get('/activities?limit=200')).body.items.length;
    const before = await count();
    const bad = await anna.post('/activities', { kind: 'fax', clientId: 'nope', colour: 'red' });
    expect(bad.status).toBe(400);
    expect(fields(bad).sort()).toEqual(['clientId', 'colour', 'kind']);
    expect(fields(await anna.post('/activities', { kind: 'planned', clientId: muller }))).toEqual([
      'plannedAt',
    ]);
    expect(fields(await anna.post('/activities', { kind: 'call', clientId: muller, done: false }))).toEqual([
      'done',
    ]);
    expect(fields(await anna.post('/activities', { kind: 'note' }))).toEqual(['clientId']);
    const otherCase = await insertCase(t, tenantId, {
      clientId: await newClient(anna, 'Other'),
      ownerId: org.users.anna,
    });
    expect(
      fields(await anna.post('/activities', { kind: 'note', clientId: muller, caseId: otherCase })),
    ).toEqual(['caseId']);
    const gone = await admin.post('/users', {
      email: 'gone@acme.test',
      password: 'correct horse battery',
      roleIds: [org.role('advisor')],
      unitId: org.units.teamA,
      displayName: 'gone',
    });
    await admin.patch(`/users/${gone.body.id}`, { status: 'disabled' });
    expect(
      fields(await anna.post('/activities', { kind: 'note', clientId: muller, ownerId: gone.body.id })),
    ).toEqual(['ownerId']);
    expect(await count()).toBe(before);
  });
});

describe('chains', () => {
  it('answers the whole chain from any member, the root first', async () => {
    const root = await record(anna, { kind: 'email', clientId: muller, caseId: annaCase, subject: 'Offer' });
    const reply = await record(anna, {
      kind: 'email',
      replyToId: root.id,
      direction: 'inbound',
      subject: 'Re: Offer',
    });
    // A reply takes the client and the case of what it answers.
    expect(reply).toMatchObject({ clientId: muller, caseId: annaCase, replyToId: root.id });
    const answer = await record(anna, {
      kind: 'call',
      replyToId: reply.id,
      occurredAt: '2020-01-01T00:00:00Z',
    });
    const aside = await record(anna, { kind: 'note', replyToId: root.id, subject: 'second branch' });
    for (const member of [root, reply, answer, aside]) {
      const chain = await anna.get(`/activities/${member.id}/chain`);
      expect(chain.status).toBe(200);
      expect(ids(chain)[0]).toBe(root.id);
      expect(ids(chain).sort()).toEqual([root.id, reply.id, answer.id, aside.id].sort());
    }
  });

  it('refuses a reply to another client’s activity or to one out of scope', async () => {
    const other = await newClient(anna, 'Schmidt');
    const first = await record(anna, { kind: 'call', clientId: other });
    const res = await anna.post('/activities', { kind: 'note', clientId: muller, replyToId: first.id });
    expect(res.status).toBe(400);
    expect(fields(res)).toEqual(['replyToId']);
    const claras = await record(clara, { kind: 'call', clientId: claraClient });
    expect(fields(await anna.post('/activities', { kind: 'note', replyToId: claras.id }))).toEqual([
      'replyToId',
    ]);
  });

  it('walks through a deleted link: the rest of the chain stays together', async () => {
    const root = await record(anna, { kind: 'email', clientId: muller, subject: 'Docs' });
    const middle = await record(anna, { kind: 'email', replyToId: root.id });
    const last = await record(anna, { kind: 'email', replyToId: middle.id });
    expect((await anna.delete(`/activities/${middle.id}`)).status).toBe(200);
    expect(ids(await anna.get(`/activities/${last.id}/chain`))).toEqual([root.id, last.id]);
  });
});

describe('scopes', () => {
  it('an advisor sees activities of own clients and cases only; others answer 404', async () => {
    const claras = await record(clara, { kind: 'call', clientId: claraClient, subject: 'Clara’s' });
    const mine = await record(anna, { kind: 'note', clientId: muller, subject: 'Anna’s' });
    const listed = await clara.get('/activities?limit=200');
    expect(ids(listed)).toContain(claras.id);
    expect(listed.body.items.every((a: { clientId: string }) => a.clientId === claraClient)).toBe(true);
    expect((await clara.get(`/activities/${mine.id}`)).status).toBe(404);
    expect((await clara.get(`/activities/${mine.id}/chain`)).status).toBe(404);
    expect((await clara.patch(`/activities/${mine.id}`, { subject: 'x' })).status).toBe(404);
    expect((await clara.delete(`/activities/${mine.id}`)).status).toBe(404);
    expect((await clara.post('/activities', { kind: 'note', clientId: muller })).status).toBe(404);
    expect((await clara.post('/activities', { kind: 'note', caseId: annaCase })).status).toBe(404);
    expect((await anna.get(`/activities/${claras.id}`)).status).toBe(404);
  });

  it('the executor of a case sees its client’s activities and the case’s, not another case’s', async () => {
    const onClient = await record(anna, { kind: 'call', clientId: muller, subject: 'client only' });
    const onBens = await record(anna, { kind: 'call', caseId: benCase, subject: 'Ben’s case' });
    const onAnnas = await record(anna, { kind: 'call', caseId: annaCase, subject: 'Anna’s case' });
    const seen = ids(await ben.get(`/activities?clientId=${muller}&limit=200`));
    expect(seen).toContain(onClient.id);
    expect(seen).toContain(onBens.id);
    expect(seen).not.toContain(onAnnas.id);
    expect((await ben.get(`/activities/${onAnnas.id}`)).status).toBe(404);
    const his = await record(ben, { kind: 'meeting', caseId: benCase });
    expect(his.clientId).toBe(muller);
    expect((await ben.post('/activities', { kind: 'note', caseId: annaCase })).status).toBe(404);
  });

  it('a unit lead sees the subtree, like the director', async () => {
    const all = ids(await admin.get('/activities?limit=200'));
    const subtree = ids(await lead.get('/activities?limit=200'));
    expect(subtree.sort()).toEqual(all.sort());
    expect(subtree.length).toBeGreaterThan(5);
  });
});

describe('lists', () => {
  it('lists newest first with a cursor and filters by case, kind and time', async () => {
    const c = await newClient(anna, 'Listig');
    const made: string[] = [];
    for (const day of ['01', '02', '03', '04', '05']) {
      made.push(
        (await record(anna, { kind: 'call', clientId: c, occurredAt: `2025-03-${day}T10:00:00Z` })).id,
      );
    }
    const first = await anna.get(`/activities?clientId=${c}&limit=2`);
    expect(ids(first)).toEqual([made[4], made[3]]);
    const second = await anna.get(`/activities?clientId=${c}&limit=2&cursor=${first.body.nextCursor}`);
    expect(ids(second)).toEqual([made[2], made[1]]);
    const third = await anna.get(`/activities?clientId=${c}&limit=2&cursor=${second.body.nextCursor}`);
    expect(ids(third)).toEqual([made[0]]);
    expect(third.body.nextCursor).toBeNull();
    const range = await anna.get(
      `/activities?clientId=${c}&from=2025-03-02T00:00:00Z&to=2025-03-04T00:00:00Z`,
    );
    expect(ids(range)).toEqual([made[2], made[1]]);
    expect(ids(await anna.get(`/activities?clientId=${c}&kind=note`))).toEqual([]);
    const onCase = ids(await anna.get(`/activities?caseId=${benCase}&limit=200`));
    expect(onCase.length).toBeGreaterThan(0);
    expect(fields(await anna.get('/activities?kind=fax&from=yesterday'))).toEqual(['kind', 'from']);
    const tampered = Buffer.from(JSON.stringify({ k: 'not a time', id: made[0] })).toString('base64url');
    expect(fields(await anna.get(`/activities?cursor=${tampered}`))).toEqual(['cursor']);
  });

  it('filters by owner: `me` is the desk’s own appointments, another user id theirs within scope', async () => {
    const c = await newClient(anna, 'Terminlich');
    const mine = await record(anna, {
      kind: 'planned',
      clientId: c,
      subject: 'Beratung',
      plannedAt: '2025-04-01T09:00:00Z',
    });
    const bens = await record(anna, {
      kind: 'planned',
      clientId: c,
      subject: 'Unterlagen',
      plannedAt: '2025-04-01T11:00:00Z',
      ownerId: org.users.ben,
    });
    const day = 'from=2025-04-01T00:00:00Z&to=2025-04-02T00:00:00Z';
    expect(ids(await anna.get(`/activities?ownerId=me&${day}`))).toEqual([mine.id]);
    expect(ids(await anna.get(`/activities?ownerId=${org.users.ben}&${day}`))).toEqual([bens.id]);
    expect(ids(await ben.get(`/activities?ownerId=me&${day}`))).toEqual([]);
    expect(fields(await anna.get('/activities?ownerId=someone'))).toEqual(['ownerId']);
  });

  it('gives the timeline the client’s activities and those of the visible cases, newest first', async () => {
    const c = await newClient(anna, 'Zeitlinie');
    const kase = await insertCase(t, tenantId, { clientId: c, ownerId: org.users.anna });
    const hidden = await insertCase(t, tenantId, { clientId: c, ownerId: org.users.anna });
    const a = await record(anna, { kind: 'call', clientId: c, occurredAt: '2025-01-01T10:00:00Z' });
    const b = await record(anna, {
      kind: 'note',
      caseId: kase,
      occurredAt: '2025-01-02T10:00:00Z',
      body: 'x'.repeat(500),
    });
    await record(anna, { kind: 'note', caseId: hidden, occurredAt: '2025-01-03T10:00:00Z' });
    const d = await record(anna, {
      kind: 'email',
      clientId: c,
      occurredAt: '2025-01-04T10:00:00Z',
      subject: 'Hi',
    });
    const rows = await inTenant(t.database, tenantId, (tx) =>
      activitiesForTimeline(tx, tenantId, { clientId: c, caseIds: [kase] }, null, 10),
    );
    expect(rows.map((r) => r.id)).toEqual([d.id, b.id, a.id]);
    expect(rows[0]).toMatchObject({
      kind: 'activity',
      subtype: 'email',
      summary: 'Hi',
      userId: org.users.anna,
    });
    expect(rows[1]!.summary.length).toBeLessThanOrEqual(200);
    const next = await inTenant(t.database, tenantId, (tx) =>
      activitiesForTimeline(tx, tenantId, { clientId: c, caseIds: [kase] }, { at: rows[0]!.at, id: d.id }, 1),
    );
    expect(next.map((r) => r.id)).toEqual([b.id]);
  });
});

describe('trash', () => {
  it('moves an activity to the trash and restores it', async () => {
    const a = await record(anna, { kind: 'meeting', clientId: muller, subject: 'To be deleted' });
    const del = await anna.delete(`/activities/${a.id}`);
    expect(del.status).toBe(200);
    expect((await anna.get(`/activities/${a.id}`)).status).toBe(404);
    expect(ids(await anna.get(`/activities?clientId=${muller}&limit=200`))).not.toContain(a.id);
    const trash = await anna.get('/trash');
    expect(trash.body.items[0]).toMatchObject({ entity: 'activity', entityId: a.id });
    expect((await anna.post(`/trash/${del.body.trashId}/restore`)).status).toBe(200);
    expect((await anna.get(`/activities/${a.id}`)).body.subject).toBe('To be deleted');
  });

  it('hides the activities of a deleted client until it is restored', async () => {
    const c = await newClient(anna, 'Vorübergehend');
    const a = await record(anna, { kind: 'call', clientId: c });
    expect((await anna.delete(`/clients/${c}`)).status).toBe(200);
    expect((await anna.get(`/activities/${a.id}`)).status).toBe(404);
    expect((await anna.post(`/clients/${c}/restore`)).status).toBe(200);
    expect((await anna.get(`/activities/${a.id}`)).status).toBe(200);
  });
});

describe('substitutes', () => {
  it('a substitute records on the absent owner’s client, audited on their behalf', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const sub = await admin.post('/substitutes', {
      userId: org.users.anna,
      substituteId: org.users.clara,
      startsOn: today,
      endsOn: today,
    });
    expect(sub.status).toBe(201);
    const claraNow = await signIn(t, 'acme', 'clara@acme.test');
    const a = await record(claraNow, { kind: 'call', clientId: muller, subject: 'Covering for Anna' });
    const audit = await admin.get(`/audit?entity=activity&id=${a.id}`);
    expect(audit.body.items[0]).toMatchObject({
      actorUserId: org.users.clara,
      onBehalfOfUserId: org.users.anna,
    });
  });
});
