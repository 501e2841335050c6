import type { TFieldError } from '@kontor/contracts';
import { resolveScope, type TScopeFilter } from '../../platform/access';
import { recordAudit, type TContext } from '../../platform/audit';
import type { TDeps } from '../../platform/deps';
import { AppError, fieldError, notFound } from '../../platform/errors';
import { page } from '../../platform/pagination';
import { moveToTrash, registerTrashable } from '../../platform/trash';
import { inTenant, type TTx } from '../../platform/tx';
import { parseInput } from '../../platform/validation';
import { decodeTimeCursor } from '../case-work/time-cursor';
import { checkActiveUser, ownersOf, resolveParent } from '../case-work/work-scope';
import {
  activitiesByIds,
  chainIds,
  findActivity,
  insertActivity,
  queryActivities,
  type TActivityWrite,
  toActivity,
  updateActivityRow,
} from './activities.repository';
import { type TActivityListQuery, ZCreateActivity, ZUpdateActivity } from './activities.schemas';

// An activity goes to the trash alone: its replies stay, and the chain walks through the gap.
export const ACTIVITY_TRASH = registerTrashable({ entity: 'activity', table: 'activities', dependents: [] });

type TTiming = Pick<TActivityWrite, 'kind' | 'done' | 'occurred_at' | 'planned_at'>;

// Only a planned interaction may be open, and it needs a planned time; whatever is done happened.
function checkTiming(t: TTiming) {
  const errors: TFieldError[] = [];
  if (t.kind !== 'planned' && !t.done)
    errors.push({ field: 'done', code: 'invalid', message: 'only planned interactions can be open' });
  if (t.kind === 'planned' && !t.planned_at)
    errors.push({ field: 'plannedAt', code: 'required', message: 'a planned interaction needs plannedAt' });
  if (errors.length > 0) throw new AppError('validation_failed', errors[0]!.message, errors);
}

const at = (value: string | null | undefined) => (value ? new Date(value) : null);

async function visibleActivity(tx: TTx, ctx: TContext, id: string, scope: TScopeFilter) {
  const row = await findActivity(tx, ctx.actor.tenantId, id, scope);
  if (!row) throw notFound('activity');
  return row;
}

export async function getActivity(deps: TDeps, ctx: TContext, id: string) {
  return inTenant(deps.database, ctx.actor.tenantId, async (tx) => {
    const scope = await resolveScope(tx, ctx.actor, 'activities', 'view');
    return toActivity(await visibleActivity(tx, ctx, id, scope));
  });
}

/** Activities whose case (or, without one, client) is in scope, newest first. */
export async function listActivities(deps: TDeps, ctx: TContext, q: TActivityListQuery) {
  const cursor = decodeTimeCursor(q.cursor);
  return inTenant(deps.database, ctx.actor.tenantId, async (tx) => {
    const scope = await resolveScope(tx, ctx.actor, 'activities', 'view');
    const ownerId = q.ownerId === 'me' ? ctx.actor.userId : q.ownerId;
    const rows = await queryActivities(tx, ctx.actor.tenantId, scope, { ...q, ownerId }, cursor);
    return page(rows.map(toActivity), q.limit, (a) => ({ k: a.at, id: a.id }));
  });
}

/** The whole conversation an activity belongs to: the root first, then the replies by time. */
export async function activityChain(deps: TDeps, ctx: TContext, id: string) {
  return inTenant(deps.database, ctx.actor.tenantId, async (tx) => {
    const scope = await resolveScope(tx, ctx.actor, 'activities', 'view');
    await visibleActivity(tx, ctx, id, scope);
    const ids = await chainIds(tx, ctx.actor.tenantId, id);
    const rows = await activitiesByIds(tx, ctx.actor.tenantId, scope, ids);
    // The root first even when a reply was dated before it; a deleted root leaves the earliest.
    const root = rows.find((r) => r.id === ids[0]);
    const ordered = root ? [root, ...rows.filter((r) => r !== root)] : rows;
    return { items: ordered.map(toActivity), nextCursor: null };
  });
}

/**
 * Records an activity. The client may come from the case or the activity replied to; the case
 * may come from the activity replied to. Case and client must be in scope (404), the case the
 * client's, and a reply on the same client as what it answers.
 */
