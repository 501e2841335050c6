import { sql } from 'kysely';
import type { TScopeFilter } from '../../platform/access';
import { iso } from '../../platform/schemas';
import type { TTx } from '../../platform/tx';
import { casesOfClient } from '../cases/case-scope';
import type { TTask, TTaskListQuery } from './case-work.schemas';
import type { TTimeCursor } from './time-cursor';
import { workScopeWhere } from './work-scope';

const COLUMNS = [
  'tasks.id',
  'tasks.case_id',
  'tasks.client_id',
  'tasks.title',
  'tasks.description',
  'tasks.due_at',
  'tasks.assignee_id',
  'tasks.status',
  'tasks.done_at',
  'tasks.done_by',
  'tasks.created_by',
  'tasks.created_at',
  'tasks.updated_at',
] as const;

// Visible: its case (or, without one, its client) is in scope, or it is assigned to a user in scope.
function visible(tx: TTx, tenantId: string, scope: TScopeFilter) {
  return tx
    .selectFrom('tasks')
    .select(COLUMNS)
    .where('tasks.tenant_id', '=', tenantId)
    .where('tasks.deleted_at', 'is', null)
    .where((eb) => workScopeWhere(eb, scope, 'tasks', 'assignee_id'));
}

export type TTaskRow = Awaited<ReturnType<ReturnType<typeof visible>['executeTakeFirstOrThrow']>>;

export function toTask(r: TTaskRow, now = new Date()): TTask {
  return {
    id: r.id,
    caseId: r.case_id,
    clientId: r.client_id,
    title: r.title,
    description: r.description,
    dueAt: iso(r.due_at),
    overdue: r.status === 'open' && r.due_at !== null && r.due_at < now,
    assigneeId: r.assignee_id,
    status: r.status as TTask['status'],
    doneAt: iso(r.done_at),
    doneBy: r.done_by,
    createdBy: r.created_by,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  };
}

export async function findTask(tx: TTx, tenantId: string, id: string, scope: TScopeFilter) {
  return visible(tx, tenantId, scope).where('tasks.id', '=', id).executeTakeFirst();
}

/** Visible tasks by due time (undated last), after the cursor; one more than `limit`. */
export async function queryTasks(
  tx: TTx,
  tenantId: string,
  scope: TScopeFilter,
  q: TTaskListQuery & { assigneeId?: string },
  cursor: TTimeCursor | null,
) {
  let query = visible(tx, tenantId, scope);
  if (q.caseId) query = query.where('tasks.case_id', '=', q.caseId);
  if (q.clientId) {
    const clientId = q.clientId;
    // The client's own tasks and those on the client's cases (as main client or applicant).
    query = query.where((eb) =>
      eb.or([
        eb('tasks.client_id', '=', clientId),
        eb('tasks.case_id', 'in', casesOfClient(eb, tenantId, clientId)),
      ]),
    );
  }
  if (q.assigneeId) query = query.where('tasks.assignee_id', '=', q.assigneeId);
  if (q.status) query = query.where('tasks.status', '=', q.status);
  if (q.dueBefore) query = query.where('tasks.due_at', '<', new Date(q.dueBefore));
  if (cursor) query = query.where(after(cursor.at, cursor.id));
  return query
    .orderBy(sql`tasks.due_at asc nulls last`)
    .orderBy('tasks.id', 'asc')
    .limit(q.limit + 1)
    .execute();
}

/** The cursor key of a task: its due time, or '' for undated tasks (they sort last). */
export const dueKey = (t: TTask) => t.dueAt ?? '';

// Keyset condition for `order by due_at asc nulls last, id asc`: strictly after (due, id).
function after(due: Date | null, id: string) {
  if (due === null) return sql<boolean>`(tasks.due_at is null and tasks.id > ${id}::uuid)`;
  return sql<boolean>`((tasks.due_at, tasks.id) > (${due}::timestamptz, ${id}::uuid) or tasks.due_at is null)`;
}

export type TTaskWrite = {
  title: string;
  description: string;
  due_at: Date | null;
  assignee_id: string;
  status: string;
  done_at: Date | null;
  done_by: string | null;
};

export async function insertTask(
  tx: TTx,
  tenantId: string,
  row: TTaskWrite & { case_id: string | null; client_id: string | null },
  createdBy: string,
): Promise<string> {
  const now = new Date();
  const r = await tx
    .insertInto('tasks')
    .values({ ...row, tenant_id: tenantId, created_by: createdBy, created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function updateTaskRow(tx: TTx, tenantId: string, id: string, row: TTaskWrite) {
  await tx
    .updateTable('tasks')
    .set({ ...row, updated_at: new Date() })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', id)
    .execute();
}
