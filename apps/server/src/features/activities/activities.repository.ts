import { sql } from 'kysely';
import type { TScopeFilter } from '../../platform/access';
import { iso } from '../../platform/schemas';
import type { TTx } from '../../platform/tx';
import type { TTimeCursor } from '../case-work/time-cursor';
import { newestFirst, summarise, type TTimelineBefore, type TTimelineRow } from '../case-work/timeline-rows';
import { workScopeWhere } from '../case-work/work-scope';
import type { TActivity, TActivityListQuery } from './activities.schemas';

// What lists, timelines and cursors sort by; the indexes of 0005 are built on this expression.
const AT = sql<Date>`coalesce(activities.occurred_at, activities.planned_at)`;

const COLUMNS = [
  'activities.id',
  'activities.kind',
  'activities.client_id',
  'activities.case_id',
  'activities.reply_to_id',
  'activities.subject',
  'activities.body',
  'activities.direction',
  'activities.occurred_at',
  'activities.planned_at',
  'activities.done',
  'activities.owner_id',
  'activities.created_by',
  'activities.created_at',
  'activities.updated_at',
] as const;

function visible(tx: TTx, tenantId: string, scope: TScopeFilter) {
  return tx
    .selectFrom('activities')
    .select(COLUMNS)
    .select(AT.as('at'))
    .where('activities.tenant_id', '=', tenantId)
    .where('activities.deleted_at', 'is', null)
    .where((eb) => workScopeWhere(eb, scope, 'activities'));
}

export type TActivityRow = Awaited<ReturnType<ReturnType<typeof visible>['executeTakeFirstOrThrow']>>;

export function toActivity(r: TActivityRow): TActivity {
  return {
    id: r.id,
    kind: r.kind as TActivity['kind'],
    clientId: r.client_id,
    caseId: r.case_id,
    replyToId: r.reply_to_id,
    subject: r.subject,
    body: r.body,
    direction: r.direction as TActivity['direction'],
    occurredAt: iso(r.occurred_at),
    plannedAt: iso(r.planned_at),
    at: iso(r.at),
    done: r.done,
    ownerId: r.owner_id,
    createdBy: r.created_by,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  };
}

/** A live activity if it is visible in the scope (its case, or else its client, is). */
export async function findActivity(tx: TTx, tenantId: string, id: string, scope: TScopeFilter) {
  return visible(tx, tenantId, scope).where('activities.id', '=', id).executeTakeFirst();
}

/** Visible activities, newest first, after the cursor; one more than `limit` to learn of a next page. */
export async function queryActivities(
  tx: TTx,
  tenantId: string,
  scope: TScopeFilter,
  q: TActivityListQuery,
  cursor: TTimeCursor | null,
) {
  let query = visible(tx, tenantId, scope);
  if (q.clientId) query = query.where('activities.client_id', '=', q.clientId);
  if (q.caseId) query = query.where('activities.case_id', '=', q.caseId);
  if (q.kind) query = query.where('activities.kind', '=', q.kind);
  if (q.ownerId) query = query.where('activities.owner_id', '=', q.ownerId);
  if (q.from) query = query.where(AT, '>=', new Date(q.from));
  if (q.to) query = query.where(AT, '<', new Date(q.to));
  if (cursor?.at) query = query.where(before(cursor.at, cursor.id));
  return query
    .orderBy(AT, 'desc')
    .orderBy('activities.id', 'desc')
    .limit(q.limit + 1)
    .execute();
}

// Keyset condition for `order by at desc, id desc`: strictly after (at, id).
function before(at: Date, id: string) {
  return sql<boolean>`(${AT}, activities.id) < (${at}::timestamptz, ${id}::uuid)`;
}

/**
 * The ids of the whole chain an activity belongs to: up the replies to the root, then every
 * reply below it. Deleted links are walked through (their replies stay in the chain).
 */
export async function chainIds(tx: TTx, tenantId: string, id: string): Promise<string[]> {
  const r = await sql<{ id: string }>`
    with recursive up (id, reply_to_id, depth) as (
      select id, reply_to_id, 0 from activities where tenant_id = ${tenantId} and id = ${id}
      union all
      select a.id, a.reply_to_id, up.depth + 1 from activities a
      join up on a.tenant_id = ${tenantId} and a.id = up.reply_to_id
      where up.depth < 10000
    ),
    root as (select id from up order by depth desc limit 1),
    down (id, depth) as (
      select id, 0 from root
      union all
      select a.id, down.depth + 1 from activities a
      join down on a.tenant_id = ${tenantId} and a.reply_to_id = down.id
      where down.depth < 10000
    )
    select id from down order by depth`.execute(tx);
  return r.rows.map((row) => row.id);
}

/** Visible activities among `ids`, in chronological order. */
export async function activitiesByIds(tx: TTx, tenantId: string, scope: TScopeFilter, ids: string[]) {
  if (ids.length === 0) return [];
  return visible(tx, tenantId, scope)
    .where('activities.id', 'in', ids)
    .orderBy(AT, 'asc')
    .orderBy('activities.id', 'asc')
    .execute();
}

export type TActivityWrite = {
  kind: string;
  subject: string;
  body: string;
  direction: string | null;
  occurred_at: Date | null;
  planned_at: Date | null;
  done: boolean;
  owner_id: string;
};

export async function insertActivity(
  tx: TTx,
  tenantId: string,
  row: TActivityWrite & { client_id: string; case_id: string | null; reply_to_id: string | null },
  createdBy: string,
): Promise<string> {
  const now = new Date();
  const r = await tx
    .insertInto('activities')
    .values({ ...row, tenant_id: tenantId, created_by: createdBy, created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function updateActivityRow(tx: TTx, tenantId: string, id: string, row: TActivityWrite) {
  await tx
    .updateTable('activities')
    .set({ ...row, updated_at: new Date() })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .execute();
}

/**
 * The timeline's share of activities (for GET /clients/{id}/timeline): those of the client
 * without a case, and those on `caseIds` (the client's cases the reader may see), newest first,
 * strictly before `before` in (at desc, id desc) order. Two indexed queries, merged.
 */
export async function activitiesForTimeline(
  tx: TTx,
  tenantId: string,
  on: { clientId: string; caseIds: string[] },
  before: TTimelineBefore,
  limit: number,
): Promise<TTimelineRow[]> {
  const base = () => {
    let q = tx
      .selectFrom('activities')
      .select(['id', 'kind', 'subject', 'body', 'client_id', 'case_id', 'owner_id', 'done'])
      .select(AT.as('at'))
      .where('tenant_id', '=', tenantId)
      .where('deleted_at', 'is', null);
    if (before)
      q = q.where(sql<boolean>`(${AT}, activities.id) < (${before.at}::timestamptz, ${before.id}::uuid)`);
    return q.orderBy(AT, 'desc').orderBy('id', 'desc').limit(limit);
  };
  const own = await base().where('client_id', '=', on.clientId).where('case_id', 'is', null).execute();
  const onCases = on.caseIds.length > 0 ? await base().where('case_id', 'in', on.caseIds).execute() : [];
  return [...own, ...onCases]
    .map((r) => ({
      at: r.at,
      kind: 'activity' as const,
      id: r.id,
      subtype: r.kind,
      summary: summarise(r.subject || r.body),
      clientId: r.client_id,
      caseId: r.case_id,
      userId: r.owner_id,
      done: r.done,
    }))
    .sort(newestFirst)
    .slice(0, limit);
}
