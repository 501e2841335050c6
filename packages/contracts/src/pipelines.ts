// Request bodies of pipelines (create, change, their stages, sub-status fields and loss reasons),
// shared by the server (which validates them) and the web app (which validates the same way as the
// user types). The rules of a pipeline's shape as a whole are @kontor/domain's validatePipeline.
import { z } from 'zod';
import { CONTROL_MODES, PRODUCT_KINDS, STAGE_KINDS } from './vocabulary';

// Stage, pipeline and loss reason keys are stable snake_case; field keys name case columns or
// custom fields (`amount`, `propertyValue`), so camelCase is allowed there.
export const ZPipelineKey = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,62}$/, 'lower-case letters, digits and _, starting with a letter');
export const ZStageFieldKey = z
  .string()
  .regex(/^[a-zA-Z][a-zA-Z0-9_]{0,62}$/, 'letters, digits and _, starting with a letter');
const ZName = z.string().trim().min(1).max(200);

export const ZStageFieldOption = z.object({ key: ZPipelineKey, label: ZName });

export const ZStageFieldBody = z.object({
  key: ZStageFieldKey,
  label: ZName,
  type: z.literal('substatus'),
  options: z
    .array(ZStageFieldOption)
    .min(2)
    .max(20)
    .meta({ description: 'In order; the last option means the work of the stage is done' }),
  finalToLeave: z
    .boolean()
    .default(false)
    .meta({ description: 'The case moves on from the stage only once this is in its last option' }),
});
export type TStageFieldBody = z.input<typeof ZStageFieldBody>;

export const ZStageInputBody = z.object({
  key: ZPipelineKey,
  name: ZName,
  kind: z.enum(STAGE_KINDS),
  requiredFields: z
    .array(ZStageFieldKey)
    .max(50)
    .default([])
    .meta({ description: 'Fields needed to enter this stage and every later one (strict and manual)' }),
  fields: z.array(ZStageFieldBody).max(20).default([]),
});
export type TStageInputBody = z.input<typeof ZStageInputBody>;

export const ZLossReasonBody = z.object({ key: ZPipelineKey, name: ZName });
export type TLossReasonBody = z.input<typeof ZLossReasonBody>;

export const ZPipelineStages = z.array(ZStageInputBody).min(1).max(50).meta({
  description: 'The whole ordered list: open stages first, then won and lost stages',
});
export const ZPipelineLossReasons = z.array(ZLossReasonBody).max(50);

export const ZCreatePipelineBody = z.object({
  key: ZPipelineKey,
  name: ZName,
  productKind: z.enum(PRODUCT_KINDS),
  controlMode: z.enum(CONTROL_MODES).default('strict'),
  isDefault: z.boolean().default(false).meta({
    description: 'New cases of the kind start here; the first pipeline of a kind is the default anyway',
  }),
  position: z.number().int().min(0).max(10_000).optional(),
  stages: ZPipelineStages,
  lossReasons: ZPipelineLossReasons.default([]),
});
export type TCreatePipelineBody = z.input<typeof ZCreatePipelineBody>;

// The key and product kind stay: cases of the kind and integrations refer to them.
export const ZUpdatePipelineBody = z
  .object({
    name: ZName,
    controlMode: z.enum(CONTROL_MODES),
    isDefault: z.boolean(),
    position: z.number().int().min(0).max(10_000),
    stages: ZPipelineStages,
    lossReasons: ZPipelineLossReasons,
  })
  .partial();
export type TUpdatePipelineBody = z.input<typeof ZUpdatePipelineBody>;
