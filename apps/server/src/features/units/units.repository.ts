import { scopeWhere, type TScopeFilter } from '../../platform/access';
import { iso } from '../../platform/schemas';
import type { TTx } from '../../platform/tx';
import type { TUnit } from './units.schemas';

export const UNIT_SCOPE = { unit: 'units.id' };

function toUnit(r: {
  id: string;
  parent_id: string | null;
  kind: string;
  branch_kind: string | null;
  name: string;
  created_at: Date;
}): TUnit {
  return {
    id: r.id,
    parentId: r.parent_id,
    kind: r.kind as TUnit['kind'],
    branchKind: r.branch_kind as TUnit['branchKind'],
    name: r.name,
    createdAt: iso(r.created_at),
  };
}

const COLUMNS = ['id', 'parent_id', 'kind', 'branch_kind', 'name', 'created_at'] as const;

/** Every live unit of the tenant inside the scope, ordered by name (the tree is small). */
export async function listUnits(tx: TTx, tenantId: string, scope: TScopeFilter): Promise<TUnit[]> {
  const rows = await tx
    .selectFrom('units')
    .select(COLUMNS)
    .where('tenant_id', '=', tenantId)
    .where('deleted_at', 'is', null)
    .where((eb) => scopeWhere(eb, scope, UNIT_SCOPE))
    .orderBy('name')
    .orderBy('id')
    .execute();
  return rows.map(toUnit);
}

export async function findUnit(
  tx: TTx,
  tenantId: string,
  id: string,
  scope: TScopeFilter,
): Promise<TUnit | undefined> {
  const row = await tx
    .selectFrom('units')
    .select(COLUMNS)
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .where((eb) => scopeWhere(eb, scope, UNIT_SCOPE))
    .executeTakeFirst();
  return row ? toUnit(row) : undefined;
}

/** The whole live tree as id/parent pairs, for hierarchy checks. */
export async function unitTree(tx: TTx, tenantId: string) {
  return tx
    .selectFrom('units')
    .select(['id', 'parent_id as parentId', 'kind'])
    .where('tenant_id', '=', tenantId)
    .where('deleted_at', 'is', null)
    .execute();
}

export async function countUsersIn(tx: TTx, tenantId: string, unitIds: string[]): Promise<number> {
  const r = await tx
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('tenant_id', '=', tenantId)
    .where('unit_id', 'in', unitIds)
    .where('deleted_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}
