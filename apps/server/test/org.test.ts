import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, PASSWORD, signIn, type TTestApp } from './helpers/app';
import { acmeWithOrg } from './helpers/org';

let t: TTestApp;
let admin: Client;
let org: Awaited<ReturnType<typeof acmeWithOrg>>['org'];
const emails = (res: { body: { items: { email: string }[] } }) => res.body.items.map((u) => u.email).sort();

beforeAll(async () => {
  ({ t, admin, org } = await acmeWithOrg());
});
afterAll(() => t.close());

describe('units', () => {
  it('form a tree region → branch → team and refuse other shapes', async () => {
    const list = await admin.get('/units');
    expect(list.body.items).toHaveLength(4);
    const teamAtTop = await admin.post('/units', { kind: 'team', name: 'Lonely' });
    expect(teamAtTop.status).toBe(422);
    expect(teamAtTop.body.errors[0].field).toBe('parentId');
    const branchNoKind = await admin.post('/units', {
      kind: 'branch',
      name: 'X',
      parentId: org.units.region,
    });
    expect(branchNoKind.status).toBe(400);
    expect(branchNoKind.body.errors[0].field).toBe('branchKind');
    const cycle = await admin.patch(`/units/${org.units.branch}`, { parentId: org.units.teamA });
    expect(cycle.status).toBe(422);
    const franchise = await admin.post('/units', {
      kind: 'branch',
      branchKind: 'franchise',
      name: 'Franchise Kiel',
      parentId: org.units.region,
    });
    expect(franchise.body.branchKind).toBe('franchise');
  });

  it('keep user moves as history with dates', async () => {
    const moved = await admin.post(`/users/${org.users.ben}/move`, { unitId: org.units.teamB });
    expect(moved.status).toBe(200);
    expect(moved.body.unitId).toBe(org.units.teamB);
    const history = await admin.get(`/users/${org.users.ben}/unit-history`);
    expect(history.body.items.map((h: { unitName: string }) => h.unitName)).toEqual([
      'Team Elbe',
      'Team Alster',
    ]);
    expect(history.body.items[0].to).toBeNull();
    expect(history.body.items[1].to).toBe(history.body.items[0].from);
    await admin.post(`/users/${org.users.ben}/move`, { unitId: org.units.teamA });
  });

  it('cannot be deleted while users belong to them; empty ones go to the trash and come back', async () => {
    const full = await admin.delete(`/units/${org.units.teamA}`);
    expect(full.status).toBe(409);
    expect(full.body.code).toBe('unit_not_empty');
    const region = await admin.post('/units', { kind: 'region', name: 'Region Süd' });
    const branch = await admin.post('/units', {
      kind: 'branch',
      branchKind: 'partner',
      name: 'Partner München',
      parentId: region.body.id,
    });
    const del = await admin.delete(`/units/${region.body.id}`);
    expect(del.status).toBe(200);
    const names = (await admin.get('/units')).body.items.map((u: { name: string }) => u.name);
    expect(names).not.toContain('Region Süd');
    expect(names).not.toContain('Partner München');
    const trash = await admin.get('/trash');
    expect(trash.body.items[0]).toMatchObject({ entity: 'unit', label: 'Region Süd' });
    expect((await admin.post(`/trash/${del.body.trashId}/restore`)).status).toBe(200);
    expect((await admin.get(`/units/${branch.body.id}`)).body.parentId).toBe(region.body.id);
  });
});

describe('scopes: everyone sees their own, the boss sees everything', () => {
  it('lists the users each role may see', async () => {
    const all = ['anna', 'assi', 'auditor', 'ben', 'boss', 'clara', 'lead'].map((n) => `${n}@acme.test`);
    expect(emails(await admin.get('/users'))).toEqual(all);
    const lead = await signIn(t, 'acme', 'lead@acme.test');
    expect(emails(await lead.get('/users'))).toEqual(
      ['anna', 'assi', 'ben', 'clara', 'lead'].map((n) => `${n}@acme.test`),
    );
    const anna = await signIn(t, 'acme', 'anna@acme.test');
    // advisors see their team (users:view team)
    expect(emails(await anna.get('/users'))).toEqual(['anna', 'assi', 'ben'].map((n) => `${n}@acme.test`));
    expect((await anna.get(`/users/${org.users.clara}`)).status).toBe(404);
    const auditor = await signIn(t, 'acme', 'auditor@acme.test');
    expect(emails(await auditor.get('/users'))).toEqual(all);
  });

  it('refuses actions a role does not grant with 403, and hides records out of scope with 404', async () => {
    const anna = await signIn(t, 'acme', 'anna@acme.test');
    const create = await anna.post('/users', {
      email: 'x@acme.test',
      password: PASSWORD,
      roleIds: [org.role('advisor')],
    });
    expect(create.status).toBe(403);
    expect(create.body.code).toBe('forbidden');
    const auditor = await signIn(t, 'acme', 'auditor@acme.test');
    expect((await auditor.patch(`/users/${org.users.anna}`, { displayName: 'Hacked' })).status).toBe(403);
    const lead = await signIn(t, 'acme', 'lead@acme.test');
    expect((await lead.get(`/users/${org.users.auditor}`)).status).toBe(404);
  });

  it('a unit lead may create users only inside their subtree', async () => {
    const custom = await admin.post('/roles', {
      name: 'Branch admin',
      grants: [
        { module: 'users', action: 'view', scope: 'subtree' },
        { module: 'users', action: 'create', scope: 'subtree' },
      ],
    });
    expect(custom.status).toBe(201);
    const res = await admin.post('/users', {
      email: 'ba@acme.test',
      password: PASSWORD,
      roleIds: [custom.body.id],
      unitId: org.units.branch,
    });
    const ba = await signIn(t, 'acme', 'ba@acme.test');
    expect(res.status).toBe(201);
    const inside = await ba.post('/users', {
      email: 'new@acme.test',
      password: PASSWORD,
      roleIds: [org.role('advisor')],
      unitId: org.units.teamB,
    });
    expect(inside.status).toBe(201);
    const outside = await ba.post('/users', {
      email: 'new2@acme.test',
      password: PASSWORD,
      roleIds: [org.role('advisor')],
      unitId: org.units.region,
    });
    expect(outside.status).toBe(403);
  });
});

