import { z } from '@hono/zod-openapi';
import { ZCreateApiKeyBody } from '@kontor/contracts';
import { sql } from 'kysely';
import { resolveScope } from '../../platform/access';
import { recordAudit, type TContext } from '../../platform/audit';
import { API_KEY_PREFIX } from '../../platform/authenticate';
import type { TDeps } from '../../platform/deps';
import { fieldError, notFound } from '../../platform/errors';
import { iso } from '../../platform/schemas';
import { randomToken, sha256 } from '../../platform/security';
import { inTenant, type TTx } from '../../platform/tx';
import { parseInput } from '../../platform/validation';

export const ZApiKey = z
  .object({
    id: z.uuid(),
    name: z.string(),
    userId: z
      .uuid()
      .openapi({ description: 'The user the key acts as; it never has more rights than they do' }),
    prefix: z.string(),
    scopes: z
      .array(z.string())
      .nullable()
      .openapi({ description: 'module:action list; null = all of the user’s rights' }),
    expiresAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
    lastUsedAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('ApiKey');

// The request body is @kontor/contracts' (the web app checks the same as the user types), rebuilt
// here to carry its OpenAPI name.
export const ZCreateApiKey = z.object(ZCreateApiKeyBody.shape).openapi('CreateApiKey');

type TKeyRow = {
  id: string;
  name: string;
  user_id: string;
  prefix: string;
  scopes: string[] | null;
  expires_at: Date | null;
  revoked_at: Date | null;
  last_used_at: Date | null;
  created_at: Date;
};
const toKey = (r: TKeyRow) => ({
  id: r.id,
  name: r.name,
  userId: r.user_id,
  prefix: r.prefix,
  scopes: r.scopes,
  expiresAt: iso(r.expires_at),
  revokedAt: iso(r.revoked_at),
  lastUsedAt: iso(r.last_used_at),
  createdAt: iso(r.created_at),
});

function keys(tx: TTx, tenantId: string) {
  return tx
    .selectFrom('api_keys')
    .select([
      'id',
      'name',
      'user_id',
      'prefix',
      'scopes',
      'expires_at',
      'revoked_at',
      'last_used_at',
      'created_at',
    ])
    .where('tenant_id', '=', tenantId);
}

export async function listApiKeys(deps: TDeps, ctx: TContext) {
  return inTenant(deps.database, ctx.actor.tenantId, async (tx) => {
    await resolveScope(tx, ctx.actor, 'api_keys', 'manage');
    return (await keys(tx, ctx.actor.tenantId).orderBy('created_at', 'desc').execute()).map(toKey);
  });
}

/** Creates a key and answers its secret once; only a hash is kept. */
export async function createApiKey(deps: TDeps, ctx: TContext, raw: unknown) {
  const input = parseInput(ZCreateApiKey, raw);
  if (input.expiresAt && new Date(input.expiresAt) <= new Date())
    throw fieldError('expiresAt', 'past', 'lies in the past');
  const secret = randomToken(32);
  return inTenant(deps.database, ctx.actor.tenantId, async (tx) => {
    await resolveScope(tx, ctx.actor, 'api_keys', 'manage');
    const userId = input.userId ?? ctx.actor.userId;
    const user = await tx
      .selectFrom('users')
      .select('id')
      .where('tenant_id', '=', ctx.actor.tenantId)
      .where('id', '=', userId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (!user) throw fieldError('userId', 'unknown', 'unknown user');
    const row = await tx
      .insertInto('api_keys')
      .values({
        tenant_id: ctx.actor.tenantId,
        user_id: userId,
        name: input.name,
        prefix: '',
        secret_hash: sha256(secret),
        scopes: input.scopes,
        expires_at: input.expiresAt ? new Date(input.expiresAt) : null,
        created_by: ctx.actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const token = `${API_KEY_PREFIX}${row.id}_${secret}`;
    await tx
      .updateTable('api_keys')
      .set({ prefix: token.slice(0, 12) })
      .where('tenant_id', '=', ctx.actor.tenantId)
      .where('id', '=', row.id)
      .execute();
    const key = toKey(await keys(tx, ctx.actor.tenantId).where('id', '=', row.id).executeTakeFirstOrThrow());
    await recordAudit(tx, ctx, {
      entity: 'api_key',
      entityId: row.id,
      action: 'create',
      after: key,
      ownerUserIds: [userId],
    });
    return { ...key, token };
  });
}

export async function revokeApiKey(deps: TDeps, ctx: TContext, id: string) {
  return inTenant(deps.database, ctx.actor.tenantId, async (tx) => {
    await resolveScope(tx, ctx.actor, 'api_keys', 'manage');
    const before = await keys(tx, ctx.actor.tenantId).where('id', '=', id).executeTakeFirst();
    if (!before) throw notFound('API key');
    await tx
      .updateTable('api_keys')
      .set({ revoked_at: sql`coalesce(revoked_at, now())` })
      .where('tenant_id', '=', ctx.actor.tenantId)
      .where('id', '=', id)
      .execute();
    const after = toKey(await keys(tx, ctx.actor.tenantId).where('id', '=', id).executeTakeFirstOrThrow());
    await recordAudit(tx, ctx, {
      entity: 'api_key',
      entityId: id,
      action: 'revoke',
      before: toKey(before),
      after,
      ownerUserIds: [before.user_id],
    });
    return after;
  });
}
