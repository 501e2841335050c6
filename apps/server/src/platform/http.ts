import { randomUUID } from 'node:crypto';
import { createRoute, OpenAPIHono, type RouteConfig } from '@hono/zod-openapi';
import { isPermission, splitPermission, type TLocale, type TRoutePermission } from '@kontor/contracts';
import type { Context, MiddlewareHandler } from 'hono';
import type { TActor } from './access';
import type { TContext } from './audit';
import type { TDeps } from './deps';
import { AppError } from './errors';
import { ZProblem } from './schemas';
import { validationError } from './validation';

export type TEnv = {
  Variables: {
    deps: TDeps;
    requestId: string;
    ip: string | null;
    locale: TLocale;
    actor: TActor | null;
    /** How the actor proved who they are: cookie sessions need a CSRF token on writes. */
    via: 'cookie' | 'bearer' | null;
    csrfToken: string | null;
  };
};

/** A router with Kontor's validation errors; every feature builds its routes on one. */
export function newRouter() {
  return new OpenAPIHono<TEnv>({
    defaultHook: (result, c) => {
      if (!result.success) throw validationError(result.error.issues, result.target, c.get('locale'));
    },
  });
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** The guard every route carries: the permission it declares, checked before the handler. */
function authorize(permission: TRoutePermission): MiddlewareHandler<TEnv> {
  return async (c, next) => {
    if (permission === 'public') return next();
    const actor = c.get('actor');
    if (!actor) throw new AppError('unauthenticated');
    if (c.get('via') === 'cookie' && UNSAFE.has(c.req.method)) {
      const sent = c.req.header('x-csrf-token');
      if (!sent || sent !== c.get('csrfToken')) throw new AppError('csrf_failed');
    }
    if (permission !== 'authenticated') {
      const { module, action } = splitPermission(permission);
      if (!actor.permissions.has(`${module}:${action}`))
        throw new AppError('forbidden', `needs ${permission}`);
    }
    return next();
  };
}

/** Counts requests per client address and path on public endpoints; 429 over the limit. */
function rateLimit(): MiddlewareHandler<TEnv> {
  return async (c, next) => {
    const { publicLimiter } = c.get('deps');
    if (!publicLimiter.hit(`${c.get('ip') ?? 'unknown'} ${c.req.path}`)) throw new AppError('rate_limited');
    return next();
  };
}

/**
 * A route with the permission it needs; the permission also appears in the OpenAPI document.
 * `rateLimited` routes (sign-in, password reset) count requests per client address.
 */
export function defineRoute<R extends Omit<RouteConfig, 'middleware'>>(
  config: R & { permission: TRoutePermission; rateLimited?: boolean },
) {
  const { permission, rateLimited, ...rest } = config;
  if (permission !== 'public' && permission !== 'authenticated' && !isPermission(permission)) {
    throw new Error(`unknown permission ${permission}`);
  }
  const security = permission === 'public' ? [] : [{ session: [] }, { apiKey: [] }];
  return createRoute({
    ...rest,
    security,
    responses: { ...rest.responses, default: problemResponse('An error, as RFC 9457 problem details') },
    'x-permission': permission,
    middleware: rateLimited ? [rateLimit(), authorize(permission)] : [authorize(permission)],
  } as unknown as R & { middleware: MiddlewareHandler<TEnv>[] });
}

/** The use-case context of a request whose route required a signed-in actor. */
export function contextOf(c: Context<TEnv>): TContext {
  const actor = c.get('actor');
  if (!actor) throw new AppError('unauthenticated');
  return { actor, requestId: c.get('requestId'), ip: c.get('ip') };
}

/** Accepts a caller's request id when it looks like one; otherwise makes a new one. */
export function requestIdFrom(header: string | undefined): string {
  return header && /^[A-Za-z0-9._:-]{8,128}$/.test(header) ? header : randomUUID();
}

/** Is the client talking to us over https (directly, or through a trusted proxy)? */
export function isHttps(c: Context<TEnv>): boolean {
  const { config } = c.get('deps');
  if (new URL(c.req.url).protocol === 'https:') return true;
  if (config.trustProxy && c.req.header('x-forwarded-proto') === 'https') return true;
  return config.publicUrl.startsWith('https:');
}

/** A JSON schema for the problem answers of the OpenAPI document. */
export const problemResponse = (description: string) => ({
  description,
  content: { 'application/problem+json': { schema: ZProblem } },
});