export async function createActivity(deps: TDeps, ctx: TContext, raw: unknown) {
  const input = parseInput(ZCreateActivity, raw);
  const kind = input.kind;
  const done = input.done ?? kind !== 'planned';
  const timing = {
    kind,
    done,
    occurred_at: at(input.occurredAt) ?? (done ? new Date() : null),
    planned_at: at(input.plannedAt),
  };
  checkTiming(timing);
  const tenantId = ctx.actor.tenantId;
  return inTenant(deps.database, tenantId, async (tx) => {
    const scope = await resolveScope(tx, ctx.actor, 'activities', 'create');
    const reply = input.replyToId ? await findActivity(tx, tenantId, input.replyToId, scope) : null;
    if (input.replyToId && !reply) throw fieldError('replyToId', 'unknown', 'no such activity');
    const caseId = input.caseId === undefined ? (reply?.case_id ?? null) : input.caseId;
    const clientId =
      input.clientId ?? (caseId ? await clientOfCase(tx, tenantId, caseId) : null) ?? reply?.client_id;
    if (!clientId) throw fieldError('clientId', 'required', 'name the client (or a case or replyToId)');
    const parent = await resolveParent(tx, tenantId, scope, { caseId, clientId });
    if (reply && reply.client_id !== clientId)
      throw fieldError('replyToId', 'other_client', 'a reply belongs to the same client');
    const ownerId = input.ownerId ?? ctx.actor.userId;
    if (input.ownerId) await checkActiveUser(tx, tenantId, ownerId, 'ownerId');
    const row = {
      ...timing,
      subject: input.subject ?? '',
      body: input.body ?? '',
      direction: input.direction ?? null,
      owner_id: ownerId,
    };
    const id = await insertActivity(
      tx,
      tenantId,
      { ...row, client_id: clientId, case_id: caseId, reply_to_id: reply?.id ?? null },
      ctx.actor.userId,
    );
    const after = toActivity((await findActivity(tx, tenantId, id, { all: true }))!);
    await recordAudit(tx, ctx, {
      entity: 'activity',
      entityId: id,
      action: 'create',
      after,
      ownerUserIds: parent.ownerIds,
    });
    return after;
  });
}

// The main client of a live case, to default an activity's client; scope is checked after.
async function clientOfCase(tx: TTx, tenantId: string, caseId: string) {
  const c = await tx
    .selectFrom('cases')
    .select('client_id')
    .where('tenant_id', '=', tenantId)
    .where('id', '=', caseId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return c?.client_id ?? null;
}

/** Changes an activity; marking a planned one done dates it now unless occurredAt is sent. */
export async function updateActivity(deps: TDeps, ctx: TContext, id: string, raw: unknown) {
  const input = parseInput(ZUpdateActivity, raw);
  const tenantId = ctx.actor.tenantId;
  return inTenant(deps.database, tenantId, async (tx) => {
    const scope = await resolveScope(tx, ctx.actor, 'activities', 'edit');
    const b = await visibleActivity(tx, ctx, id, scope);
    const done = input.done ?? b.done;
    const occurred = input.occurredAt === undefined ? b.occurred_at : at(input.occurredAt);
    const row: TActivityWrite = {
      kind: input.kind ?? b.kind,
      done,
      // Reopened: it has not happened yet. Done without a time: it happened now.
      occurred_at: done ? (occurred ?? new Date()) : null,
      planned_at: input.plannedAt === undefined ? b.planned_at : at(input.plannedAt),
      subject: input.subject ?? b.subject,
      body: input.body ?? b.body,
      direction: input.direction === undefined ? b.direction : input.direction,
      owner_id: input.ownerId ?? b.owner_id,
    };
    checkTiming(row);
    if (input.ownerId && input.ownerId !== b.owner_id)
      await checkActiveUser(tx, tenantId, input.ownerId, 'ownerId');
    await updateActivityRow(tx, tenantId, id, row);
    const after = toActivity((await findActivity(tx, tenantId, id, { all: true }))!);
    await recordAudit(tx, ctx, {
      entity: 'activity',
      entityId: id,
      action: 'update',
      before: toActivity(b),
      after,
      ownerUserIds: await ownersOf(tx, tenantId, b),
    });
    return after;
  });
}

export async function deleteActivity(deps: TDeps, ctx: TContext, id: string) {
  return inTenant(deps.database, ctx.actor.tenantId, async (tx) => {
    const scope = await resolveScope(tx, ctx.actor, 'activities', 'delete');
    const b = await visibleActivity(tx, ctx, id, scope);
    const owners = await ownersOf(tx, ctx.actor.tenantId, b);
    const trashId = await moveToTrash(tx, ctx, ACTIVITY_TRASH, {
      id,
      label: `${b.kind}: ${b.subject || b.body.slice(0, 100)}`,
      ownerUserId: owners[0] ?? null,
      before: toActivity(b),
    });
    return { trashId };
  });
}
