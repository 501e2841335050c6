import { type TStage, validatePipeline } from '@kontor/domain';
import { requireScope } from '../../platform/access';
import { recordAudit, type TContext } from '../../platform/audit';
import type { TDeps } from '../../platform/deps';
import { AppError, fieldError, notFound } from '../../platform/errors';
import { moveToTrash, registerTrashable } from '../../platform/trash';
import { inTenant, type TTx } from '../../platform/tx';
import { parseInput } from '../../platform/validation';
import {
  clearDefault,
  hasDefault,
  insertPipeline,
  keyTaken,
  loadPipelines,
  nextPosition,
  writeLossReasons,
  writeStages,
} from './pipelines.repository';
import { type TPipeline, ZCreatePipeline, ZUpdatePipeline } from './pipelines.schemas';

// Pipelines are the tenant's settings: everyone who sees cases sees them all (no scope applies),
// only `settings:manage` changes them.

// A pipeline leaves for the trash with its stages and loss reasons, and comes back with them.
export const PIPELINE_TRASH = registerTrashable({
  entity: 'pipeline',
  table: 'pipelines',
  dependents: [
    { table: 'pipeline_stages', column: 'pipeline_id' },
    { table: 'loss_reasons', column: 'pipeline_id' },
  ],
});

// The domain's rules of a pipeline's shape (open first, a won stage, loss reasons, unique keys).
function checkDefinition(stages: TStage[], lossReasons: { key: string }[]) {
  const issues = validatePipeline({ stages, lossReasons: lossReasons.map((r) => r.key) });
  if (issues.length > 0) {
    throw new AppError('validation_failed', issues.map((i) => `${i.field}: ${i.message}`).join('; '), issues);
  }
}

export async function findPipeline(tx: TTx, tenantId: string, id: string): Promise<TPipeline> {
  const [pipeline] = await loadPipelines(tx, tenantId, id);
  if (!pipeline) throw notFound('pipeline');
  return pipeline;
}

export async function listPipelines(deps: TDeps, ctx: TContext) {
  requireScope(ctx.actor, 'cases', 'view');
  return inTenant(deps.database, ctx.actor.tenantId, (tx) => loadPipelines(tx, ctx.actor.tenantId));
}

export async function getPipeline(deps: TDeps, ctx: TContext, id: string) {
  requireScope(ctx.actor, 'cases', 'view');
  return inTenant(deps.database, ctx.actor.tenantId, (tx) => findPipeline(tx, ctx.actor.tenantId, id));
}

/** A new pipeline; the first of its product kind, or one created as the default, becomes the default. */
export async function createPipeline(deps: TDeps, ctx: TContext, raw: unknown) {
  const input = parseInput(ZCreatePipeline, raw);
  requireScope(ctx.actor, 'settings', 'manage');
  checkDefinition(input.stages, input.lossReasons);
  const tenantId = ctx.actor.tenantId;
  return inTenant(deps.database, tenantId, async (tx) => {
    if (await keyTaken(tx, tenantId, input.key))
      throw new AppError('conflict', `a pipeline ${input.key} exists`, [
        { field: 'key', code: 'taken', message: 'key is taken' },
      ]);
    const isDefault = input.isDefault || !(await hasDefault(tx, tenantId, input.productKind));
    if (isDefault) await clearDefault(tx, tenantId, input.productKind);
    const id = await insertPipeline(tx, tenantId, {
      ...input,
      isDefault,
      position: input.position ?? (await nextPosition(tx, tenantId)),
    });
    await writeStages(tx, tenantId, id, input.stages);
    await writeLossReasons(tx, tenantId, id, input.lossReasons);
    const pipeline = await findPipeline(tx, tenantId, id);
    await recordAudit(tx, ctx, { entity: 'pipeline', entityId: id, action: 'create', after: pipeline });
    return pipeline;
  });
}

/**
 * Changes a pipeline; `stages` and `lossReasons` replace the lists as a whole (matched by key).
 * Making it the default takes the default from the kind's other pipeline; un-defaulting is refused.
 */
export async function updatePipeline(deps: TDeps, ctx: TContext, id: string, raw: unknown) {
  const input = parseInput(ZUpdatePipeline, raw);
  requireScope(ctx.actor, 'settings', 'manage');
  const tenantId = ctx.actor.tenantId;
  return inTenant(deps.database, tenantId, async (tx) => {
    const before = await findPipeline(tx, tenantId, id);
    if (input.stages || input.lossReasons) {
      checkDefinition(input.stages ?? before.stages, input.lossReasons ?? before.lossReasons);
    }
    if (input.isDefault === false && before.isDefault) {
      throw fieldError(
        'isDefault',
        'default_required',
        'make another pipeline of this kind the default instead',
      );
    }
    if (input.isDefault && !before.isDefault) await clearDefault(tx, tenantId, before.productKind, id);
    await tx
      .updateTable('pipelines')
      .set({
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.controlMode !== undefined ? { control_mode: input.controlMode } : {}),
        ...(input.isDefault !== undefined ? { is_default: input.isDefault } : {}),
        ...(input.position !== undefined ? { position: input.position } : {}),
        updated_at: new Date(),
      })
      .where('tenant_id', '=', tenantId)
      .where('id', '=', id)
      .execute();
    if (input.stages) await writeStages(tx, tenantId, id, input.stages);
    if (input.lossReasons) await writeLossReasons(tx, tenantId, id, input.lossReasons);
    const after = await findPipeline(tx, tenantId, id);
    await recordAudit(tx, ctx, { entity: 'pipeline', entityId: id, action: 'update', before, after });
    return after;
  });
}

/** Moves a pipeline to the trash; the default of a product kind stays (new cases start there). */
export async function deletePipeline(deps: TDeps, ctx: TContext, id: string) {
  requireScope(ctx.actor, 'settings', 'manage');
  return inTenant(deps.database, ctx.actor.tenantId, async (tx) => {
    const pipeline = await findPipeline(tx, ctx.actor.tenantId, id);
    if (pipeline.isDefault) {
      throw new AppError('conflict', 'make another pipeline of this product kind the default first', [
        { field: 'isDefault', code: 'default_pipeline', message: 'the default pipeline cannot be deleted' },
      ]);
    }
    const item = { id, label: pipeline.name, before: pipeline };
    return { trashId: await moveToTrash(tx, ctx, PIPELINE_TRASH, item) };
  });
}
