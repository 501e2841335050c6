import { z } from '@hono/zod-openapi';
import {
  ACTIONS,
  MODULES,
  SCOPES,
  ZLoginBody,
  ZPasswordResetConfirm,
  ZPasswordResetRequest,
  ZTotpDisableBody,
  ZTotpVerifyBody,
} from '@kontor/contracts';
import { deleteCookie, setCookie } from 'hono/cookie';
import { CSRF_COOKIE, SESSION_COOKIE, SESSION_HOURS } from '../../platform/authenticate';
import { contextOf, defineRoute, isHttps, newRouter } from '../../platform/http';
import { json, jsonBody } from '../../platform/schemas';
import { asSystem } from '../../platform/tx';
import { login } from './login';
import { describeMe, updateMyPreferences, ZMyPreferences } from './me';
import { confirmPasswordReset, requestPasswordReset } from './password-reset';
import { activateTotp, disableTotp, enrolTotp } from './second-factor';

// Rebuilt from the shared shape with the server's zod: a schema made before zod-openapi extended
// zod (the contracts' own) has no .openapi of its own in zod 4.
const ZLogin = z.object(ZLoginBody.shape).openapi('LoginRequest');

const ZSession = z
  .object({ userId: z.uuid(), tenantId: z.uuid(), csrfToken: z.string() })
  .openapi('Session', { description: 'Send csrfToken as X-CSRF-Token on every write made with the cookie.' });

const ZMe = z
  .object({
    user: z.object({
      id: z.uuid(),
      email: z.string(),
      displayName: z.string(),
      locale: z.string(),
      timeZone: z.string(),
      secondFactor: z.boolean(),
    }),
    tenant: z.object({ id: z.uuid(), slug: z.string(), name: z.string() }),
    unit: z.object({ id: z.uuid(), name: z.string(), kind: z.string() }).nullable(),
    roles: z.array(z.object({ id: z.uuid(), key: z.string().nullable(), name: z.string() })),
    permissions: z.array(
      z.object({
        permission: z.string().openapi({
          example: 'clients:view',
          description: `module:action; modules ${MODULES.join(', ')}; actions ${ACTIONS.join(', ')}`,
        }),
        scope: z.enum(SCOPES),
      }),
    ),
    substitutingFor: z.array(z.uuid()),
    via: z.enum(['session', 'api_key']),
  })
  .openapi('Me');

const tags = ['Sign-in'];

export const authRoutes = newRouter()
  .openapi(
    defineRoute({
      method: 'post',
      path: '/auth/login',
      tags,
      summary: 'Sign in and receive a session cookie',
      permission: 'public',
      rateLimited: true,
      request: { body: jsonBody(ZLogin) },
      responses: { 200: json(ZSession, 'Signed in; the session cookie is set') },
    }),
    async (c) => {
      const body = c.req.valid('json');
      const result = await login(c.get('deps'), body, {
        requestId: c.get('requestId'),
        ip: c.get('ip'),
        userAgent: c.req.header('user-agent') ?? null,
      });
      const secure = isHttps(c);
      setCookie(c, SESSION_COOKIE, result.token, {
        httpOnly: true,
        sameSite: 'Lax',
        secure,
        path: '/',
        maxAge: SESSION_HOURS * 3600,
      });
      setCookie(c, CSRF_COOKIE, result.csrfToken, { sameSite: 'Strict', secure, path: '/' });
      return c.json({ userId: result.userId, tenantId: result.tenantId, csrfToken: result.csrfToken }, 200);
    },
  )
  .openapi(
    defineRoute({
      method: 'post',
      path: '/auth/logout',
      tags,
      summary: 'End the current session',
      permission: 'authenticated',
      responses: { 204: { description: 'Signed out' } },
    }),
    async (c) => {
      const { actor } = contextOf(c);
      if (actor.sessionId) {
        await asSystem(c.get('deps').database, (tx) =>
          tx
            .deleteFrom('sessions')
            .where('tenant_id', '=', actor.tenantId)
            .where('id', '=', actor.sessionId!)
            .execute(),
        );
      }
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
      deleteCookie(c, CSRF_COOKIE, { path: '/' });
      return c.body(null, 204);
    },
  )
  .openapi(
    defineRoute({
      method: 'post',
      path: '/auth/password-reset',
      tags,
      summary: 'Ask for a password reset link by e-mail',
      permission: 'public',
      rateLimited: true,
      request: { body: jsonBody(z.object(ZPasswordResetRequest.shape).openapi('PasswordResetRequest')) },
      responses: { 202: { description: 'If the address belongs to a user, a link is on its way' } },
    }),
    async (c) => {
      await requestPasswordReset(c.get('deps'), c.req.valid('json'), {
        requestId: c.get('requestId'),
        ip: c.get('ip'),
      });
      return c.body(null, 202);
    },
  )
  .openapi(
    defineRoute({
      method: 'post',
      path: '/auth/password-reset/confirm',
      tags,
      summary: 'Set a new password with the token from the e-mail',
      permission: 'public',
      rateLimited: true,
      request: {
        body: jsonBody(z.object(ZPasswordResetConfirm.shape).openapi('PasswordResetConfirm')),
      },
      responses: { 204: { description: 'Password changed; all sessions ended' } },
    }),
    async (c) => {
      await confirmPasswordReset(c.get('deps'), c.req.valid('json'), {
        requestId: c.get('requestId'),
        ip: c.get('ip'),
      });
      return c.body(null, 204);
    },
  )
  .openapi(
    defineRoute({
      method: 'get',
      path: '/me',
      tags,
      summary: 'The signed-in user, tenant, unit, roles and effective permissions',
      permission: 'authenticated',
      responses: { 200: json(ZMe) },
    }),
    async (c) => c.json(await describeMe(c.get('deps'), contextOf(c)), 200),
  )
  .openapi(
    defineRoute({
      method: 'patch',
      path: '/me',
      tags,
      summary: 'Change your own language or time zone',
      permission: 'authenticated',
      request: { body: jsonBody(ZMyPreferences) },
      responses: { 200: json(ZMe) },
    }),
    async (c) => c.json(await updateMyPreferences(c.get('deps'), contextOf(c), c.req.valid('json')), 200),
  )
  .openapi(
    defineRoute({
      method: 'post',
      path: '/me/totp/enrol',
      tags,
      summary: 'Start enrolling an authenticator app (TOTP)',
      permission: 'authenticated',
      responses: { 200: json(z.object({ secret: z.string(), otpauthUri: z.string() })) },
    }),
    async (c) => c.json(await enrolTotp(c.get('deps'), contextOf(c)), 200),
  )
  .openapi(
    defineRoute({
      method: 'post',
      path: '/me/totp/verify',
      tags,
      summary: 'Confirm enrolment with a current code; returns recovery codes once',
      permission: 'authenticated',
      request: { body: jsonBody(z.object(ZTotpVerifyBody.shape)) },
      responses: { 200: json(z.object({ recoveryCodes: z.array(z.string()) })) },
    }),
    async (c) => c.json(await activateTotp(c.get('deps'), contextOf(c), c.req.valid('json').code), 200),
  )
  .openapi(
    defineRoute({
      method: 'post',
      path: '/me/totp/disable',
      tags,
      summary: 'Turn the second factor off (needs the password)',
      permission: 'authenticated',
      request: { body: jsonBody(z.object(ZTotpDisableBody.shape)) },
      responses: { 204: { description: 'Second factor off' } },
    }),
    async (c) => {
      await disableTotp(c.get('deps'), contextOf(c), c.req.valid('json').password);
      return c.body(null, 204);
    },
  );
