import { checkStageMove } from '@kontor/domain';
import { actingFor, resolveScope } from '../../platform/access';
import { recordAudit, type TContext } from '../../platform/audit';
import type { TDeps } from '../../platform/deps';
import { AppError, notFound } from '../../platform/errors';
import { inTenant } from '../../platform/tx';
import { parseInput } from '../../platform/validation';
import { proposeOnWin } from '../commissions/case-commission';
import { loadPipelines } from '../pipelines/pipelines.repository';
import { caseInScope } from './case-scope';
import { loadCases, recordStageMove } from './cases.repository';
import { type TCase, ZStageMoveInput } from './cases.schemas';

/** The values a pipeline's required fields are checked against: columns, custom fields, sub-statuses. */
export function caseValues(c: TCase): Record<string, unknown> {
  return {
    ...c.custom,
    ...c.stageValues,
    amount: c.amount,
    purpose: c.purpose,
    term: c.termMonths,
    lender: c.lender,
    product: c.product,
    propertyValue: c.propertyValue,
    platformReference: c.platformReference,
  };
}

/**
 * Moves a case to another stage under its pipeline's control mode. A refused move answers 422
 * naming the missing fields and the skipped stages; every move is kept in the stage history.
 */
export async function moveCaseStage(deps: TDeps, ctx: TContext, id: string, raw: unknown) {
  const input = parseInput(ZStageMoveInput, raw);
  return inTenant(deps.database, ctx.actor.tenantId, async (tx) => {
    const tenantId = ctx.actor.tenantId;
    const scope = await resolveScope(tx, ctx.actor, 'cases', 'edit');
    const found = await caseInScope(tx, tenantId, id, scope);
    if (!found) throw notFound('case');
    const [before] = await loadCases(tx, tenantId, [id]);
    const b = before!;
    const pipeline = (await loadPipelines(tx, tenantId, b.pipelineId))[0]!;
    const stageValues = { ...b.stageValues, ...(input.stageValues ?? {}) };
    const verdict = checkStageMove({
      pipeline: {
        controlMode: pipeline.controlMode,
        stages: pipeline.stages,
        lossReasons: pipeline.lossReasons.map((r) => r.key),
      },
      fromKey: b.stage.key,
      toKey: input.stage,
      values: caseValues({ ...b, stageValues }),
      lossReason: input.lossReason ?? null,
    });
    if (!verdict.ok) {
      const fields = [
        ...verdict.missingFields.map((f) => ({
          field: f,
          code: 'required',
          message: `${f} must be filled first`,
        })),
        ...verdict.skippedStages.map((s) => ({
          field: 'stage',
          code: 'skipped_stage',
          message: `stage ${s} may not be skipped`,
        })),
      ];
      if (fields.length === 0) fields.push({ field: 'stage', code: verdict.reason, message: verdict.reason });
      throw new AppError('stage_move_refused', verdict.reason, fields, {
        reason: verdict.reason,
        missingFields: verdict.missingFields,
        skippedStages: verdict.skippedStages,
      });
    }
    const target = pipeline.stages.find((s) => s.key === input.stage)!;
    const closing = target.kind !== 'open';
    await tx
      .updateTable('cases')
      .set({
        stage_key: target.key,
        stage_values: JSON.stringify(stageValues),
        stage_changed_at: new Date(),
        loss_reason: target.kind === 'lost' ? (input.lossReason ?? null) : null,
        closed_at: closing ? new Date() : null,
        updated_at: new Date(),
      })
      .where('tenant_id', '=', tenantId)
      .where('id', '=', id)
      .execute();
    const owners = [found.owner_id, found.executor_id];
    await recordStageMove(tx, tenantId, {
      caseId: id,
      from: b.stage.key,
      to: target.key,
      lossReason: input.lossReason ?? null,
      by: ctx.actor.userId,
      onBehalfOf: actingFor(ctx.actor, owners),
    });
    // F4: a won case gets its commission lines proposed from the rates, to be confirmed.
    if (target.kind === 'won') await proposeOnWin(tx, ctx, id);
    const [after] = await loadCases(tx, tenantId, [id]);
    await recordAudit(tx, ctx, {
      entity: 'case',
      entityId: id,
      action: 'stage',
      before: { stage: b.stage.key },
      after: { stage: target.key, lossReason: input.lossReason ?? null },
      ownerUserIds: owners,
    });
    return after!;
  });
}