describe('roles', () => {
  it('built-in roles are fixed; tenant roles can be defined, changed and trashed', async () => {
    const builtin = await admin.patch(`/roles/${org.role('advisor')}`, { name: 'Renamed' });
    expect(builtin.status).toBe(409);
    expect(builtin.body.code).toBe('builtin_role');
    const bad = await admin.post('/roles', {
      name: 'Bad',
      grants: [{ module: 'nope', action: 'view', scope: 'all' }],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('grants.0.module');
    const role = await admin.post('/roles', {
      name: 'Viewer',
      grants: [{ module: 'org', action: 'view', scope: 'all' }],
    });
    const changed = await admin.patch(`/roles/${role.body.id}`, {
      grants: [{ module: 'users', action: 'view', scope: 'own' }],
    });
    expect(changed.body.grants).toEqual([{ module: 'users', action: 'view', scope: 'own' }]);
    expect((await admin.delete(`/roles/${role.body.id}`)).status).toBe(200);
    expect((await admin.get('/roles')).body.items.map((r: { name: string }) => r.name)).not.toContain(
      'Viewer',
    );
  });

  it('changing roles needs roles:manage besides users:edit', async () => {
    const custom = await admin.post('/roles', {
      name: 'User editor',
      grants: [
        { module: 'users', action: 'edit', scope: 'all' },
        { module: 'users', action: 'view', scope: 'all' },
      ],
    });
    await admin.post('/users', { email: 'editor@acme.test', password: PASSWORD, roleIds: [custom.body.id] });
    const editor = await signIn(t, 'acme', 'editor@acme.test');
    expect((await editor.patch(`/users/${org.users.anna}`, { displayName: 'Anna A.' })).status).toBe(200);
    const escalate = await editor.patch(`/users/${org.users.anna}`, {
      roleIds: [org.role('managing_director')],
    });
    expect(escalate.status).toBe(403);
  });
});

describe('substitutes', () => {
  it('let a deputy work the absent user’s records, and the audit shows for whom', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const anna = await signIn(t, 'acme', 'anna@acme.test');
    const clara = await signIn(t, 'acme', 'clara@acme.test');
    expect((await clara.get(`/users/${org.users.anna}`)).status).toBe(404);
    const sub = await anna.post('/substitutes', {
      substituteId: org.users.clara,
      startsOn: today,
      endsOn: today,
    });
    expect(sub.status).toBe(201);
    expect(sub.body.active).toBe(true);
    const again = await signIn(t, 'acme', 'clara@acme.test');
    expect((await again.get('/me')).body.substitutingFor).toEqual([org.users.anna]);
    // substitutes:create own — clara may now name a deputy for anna, as anna herself could
    const forAnna = await again.post('/substitutes', {
      userId: org.users.anna,
      substituteId: org.users.ben,
      startsOn: today,
      endsOn: today,
    });
    expect(forAnna.status).toBe(201);
    const audit = await admin.get(`/audit?entity=substitute&id=${forAnna.body.id}`);
    expect(audit.body.items[0]).toMatchObject({
      actorUserId: org.users.clara,
      onBehalfOfUserId: org.users.anna,
      action: 'create',
    });
    const later = await anna.post('/substitutes', {
      substituteId: org.users.assistant,
      startsOn: '2099-01-01',
      endsOn: '2099-01-31',
    });
    expect(later.body.active).toBe(false);
    const assistant = await signIn(t, 'acme', 'assi@acme.test');
    expect((await assistant.get('/me')).body.substitutingFor).toEqual([]);
    const past = await anna.post('/substitutes', {
      substituteId: org.users.ben,
      startsOn: '2020-01-02',
      endsOn: '2020-01-01',
    });
    expect(past.status).toBe(400);
    expect(past.body.errors[0].field).toBe('endsOn');
  });
});
