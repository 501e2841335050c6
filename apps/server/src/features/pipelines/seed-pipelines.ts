import type { TLocale } from '@kontor/contracts';
import type { TTx } from '../../platform/tx';
import { DEFAULT_PIPELINES, type TSeedStage } from './default-pipelines';
import {
  hasDefault,
  insertPipeline,
  type TStageRow,
  writeLossReasons,
  writeStages,
} from './pipelines.repository';

function localStage(s: TSeedStage, locale: TLocale): TStageRow {
  return {
    key: s.key,
    name: s.name[locale],
    kind: s.kind,
    requiredFields: s.requiredFields,
    fields: (s.fields ?? []).map((f) => ({
      key: f.key,
      label: f.label[locale],
      type: 'substatus',
      options: f.options.map((o) => ({ key: o.key, label: o.label[locale] })),
      finalToLeave: f.finalToLeave,
    })),
  };
}

/**
 * Gives a tenant the ready pipelines (mortgage, consumer loan, insurance), named in the tenant's
 * language. Skips a pipeline whose key the tenant already has (even in the trash), so it can also
 * fill in tenants made before pipelines existed.
 */
export async function seedDefaultPipelines(tx: TTx, tenantId: string): Promise<void> {
  const tenant = await tx
    .selectFrom('tenants')
    .select('locale')
    .where('id', '=', tenantId)
    .executeTakeFirstOrThrow();
  const locale = tenant.locale as TLocale;
  const rows = await tx.selectFrom('pipelines').select('key').where('tenant_id', '=', tenantId).execute();
  const existing = new Set(rows.map((r) => r.key));
  for (const [position, p] of DEFAULT_PIPELINES.entries()) {
    if (existing.has(p.key)) continue;
    const id = await insertPipeline(tx, tenantId, {
      key: p.key,
      name: p.name[locale],
      productKind: p.productKind,
      controlMode: p.controlMode,
      isDefault: !(await hasDefault(tx, tenantId, p.productKind)),
      position,
    });
    await writeStages(
      tx,
      tenantId,
      id,
      p.stages.map((s) => localStage(s, locale)),
    );
    await writeLossReasons(
      tx,
      tenantId,
      id,
      p.lossReasons.map((r) => ({ key: r.key, name: r.name[locale] })),
    );
  }
}
