import { recordAudit, type TContext } from '../../platform/audit';
import type { TDeps } from '../../platform/deps';
import { notFound } from '../../platform/errors';
import { iso } from '../../platform/schemas';
import { moveToTrash, registerTrashable } from '../../platform/trash';
import { inTenant, type TTx } from '../../platform/tx';
import { parseInput } from '../../platform/validation';
import { type TChecklistItem, ZCreateChecklistItem, ZUpdateChecklistItem } from './case-work.schemas';
import { caseForWork } from './work-scope';

export const CHECKLIST_TRASH = registerTrashable({
  entity: 'checklist_item',
  table: 'case_checklist_items',
  dependents: [],
});

const COLUMNS = [
  'id',
  'case_id',
  'title',
  'position',
  'done_at',
  'done_by',
  'created_at',
  'updated_at',
] as const;

type TRow = {
  id: string;
  case_id: string;
  title: string;
  position: number;
  done_at: Date | null;
  done_by: string | null;
  created_at: Date;
  updated_at: Date;
};

const toItem = (r: TRow): TChecklistItem => ({
  id: r.id,
  caseId: r.case_id,
  title: r.title,
  position: r.position,
  done: r.done_at !== null,
  doneAt: iso(r.done_at),
  doneBy: r.done_by,
  createdAt: iso(r.created_at),
  updatedAt: iso(r.updated_at),
});

function items(tx: TTx, tenantId: string, caseId: string) {
  return tx
    .selectFrom('case_checklist_items')
    .select(COLUMNS)
    .where('tenant_id', '=', tenantId)
    .where('case_id', '=', caseId)
    .where('deleted_at', 'is', null);
}

async function findItem(tx: TTx, tenantId: string, caseId: string, id: string) {
  const row = await items(tx, tenantId, caseId).where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('checklist item');
  return row;
}

/** The checklist of a case in scope, in its order (a checklist is short: one page). */
export async function listChecklist(deps: TDeps, ctx: TContext, caseId: string) {
  return inTenant(deps.database, ctx.actor.tenantId, async (tx) => {
    await caseForWork(tx, ctx, caseId, 'view');
    const rows = await items(tx, ctx.actor.tenantId, caseId)
      .orderBy('position')
      .orderBy('created_at')
      .execute();
    return { items: rows.map(toItem), nextCursor: null };
  });
}

export async function createChecklistItem(deps: TDeps, ctx: TContext, caseId: string, raw: unknown) {
  const input = parseInput(ZCreateChecklistItem, raw);
  const tenantId = ctx.actor.tenantId;
  return inTenant(deps.database, tenantId, async (tx) => {
    const kase = await caseForWork(tx, ctx, caseId, 'edit');
    const last = await tx
      .selectFrom('case_checklist_items')
      .select((eb) => eb.fn.max('position').as('max'))
      .where('tenant_id', '=', tenantId)
      .where('case_id', '=', caseId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    const now = new Date();
    const row = await tx
      .insertInto('case_checklist_items')
      .values({
        tenant_id: tenantId,
        case_id: caseId,
        title: input.title,
        position: input.position ?? (last?.max ?? -1) + 1,
        created_by: ctx.actor.userId,
        created_at: now,
        updated_at: now,
      })
      .returning(COLUMNS)
      .executeTakeFirstOrThrow();
    const after = toItem(row);
    await recordAudit(tx, ctx, {
      entity: 'checklist_item',
      entityId: row.id,
      action: 'create',
      after,
      ownerUserIds: [kase.owner_id, kase.executor_id],
    });
    return after;
  });
}

/** Renames, moves or ticks an item; ticking records who and when, unticking clears both. */
export async function updateChecklistItem(
  deps: TDeps,
  ctx: TContext,
  caseId: string,
  id: string,
  raw: unknown,
) {
  const input = parseInput(ZUpdateChecklistItem, raw);
  const tenantId = ctx.actor.tenantId;
  return inTenant(deps.database, tenantId, async (tx) => {
    const kase = await caseForWork(tx, ctx, caseId, 'edit');
    const before = await findItem(tx, tenantId, caseId, id);
    // Ticking a ticked item again keeps the first tick.
    const ticked = input.done === undefined || input.done === (before.done_at !== null) ? null : input.done;
    const row = await tx
      .updateTable('case_checklist_items')
      .set({
        title: input.title ?? before.title,
        position: input.position ?? before.position,
        ...(ticked === null
          ? {}
          : { done_at: ticked ? new Date() : null, done_by: ticked ? ctx.actor.userId : null }),
        updated_at: new Date(),
      })
      .where('tenant_id', '=', tenantId)
      .where('id', '=', id)
      .returning(COLUMNS)
      .executeTakeFirstOrThrow();
    const after = toItem(row);
    await recordAudit(tx, ctx, {
      entity: 'checklist_item',
      entityId: id,
      action: ticked === null ? 'update' : ticked ? 'check' : 'uncheck',
      before: toItem(before),
      after,
      ownerUserIds: [kase.owner_id, kase.executor_id],
    });
    return after;
  });
}

export async function deleteChecklistItem(deps: TDeps, ctx: TContext, caseId: string, id: string) {
  const tenantId = ctx.actor.tenantId;
  return inTenant(deps.database, tenantId, async (tx) => {
    const kase = await caseForWork(tx, ctx, caseId, 'edit');
    const before = await findItem(tx, tenantId, caseId, id);
    const trashId = await moveToTrash(tx, ctx, CHECKLIST_TRASH, {
      id,
      label: `${kase.number}: ${before.title}`,
      ownerUserId: kase.owner_id,
      before: toItem(before),
    });
    return { trashId };
  });
}
