import pino, { type Logger } from 'pino';
import { createApp } from '../../src/app';
import { createTenant } from '../../src/features/tenants/create-tenant';
import { loadConfig, type TConfig } from '../../src/platform/config';
import type { TDatabase } from '../../src/platform/db';
import { buildDeps } from '../../src/server';
import { freshDatabase } from './database';

export type TTestApp = Awaited<ReturnType<typeof testApp>>;

/** The whole server on a fresh database, driven through app.request() without a network. */
export async function testApp(overrides: Partial<TConfig> = {}, database?: TDatabase, logger?: Logger) {
  const db = database ?? (await freshDatabase());
  const config = {
    ...loadConfig({ KONTOR_DATA_DIR: '/tmp/kontor-test-unused' }),
    publicRateLimit: 10_000,
    // No web app build: what a test sees at / must not depend on whether apps/web/dist exists here
    // (web-app.test.ts gives its own build).
    webDir: '/nonexistent/kontor-web-dist',
    ...overrides,
  };
  const log = logger ?? pino({ level: process.env.TEST_LOG ? 'debug' : 'silent' });
  const { deps, runner } = buildDeps(db, config, log);
  const { app } = createApp(deps);
  return {
    app,
    deps,
    runner,
    database: db,
    close: async () => {
      await runner.stop();
      deps.mailer.close();
      await db.close();
    },
  };
}

export const PASSWORD = 'correct horse battery';

/** A tenant with its administrator (a managing director). */
export async function seedTenant(t: TTestApp, slug = 'acme') {
  const { tenant, admin } = await createTenant(t.database, {
    slug,
    name: `${slug} Finanz GmbH`,
    adminEmail: `boss@${slug}.test`,
    adminPassword: PASSWORD,
    adminName: 'Boss',
  });
  return { tenant, admin, email: admin.email };
}

type TBody = Record<string, unknown> | unknown[] | undefined;

/** A signed-in browser: keeps the session cookie and sends the CSRF token on writes. */
export class Client {
  cookie = '';
  csrf = '';
  bearer = '';
  constructor(readonly t: TTestApp) {}

  async request(method: string, path: string, body?: TBody, headers: Record<string, string> = {}) {
    const h: Record<string, string> = { ...headers };
    if (body !== undefined) h['content-type'] = 'application/json';
    if (this.cookie) h.cookie = this.cookie;
    if (this.csrf && method !== 'GET' && !('x-csrf-token' in h)) h['x-csrf-token'] = this.csrf;
    if (this.bearer) h.authorization = `Bearer ${this.bearer}`;
    const res = await this.t.app.request(`/api/v1${path}`, {
      method,
      headers: h,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    // biome-ignore lint/suspicious/noExplicitAny: tests read answers of every shape
    let json: any = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = text;
    }
    return { status: res.status, headers: res.headers, body: json };
  }

  get = (path: string, headers?: Record<string, string>) => this.request('GET', path, undefined, headers);
  post = (path: string, body?: TBody, headers?: Record<string, string>) =>
    this.request('POST', path, body ?? {}, headers);
  patch = (path: string, body?: TBody) => this.request('PATCH', path, body ?? {});
  put = (path: string, body?: TBody) => this.request('PUT', path, body ?? {});
  delete = (path: string) => this.request('DELETE', path);

  /** Signs in; throws when the server refuses. */
  async login(tenant: string, email: string, password = PASSWORD, extra: Record<string, string> = {}) {
    const res = await this.post('/auth/login', { tenant, email, password, ...extra });
    if (res.status !== 200) throw new Error(`login failed: ${res.status} ${JSON.stringify(res.body)}`);
    const cookies = res.headers.getSetCookie();
    this.cookie = cookies.map((c) => c.split(';')[0]).join('; ');
    this.csrf = res.body.csrfToken;
    return this;
  }
}

/** A client signed in as `email`. */
export async function signIn(t: TTestApp, tenant: string, email: string, password = PASSWORD) {
  return new Client(t).login(tenant, email, password);
}
