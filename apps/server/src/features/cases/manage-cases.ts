import { z } from '@hono/zod-openapi';
import { PRODUCT_KINDS } from '@kontor/domain';
import { resolveScope, scopeWhere } from '../../platform/access';
import { recordAudit, type TContext } from '../../platform/audit';
import type { TDeps } from '../../platform/deps';
import { notFound } from '../../platform/errors';
import { decodeTimeKeyCursor, encodeCursor, olderThan, timeKey, ZPageQuery } from '../../platform/pagination';
import { moveToTrash, registerTrashable, restoreFromTrash, trashEntryInScope } from '../../platform/trash';
import { inTenant } from '../../platform/tx';
import { parseInput } from '../../platform/validation';
import { validateCustom } from '../custom-fields/custom-fields';
import { checkClients, checkUsers } from './case-people';
import { CASE_SCOPE, caseInScope } from './case-scope';
import {
  caseSearchText,
  loadCases,
  replaceApplicants,
  replaceCoExecutors,
  stageHistory,
} from './cases.repository';
import { ZUpdateCase } from './cases.schemas';
import { moneyColumns } from './create-case';

// A case leaves for the trash with its work (applicants, co-executors and stage history have no
// trash marks: they stay attached and are invisible while the case is).
export const CASE_TRASH = registerTrashable({
  entity: 'case',
  table: 'cases',
  dependents: [
    { table: 'case_comments', column: 'case_id' },
    { table: 'case_checklist_items', column: 'case_id' },
    { table: 'activities', column: 'case_id' },
    { table: 'tasks', column: 'case_id' },
    { table: 'documents', column: 'case_id' },
  ],
});

export const ZCaseListQuery = ZPageQuery.extend({
  clientId: z.uuid().optional(),
  ownerId: z.uuid().optional(),
  executorId: z.uuid().optional(),
  pipelineId: z.uuid().optional(),
  stage: z.string().max(63).optional(),
  productKind: z.enum(PRODUCT_KINDS).optional(),
  open: z.enum(['true', 'false']).optional().openapi({ description: 'true: only cases not yet won or lost' }),
});

export async function getCase(deps: TDeps, ctx: TContext, id: string) {
  return inTenant(deps.database, ctx.actor.tenantId, async (tx) => {
    const scope = await resolveScope(tx, ctx.actor, 'cases', 'view');
    if (!(await caseInScope(tx, ctx.actor.tenantId, id, scope))) throw notFound('case');
    const [c] = await loadCases(tx, ctx.actor.tenantId, [id]);
    return { ...c!, stageHistory: await stageHistory(tx, ctx.actor.tenantId, id) };
  });
}

/** Cases in scope, newest first, filtered; `open=true` leaves out won and lost ones. */
export async function listCases(deps: TDeps, ctx: TContext, q: z.infer<typeof ZCaseListQuery>) {
  const cursor = decodeTimeKeyCursor(q.cursor);
  return inTenant(deps.database, ctx.actor.tenantId, async (tx) => {
    const scope = await resolveScope(tx, ctx.actor, 'cases', 'view');
    let query = tx
      .selectFrom('cases')
      .select(['cases.id', timeKey('cases.created_at').as('k')])
      .where('cases.tenant_id', '=', ctx.actor.tenantId)
      .where('cases.deleted_at', 'is', null)
      .where((eb) => scopeWhere(eb, scope, CASE_SCOPE));
    if (q.clientId) query = query.where('cases.client_id', '=', q.clientId);
    if (q.ownerId) query = query.where('cases.owner_id', '=', q.ownerId);
    if (q.executorId) query = query.where('cases.executor_id', '=', q.executorId);
    if (q.pipelineId) query = query.where('cases.pipeline_id', '=', q.pipelineId);
    if (q.stage) query = query.where('cases.stage_key', '=', q.stage);
    if (q.productKind) query = query.where('cases.product_kind', '=', q.productKind);
    if (q.open === 'true') query = query.where('cases.closed_at', 'is', null);
    if (q.open === 'false') query = query.where('cases.closed_at', 'is not', null);
    if (cursor) query = query.where(olderThan('cases.created_at', 'cases.id', cursor));
    const rows = await query
      .orderBy('cases.created_at', 'desc')
      .orderBy('cases.id', 'desc')
      .limit(q.limit + 1)
      .execute();
    const pageRows = rows.slice(0, q.limit);
    const last = pageRows.at(-1);
    return {
      items: await loadCases(
        tx,
        ctx.actor.tenantId,
        pageRows.map((r) => r.id),
      ),
      nextCursor: rows.length > q.limit && last ? encodeCursor({ k: last.k, id: last.id }) : null,
    };
  });
}

