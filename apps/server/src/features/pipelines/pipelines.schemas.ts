import { z } from '@hono/zod-openapi';
import {
  ZCreatePipelineBody,
  ZLossReasonBody,
  ZStageFieldBody,
  ZStageInputBody,
  ZUpdatePipelineBody,
} from '@kontor/contracts';
import { CONTROL_MODES, PRODUCT_KINDS } from '@kontor/domain';

// The request bodies are @kontor/contracts' (the web app checks the same as the user types),
// rebuilt here so each carries its OpenAPI name; nested lists are rebuilt to refer to the named parts.
export const ZStageField = z.object(ZStageFieldBody.shape).openapi('StageField');

export const ZStageInput = z
  .object({
    ...ZStageInputBody.shape,
    fields: z.array(ZStageField).max(20).default([]),
  })
  .openapi('StageInput');

export const ZStage = ZStageInput.extend({ position: z.number().int() }).openapi('Stage');

export const ZLossReason = z.object(ZLossReasonBody.shape).openapi('LossReason');

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

const ZStages = z
  .array(ZStageInput)
  .min(1)
  .max(50)
  .meta(ZCreatePipelineBody.shape.stages.meta() ?? {});
const ZLossReasons = z.array(ZLossReason).max(50);

export const ZCreatePipeline = z
  .object({
    ...ZCreatePipelineBody.shape,
    stages: ZStages,
    lossReasons: ZLossReasons.default([]),
  })
  .openapi('CreatePipeline');
export type TCreatePipeline = z.infer<typeof ZCreatePipeline>;

// The key and product kind stay: cases of the kind and integrations refer to them.
export const ZUpdatePipeline = z
  .object({
    ...ZUpdatePipelineBody.shape,
    stages: ZStages.optional(),
    lossReasons: ZLossReasons.optional(),
  })
  .openapi('UpdatePipeline');
export type TUpdatePipeline = z.infer<typeof ZUpdatePipeline>;
