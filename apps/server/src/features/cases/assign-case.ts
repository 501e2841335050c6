import { resolveScope } from '../../platform/access';
import { recordAudit, type TContext } from '../../platform/audit';
import type { TDeps } from '../../platform/deps';
import { notFound } from '../../platform/errors';
import { inTenant } from '../../platform/tx';
import { parseInput } from '../../platform/validation';
import { checkOwnerScope, checkUsers, notifyExecutor } from './case-people';
import { caseInScope } from './case-scope';
import { loadCases } from './cases.repository';
import { ZAssign } from './cases.schemas';

/**
 * Hands a case to a new owner and/or executor. A new executor gets an e-mail with a direct link
 * (through the job queue, sent once the change is committed).
 */
export async function assignCase(deps: TDeps, ctx: TContext, id: string, raw: unknown) {
  const input = parseInput(ZAssign, raw);
  const result = await inTenant(deps.database, ctx.actor.tenantId, async (tx) => {
    const tenantId = ctx.actor.tenantId;
    const scope = await resolveScope(tx, ctx.actor, 'cases', 'edit');
    const found = await caseInScope(tx, tenantId, id, scope);
    if (!found) throw notFound('case');
    if (input.ownerId) checkOwnerScope(scope, input.ownerId);
    await checkUsers(tx, tenantId, {
      ownerId: input.ownerId ? [input.ownerId] : [],
      executorId: input.executorId ? [input.executorId] : [],
    });
    const [before] = await loadCases(tx, tenantId, [id]);
    await tx
      .updateTable('cases')
      .set({
        ...(input.ownerId ? { owner_id: input.ownerId } : {}),
        ...(input.executorId ? { executor_id: input.executorId } : {}),
        updated_at: new Date(),
      })
      .where('tenant_id', '=', tenantId)
      .where('id', '=', id)
      .execute();
    const [after] = await loadCases(tx, tenantId, [id]);
    await recordAudit(tx, ctx, {
      entity: 'case',
      entityId: id,
      action: 'assign',
      before: { ownerId: before!.ownerId, executorId: before!.executorId },
      after: { ownerId: after!.ownerId, executorId: after!.executorId },
      ownerUserIds: [found.owner_id, found.executor_id],
    });
    const changed = input.executorId && input.executorId !== found.executor_id;
    const notified = changed
      ? await notifyExecutor(tx, deps, ctx, {
          id,
          number: after!.number,
          clientName: after!.clientName,
          executorId: input.executorId!,
        })
      : false;
    return { after: after!, notified };
  });
  if (result.notified) deps.wakeJobs();
  return result.after;
}
