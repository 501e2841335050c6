import * as OTPAuth from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, PASSWORD, seedTenant, signIn, type TTestApp, testApp } from './helpers/app';

let t: TTestApp;
let acme: Awaited<ReturnType<typeof seedTenant>>;

beforeAll(async () => {
  t = await testApp();
  acme = await seedTenant(t, 'acme');
  await seedTenant(t, 'globex');
});
afterAll(() => t.close());

describe('sign-in', () => {
  it('sets an HttpOnly SameSite session cookie and /me describes the user', async () => {
    const c = new Client(t);
    const res = await c.post('/auth/login', { tenant: 'acme', email: 'BOSS@acme.test', password: PASSWORD });
    expect(res.status).toBe(200);
    const cookie = res.headers.getSetCookie().find((x) => x.startsWith('kontor_session='))!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/);
    await c.login('acme', 'boss@acme.test');
    const me = await c.get('/me');
    expect(me.status).toBe(200);
    expect(me.body.user.email).toBe('boss@acme.test');
    expect(me.body.tenant.slug).toBe('acme');
    expect(me.body.roles.map((r: { key: string }) => r.key)).toEqual(['managing_director']);
    expect(me.body.permissions).toContainEqual({ permission: 'users:manage', scope: 'all' });
  });

  it('marks the cookie Secure behind https', async () => {
    const res = await t.app.request('https://kontor.example/api/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ tenant: 'acme', email: 'boss@acme.test', password: PASSWORD }),
    });
    expect(res.headers.getSetCookie().find((x) => x.startsWith('kontor_session='))).toMatch(/Secure/);
  });

  it('answers the same 401 for a wrong tenant, e-mail or password, in problem+json', async () => {
    const c = new Client(t);
    const answers = await Promise.all([
      c.post('/auth/login', { tenant: 'nope', email: 'boss@acme.test', password: PASSWORD }),
      c.post('/auth/login', { tenant: 'acme', email: 'nobody@acme.test', password: PASSWORD }),
      c.post('/auth/login', { tenant: 'globex', email: 'boss@acme.test', password: PASSWORD }),
    ]);
    for (const a of answers) {
      expect(a.status).toBe(401);
      expect(a.headers.get('content-type')).toMatch(/application\/problem\+json/);
      expect(a.body.code).toBe('invalid_credentials');
    }
    expect(new Set(answers.map((a) => a.body.title)).size).toBe(1);
  });

  it('locks the account for 15 minutes after five failures, without saying so', async () => {
    const admin = await signIn(t, 'acme', 'boss@acme.test');
    const created = await admin.post('/users', {
      email: 'lockme@acme.test',
      password: PASSWORD,
      roleIds: [(await admin.get('/me')).body.roles[0].id],
    });
    expect(created.status).toBe(201);
    const c = new Client(t);
    for (let i = 0; i < 5; i++) {
      const r = await c.post('/auth/login', {
        tenant: 'acme',
        email: 'lockme@acme.test',
        password: 'wrong password',
      });
      expect(r.status).toBe(401);
    }
    const right = await c.post('/auth/login', {
      tenant: 'acme',
      email: 'lockme@acme.test',
      password: PASSWORD,
    });
    expect(right.status).toBe(401);
    expect(right.body.code).toBe('invalid_credentials');
    const row = await t.database.db
      .selectFrom('users')
      .select(['locked_until'])
      .where('email', '=', 'lockme@acme.test')
      .executeTakeFirstOrThrow();
    const minutes = (row.locked_until!.getTime() - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(14);
    expect(minutes).toBeLessThanOrEqual(15);
  });

  it('refuses writes of a cookie session without the CSRF token', async () => {
    const c = await signIn(t, 'acme', 'boss@acme.test');
    const res = await c.post('/auth/logout', {}, { 'x-csrf-token': 'forged' });
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('csrf_failed');
    expect((await c.get('/me')).status).toBe(200);
    expect((await c.post('/auth/logout')).status).toBe(204);
    expect((await c.get('/me')).status).toBe(401);
  });

  it('rate-limits the public endpoints per client address', async () => {
    const limited = await testApp({ publicRateLimit: 3 });
    try {
      const c = new Client(limited);
      const codes: number[] = [];
      for (let i = 0; i < 5; i++) {
        codes.push((await c.post('/auth/login', { tenant: 'x', email: 'a@b.c', password: 'nope' })).status);
      }
      expect(codes).toEqual([401, 401, 401, 429, 429]);
    } finally {
      await limited.close();
    }
  });
});

describe('second factor (TOTP)', () => {
  it('enrols, then requires a code or a single-use recovery code', async () => {
    const c = await signIn(t, 'acme', 'boss@acme.test');
    const enrol = await c.post('/me/totp/enrol');
    expect(enrol.status).toBe(200);
    expect(enrol.body.otpauthUri).toMatch(/^otpauth:\/\/totp\/Kontor:/);
    const totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(enrol.body.secret) });
    expect(
      (await c.post('/me/totp/verify', { code: '000000' === totp.generate() ? '111111' : '000000' })).status,
    ).toBe(400);
    const at = Date.now(); // every code below is made for a known time step, never the clock's next one
    const verified = await c.post('/me/totp/verify', { code: totp.generate({ timestamp: at }) });
    expect(verified.status).toBe(200);
    expect(verified.body.recoveryCodes).toHaveLength(10);

    const anon = new Client(t);
    const noCode = await anon.post('/auth/login', { tenant: 'acme', email: acme.email, password: PASSWORD });
    expect(noCode.status).toBe(401);
    expect(noCode.body.code).toBe('second_factor_required');
    // The code used to confirm enrolment is spent; the next time step's code works once.
    const spent = await anon.post('/auth/login', {
      tenant: 'acme',
      email: acme.email,
      password: PASSWORD,
      totp: totp.generate({ timestamp: at }),
    });
    expect(spent.status).toBe(401);
    const next = totp.generate({ timestamp: at + 30_000 });
    await anon.login('acme', acme.email, PASSWORD, { totp: next });
    const replay = await new Client(t).post('/auth/login', {
      tenant: 'acme',
      email: acme.email,
      password: PASSWORD,
      totp: next,
    });
    expect(replay.status).toBe(401);
    const code = verified.body.recoveryCodes[0];
    await new Client(t).login('acme', acme.email, PASSWORD, { recoveryCode: code });
    const again = await new Client(t).post('/auth/login', {
      tenant: 'acme',
      email: acme.email,
      password: PASSWORD,
      recoveryCode: code,
    });
    expect(again.status).toBe(401);

    expect((await c.post('/me/totp/disable', { password: 'wrong' })).status).toBe(400);
    expect((await c.post('/me/totp/disable', { password: PASSWORD })).status).toBe(204);
    await new Client(t).login('acme', acme.email);
  });
});
