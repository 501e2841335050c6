import { argonVerify, rawLogin, rawMe } from './auth.raw';
import { BENCH_PASSWORD, BENCH_TENANT } from './fixture';
import { expectStatus, request } from './http';
import type { TRequestFn } from './load';
import type { TBenchContext, TScenario } from './scenarios';

function kontorLogin(ctx: TBenchContext): TRequestFn {
  const url = `${ctx.baseUrl}/api/v1/auth/login`;
  const bodies = ctx.fixture.users.map((u) =>
    JSON.stringify({ tenant: BENCH_TENANT, email: u.email, password: BENCH_PASSWORD }),
  );
  return async (worker) => {
    const answer = await request(ctx.agent, url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: bodies[worker % bodies.length]!,
    });
    expectStatus(answer, 200, 'POST /auth/login');
    if (!answer.headers['set-cookie']?.some((c) => c.startsWith('kontor_session='))) {
      throw new Error('POST /auth/login: 200 without a session cookie');
    }
  };
}

function kontorMe(ctx: TBenchContext): TRequestFn {
  const url = `${ctx.baseUrl}/api/v1/me`;
  const cookies = ctx.fixture.users.map((u) => `kontor_session=${u.sessionToken}`);
  return async (worker) => {
    const answer = await request(ctx.agent, url, { headers: { cookie: cookies[worker % cookies.length]! } });
    expectStatus(answer, 200, 'GET /me');
  };
}

export const authScenarios: TScenario[] = [
  {
    name: 'POST /auth/login',
    kind: 'kontor',
    note: 'sign-in verifies an argon2id hash (19 MiB, 2 passes): ~20–40 ms of CPU per login by design',
    baselines: ['raw login + argon2', 'raw login SQL'],
    setup: kontorLogin,
  },
  { name: 'raw login + argon2', kind: 'raw', setup: (ctx) => rawLogin(ctx, true) },
  {
    name: 'raw login SQL',
    kind: 'raw',
    note: 'raw login SQL: the statements only, no argon2',
    setup: (ctx) => rawLogin(ctx, false),
  },
  {
    name: 'argon2id verify, 1 at a time',
    kind: 'raw',
    concurrency: 1,
    note: 'argon2id verify, 1 at a time: the hash check alone, one after another (its p50 ≈ the CPU one sign-in spends on it)',
    setup: argonVerify,
  },
  { name: 'GET /me', kind: 'kontor', baselines: ['raw me SQL'], setup: kontorMe },
  { name: 'raw me SQL', kind: 'raw', setup: rawMe },
];
