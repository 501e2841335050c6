import { z } from '@hono/zod-openapi';
import {
  APPLICANT_ROLES,
  assignNamesSomeone,
  ZAssignFields as CAssignFields,
  ZCreateCase as CCreateCase,
  ZMoney as CMoney,
  ZUpdateCase as CUpdateCase,
} from '@kontor/contracts';
import { PRODUCT_KINDS } from '@kontor/domain';

// The request bodies live in @kontor/contracts (the web app checks them as the user types); here
// they get their OpenAPI component names. strictObject keeps unknown keys refused.
export { APPLICANT_ROLES } from '@kontor/contracts';

/** Money: integer minor units and an ISO 4217 currency, never a float. */
export const ZMoney = z
  .object(CMoney.shape)
  .openapi('Money', { example: { minor: 30000000, currency: 'EUR' } });

export const ZCreateCase = z.strictObject(CCreateCase.shape).openapi('CreateCase');
export type TCreateCase = z.infer<typeof ZCreateCase>;

export const ZUpdateCase = z.strictObject(CUpdateCase.shape).openapi('UpdateCase');
export type TUpdateCase = z.infer<typeof ZUpdateCase>;

export const ZStageMoveInput = z
  .strictObject({
    stage: z.string().min(1).max(63),
    lossReason: z.string().max(63).optional(),
    stageValues: z
      .record(z.string(), z.string().max(100))
      .optional()
      .openapi({ description: 'Sub-statuses to set with the move' }),
  })
  .openapi('StageMove');

// The rule is re-applied to the server's copy of the shape: refinements do not travel with .shape.
export const ZAssign = z
  .strictObject(CAssignFields.shape)
  .refine(...assignNamesSomeone)
  .openapi('AssignCase');

export const ZCase = z
  .object({
    id: z.uuid(),
    number: z.string(),
    clientId: z.uuid(),
    clientName: z.string(),
    productKind: z.enum(PRODUCT_KINDS),
    amount: ZMoney.nullable(),
    termMonths: z.number().int().nullable(),
    purpose: z.string(),
    lender: z.string().nullable(),
    product: z.string().nullable(),
    propertyValue: ZMoney.nullable(),
    platformReference: z.string().nullable(),
    pipelineId: z.uuid(),
    stage: z.object({ key: z.string(), name: z.string(), kind: z.enum(['open', 'won', 'lost']) }),
    stageValues: z.record(z.string(), z.string()),
    stageChangedAt: z.string(),
    lossReason: z.string().nullable(),
    closedAt: z.string().nullable(),
    ownerId: z.uuid(),
    executorId: z.uuid(),
    coExecutorIds: z.array(z.uuid()),
    applicants: z.array(z.object({ clientId: z.uuid(), role: z.enum(APPLICANT_ROLES), name: z.string() })),
    custom: z.record(z.string(), z.unknown()),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Case');
export type TCase = z.infer<typeof ZCase>;
