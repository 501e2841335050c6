import type { TContext } from '../../platform/audit';
import type { TDeps } from '../../platform/deps';
import { inTenant } from '../../platform/tx';

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
