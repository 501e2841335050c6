import type http from 'node:http';
import pg from 'pg';
import { createTenant } from '../../apps/server/src/features/tenants/create-tenant';
import { createUserFromCli } from '../../apps/server/src/features/users/create-user';
import { openPostgres } from '../../apps/server/src/platform/db';
import { asSystem, detectRlsMode } from '../../apps/server/src/platform/tx';
import { expectStatus, request } from './http';

export const BENCH_PASSWORD = 'bench horse battery staple';
export const BENCH_TENANT = 'bench';

export type TBenchUser = { id: string; email: string; unitId: string; sessionToken: string };

/** One firm with a branch and one advisor per worker, each already signed in once. */
export type TFixture = { tenantId: string; tenantSlug: string; password: string; users: TBenchUser[] };

/** Signs a user in over HTTP and returns the session token from the cookie. */
export async function signIn(
  agent: http.Agent,
  baseUrl: string,
  email: string,
  tenant = BENCH_TENANT,
): Promise<string> {
  const answer = await request(agent, `${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ tenant, email, password: BENCH_PASSWORD }),
  });
  expectStatus(answer, 200, `sign-in of ${email}`);
  const cookie = (answer.headers['set-cookie'] ?? []).find((c) => c.startsWith('kontor_session='));
  if (!cookie) throw new Error(`sign-in of ${email}: no session cookie`);
  return cookie.slice('kontor_session='.length).split(';')[0]!;
}

/**
 * Seeds the bench firm through Kontor's own use-cases (the ones `kontor tenant create` and
 * `kontor user create` run): every worker signs in as its own user, so concurrent sign-ins do not
 * queue on one user row's lock, as they would not in a real office.
 */
export async function seedFixture(url: string, users: number, agent: http.Agent, baseUrl: string) {
  const database = openPostgres(url, 4);
  try {
    await detectRlsMode(database);
    const { tenant } = await createTenant(database, {
      slug: BENCH_TENANT,
      name: 'Bench Finanz GmbH',
      adminEmail: `boss@${BENCH_TENANT}.test`,
      adminPassword: BENCH_PASSWORD,
      locale: 'en',
    });
    // There is no unit use-case yet; a user in a unit makes GET /me run its unit query.
    const unit = await asSystem(database, (tx) =>
      tx
        .insertInto('units')
        .values({ tenant_id: tenant.id, kind: 'branch', branch_kind: 'own', name: 'Bench branch' })
        .returning('id')
        .executeTakeFirstOrThrow(),
    );
    const seeded: TBenchUser[] = [];
    for (let i = 0; i < users; i++) {
      const email = `advisor${i}@${BENCH_TENANT}.test`;
      const user = await createUserFromCli(database, {
        tenant: BENCH_TENANT,
        email,
        password: BENCH_PASSWORD,
        role: ['advisor'],
        unit: unit.id,
        name: `Advisor ${i}`,
      });
      seeded.push({ id: user.id, email, unitId: unit.id, sessionToken: await signIn(agent, baseUrl, email) });
    }
    return { tenantId: tenant.id, tenantSlug: tenant.slug, password: BENCH_PASSWORD, users: seeded };
  } finally {
    await database.close();
  }
}

/** A pool of `size` connections for the raw SQL baselines, with no Kontor code in the way. */
export function rawPool(url: string, size: number, applicationName: string): pg.Pool {
  // JIT off, as on Kontor's own pool (platform/db.ts), so both sides plan alike.
  return new pg.Pool({
    connectionString: url,
    max: size,
    application_name: applicationName,
    options: '-c jit=off',
  });
}
