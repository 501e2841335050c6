import { z } from '@hono/zod-openapi';
import { LOCALES } from '@kontor/contracts';
import { recordAudit, type TContext } from '../../platform/audit';
import type { TDeps } from '../../platform/deps';
import { fieldError } from '../../platform/errors';
import { inTenant } from '../../platform/tx';
import { parseInput } from '../../platform/validation';

/** The signed-in user as the web app needs them: who, where, which roles, what they may do. */
export async function describeMe(deps: TDeps, ctx: TContext) {
  const { actor } = ctx;
  return inTenant(deps.database, actor.tenantId, async (tx) => {
    const tenant = await tx
      .selectFrom('tenants')
      .select(['id', 'slug', 'name'])
      .where('id', '=', actor.tenantId)
      .executeTakeFirstOrThrow();
    const unit = actor.unitId
      ? await tx
          .selectFrom('units')
          .select(['id', 'name', 'kind'])
          .where('tenant_id', '=', actor.tenantId)
          .where('id', '=', actor.unitId)
          .executeTakeFirst()
      : undefined;
    const user = await tx
      .selectFrom('users')
      .select(['time_zone', 'totp_enabled_at'])
      .where('tenant_id', '=', actor.tenantId)
      .where('id', '=', actor.userId)
      .executeTakeFirstOrThrow();
    return {
      user: {
        id: actor.userId,
        email: actor.email,
        displayName: actor.displayName,
        locale: actor.locale,
        timeZone: user.time_zone,
        secondFactor: user.totp_enabled_at !== null,
      },
      tenant,
      unit: unit ?? null,
      roles: actor.roles.map((r) => ({ id: r.id, key: r.key, name: r.name })),
      permissions: [...actor.permissions]
        .map(([permission, scope]) => ({ permission, scope }))
        .sort((a, b) => a.permission.localeCompare(b.permission)),
      substitutingFor: actor.substitutingFor,
      via: actor.apiKeyId ? ('api_key' as const) : ('session' as const),
    };
  });
}

export const ZMyPreferences = z
  .object({
    locale: z.enum(LOCALES).optional(),
    timeZone: z.string().min(1).max(64).optional(),
  })
  .refine((v) => v.locale !== undefined || v.timeZone !== undefined, {
    message: 'give locale or timeZone',
    path: ['locale'],
  })
  .openapi('MyPreferences');

/** The signed-in user changes their own language or time zone (no users:edit needed). */
export async function updateMyPreferences(deps: TDeps, ctx: TContext, raw: unknown) {
  const input = parseInput(ZMyPreferences, raw);
  if (input.timeZone) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: input.timeZone });
    } catch {
      throw fieldError('timeZone', 'invalid', `unknown time zone ${input.timeZone}`);
    }
  }
  const { actor } = ctx;
  await inTenant(deps.database, actor.tenantId, async (tx) => {
    const before = await tx
      .selectFrom('users')
      .select(['locale', 'time_zone'])
      .where('tenant_id', '=', actor.tenantId)
      .where('id', '=', actor.userId)
      .executeTakeFirstOrThrow();
    const after = { locale: input.locale ?? before.locale, time_zone: input.timeZone ?? before.time_zone };
    await tx
      .updateTable('users')
      .set({ ...after, updated_at: new Date() })
      .where('tenant_id', '=', actor.tenantId)
      .where('id', '=', actor.userId)
      .execute();
    await recordAudit(tx, ctx, {
      entity: 'user',
      entityId: actor.userId,
      action: 'update',
      before: { locale: before.locale, timeZone: before.time_zone },
      after: { locale: after.locale, timeZone: after.time_zone },
      ownerUserIds: [actor.userId],
      unitId: actor.unitId,
    });
  });
  return describeMe(deps, { ...ctx, actor: { ...actor, locale: input.locale ?? actor.locale } });
}
