import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client as Anonymous, type Client, signIn, type TTestApp } from './helpers/app';
import { acmeWithOrg } from './helpers/org';

let t: TTestApp;
let admin: Client;
let org: Awaited<ReturnType<typeof acmeWithOrg>>['org'];

function bearer(token: string) {
  const c = new Anonymous(t);
  c.bearer = token;
  return c;
}

beforeAll(async () => {
  ({ t, admin, org } = await acmeWithOrg());
});
afterAll(() => t.close());

describe('API keys', () => {
  it('are shown once, stored hashed, and act with exactly the permissions of their user', async () => {
    const created = await admin.post('/api-keys', { name: 'Portal', userId: org.users.anna });
    expect(created.status).toBe(201);
    const token: string = created.body.token;
    expect(token).toMatch(/^ktr_/);
    const stored = await t.database.db
      .selectFrom('api_keys')
      .selectAll()
      .where('id', '=', created.body.id)
      .executeTakeFirstOrThrow();
    expect(stored.secret_hash).not.toContain(token.split('_').at(-1));
    expect(JSON.stringify((await admin.get('/api-keys')).body)).not.toContain(token);

    const key = bearer(token);
    const me = await key.get('/me');
    expect(me.body.user.email).toBe('anna@acme.test');
    expect(me.body.via).toBe('api_key');
    const anna = await signIn(t, 'acme', 'anna@acme.test');
    expect((await key.get('/users')).body).toEqual((await anna.get('/users')).body);
    expect((await key.get(`/users/${org.users.clara}`)).status).toBe(404);
    expect((await key.post('/units', { kind: 'region', name: 'No' })).status).toBe(403);
  });

  it('can be narrowed by scopes, never widened', async () => {
    const created = await admin.post('/api-keys', { name: 'Read users', scopes: ['users:view'] });
    const key = bearer(created.body.token);
    expect((await key.get('/users')).status).toBe(200);
    expect((await key.get('/units')).status).toBe(403);
    const me = await key.get('/me');
    expect(me.body.permissions).toEqual([{ permission: 'users:view', scope: 'all' }]);
    const widened = await admin.post('/api-keys', {
      name: 'Anna plus',
      userId: org.users.anna,
      scopes: ['users:manage'],
    });
    expect((await bearer(widened.body.token).get('/api-keys')).status).toBe(403);
    const badScope = await admin.post('/api-keys', { name: 'x', scopes: ['users:fly'] });
    expect(badScope.status).toBe(400);
    expect(badScope.body.errors[0].field).toMatch(/^scopes/);
  });

  it('need no CSRF token, stop working when revoked or expired, and a bad key answers 401', async () => {
    const created = await admin.post('/api-keys', { name: 'Temp' });
    const key = bearer(created.body.token);
    expect((await key.post('/units', { kind: 'region', name: 'Via key' })).status).toBe(201);
    expect((await admin.post(`/api-keys/${created.body.id}/revoke`)).body.revokedAt).not.toBeNull();
    const revoked = await key.get('/me');
    expect(revoked.status).toBe(401);
    expect(revoked.body.code).toBe('unauthenticated');

    const soon = await admin.post('/api-keys', {
      name: 'Soon',
      expiresAt: new Date(Date.now() + 60_000).toISOString(),
    });
    await t.database.db
      .updateTable('api_keys')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('id', '=', soon.body.id)
      .execute();
    expect((await bearer(soon.body.token).get('/me')).status).toBe(401);
    expect((await bearer('ktr_nonsense').get('/me')).status).toBe(401);
    const forged = created.body.token.replace(/.$/, (ch: string) => (ch === 'a' ? 'b' : 'a'));
    expect((await bearer(forged).get('/me')).status).toBe(401);
  });

  it('are managed only by those with api_keys:manage', async () => {
    const anna = await signIn(t, 'acme', 'anna@acme.test');
    expect((await anna.post('/api-keys', { name: 'Mine' })).status).toBe(403);
    expect((await anna.get('/api-keys')).status).toBe(403);
  });
});
