import type { TLocale } from '@kontor/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RESET_MINUTES } from '../src/features/auth/password-reset';
import { messages } from '../src/platform/i18n';
import { sha256 } from '../src/platform/security';
import { Client, PASSWORD, seedTenant, signIn, type TTestApp, testApp } from './helpers/app';
import { startSmtpServer, type TReceivedMail, type TSmtp } from './helpers/smtp';

const PUBLIC_URL = 'https://crm.example';
const NEW_PASSWORD = 'a brand new passphrase';

let smtp: TSmtp;
let t: TTestApp;

beforeAll(async () => {
  smtp = await startSmtpServer();
  t = await testApp({ smtpUrl: smtp.url, publicUrl: PUBLIC_URL });
  await seedTenant(t, 'acme');
  await seedTenant(t, 'globex');
  await seedTenant(t, 'polska');
  await t.database.db
    .updateTable('users')
    .set({ locale: 'pl' })
    .where('email', '=', 'boss@polska.test')
    .execute();
});
afterAll(async () => {
  await t?.close();
  await smtp?.close();
});

/** Asks for a reset, runs the queued mail job and answers the mail that arrived and its token. */
async function requestReset(tenant: string, email: string) {
  const before = smtp.messages.length;
  const res = await new Client(t).post('/auth/password-reset', { tenant, email });
  expect(res.status).toBe(202);
  expect(await t.runner.drain()).toBe(1);
  const mail = await smtp.waitFor((m) => smtp.messages.indexOf(m) >= before && m.to.includes(email));
  return { mail, token: tokenOf(mail) };
}

function tokenOf(mail: TReceivedMail): string {
  const link = mail.text.match(/https?:\/\/\S+/)?.[0];
  if (!link) throw new Error(`no link in the mail: ${mail.text}`);
  const token = new URL(link).searchParams.get('token');
  if (!token) throw new Error(`no token in the link ${link}`);
  return token;
}

const confirm = (tenant: string, token: string, password = NEW_PASSWORD) =>
  new Client(t).post('/auth/password-reset/confirm', { tenant, token, password });

const login = (tenant: string, email: string, password: string) =>
  new Client(t).post('/auth/login', { tenant, email, password });

describe('password reset by e-mail', () => {
  it('mails a link to the public URL that sets a new password once, and ends every session', async () => {
    const session = await signIn(t, 'acme', 'boss@acme.test');
    const { mail, token } = await requestReset('acme', 'boss@acme.test');

    expect(mail.to).toEqual(['boss@acme.test']);
    const { locale } = await t.database.db
      .selectFrom('users')
      .select('locale')
      .where('email', '=', 'boss@acme.test')
      .executeTakeFirstOrThrow();
    expect(mail.subject).toBe(messages(locale as TLocale).mail.resetSubject);
    const link = mail.text.match(/https?:\/\/\S+/)?.[0] ?? '';
    expect(link.startsWith(`${PUBLIC_URL}/reset-password?`)).toBe(true);
    expect(new URL(link).searchParams.get('tenant')).toBe('acme');
    // Only the hash is stored: the token in the mail is not readable from the database.
    const stored = await t.database.db.selectFrom('password_resets').select('token_hash').execute();
    expect(stored.map((r) => r.token_hash)).toContain(sha256(token));
    expect(stored.map((r) => r.token_hash)).not.toContain(token);

    expect((await confirm('acme', token)).status).toBe(204);
    expect((await login('acme', 'boss@acme.test', NEW_PASSWORD)).status).toBe(200);
    const old = await login('acme', 'boss@acme.test', PASSWORD);
    expect(old.status).toBe(401);
    expect(old.body.code).toBe('invalid_credentials');
    expect((await session.get('/me')).status).toBe(401);

    const again = await confirm('acme', token, 'yet another passphrase');
    expect(again.status).toBe(400);
    expect(again.body.code).toBe('token_invalid');
    expect((await login('acme', 'boss@acme.test', NEW_PASSWORD)).status).toBe(200);
  });

  it('refuses an expired token and leaves the password as it was', async () => {
    const { token } = await requestReset('globex', 'boss@globex.test');
    await t.database.db
      .updateTable('password_resets')
      .set({ expires_at: new Date(Date.now() - 60_000) })
      .where('token_hash', '=', sha256(token))
      .execute();
    const res = await confirm('globex', token);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('token_invalid');
    expect((await login('globex', 'boss@globex.test', PASSWORD)).status).toBe(200);
  });

  it('refuses a token of another tenant', async () => {
    const { token } = await requestReset('globex', 'boss@globex.test');
    const res = await confirm('acme', token);
    expect(res.status).toBe(400);
    expect(res.body.code).toBe('token_invalid');
    expect((await confirm('globex', token)).status).toBe(204);
  });

  it('answers 202 for an unknown address or tenant and sends nothing', async () => {
    const received = smtp.messages.length;
    const jobs = await t.database.db
      .selectFrom('jobs')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirst();
    for (const body of [
      { tenant: 'acme', email: 'nobody@acme.test' },
      { tenant: 'nope', email: 'boss@acme.test' },
      { tenant: 'globex', email: 'boss@acme.test' },
    ]) {
      expect((await new Client(t).post('/auth/password-reset', body)).status).toBe(202);
    }
    expect(await t.runner.drain()).toBe(0);
    const after = await t.database.db
      .selectFrom('jobs')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirst();
    expect(Number(after?.n)).toBe(Number(jobs?.n));
    expect(smtp.messages.length).toBe(received);
  });

  it("writes the mail in the user's language", async () => {
    const { mail } = await requestReset('polska', 'boss@polska.test');
    const pl = messages('pl').mail;
    expect(mail.subject).toBe(pl.resetSubject);
    expect(mail.subject).not.toBe(messages('de').mail.resetSubject);
    const link = mail.text.match(/https?:\/\/\S+/)?.[0] ?? '';
    expect(mail.text).toBe(pl.resetBody({ name: 'Boss', link, minutes: RESET_MINUTES }));
  });
});
