import { sql } from 'kysely';
import { resolveScope } from '../../platform/access';
import { recordAudit, type TContext } from '../../platform/audit';
import type { TDeps } from '../../platform/deps';
import { AppError, notFound } from '../../platform/errors';
import { page, type TPageQuery } from '../../platform/pagination';
import { iso } from '../../platform/schemas';
import { moveToTrash, registerTrashable } from '../../platform/trash';
import { inTenant, type TTx } from '../../platform/tx';
import { parseInput } from '../../platform/validation';
import { caseInScope } from '../cases/case-scope';
import { type TComment, ZCommentBody } from './case-work.schemas';
import { decodeTimeCursor } from './time-cursor';
import { caseForWork } from './work-scope';

export const COMMENT_TRASH = registerTrashable({
  entity: 'case_comment',
  table: 'case_comments',
  dependents: [],
});

const COLUMNS = ['id', 'case_id', 'author_id', 'body', 'created_at', 'edited_at'] as const;

type TRow = {
  id: string;
  case_id: string;
  author_id: string;
  body: string;
  created_at: Date;
  edited_at: Date | null;
};

const toComment = (r: TRow): TComment => ({
  id: r.id,
  caseId: r.case_id,
  authorId: r.author_id,
  body: r.body,
  createdAt: iso(r.created_at),
  editedAt: iso(r.edited_at),
});

function comments(tx: TTx, tenantId: string, caseId: string) {
  return tx
    .selectFrom('case_comments')
    .select(COLUMNS)
    .where('tenant_id', '=', tenantId)
    .where('case_id', '=', caseId)
    .where('deleted_at', 'is', null);
}

async function findComment(tx: TTx, tenantId: string, caseId: string, id: string) {
  const row = await comments(tx, tenantId, caseId).where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('comment');
  return row;
}

/** The comments of a case in scope, newest first. */
export async function listComments(deps: TDeps, ctx: TContext, caseId: string, q: TPageQuery) {
  const cursor = decodeTimeCursor(q.cursor);
  return inTenant(deps.database, ctx.actor.tenantId, async (tx) => {
    await caseForWork(tx, ctx, caseId, 'view');
    let query = comments(tx, ctx.actor.tenantId, caseId);
    if (cursor) {
      query = query.where(sql<boolean>`(created_at, id) < (${cursor.at}::timestamptz, ${cursor.id}::uuid)`);
    }
    const rows = await query
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(q.limit + 1)
      .execute();
    return page(rows.map(toComment), q.limit, (c) => ({ k: c.createdAt, id: c.id }));
  });
}

export async function createComment(deps: TDeps, ctx: TContext, caseId: string, raw: unknown) {
  const input = parseInput(ZCommentBody, raw);
  const tenantId = ctx.actor.tenantId;
  return inTenant(deps.database, tenantId, async (tx) => {
    const kase = await caseForWork(tx, ctx, caseId, 'edit');
    // Set here, not by now(): millisecond times keep the cursor exact.
    const row = await tx
      .insertInto('case_comments')
      .values({
        tenant_id: tenantId,
        case_id: caseId,
        author_id: ctx.actor.userId,
        body: input.body,
        created_at: new Date(),
      })
      .returning(COLUMNS)
      .executeTakeFirstOrThrow();
    const after = toComment(row);
    await recordAudit(tx, ctx, {
      entity: 'case_comment',
      entityId: row.id,
      action: 'create',
      after,
      ownerUserIds: [kase.owner_id, kase.executor_id],
    });
    return after;
  });
}

/** Changes the text of a comment: only its author may. */
export async function updateComment(deps: TDeps, ctx: TContext, caseId: string, id: string, raw: unknown) {
  const input = parseInput(ZCommentBody, raw);
  const tenantId = ctx.actor.tenantId;
  return inTenant(deps.database, tenantId, async (tx) => {
    const kase = await caseForWork(tx, ctx, caseId, 'edit');
    const before = await findComment(tx, tenantId, caseId, id);
    if (before.author_id !== ctx.actor.userId)
      throw new AppError('forbidden', 'only the author edits a comment');
    const row = await tx
      .updateTable('case_comments')
      .set({ body: input.body, edited_at: new Date() })
      .where('tenant_id', '=', tenantId)
      .where('id', '=', id)
      .returning(COLUMNS)
      .executeTakeFirstOrThrow();
    const after = toComment(row);
    await recordAudit(tx, ctx, {
      entity: 'case_comment',
      entityId: id,
      action: 'update',
      before: toComment(before),
      after,
      ownerUserIds: [kase.owner_id, kase.executor_id],
    });
    return after;
  });
}

/**
 * Moves a comment to the trash: its author may, and whoever may delete the case (its owner, a
 * lead above them, the director) may remove someone else's.
 */
export async function deleteComment(deps: TDeps, ctx: TContext, caseId: string, id: string) {
  const tenantId = ctx.actor.tenantId;
  return inTenant(deps.database, tenantId, async (tx) => {
    const kase = await caseForWork(tx, ctx, caseId, 'edit');
    const before = await findComment(tx, tenantId, caseId, id);
    if (before.author_id !== ctx.actor.userId && !(await mayDeleteCase(tx, ctx, caseId))) {
      throw new AppError('forbidden', 'only the author or who may delete the case removes a comment');
    }
    const trashId = await moveToTrash(tx, ctx, COMMENT_TRASH, {
      id,
      label: `${kase.number}: ${before.body.slice(0, 100)}`,
      ownerUserId: kase.owner_id,
      before: toComment(before),
    });
    return { trashId };
  });
}

async function mayDeleteCase(tx: TTx, ctx: TContext, caseId: string) {
  if (!ctx.actor.permissions.has('cases:delete')) return false;
  const scope = await resolveScope(tx, ctx.actor, 'cases', 'delete');
  return (await caseInScope(tx, ctx.actor.tenantId, caseId, scope)) !== undefined;
}
