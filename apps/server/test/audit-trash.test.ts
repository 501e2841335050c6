import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, signIn, type TTestApp } from './helpers/app';
import { acmeWithOrg } from './helpers/org';

let t: TTestApp;
let admin: Client;
let org: Awaited<ReturnType<typeof acmeWithOrg>>['org'];

beforeAll(async () => {
  ({ t, admin, org } = await acmeWithOrg({ trustProxy: true }));
});
afterAll(() => t.close());

describe('audit trail', () => {
  it('records who, when, before, after, request id and address of every write', async () => {
    const res = await admin.request(
      'PATCH',
      `/units/${org.units.teamB}`,
      { name: 'Team Elbe-Süd' },
      { 'x-request-id': 'req-rename-team-1', 'x-forwarded-for': '203.0.113.7, 10.0.0.1' },
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('x-request-id')).toBe('req-rename-team-1');
    const audit = await admin.get(`/audit?entity=unit&id=${org.units.teamB}`);
    expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual(['update', 'create']);
    const entry = audit.body.items[0];
    expect(entry.actorUserId).toBeTruthy();
    expect(entry.requestId).toBe('req-rename-team-1');
    expect(entry.ip).toBe('203.0.113.7');
    expect(entry.before.name).toBe('Team Elbe');
    expect(entry.after.name).toBe('Team Elbe-Süd');
    expect(new Date(entry.at).getTime()).toBeGreaterThan(Date.now() - 60_000);
  });

  it('never stores secrets', async () => {
    const rows = await t.database.db.selectFrom('audit_log').select(['before', 'after']).execute();
    expect(JSON.stringify(rows)).not.toMatch(/argon2id/);
  });

  it('is written in the same transaction: a refused write leaves no audit entry', async () => {
    const count = async () =>
      (
        await t.database.db
          .selectFrom('audit_log')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n;
    const before = await count();
    const refused = await admin.post('/users', {
      email: 'anna@acme.test',
      password: 'long enough pass',
      roleIds: [org.role('advisor')],
    });
    expect(refused.status).toBe(409);
    expect(await count()).toBe(before);
  });

  it('lists only what is within the reader’s scope, paginated with a cursor', async () => {
    const anna = await signIn(t, 'acme', 'anna@acme.test');
    expect((await anna.get(`/audit?entity=user&id=${org.users.anna}`)).body.items.length).toBeGreaterThan(0);
    expect((await anna.get(`/audit?entity=user&id=${org.users.clara}`)).body.items).toEqual([]);
    const first = await admin.get('/audit?limit=2');
    expect(first.body.items).toHaveLength(2);
    const second = await admin.get(`/audit?limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body.items[0].id).toBeLessThan(first.body.items[1].id);
    expect((await admin.get('/audit?cursor=garbage')).body.errors[0].field).toBe('cursor');
  });
});

describe('trash', () => {
  it('takes a deleted user out of lists and restores them with their substitutions', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const sub = await admin.post('/substitutes', {
      userId: org.users.ben,
      substituteId: org.users.anna,
      startsOn: today,
      endsOn: today,
    });
    expect(sub.status).toBe(201);
    const del = await admin.delete(`/users/${org.users.ben}`);
    expect(del.status).toBe(200);
    expect((await admin.get(`/users/${org.users.ben}`)).status).toBe(404);
    expect((await admin.get('/substitutes')).body.items.map((s: { id: string }) => s.id)).not.toContain(
      sub.body.id,
    );
    const login = await admin.post('/auth/login', {
      tenant: 'acme',
      email: 'ben@acme.test',
      password: 'correct horse battery',
    });
    expect(login.status).toBe(401);
    const item = (await admin.get('/trash')).body.items.find(
      (i: { id: string }) => i.id === del.body.trashId,
    );
    expect(item).toMatchObject({ entity: 'user', entityId: org.users.ben });
    expect(new Date(item.purgeableFrom).getTime() - new Date(item.deletedAt).getTime()).toBe(
      365 * 86_400_000,
    );

    expect((await admin.post(`/trash/${del.body.trashId}/restore`)).status).toBe(200);
    expect((await admin.get(`/users/${org.users.ben}`)).status).toBe(200);
    expect((await admin.get('/substitutes')).body.items.map((s: { id: string }) => s.id)).toContain(
      sub.body.id,
    );
    const audit = await admin.get(`/audit?entity=user&id=${org.users.ben}`);
    expect(audit.body.items.slice(0, 2).map((e: { action: string }) => e.action)).toEqual([
      'restore',
      'delete',
    ]);
  });

  it('purges only after the retention period, which cannot go below 365 days', async () => {
    expect((await admin.put('/settings/trash', { retentionDays: 30 })).status).toBe(400);
    expect((await admin.put('/settings/trash', { retentionDays: 400 })).body.retentionDays).toBe(400);
    const role = await admin.post('/roles', { name: 'Temporary', grants: [] });
    const del = await admin.delete(`/roles/${role.body.id}`);
    const early = await admin.delete(`/trash/${del.body.trashId}`);
    expect(early.status).toBe(409);
    expect(early.body.code).toBe('retention_not_reached');
    // 399 days ago is still too recent for 400 days of retention; 401 days is enough.
    const age = (days: number) =>
      t.database.db
        .updateTable('trash')
        .set({ deleted_at: new Date(Date.now() - days * 86_400_000) })
        .where('id', '=', del.body.trashId)
        .execute();
    await age(399);
    expect((await admin.delete(`/trash/${del.body.trashId}`)).status).toBe(409);
    await age(401);
    const anna = await signIn(t, 'acme', 'anna@acme.test');
    expect((await anna.delete(`/trash/${del.body.trashId}`)).status).toBe(403);
    expect((await admin.delete(`/trash/${del.body.trashId}`)).status).toBe(204);
    const gone = await t.database.db
      .selectFrom('roles')
      .select('id')
      .where('id', '=', role.body.id)
      .execute();
    expect(gone).toEqual([]);
    expect((await admin.get(`/audit?entity=role&id=${role.body.id}`)).body.items[0].action).toBe('purge');
  });
});
