import type { TGrant, TPermission } from '@kontor/contracts';
import { limitToKeyScopes, mergeGrants } from '@kontor/domain';
import { sql } from 'kysely';
import type { TActor } from './access';
import type { TTx } from './tx';

/**
 * Loads an active user as an actor: roles, merged grants, and the users they substitute today.
 * Returns null when the user is gone, disabled or in the trash.
 */
export async function loadActor(
  tx: TTx,
  tenantId: string,
  userId: string,
  via: { sessionId?: string; apiKeyId?: string; keyScopes?: string[] | null },
): Promise<TActor | null> {
  const user = await tx
    .selectFrom('users')
    .innerJoin('tenants', 'tenants.id', 'users.tenant_id')
    .select([
      'users.id',
      'users.email',
      'users.display_name',
      'users.locale',
      'users.unit_id',
      'tenants.slug as tenant_slug',
    ])
    .where('users.tenant_id', '=', tenantId)
    .where('users.id', '=', userId)
    .where('users.status', '=', 'active')
    .where('users.deleted_at', 'is', null)
    .executeTakeFirst();
  if (!user) return null;
  const grants = await tx
    .selectFrom('user_roles')
    .innerJoin('roles', (j) =>
      j.onRef('roles.tenant_id', '=', 'user_roles.tenant_id').onRef('roles.id', '=', 'user_roles.role_id'),
    )
    .leftJoin('role_grants', (j) =>
      j.onRef('role_grants.tenant_id', '=', 'roles.tenant_id').onRef('role_grants.role_id', '=', 'roles.id'),
    )
    .select([
      'roles.id',
      'roles.key',
      'roles.name',
      'role_grants.module',
      'role_grants.action',
      'role_grants.scope',
    ])
    .where('user_roles.tenant_id', '=', tenantId)
    .where('user_roles.user_id', '=', userId)
    .where('roles.deleted_at', 'is', null)
    .execute();
  const roles = new Map<string, { id: string; key: string | null; name: string }>();
  const granted: TGrant[] = [];
  for (const g of grants) {
    roles.set(g.id, { id: g.id, key: g.key, name: g.name });
    if (g.module && g.action && g.scope)
      granted.push({ module: g.module, action: g.action, scope: g.scope } as TGrant);
  }
  const absent = await tx
    .selectFrom('substitutes')
    .innerJoin('users as absent', (j) =>
      j
        .onRef('absent.tenant_id', '=', 'substitutes.tenant_id')
        .onRef('absent.id', '=', 'substitutes.user_id'),
    )
    .select('substitutes.user_id')
    .where('substitutes.tenant_id', '=', tenantId)
    .where('substitutes.substitute_id', '=', userId)
    .where('substitutes.deleted_at', 'is', null)
    .where('absent.deleted_at', 'is', null)
    .where(sql<boolean>`current_date between substitutes.starts_on and substitutes.ends_on`)
    .execute();
  const keyScopes = (via.keyScopes ?? null) as TPermission[] | null;
  return {
    tenantId,
    tenantSlug: user.tenant_slug,
    userId: user.id,
    unitId: user.unit_id,
    email: user.email,
    displayName: user.display_name,
    locale: user.locale,
    roles: [...roles.values()],
    permissions: limitToKeyScopes(mergeGrants(granted), keyScopes),
    substitutingFor: [...new Set(absent.map((a) => a.user_id))],
    sessionId: via.sessionId ?? null,
    apiKeyId: via.apiKeyId ?? null,
  };
}
