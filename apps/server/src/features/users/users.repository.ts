import { scopeWhere, type TScopeFilter } from '../../platform/access';
import { iso } from '../../platform/schemas';
import type { TTx } from '../../platform/tx';
import type { TUser } from './users.schemas';

export const USER_SCOPE = { users: ['users.id'], unit: 'users.unit_id' };

function baseQuery(tx: TTx, tenantId: string) {
  return tx
    .selectFrom('users')
    .select([
      'users.id',
      'users.email',
      'users.display_name',
      'users.locale',
      'users.time_zone',
      'users.unit_id',
      'users.status',
      'users.totp_enabled_at',
      'users.locked_until',
      'users.created_at',
    ])
    .where('users.tenant_id', '=', tenantId)
    .where('users.deleted_at', 'is', null);
}

type TUserRow = Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirstOrThrow']>>;

async function withRoles(tx: TTx, tenantId: string, rows: TUserRow[]): Promise<TUser[]> {
  if (rows.length === 0) return [];
  const roles = await tx
    .selectFrom('user_roles')
    .innerJoin('roles', (j) =>
      j.onRef('roles.tenant_id', '=', 'user_roles.tenant_id').onRef('roles.id', '=', 'user_roles.role_id'),
    )
    .select(['user_roles.user_id', 'roles.id', 'roles.key', 'roles.name'])
    .where('user_roles.tenant_id', '=', tenantId)
    .where(
      'user_roles.user_id',
      'in',
      rows.map((r) => r.id),
    )
    .where('roles.deleted_at', 'is', null)
    .orderBy('roles.name')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    email: r.email,
    displayName: r.display_name,
    locale: r.locale as TUser['locale'],
    timeZone: r.time_zone,
    unitId: r.unit_id,
    status: r.status as TUser['status'],
    roles: roles.filter((x) => x.user_id === r.id).map((x) => ({ id: x.id, key: x.key, name: x.name })),
    secondFactor: r.totp_enabled_at !== null,
    lockedUntil: r.locked_until && r.locked_until > new Date() ? iso(r.locked_until) : null,
    createdAt: iso(r.created_at),
  }));
}

/** One user inside the scope, or undefined. */
export async function findUser(tx: TTx, tenantId: string, id: string, scope: TScopeFilter) {
  const row = await baseQuery(tx, tenantId)
    .where('users.id', '=', id)
    .where((eb) => scopeWhere(eb, scope, USER_SCOPE))
    .executeTakeFirst();
  return row ? (await withRoles(tx, tenantId, [row]))[0] : undefined;
}

/** A page of users inside the scope, by e-mail. */
export async function listUsers(
  tx: TTx,
  tenantId: string,
  scope: TScopeFilter,
  opts: { limit: number; after: string | null; unitId?: string | undefined },
) {
  let q = baseQuery(tx, tenantId).where((eb) => scopeWhere(eb, scope, USER_SCOPE));
  if (opts.after !== null) q = q.where('users.email', '>', opts.after);
  if (opts.unitId) q = q.where('users.unit_id', '=', opts.unitId);
  const rows = await q
    .orderBy('users.email')
    .limit(opts.limit + 1)
    .execute();
  return withRoles(tx, tenantId, rows);
}

/** Checks that every role id names a live role of the tenant; answers the missing ones. */
export async function missingRoles(tx: TTx, tenantId: string, roleIds: string[]): Promise<string[]> {
  const found = await tx
    .selectFrom('roles')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('id', 'in', roleIds)
    .where('deleted_at', 'is', null)
    .execute();
  const have = new Set(found.map((r) => r.id));
  return roleIds.filter((id) => !have.has(id));
}

export async function unitExists(tx: TTx, tenantId: string, unitId: string): Promise<boolean> {
  const u = await tx
    .selectFrom('units')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('id', '=', unitId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return Boolean(u);
}

export async function setUserRoles(tx: TTx, tenantId: string, userId: string, roleIds: string[]) {
  await tx.deleteFrom('user_roles').where('tenant_id', '=', tenantId).where('user_id', '=', userId).execute();
  await tx
    .insertInto('user_roles')
    .values([...new Set(roleIds)].map((role_id) => ({ tenant_id: tenantId, user_id: userId, role_id })))
    .execute();
}
