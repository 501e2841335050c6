import { z } from '@hono/zod-openapi';
import {
  CHOICE_OPTIONS_ISSUE,
  CUSTOM_FIELD_ENTITIES,
  CUSTOM_FIELD_TYPES,
  choicesHaveOptions,
  type TCustomFieldType,
  type TFieldError,
  ZCreateCustomFieldShape,
} from '@kontor/contracts';
import { resolveScope } from '../../platform/access';
import { recordAudit, type TContext } from '../../platform/audit';
import type { TDeps } from '../../platform/deps';
import { AppError, notFound } from '../../platform/errors';
import { iso } from '../../platform/schemas';
import { moveToTrash, registerTrashable } from '../../platform/trash';
import { inTenant, type TTx } from '../../platform/tx';
import { parseInput } from '../../platform/validation';

export const ZCustomField = z
  .object({
    id: z.uuid(),
    entity: z.enum(CUSTOM_FIELD_ENTITIES),
    key: z.string(),
    label: z.string(),
    type: z.enum(CUSTOM_FIELD_TYPES),
    options: z.array(z.string()),
    required: z.boolean(),
    position: z.number().int(),
    createdAt: z.string(),
  })
  .openapi('CustomField');
type TCustomField = z.infer<typeof ZCustomField>;

// The body is @kontor/contracts' (the web app checks the same as the user types), rebuilt here so it
// carries its OpenAPI name; the refine is re-added because a refined schema has no shape.
export const ZCreateCustomField = z
  .object(ZCreateCustomFieldShape.shape)
  .refine(choicesHaveOptions, CHOICE_OPTIONS_ISSUE)
  .openapi('CreateCustomField');

export const CUSTOM_FIELD_TRASH = registerTrashable({
  entity: 'custom_field',
  table: 'custom_field_definitions',
  dependents: [],
});

export async function listDefinitions(
  tx: TTx,
  tenantId: string,
  entity?: 'client' | 'case',
): Promise<TCustomField[]> {
  let q = tx
    .selectFrom('custom_field_definitions')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('deleted_at', 'is', null);
  if (entity) q = q.where('entity', '=', entity);
  const rows = await q.orderBy('entity').orderBy('position').orderBy('key').execute();
  return rows.map((r) => ({
    id: r.id,
    entity: r.entity as TCustomField['entity'],
    key: r.key,
    label: r.label,
    type: r.type as TCustomFieldType,
    options: r.options,
    required: r.required,
    position: r.position,
    createdAt: iso(r.created_at),
  }));
}

const ZMoney = z.object({ minor: z.number().int().safe(), currency: z.string().regex(/^[A-Z]{3}$/) });

// What a value of each type must look like; numbers are exact decimal strings (no floats).
const VALUE_SCHEMAS: Record<TCustomFieldType, (f: TCustomField) => z.ZodType> = {
  text: () => z.string().max(2000),
  number: () =>
    z.union([z.number().finite(), z.string().regex(/^-?\d{1,15}(\.\d{1,6})?$/)]).transform(String),
  money: () => ZMoney,
  date: () => z.iso.date(),
  choice: (f) => z.enum(f.options as [string, ...string[]]),
  multi_choice: (f) => z.array(z.enum(f.options as [string, ...string[]])).max(f.options.length),
  yes_no: () => z.boolean(),
};

/**
 * Checks custom values against the tenant's definitions: unknown keys, wrong types and missing
 * required fields (on create, or when `merged` holds the full set) are field errors `custom.<key>`.
 */
export async function validateCustom(
  tx: TTx,
  tenantId: string,
  entity: 'client' | 'case',
  values: Record<string, unknown>,
  checkRequired: boolean,
): Promise<Record<string, unknown>> {
  const defs = new Map((await listDefinitions(tx, tenantId, entity)).map((d) => [d.key, d]));
  const errors: TFieldError[] = [];
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(values)) {
    const def = defs.get(key);
    if (!def) {
      errors.push({ field: `custom.${key}`, code: 'unknown', message: `no custom field ${key}` });
      continue;
    }
    if (value === null) continue; // clearing a value
    const parsed = VALUE_SCHEMAS[def.type](def).safeParse(value);
    if (parsed.success) out[key] = parsed.data;
    else
      errors.push({
        field: `custom.${key}`,
        code: 'invalid',
        message: parsed.error.issues[0]?.message ?? 'invalid',
      });
  }
  if (checkRequired) {
    for (const def of defs.values()) {
      if (def.required && (out[def.key] === undefined || out[def.key] === '')) {
        errors.push({ field: `custom.${def.key}`, code: 'required', message: `${def.label} is required` });
      }
    }
  }
  if (errors.length > 0)
    throw new AppError('validation_failed', errors.map((e) => `${e.field}: ${e.message}`).join('; '), errors);
  return out;
}

export async function listCustomFields(deps: TDeps, ctx: TContext, entity?: 'client' | 'case') {
  return inTenant(deps.database, ctx.actor.tenantId, (tx) => listDefinitions(tx, ctx.actor.tenantId, entity));
}

export async function createCustomField(deps: TDeps, ctx: TContext, raw: unknown) {
  const input = parseInput(ZCreateCustomField, raw);
  return inTenant(deps.database, ctx.actor.tenantId, async (tx) => {
    await resolveScope(tx, ctx.actor, 'settings', 'manage');
    const row = await tx
      .insertInto('custom_field_definitions')
      .values({ tenant_id: ctx.actor.tenantId, ...input })
      .returning('id')
      .executeTakeFirstOrThrow();
    const field = (await listDefinitions(tx, ctx.actor.tenantId)).find((d) => d.id === row.id)!;
    await recordAudit(tx, ctx, { entity: 'custom_field', entityId: row.id, action: 'create', after: field });
    return field;
  });
}

export async function deleteCustomField(deps: TDeps, ctx: TContext, id: string) {
  return inTenant(deps.database, ctx.actor.tenantId, async (tx) => {
    await resolveScope(tx, ctx.actor, 'settings', 'manage');
    const field = (await listDefinitions(tx, ctx.actor.tenantId)).find((d) => d.id === id);
    if (!field) throw notFound('custom field');
    return {
      trashId: await moveToTrash(tx, ctx, CUSTOM_FIELD_TRASH, { id, label: field.label, before: field }),
    };
  });
}
