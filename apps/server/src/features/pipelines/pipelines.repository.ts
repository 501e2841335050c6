import type { TStageField } from '@kontor/domain';
import { iso } from '../../platform/schemas';
import type { TTx } from '../../platform/tx';
import type { TPipeline } from './pipelines.schemas';

export type TStageRow = {
  key: string;
  name: string;
  kind: 'open' | 'won' | 'lost';
  requiredFields: string[];
  fields: TStageField[];
};

/** The tenant's live pipelines (or the one with `id`) with their ordered stages and loss reasons. */
export async function loadPipelines(tx: TTx, tenantId: string, id?: string): Promise<TPipeline[]> {
  let q = tx
    .selectFrom('pipelines')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('deleted_at', 'is', null);
  if (id) q = q.where('id', '=', id);
  const pipelines = await q.orderBy('position').orderBy('name').orderBy('id').execute();
  if (pipelines.length === 0) return [];
  const ids = pipelines.map((p) => p.id);
  const stages = await tx
    .selectFrom('pipeline_stages')
    .select(['pipeline_id', 'key', 'name', 'kind', 'position', 'required_fields', 'fields'])
    .where('tenant_id', '=', tenantId)
    .where('pipeline_id', 'in', ids)
    .where('deleted_at', 'is', null)
    .orderBy('position')
    .execute();
  const reasons = await tx
    .selectFrom('loss_reasons')
    .select(['pipeline_id', 'key', 'name'])
    .where('tenant_id', '=', tenantId)
    .where('pipeline_id', 'in', ids)
    .where('deleted_at', 'is', null)
    .orderBy('position')
    .execute();
  return pipelines.map((p) => ({
    id: p.id,
    key: p.key,
    name: p.name,
    productKind: p.product_kind as TPipeline['productKind'],
    controlMode: p.control_mode as TPipeline['controlMode'],
    isDefault: p.is_default,
    position: p.position,
    stages: stages
      .filter((s) => s.pipeline_id === p.id)
      .map((s) => ({
        key: s.key,
        name: s.name,
        kind: s.kind as TStageRow['kind'],
        position: s.position,
        requiredFields: s.required_fields,
        fields: s.fields as TStageField[],
      })),
    lossReasons: reasons.filter((r) => r.pipeline_id === p.id).map((r) => ({ key: r.key, name: r.name })),
    createdAt: iso(p.created_at),
    updatedAt: iso(p.updated_at),
  }));
}

export type TPipelineRow = {
  key: string;
  name: string;
  productKind: string;
  controlMode: string;
  isDefault: boolean;
  position: number;
};

export async function insertPipeline(tx: TTx, tenantId: string, p: TPipelineRow): Promise<string> {
  const row = await tx
    .insertInto('pipelines')
    .values({
      tenant_id: tenantId,
      key: p.key,
      name: p.name,
      product_kind: p.productKind,
      control_mode: p.controlMode,
      is_default: p.isDefault,
      position: p.position,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Replaces a pipeline's stages with `stages`, in order. Rows are matched by key, so a stage that
 * stays keeps its id (cases point at it); stages no longer listed are deleted.
 */
export async function writeStages(tx: TTx, tenantId: string, pipelineId: string, stages: TStageRow[]) {
  await tx
    .deleteFrom('pipeline_stages')
    .where('tenant_id', '=', tenantId)
    .where('pipeline_id', '=', pipelineId)
    .where(
      'key',
      'not in',
      stages.map((s) => s.key),
    )
    .execute();
  await tx
    .insertInto('pipeline_stages')
    .values(
      stages.map((s, position) => ({
        tenant_id: tenantId,
        pipeline_id: pipelineId,
        key: s.key,
        name: s.name,
        position,
        kind: s.kind,
        required_fields: s.requiredFields,
        fields: JSON.stringify(s.fields),
      })),
    )
    .onConflict((oc) =>
      oc.columns(['tenant_id', 'pipeline_id', 'key']).doUpdateSet((eb) => ({
        name: eb.ref('excluded.name'),
        position: eb.ref('excluded.position'),
        kind: eb.ref('excluded.kind'),
        required_fields: eb.ref('excluded.required_fields'),
        fields: eb.ref('excluded.fields'),
        updated_at: new Date(),
      })),
    )
    .execute();
}

/** Replaces a pipeline's loss reasons, matched by key like the stages. */
export async function writeLossReasons(
  tx: TTx,
  tenantId: string,
  pipelineId: string,
  reasons: { key: string; name: string }[],
) {
  let del = tx
    .deleteFrom('loss_reasons')
    .where('tenant_id', '=', tenantId)
    .where('pipeline_id', '=', pipelineId);
  if (reasons.length > 0)
    del = del.where(
      'key',
      'not in',
      reasons.map((r) => r.key),
    );
  await del.execute();
  if (reasons.length === 0) return;
  await tx
    .insertInto('loss_reasons')
    .values(
      reasons.map((r, position) => ({
        tenant_id: tenantId,
        pipeline_id: pipelineId,
        key: r.key,
        name: r.name,
        position,
      })),
    )
    .onConflict((oc) =>
      oc.columns(['tenant_id', 'pipeline_id', 'key']).doUpdateSet((eb) => ({
        name: eb.ref('excluded.name'),
        position: eb.ref('excluded.position'),
        updated_at: new Date(),
      })),
    )
    .execute();
}

/** Takes the default of a product kind away from every pipeline but `keepId`. */
export async function clearDefault(tx: TTx, tenantId: string, productKind: string, keepId?: string) {
  let q = tx
    .updateTable('pipelines')
    .set({ is_default: false, updated_at: new Date() })
    .where('tenant_id', '=', tenantId)
    .where('product_kind', '=', productKind)
    .where('is_default', '=', true);
  if (keepId) q = q.where('id', '!=', keepId);
  await q.execute();
}

export async function hasDefault(tx: TTx, tenantId: string, productKind: string): Promise<boolean> {
  const row = await tx
    .selectFrom('pipelines')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('product_kind', '=', productKind)
    .where('is_default', '=', true)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return row !== undefined;
}

export async function keyTaken(tx: TTx, tenantId: string, key: string): Promise<boolean> {
  const row = await tx
    .selectFrom('pipelines')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('key', '=', key)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return row !== undefined;
}

/** The position after the tenant's last pipeline, so a new one is listed last. */
export async function nextPosition(tx: TTx, tenantId: string): Promise<number> {
  const row = await tx
    .selectFrom('pipelines')
    .select((eb) => eb.fn.max('position').as('max'))
    .where('tenant_id', '=', tenantId)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return row?.max === null || row?.max === undefined ? 0 : Number(row.max) + 1;
}
