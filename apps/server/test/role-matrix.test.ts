import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { BUILTIN_ROLE_KEYS, type TBuiltinRoleKey, type TPermission } from '@kontor/contracts';
import { BUILTIN_ROLES, mergeGrants } from '@kontor/domain';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, PASSWORD, seedTenant, signIn, type TTestApp, testApp } from './helpers/app';

// Every built-in role against every non-public route of the committed permission table: a role
// without the route's permission gets 403 and changes nothing; a role with it gets past the guard.
// The table is read at test time, so a new route is in the matrix the moment it is generated.

type TRoute = { method: string; path: string; permission: TPermission | 'authenticated' };

const PREFIX = '/api/v1';
const LOGOUT = 'POST /auth/logout';

const routes: TRoute[] = fs
  .readFileSync(fileURLToPath(new URL('../src/generated/route-permissions.txt', import.meta.url)), 'utf8')
  .split('\n')
  .map((line) => line.trim().split(/\s+/))
  .filter((cols): cols is [string, string, string] => cols.length === 3)
  .filter(([, , permission]) => permission !== 'public')
  .map(([method, path, permission]) => ({
    method,
    path: path.startsWith(PREFIX) ? path.slice(PREFIX.length) : path,
    permission: permission as TRoute['permission'],
  }))
  // Signing out ends the session the rest of the row runs on: it goes last.
  .sort((a, b) => Number(`${a.method} ${a.path}` === LOGOUT) - Number(`${b.method} ${b.path}` === LOGOUT));

/** A path with its parameters filled: a random uuid, or a number where the parameter counts. */
const concrete = (path: string) =>
  path.replace(/\{(\w+)\}/g, (_, name: string) => (name === 'version' ? '1' : randomUUID()));

/** One line per unexpected answer, short enough to read in a failure list. */
const line = (r: TRoute, res: { status: number; body: unknown }) =>
  `${r.method} ${r.path} (${r.permission}) → ${res.status} ${JSON.stringify(res.body)?.slice(0, 200)}`;

const mayDo = (role: TBuiltinRoleKey, permission: TRoute['permission']) =>
  permission === 'authenticated' || mergeGrants(BUILTIN_ROLES[role]).has(permission);

let t: TTestApp;
const as = {} as Record<TBuiltinRoleKey, Client>;
let tables: string[] = [];

const auditRows = async () =>
  Number(
    (await sql<{ n: number }>`select count(*)::int as n from audit_log`.execute(t.database.db)).rows[0]!.n,
  );

/**
 * Every row of every table, folded into one hash per table: what "nothing written" compares.
 * Sessions count only by number: the sliding expiry may touch the caller's row, allowed or not.
 */
async function fingerprint() {
  const out: Record<string, string> = {};
  for (const table of tables) {
    const { rows } = await (table === 'sessions'
      ? sql<{ h: string }>`select count(*)::text as h from sessions`
      : sql<{ h: string }>`
          select md5(coalesce(string_agg(r::text, '|' order by r::text), '')) as h from ${sql.table(table)} r
        `
    ).execute(t.database.db);
    out[table] = rows[0]!.h;
  }
  return out;
}

beforeAll(async () => {
  t = await testApp();
  await seedTenant(t, 'acme');
  const admin = await signIn(t, 'acme', 'boss@acme.test');
  const roles = (await admin.get('/roles')).body.items as { id: string; key: string | null }[];
  for (const key of BUILTIN_ROLE_KEYS) {
    const email = `${key}@acme.test`;
    const res = await admin.post('/users', {
      email,
      password: PASSWORD,
      displayName: key,
      roleIds: [roles.find((r) => r.key === key)!.id],
    });
    if (res.status !== 201) throw new Error(`user ${key}: ${res.status} ${JSON.stringify(res.body)}`);
    as[key] = await signIn(t, 'acme', email);
  }
  const { rows } = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name
  `.execute(t.database.db);
  tables = rows.map((r) => r.name);
});
afterAll(() => t.close());

describe('role × route permission matrix', () => {
  it('reads a non-trivial table', () => {
    expect(routes.length).toBeGreaterThan(50);
    expect(routes.at(-1)).toMatchObject({ method: 'POST', path: '/auth/logout' });
    expect(tables).toEqual(expect.arrayContaining(['audit_log', 'users', 'sessions', 'clients', 'cases']));
  });

  it.each([...BUILTIN_ROLE_KEYS])('%s: 403 exactly where its grants end', async (role) => {
    const client = as[role];
    const call = (r: TRoute) =>
      client.request(
        r.method,
        concrete(r.path),
        r.method === 'GET' || r.method === 'DELETE' ? undefined : {},
      );
    const problems: string[] = [];
    const forbidden = routes.filter((r) => !mayDo(role, r.permission));
    const allowed = routes.filter((r) => mayDo(role, r.permission));

    // Refused calls first, so the fingerprint around them sees only what they might have written.
    const before = await fingerprint();
    for (const r of forbidden) {
      const audit = await auditRows();
      const res = await call(r);
      const type = res.headers.get('content-type') ?? '';
      if (res.status !== 403 || !type.includes('application/problem+json') || res.body?.code !== 'forbidden')
        problems.push(line(r, res));
      if ((await auditRows()) !== audit)
        problems.push(`${r.method} ${r.path} wrote to audit_log though refused`);
    }
    const after = await fingerprint();
    for (const name of tables)
      if (before[name] !== after[name]) problems.push(`table ${name} changed during the refused calls`);

    for (const r of allowed) {
      const res = await call(r);
      // 401 would mean the session was lost and the call proved nothing.
      if (res.status === 401 || res.status === 403 || res.status >= 500) problems.push(line(r, res));
    }
    expect(problems).toEqual([]);
    // Every role has something it may do and, but for the managing director, something it may not.
    expect(allowed.length).toBeGreaterThan(0);
    if (role !== 'managing_director') expect(forbidden.length).toBeGreaterThan(0);
  });
});
