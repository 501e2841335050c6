import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { verify } from '@node-rs/argon2';
import type { TRequestFn } from './load';
import { one, rawAsSystem, rawInTenant } from './raw-tx';
import type { TBenchContext } from './scenarios';

// The statements below are what Kysely sends for features/auth/login.ts, platform/authenticate.ts,
// platform/actor.repository.ts and features/auth/me.ts (compiled and copied; keep them in step).
const LOGIN_USER = `select "users"."tenant_id", "users"."id", "users"."password_hash", "users"."locked_until", "users"."failed_logins", "users"."totp_secret", "users"."totp_enabled_at", "users"."email" from "users" inner join "tenants" on "tenants"."id" = "users"."tenant_id" where "tenants"."slug" = $1 and "users"."email" = $2 and "users"."status" = $3 and "users"."deleted_at" is null`;
const RESET_FAILURES = `update "users" set "failed_logins" = $1, "locked_until" = $2 where "tenant_id" = $3 and "id" = $4`;
const INSERT_SESSION = `insert into "sessions" ("tenant_id", "user_id", "token_hash", "csrf_token", "expires_at", "ip", "user_agent") values ($1, $2, $3, $4, now() + make_interval(hours => $5), $6, $7)`;
const INSERT_AUDIT = `insert into "audit_log" ("tenant_id", "actor_user_id", "on_behalf_of_user_id", "api_key_id", "entity", "entity_id", "action", "before", "after", "request_id", "ip", "owner_user_id", "unit_id") values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`;
const SESSION = `select "tenant_id", "id", "user_id", "csrf_token", "last_seen_at" from "sessions" where "token_hash" = $1 and "expires_at" > now()`;
const ACTOR_USER = `select "users"."id", "users"."email", "users"."display_name", "users"."locale", "users"."unit_id", "tenants"."slug" as "tenant_slug" from "users" inner join "tenants" on "tenants"."id" = "users"."tenant_id" where "users"."tenant_id" = $1 and "users"."id" = $2 and "users"."status" = $3 and "users"."deleted_at" is null`;
const ACTOR_GRANTS = `select "roles"."id", "roles"."key", "roles"."name", "role_grants"."module", "role_grants"."action", "role_grants"."scope" from "user_roles" inner join "roles" on "roles"."tenant_id" = "user_roles"."tenant_id" and "roles"."id" = "user_roles"."role_id" left join "role_grants" on "role_grants"."tenant_id" = "roles"."tenant_id" and "role_grants"."role_id" = "roles"."id" where "user_roles"."tenant_id" = $1 and "user_roles"."user_id" = $2 and "roles"."deleted_at" is null`;
const ACTOR_SUBSTITUTES = `select "substitutes"."user_id" from "substitutes" inner join "users" as "absent" on "absent"."tenant_id" = "substitutes"."tenant_id" and "absent"."id" = "substitutes"."user_id" where "substitutes"."tenant_id" = $1 and "substitutes"."substitute_id" = $2 and "substitutes"."deleted_at" is null and "absent"."deleted_at" is null and current_date between substitutes.starts_on and substitutes.ends_on`;
const ME_TENANT = `select "id", "slug", "name" from "tenants" where "id" = $1`;
const ME_UNIT = `select "id", "name", "kind" from "units" where "tenant_id" = $1 and "id" = $2`;
const ME_USER = `select "time_zone", "totp_enabled_at" from "users" where "tenant_id" = $1 and "id" = $2`;

const sha256 = (value: string) => createHash('sha256').update(value).digest('hex');
const token = (bytes: number) => randomBytes(bytes).toString('base64url');
const SESSION_HOURS = 12;
const CLIENT_IP = '127.0.0.1';

type TLoginRow = { tenant_id: string; id: string; password_hash: string };

/** The database work of a successful sign-in, optionally with the argon2id check Kontor makes. */
export function rawLogin(ctx: TBenchContext, withArgon: boolean): TRequestFn {
  const { pool, fixture } = ctx;
  return async (worker) => {
    const user = fixture.users[worker % fixture.users.length]!;
    const found = await rawAsSystem(pool, (c) =>
      one<TLoginRow>(c, LOGIN_USER, [fixture.tenantSlug, user.email, 'active'], 'login user'),
    );
    if (withArgon && !(await verify(found.password_hash, fixture.password))) {
      throw new Error('argon2 verify refused the bench password');
    }
    const sessionToken = token(32);
    await rawAsSystem(pool, async (c) => {
      await c.query(RESET_FAILURES, [0, null, found.tenant_id, found.id]);
      await c.query(INSERT_SESSION, [
        found.tenant_id,
        found.id,
        sha256(sessionToken),
        token(24),
        SESSION_HOURS,
        CLIENT_IP,
        'kontor-bench',
      ]);
      await c.query(INSERT_AUDIT, [
        found.tenant_id,
        found.id,
        null,
        null,
        'user',
        found.id,
        'login',
        null,
        null,
        randomUUID(),
        CLIENT_IP,
        found.id,
        null,
      ]);
    });
  };
}

/** One argon2id verification of a bench user's stored hash: the CPU a sign-in spends by design. */
export async function argonVerify(ctx: TBenchContext): Promise<TRequestFn> {
  const { fixture } = ctx;
  const stored = await rawAsSystem(ctx.pool, (c) =>
    one<TLoginRow>(c, LOGIN_USER, [fixture.tenantSlug, fixture.users[0]!.email, 'active'], 'login user'),
  );
  return async () => {
    if (!(await verify(stored.password_hash, fixture.password))) throw new Error('argon2 verify refused');
  };
}

type TSessionRow = { tenant_id: string; user_id: string };
type TActorRow = { id: string; unit_id: string | null };

/** The database work of GET /me: session and actor (as authenticate() loads them), then describeMe. */
export function rawMe(ctx: TBenchContext): TRequestFn {
  const { pool, fixture } = ctx;
  return async (worker) => {
    const user = fixture.users[worker % fixture.users.length]!;
    const actor = await rawAsSystem(pool, async (c) => {
      const session = await one<TSessionRow>(c, SESSION, [sha256(user.sessionToken)], 'session');
      // Sliding expiry writes at most every five minutes: never inside a bench run.
      const row = await one<TActorRow>(
        c,
        ACTOR_USER,
        [session.tenant_id, session.user_id, 'active'],
        'actor',
      );
      await c.query(ACTOR_GRANTS, [session.tenant_id, session.user_id]);
      await c.query(ACTOR_SUBSTITUTES, [session.tenant_id, session.user_id]);
      return { tenantId: session.tenant_id, userId: row.id, unitId: row.unit_id };
    });
    await rawInTenant(pool, actor.tenantId, async (c) => {
      await one(c, ME_TENANT, [actor.tenantId], 'tenant');
      if (actor.unitId) await c.query(ME_UNIT, [actor.tenantId, actor.unitId]);
      await one(c, ME_USER, [actor.tenantId, actor.userId], 'user');
    });
  };
}
