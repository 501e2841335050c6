import type { TUnitKind } from '@kontor/contracts';
import { isAllowedParent, subtreeOf, wouldCreateCycle } from '@kontor/domain';
import { resolveScope } from '../../platform/access';
import { recordAudit, type TContext } from '../../platform/audit';
import type { TDeps } from '../../platform/deps';
import { AppError, fieldError, notFound } from '../../platform/errors';
import { moveToTrash, registerTrashable } from '../../platform/trash';
import { inTenant, type TTx } from '../../platform/tx';
import { parseInput } from '../../platform/validation';
import { countUsersIn, findUnit, listUnits, unitTree } from './units.repository';
import { ZCreateUnit, ZUpdateUnit } from './units.schemas';

// A unit leaves for the trash with every unit below it; users must have been moved out first.
export const UNIT_TRASH = registerTrashable({ entity: 'unit', table: 'units', dependents: [] });

async function checkPlace(
  tx: TTx,
  tenantId: string,
  unitId: string | null,
  kind: TUnitKind,
  parentId: string | null,
) {
  const tree = await unitTree(tx, tenantId);
  const parent = parentId ? tree.find((u) => u.id === parentId) : null;
  if (parentId && !parent) throw fieldError('parentId', 'unknown', 'unknown parent unit');
  if (!isAllowedParent(kind, (parent?.kind as TUnitKind | undefined) ?? null)) {
    throw new AppError(
      'invalid_hierarchy',
      `a ${kind} cannot sit ${parent ? `below a ${parent.kind}` : 'at the top'}`,
      [{ field: 'parentId', code: 'invalid_hierarchy', message: 'not allowed here' }],
    );
  }
  if (unitId && wouldCreateCycle(unitId, parentId, tree)) {
    throw new AppError('invalid_hierarchy', 'a unit cannot move below itself', [
      { field: 'parentId', code: 'cycle', message: 'would create a cycle' },
    ]);
  }
}

export async function listUnitsUseCase(deps: TDeps, ctx: TContext) {
  return inTenant(deps.database, ctx.actor.tenantId, async (tx) => {
    const scope = await resolveScope(tx, ctx.actor, 'org', 'view');
    return listUnits(tx, ctx.actor.tenantId, scope);
  });
}

export async function getUnitUseCase(deps: TDeps, ctx: TContext, id: string) {
  return inTenant(deps.database, ctx.actor.tenantId, async (tx) => {
    const unit = await findUnit(tx, ctx.actor.tenantId, id, await resolveScope(tx, ctx.actor, 'org', 'view'));
    if (!unit) throw notFound('unit');
    return unit;
  });
}

export async function createUnit(deps: TDeps, ctx: TContext, raw: unknown) {
  const input = parseInput(ZCreateUnit, raw);
  if ((input.kind === 'branch') !== (input.branchKind !== undefined)) {
    throw fieldError(
      'branchKind',
      'required',
      'branches need a branch kind (own, partner, franchise); other units none',
    );
  }
  return inTenant(deps.database, ctx.actor.tenantId, async (tx) => {
    const scope = await resolveScope(tx, ctx.actor, 'org', 'create');
    if (!scope.all && (input.parentId === null || !scope.unitIds.includes(input.parentId))) {
      throw new AppError('forbidden', 'you may create units only below units within your scope');
    }
    await checkPlace(tx, ctx.actor.tenantId, null, input.kind, input.parentId);
    const row = await tx
      .insertInto('units')
      .values({
        tenant_id: ctx.actor.tenantId,
        parent_id: input.parentId,
        kind: input.kind,
        branch_kind: input.branchKind ?? null,
        name: input.name,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const unit = (await findUnit(tx, ctx.actor.tenantId, row.id, { all: true }))!;
    await recordAudit(tx, ctx, {
      entity: 'unit',
      entityId: unit.id,
      action: 'create',
      after: unit,
      unitId: unit.id,
    });
    return unit;
  });
}

export async function updateUnit(deps: TDeps, ctx: TContext, id: string, raw: unknown) {
  const input = parseInput(ZUpdateUnit, raw);
  return inTenant(deps.database, ctx.actor.tenantId, async (tx) => {
    const scope = await resolveScope(tx, ctx.actor, 'org', 'edit');
    const before = await findUnit(tx, ctx.actor.tenantId, id, scope);
    if (!before) throw notFound('unit');
    if (input.branchKind !== undefined && before.kind !== 'branch') {
      throw fieldError('branchKind', 'invalid', 'only branches have a branch kind');
    }
    if (input.parentId !== undefined && input.parentId !== before.parentId) {
      if (!scope.all && (input.parentId === null || !scope.unitIds.includes(input.parentId))) {
        throw new AppError('forbidden', 'the new parent is outside your scope');
      }
      await checkPlace(tx, ctx.actor.tenantId, id, before.kind, input.parentId);
    }
    await tx
      .updateTable('units')
      .set({
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.branchKind !== undefined ? { branch_kind: input.branchKind } : {}),
        ...(input.parentId !== undefined ? { parent_id: input.parentId } : {}),
        updated_at: new Date(),
      })
      .where('tenant_id', '=', ctx.actor.tenantId)
      .where('id', '=', id)
      .execute();
    const after = (await findUnit(tx, ctx.actor.tenantId, id, { all: true }))!;
    await recordAudit(tx, ctx, { entity: 'unit', entityId: id, action: 'update', before, after, unitId: id });
    return after;
  });
}

/** Moves a unit and its whole subtree to the trash; refused while users still belong to it. */
export async function deleteUnit(deps: TDeps, ctx: TContext, id: string) {
  return inTenant(deps.database, ctx.actor.tenantId, async (tx) => {
    const scope = await resolveScope(tx, ctx.actor, 'org', 'delete');
    const unit = await findUnit(tx, ctx.actor.tenantId, id, scope);
    if (!unit) throw notFound('unit');
    const ids = subtreeOf(id, await unitTree(tx, ctx.actor.tenantId));
    const users = await countUsersIn(tx, ctx.actor.tenantId, ids);
    if (users > 0)
      throw new AppError('unit_not_empty', `${users} user(s) still belong to this unit or units below it`);
    const trashId = await moveToTrash(
      tx,
      ctx,
      UNIT_TRASH,
      { id, label: unit.name, unitId: unit.parentId ?? id, before: unit },
      ids,
    );
    return { trashId };
  });
}
