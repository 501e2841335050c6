import { resolveScope, type TScopeFilter } from '../../platform/access';
import { recordAudit, type TContext } from '../../platform/audit';
import type { TDeps } from '../../platform/deps';
import { fieldError, notFound } from '../../platform/errors';
import { page } from '../../platform/pagination';
import { moveToTrash, registerTrashable } from '../../platform/trash';
import { inTenant, type TTx } from '../../platform/tx';
import { parseInput } from '../../platform/validation';
import { type TTaskListQuery, ZCreateTask, ZUpdateTask } from './case-work.schemas';
import {
  dueKey,
  findTask,
  insertTask,
  queryTasks,
  type TTaskWrite,
  toTask,
  updateTaskRow,
} from './tasks.repository';
import { decodeTimeCursor } from './time-cursor';
import { checkActiveUser, ownersOf, resolveParent } from './work-scope';

export const TASK_TRASH = registerTrashable({ entity: 'task', table: 'tasks', dependents: [] });

async function visibleTask(tx: TTx, ctx: TContext, id: string, scope: TScopeFilter) {
  const row = await findTask(tx, ctx.actor.tenantId, id, scope);
  if (!row) throw notFound('task');
  return row;
}

/** Tasks in scope or assigned to the actor, by due time; `assigneeId=me` lists "my tasks". */
export async function listTasks(deps: TDeps, ctx: TContext, q: TTaskListQuery) {
  const cursor = decodeTimeCursor(q.cursor, true);
  const assigneeId = q.assigneeId === 'me' ? ctx.actor.userId : q.assigneeId;
  return inTenant(deps.database, ctx.actor.tenantId, async (tx) => {
    const scope = await resolveScope(tx, ctx.actor, 'tasks', 'view');
    const rows = await queryTasks(tx, ctx.actor.tenantId, scope, { ...q, assigneeId }, cursor);
    const now = new Date();
    return page(
      rows.map((r) => toTask(r, now)),
      q.limit,
      (t) => ({ k: dueKey(t), id: t.id }),
    );
  });
}

export async function getTask(deps: TDeps, ctx: TContext, id: string) {
  return inTenant(deps.database, ctx.actor.tenantId, async (tx) => {
    const scope = await resolveScope(tx, ctx.actor, 'tasks', 'view');
    return toTask(await visibleTask(tx, ctx, id, scope));
  });
}

/** Creates a task on a case, a client or both (the case the client's), for an active assignee. */
export async function createTask(deps: TDeps, ctx: TContext, raw: unknown) {
  const input = parseInput(ZCreateTask, raw);
  if (!input.caseId && !input.clientId)
    throw fieldError('caseId', 'required', 'a task belongs to a case or a client');
  const tenantId = ctx.actor.tenantId;
  return inTenant(deps.database, tenantId, async (tx) => {
    const scope = await resolveScope(tx, ctx.actor, 'tasks', 'create');
    const link = { caseId: input.caseId ?? null, clientId: input.clientId ?? null };
    const parent = await resolveParent(tx, tenantId, scope, link);
    const assigneeId = input.assigneeId ?? ctx.actor.userId;
    if (input.assigneeId) await checkActiveUser(tx, tenantId, assigneeId, 'assigneeId');
    const row: TTaskWrite = {
      title: input.title,
      description: input.description ?? '',
      due_at: input.dueAt ? new Date(input.dueAt) : null,
      assignee_id: assigneeId,
      status: 'open',
      done_at: null,
      done_by: null,
    };
    const id = await insertTask(
      tx,
      tenantId,
      { ...row, case_id: link.caseId, client_id: link.clientId },
      ctx.actor.userId,
    );
    const after = toTask((await findTask(tx, tenantId, id, { all: true }))!);
    await recordAudit(tx, ctx, {
      entity: 'task',
      entityId: id,
      action: 'create',
      after,
      ownerUserIds: parent.ownerIds,
    });
    return after;
  });
}

/** Changes a task; done records who and when, reopening or cancelling clears both. */
export async function updateTask(deps: TDeps, ctx: TContext, id: string, raw: unknown) {
  const input = parseInput(ZUpdateTask, raw);
  const tenantId = ctx.actor.tenantId;
  return inTenant(deps.database, tenantId, async (tx) => {
    const scope = await resolveScope(tx, ctx.actor, 'tasks', 'edit');
    const b = await visibleTask(tx, ctx, id, scope);
    if (input.assigneeId && input.assigneeId !== b.assignee_id)
      await checkActiveUser(tx, tenantId, input.assigneeId, 'assigneeId');
    const status = input.status ?? b.status;
    const stillDone = status === 'done' && b.status === 'done';
    const row: TTaskWrite = {
      title: input.title ?? b.title,
      description: input.description ?? b.description,
      due_at: input.dueAt === undefined ? b.due_at : input.dueAt === null ? null : new Date(input.dueAt),
      assignee_id: input.assigneeId ?? b.assignee_id,
      status,
      done_at: stillDone ? b.done_at : status === 'done' ? new Date() : null,
      done_by: stillDone ? b.done_by : status === 'done' ? ctx.actor.userId : null,
    };
    await updateTaskRow(tx, tenantId, id, row);
    const after = toTask((await findTask(tx, tenantId, id, { all: true }))!);
    await recordAudit(tx, ctx, {
      entity: 'task',
      entityId: id,
      action: 'update',
      before: toTask(b),
      after,
      ownerUserIds: await ownersOf(tx, tenantId, b),
    });
    return after;
  });
}

export async function deleteTask(deps: TDeps, ctx: TContext, id: string) {
  return inTenant(deps.database, ctx.actor.tenantId, async (tx) => {
    const scope = await resolveScope(tx, ctx.actor, 'tasks', 'delete');
    const b = await visibleTask(tx, ctx, id, scope);
    const owners = await ownersOf(tx, ctx.actor.tenantId, b);
    const trashId = await moveToTrash(tx, ctx, TASK_TRASH, {
      id,
      label: b.title,
      ownerUserId: owners[0] ?? null,
      before: toTask(b),
    });
    return { trashId };
  });
}
