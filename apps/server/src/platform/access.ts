import type { TAction, TModule, TPermission, TScope } from '@kontor/contracts';
import { unitsInScope } from '@kontor/domain';
import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import { AppError } from './errors';
import type { TTx } from './tx';

/** Who is acting: a signed-in user or an API key, with everything permission checks need. */
export type TActor = {
  tenantId: string;
  tenantSlug: string;
  userId: string;
  unitId: string | null;
  email: string;
  displayName: string;
  locale: string;
  roles: { id: string; key: string | null; name: string }[];
  /** The widest scope of each permission the actor holds (limited by the API key's scopes). */
  permissions: Map<TPermission, TScope>;
  /** Users the actor stands in for today: their records count as the actor's own. */
  substitutingFor: string[];
  sessionId: string | null;
  apiKeyId: string | null;
};

/** `all`, or the owners and units whose records a scope reaches. */
export type TScopeFilter =
  | { all: true }
  | { all: false; tenantId: string; userIds: string[]; unitIds: string[] };

/** The scope the actor has for an action, or a 403 when none. */
export function requireScope(actor: TActor, module: TModule, action: TAction): TScope {
  const scope = actor.permissions.get(`${module}:${action}`);
  if (!scope) throw new AppError('forbidden', `needs ${module}:${action}`);
  return scope;
}

/**
 * The one scope resolver: turns (actor, module, action) into the owners and units whose records
 * the actor may touch. Repositories apply it with `scopeWhere`; no handler filters by hand.
 */
export async function resolveScope(
  tx: TTx,
  actor: TActor,
  module: TModule,
  action: TAction,
): Promise<TScopeFilter> {
  const scope = requireScope(actor, module, action);
  if (scope === 'all') return { all: true };
  const tree =
    scope === 'own'
      ? []
      : await tx
          .selectFrom('units')
          .select(['id', 'parent_id as parentId'])
          .where('tenant_id', '=', actor.tenantId)
          .where('deleted_at', 'is', null)
          .execute();
  const unitIds = unitsInScope(scope, actor.unitId, tree);
  const userIds = new Set([actor.userId, ...actor.substitutingFor]);
  if (unitIds.length > 0) {
    const members = await tx
      .selectFrom('users')
      .select('id')
      .where('tenant_id', '=', actor.tenantId)
      .where('unit_id', 'in', unitIds)
      .execute();
    for (const m of members) userIds.add(m.id);
  }
  return { all: false, tenantId: actor.tenantId, userIds: [...userIds], unitIds };
}

export type TScopeColumns = {
  /** Columns naming a user who owns or works the record (owner, executor, the user itself). */
  users?: string[];
  /** A column naming the unit the record belongs to. */
  unit?: string;
  /**
   * Users who reach the record through another table (a case's co-executors, a client's cases):
   * a condition over the users in scope. Write it as `id in (uncorrelated select … of the tenant)`:
   * PostgreSQL then builds the set once per query (a hashed subplan) instead of probing per row.
   */
  // biome-ignore lint/suspicious/noExplicitAny: works on any table of the query
  via?: (eb: ExpressionBuilder<any, any>, userIds: string[], tenantId: string) => Expression<SqlBool>;
};

/**
 * The `where` condition of a scope over a table: a record is in scope when one of its user
 * columns names a user in scope, or its unit column a unit in scope.
 */
// biome-ignore lint/suspicious/noExplicitAny: works on any table of the query
export function scopeWhere<EB extends ExpressionBuilder<any, any>>(
  eb: EB,
  filter: TScopeFilter,
  columns: TScopeColumns,
): Expression<SqlBool> {
  if (filter.all) return sql<boolean>`true`;
  const parts: Expression<SqlBool>[] = [];
  if (filter.userIds.length > 0) {
    for (const c of columns.users ?? []) parts.push(eb(eb.ref(c), 'in', filter.userIds));
    if (columns.via) parts.push(columns.via(eb, filter.userIds, filter.tenantId));
  }
  if (columns.unit && filter.unitIds.length > 0) parts.push(eb(eb.ref(columns.unit), 'in', filter.unitIds));
  return parts.length > 0 ? eb.or(parts) : sql<boolean>`false`;
}

/** Is a record with these owners and unit inside the filter? (for records already loaded) */
export function inScope(filter: TScopeFilter, userIds: (string | null)[], unitId: string | null): boolean {
  if (filter.all) return true;
  if (userIds.some((u) => u !== null && filter.userIds.includes(u))) return true;
  return unitId !== null && filter.unitIds.includes(unitId);
}

/** Whose behalf the actor acts on when touching a record of these owners (for the audit trail). */
export function actingFor(actor: TActor, ownerIds: (string | null)[]): string | null {
  if (ownerIds.includes(actor.userId)) return null;
  return ownerIds.find((id) => id !== null && actor.substitutingFor.includes(id)) ?? null;
}