/** Changes a case's data, applicants and co-executors (stage and people have their own routes). */
export async function updateCase(deps: TDeps, ctx: TContext, id: string, raw: unknown) {
  const input = parseInput(ZUpdateCase, raw);
  return inTenant(deps.database, ctx.actor.tenantId, async (tx) => {
    const tenantId = ctx.actor.tenantId;
    const scope = await resolveScope(tx, ctx.actor, 'cases', 'edit');
    const found = await caseInScope(tx, tenantId, id, scope);
    if (!found) throw notFound('case');
    const [before] = await loadCases(tx, tenantId, [id]);
    const b = before!;
    await checkUsers(tx, tenantId, { coExecutorIds: input.coExecutorIds ?? [] });
    if (input.applicants) {
      await checkClients(tx, tenantId, await resolveScope(tx, ctx.actor, 'clients', 'view'), {
        applicants: input.applicants.map((a) => a.clientId).filter((c) => c !== b.clientId),
      });
    }
    const amount = input.amount === undefined ? b.amount : input.amount;
    const propertyValue = input.propertyValue === undefined ? b.propertyValue : input.propertyValue;
    const custom = input.custom
      ? { ...b.custom, ...(await validateCustom(tx, tenantId, 'case', input.custom, false)) }
      : b.custom;
    const lender = input.lender === undefined ? b.lender : input.lender;
    const product = input.product === undefined ? b.product : input.product;
    const reference = input.platformReference === undefined ? b.platformReference : input.platformReference;
    await tx
      .updateTable('cases')
      .set({
        ...moneyColumns(amount, propertyValue),
        term_months: input.termMonths === undefined ? b.termMonths : input.termMonths,
        purpose: input.purpose ?? b.purpose,
        lender,
        product,
        platform_reference: reference,
        stage_values: JSON.stringify({ ...b.stageValues, ...(input.stageValues ?? {}) }),
        custom: JSON.stringify(custom),
        search_text: caseSearchText(b.number, reference, lender, product, b.clientName),
        updated_at: new Date(),
      })
      .where('tenant_id', '=', tenantId)
      .where('id', '=', id)
      .execute();
    if (input.applicants) {
      const rest = input.applicants.filter((a) => a.clientId !== b.clientId);
      await replaceApplicants(tx, tenantId, id, [{ clientId: b.clientId, role: 'applicant' }, ...rest]);
    }
    if (input.coExecutorIds) await replaceCoExecutors(tx, tenantId, id, input.coExecutorIds);
    const [after] = await loadCases(tx, tenantId, [id]);
    await recordAudit(tx, ctx, {
      entity: 'case',
      entityId: id,
      action: 'update',
      before,
      after,
      ownerUserIds: [found.owner_id, found.executor_id],
    });
    return after!;
  });
}

export async function deleteCase(deps: TDeps, ctx: TContext, id: string) {
  return inTenant(deps.database, ctx.actor.tenantId, async (tx) => {
    const scope = await resolveScope(tx, ctx.actor, 'cases', 'delete');
    const found = await caseInScope(tx, ctx.actor.tenantId, id, scope);
    if (!found) throw notFound('case');
    const [before] = await loadCases(tx, ctx.actor.tenantId, [id]);
    const label = `${found.number} ${before!.clientName}`;
    return {
      trashId: await moveToTrash(tx, ctx, CASE_TRASH, { id, label, ownerUserId: found.owner_id, before }),
    };
  });
}

export async function restoreCase(deps: TDeps, ctx: TContext, id: string) {
  return inTenant(deps.database, ctx.actor.tenantId, async (tx) => {
    const scope = await resolveScope(tx, ctx.actor, 'cases', 'delete');
    const entry = await trashEntryInScope(tx, ctx.actor.tenantId, CASE_TRASH, id, scope, CASE_SCOPE);
    if (!entry) throw notFound('case in the trash');
    await restoreFromTrash(tx, ctx, entry);
    return (await loadCases(tx, ctx.actor.tenantId, [id]))[0]!;
  });
}
