import { z } from '@hono/zod-openapi';
import { CONTROL_MODES, PRODUCT_KINDS, STAGE_KINDS } from '@kontor/domain';

// Stage, pipeline and loss reason keys are stable snake_case; field keys name case columns or
// custom fields (`amount`, `propertyValue`), so camelCase is allowed there.
const ZKey = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,62}$/, 'lower-case letters, digits and _, starting with a letter');
const ZFieldKey = z
  .string()
  .regex(/^[a-zA-Z][a-zA-Z0-9_]{0,62}$/, 'letters, digits and _, starting with a letter');
const ZName = z.string().trim().min(1).max(200);

export const ZStageField = z
  .object({
    key: ZFieldKey,
    label: ZName,
    type: z.literal('substatus'),
    options: z
      .array(z.object({ key: ZKey, label: ZName }))
      .min(2)
      .max(20)
      .openapi({ description: 'In order; the last option means the work of the stage is done' }),
    finalToLeave: z
      .boolean()
      .default(false)
      .openapi({ description: 'The case moves on from the stage only once this is in its last option' }),
  })
  .openapi('StageField');

export const ZStageInput = z
  .object({
    key: ZKey,
    name: ZName,
    kind: z.enum(STAGE_KINDS),
    requiredFields: z
      .array(ZFieldKey)
      .max(50)
      .default([])
      .openapi({ description: 'Fields needed to enter this stage and every later one (strict and manual)' }),
    fields: z.array(ZStageField).max(20).default([]),
  })
  .openapi('StageInput');

export const ZStage = ZStageInput.extend({ position: z.number().int() }).openapi('Stage');

export const ZLossReason = z.object({ key: ZKey, name: ZName }).openapi('LossReason');

export const ZPipeline = z
  .object({
    id: z.uuid(),
    key: z.string(),
    name: z.string(),
    productKind: z.enum(PRODUCT_KINDS),
    controlMode: z.enum(CONTROL_MODES),
    isDefault: z.boolean(),
    position: z.number().int(),
    stages: z.array(ZStage),
    lossReasons: z.array(ZLossReason),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Pipeline');
export type TPipeline = z.infer<typeof ZPipeline>;

const ZStages = z.array(ZStageInput).min(1).max(50).openapi({
  description: 'The whole ordered list: open stages first, then won and lost stages',
});
const ZLossReasons = z.array(ZLossReason).max(50);

export const ZCreatePipeline = z
  .object({
    key: ZKey,
    name: ZName,
    productKind: z.enum(PRODUCT_KINDS),
    controlMode: z.enum(CONTROL_MODES).default('strict'),
    isDefault: z.boolean().default(false).openapi({
      description: 'New cases of the kind start here; the first pipeline of a kind is the default anyway',
    }),
    position: z.number().int().min(0).max(10_000).optional(),
    stages: ZStages,
    lossReasons: ZLossReasons.default([]),
  })
  .openapi('CreatePipeline');
export type TCreatePipeline = z.infer<typeof ZCreatePipeline>;

// The key and product kind stay: cases of the kind and integrations refer to them.
export const ZUpdatePipeline = z
  .object({
    name: ZName,
    controlMode: z.enum(CONTROL_MODES),
    isDefault: z.boolean(),
    position: z.number().int().min(0).max(10_000),
    stages: ZStages,
    lossReasons: ZLossReasons,
  })
  .partial()
  .openapi('UpdatePipeline');
export type TUpdatePipeline = z.infer<typeof ZUpdatePipeline>;
