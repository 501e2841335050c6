import type { MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { sql } from 'kysely';
import { loadActor } from './actor.repository';
import { AppError } from './errors';
import type { TEnv } from './http';
import { safeEqual, sha256 } from './security';
import { asSystem } from './tx';

export const SESSION_COOKIE = 'kontor_session';
export const CSRF_COOKIE = 'kontor_csrf';
export const SESSION_HOURS = 12;
export const API_KEY_PREFIX = 'ktr_';

/** `ktr_<key id>_<secret>` → its parts, or null when the token has another shape. */
export function parseApiKey(token: string): { id: string; secret: string } | null {
  const m = /^ktr_([0-9a-f-]{36})_([A-Za-z0-9_-]{20,})$/.exec(token);
  return m ? { id: m[1]!, secret: m[2]! } : null;
}

/**
 * Finds out who is calling: a bearer API key (any invalid one answers 401 at once) or a session
 * cookie (an invalid one is ignored: the caller is anonymous). Sets `actor`, `via`, `csrfToken`.
 */
export function authenticate(): MiddlewareHandler<TEnv> {
  return async (c, next) => {
    c.set('actor', null);
    c.set('via', null);
    c.set('csrfToken', null);
    const { database } = c.get('deps');
    const authorization = c.req.header('authorization');
    if (authorization) {
      const token = /^Bearer\s+(.+)$/i.exec(authorization)?.[1]?.trim() ?? '';
      const parsed = parseApiKey(token);
      const actor =
        parsed &&
        (await asSystem(database, async (tx) => {
          const key = await tx
            .selectFrom('api_keys')
            .selectAll()
            .where('id', '=', parsed.id)
            .where('revoked_at', 'is', null)
            .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', sql<Date>`now()`)]))
            .executeTakeFirst();
          if (!key || !safeEqual(key.secret_hash, sha256(parsed.secret))) return null;
          await tx
            .updateTable('api_keys')
            .set({ last_used_at: sql`now()` })
            .where('tenant_id', '=', key.tenant_id)
            .where('id', '=', key.id)
            .where((eb) =>
              eb.or([
                eb('last_used_at', 'is', null),
                eb('last_used_at', '<', sql<Date>`now() - interval '1 minute'`),
              ]),
            )
            .execute();
          return loadActor(tx, key.tenant_id, key.user_id, { apiKeyId: key.id, keyScopes: key.scopes });
        }));
      if (!actor) throw new AppError('unauthenticated', 'the API key is invalid, expired or revoked');
      c.set('actor', actor);
      c.set('via', 'bearer');
      return next();
    }
    const token = getCookie(c, SESSION_COOKIE);
    if (token) {
      const found = await asSystem(database, async (tx) => {
        const session = await tx
          .selectFrom('sessions')
          .select(['tenant_id', 'id', 'user_id', 'csrf_token', 'last_seen_at'])
          .where('token_hash', '=', sha256(token))
          .where('expires_at', '>', sql<Date>`now()`)
          .executeTakeFirst();
        if (!session) return null;
        // Sliding expiry, written at most every five minutes.
        if (Date.now() - session.last_seen_at.getTime() > 5 * 60_000) {
          await tx
            .updateTable('sessions')
            .set({
              last_seen_at: sql`now()`,
              expires_at: sql`now() + make_interval(hours => ${SESSION_HOURS})`,
            })
            .where('tenant_id', '=', session.tenant_id)
            .where('id', '=', session.id)
            .execute();
        }
        const actor = await loadActor(tx, session.tenant_id, session.user_id, { sessionId: session.id });
        return actor && { actor, csrf: session.csrf_token };
      });
      if (found) {
        c.set('actor', found.actor);
        c.set('via', 'cookie');
        c.set('csrfToken', found.csrf);
      }
    }
    return next();
  };
}
