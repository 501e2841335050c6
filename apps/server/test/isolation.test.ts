import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inTenant } from '../src/platform/tx';
import { type Client, seedTenant, signIn, type TTestApp, testApp } from './helpers/app';
import { ENGINE } from './helpers/database';

let t: TTestApp;
let acme: Awaited<ReturnType<typeof seedTenant>>;
let globex: Awaited<ReturnType<typeof seedTenant>>;
let acmeAdmin: Client;
let globexAdmin: Client;

// Every table that carries tenant_id: row-level security must hold on all of them.
async function tenantTables(): Promise<string[]> {
  const r = await sql<{ table_name: string }>`
    select table_name from information_schema.columns
    where table_schema = 'public' and column_name = 'tenant_id' order by table_name`.execute(t.database.db);
  return r.rows.map((x) => x.table_name);
}

beforeAll(async () => {
  t = await testApp();
  acme = await seedTenant(t, 'acme');
  globex = await seedTenant(t, 'globex');
  acmeAdmin = await signIn(t, 'acme', 'boss@acme.test');
  globexAdmin = await signIn(t, 'globex', 'boss@globex.test');
  await globexAdmin.post('/units', { kind: 'region', name: 'Globex Region' });
  await acmeAdmin.post('/units', { kind: 'region', name: 'Acme Region' });
  // Rows of the other tenant in the business tables, so that a missing filter would show them.
  const globexClient = await globexAdmin.post('/clients', {
    kind: 'person',
    lastName: 'Globex',
    emails: [{ address: 'c@globex.test' }],
    phones: [{ number: '+49 30 1234567' }],
  });
  const globexCase = await globexAdmin.post('/cases', {
    clientId: globexClient.body.id,
    productKind: 'mortgage',
  });
  await globexAdmin.post(`/cases/${globexCase.body.id}/comments`, { body: 'secret' });
  await globexAdmin.post('/activities', { kind: 'note', clientId: globexClient.body.id, subject: 'secret' });
});
afterAll(() => t.close());

describe(`tenant isolation on ${ENGINE}`, () => {
  it('every business table carries tenant_id first in its primary key', async () => {
    const r = await sql<{ table: string; first: string }>`
      select c.relname as table, a.attname as first
      from pg_index i join pg_class c on c.oid = i.indrelid join pg_namespace n on n.oid = c.relnamespace
      join pg_attribute a on a.attrelid = c.oid and a.attnum = i.indkey[0]
      where i.indisprimary and n.nspname = 'public'`.execute(t.database.db);
    const platform = new Set(['tenants', 'jobs', 'kontor_migrations']);
    const business = r.rows.filter((x) => !platform.has(x.table));
    expect(business.length).toBeGreaterThan(10);
    for (const row of business) expect(`${row.table}: ${row.first}`).toBe(`${row.table}: tenant_id`);
  });

  it('every table carrying tenant_id has row-level security enabled, forced and with a policy', async () => {
    const r = await sql<{ table: string; enabled: boolean; forced: boolean; policies: number }>`
      select c.relname as table, c.relrowsecurity as enabled, c.relforcerowsecurity as forced,
        (select count(*)::int from pg_policy p where p.polrelid = c.oid) as policies
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind = 'r'
        and exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id')
      order by c.relname`.execute(t.database.db);
    expect(r.rows.length).toBeGreaterThan(25);
    for (const row of r.rows)
      expect(row).toEqual({ table: row.table, enabled: true, forced: true, policies: 1 });
  });

  it('a query that forgets the tenant filter still sees nothing of another tenant (RLS)', async () => {
    const tables = await tenantTables();
    expect(tables).toContain('users');
    await inTenant(t.database, acme.tenant.id, async (tx) => {
      for (const table of tables) {
        const rows = await sql<{ tenant_id: string }>`select tenant_id from ${sql.table(table)}`.execute(tx);
        const foreign = rows.rows.filter((r) => r.tenant_id !== acme.tenant.id);
        expect(`${table}: ${foreign.length}`).toBe(`${table}: 0`);
      }
      const units = await sql<{ name: string }>`select name from units`.execute(tx);
      expect(units.rows.map((u) => u.name)).toEqual(['Acme Region']);
      const tenants = await sql<{ slug: string }>`select slug from tenants`.execute(tx);
      expect(tenants.rows.map((x) => x.slug)).toEqual(['acme']);
    });
  });

  it('refuses to write a row of another tenant inside a tenant transaction', async () => {
    await expect(
      inTenant(t.database, acme.tenant.id, (tx) =>
        tx
          .insertInto('units')
          .values({ tenant_id: globex.tenant.id, kind: 'region', name: 'Smuggled' })
          .execute(),
      ),
    ).rejects.toThrow(/row-level security/);
    await expect(
      inTenant(t.database, acme.tenant.id, (tx) =>
        tx.updateTable('users').set({ display_name: 'Pwned' }).where('id', '=', globex.admin.id).execute(),
      ),
    ).resolves.toEqual([expect.objectContaining({ numUpdatedRows: 0n })]);
  });

  it('answers 404 for another tenant’s records through the API', async () => {
    const globexUnit = (await globexAdmin.get('/units')).body.items[0].id;
    expect((await acmeAdmin.get(`/units/${globexUnit}`)).status).toBe(404);
    expect((await acmeAdmin.get(`/users/${globex.admin.id}`)).status).toBe(404);
    const globexClients = (await globexAdmin.get('/clients')).body.items;
    expect(globexClients).toHaveLength(1);
    expect((await acmeAdmin.get(`/clients/${globexClients[0].id}`)).status).toBe(404);
    expect((await acmeAdmin.get('/clients')).body.items).toEqual([]);
    expect((await acmeAdmin.get('/search?q=globex')).body.items).toEqual([]);
    expect((await acmeAdmin.patch(`/users/${globex.admin.id}`, { displayName: 'x' })).status).toBe(404);
    const audit = await acmeAdmin.get(`/audit?entity=user&id=${globex.admin.id}`);
    expect(audit.body.items).toEqual([]);
  });
});
