import { z } from '@hono/zod-openapi';
import { PRODUCT_KINDS } from '@kontor/domain';

export const APPLICANT_ROLES = [
  'applicant',
  'co_applicant',
  'guarantor',
  'employer',
  'representative',
] as const;

/** Money: integer minor units and an ISO 4217 currency, never a float. */
export const ZMoney = z
  .object({
    minor: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
    currency: z.string().regex(/^[A-Z]{3}$/, 'ISO 4217 code, e.g. EUR'),
  })
  .openapi('Money', { example: { minor: 30000000, currency: 'EUR' } });

const ZApplicant = z.object({ clientId: z.uuid(), role: z.enum(APPLICANT_ROLES) });

const editable = {
  amount: ZMoney.nullable(),
  termMonths: z.number().int().min(1).max(600).nullable(),
  purpose: z.string().trim().max(500),
  lender: z.string().trim().max(200).nullable(),
  product: z.string().trim().max(200).nullable(),
  propertyValue: ZMoney.nullable(),
  platformReference: z.string().trim().max(100).nullable(),
  stageValues: z
    .record(z.string(), z.string().max(100))
    .openapi({ description: 'Sub-status values by field key' }),
  custom: z.record(z.string(), z.unknown()),
};

export const ZCreateCase = z
  .strictObject({
    clientId: z.uuid(),
    productKind: z.enum(PRODUCT_KINDS),
    pipelineId: z
      .uuid()
      .optional()
      .openapi({ description: 'Default: the tenant’s default pipeline of the product kind' }),
    ownerId: z.uuid().optional().openapi({ description: 'Default: yourself' }),
    executorId: z.uuid().optional().openapi({ description: 'Default: the owner' }),
    coExecutorIds: z.array(z.uuid()).max(20).optional(),
    applicants: z
      .array(ZApplicant)
      .max(10)
      .optional()
      .openapi({ description: 'Further clients and their role' }),
  })
  .extend(z.object(editable).partial().shape)
  .openapi('CreateCase');
export type TCreateCase = z.infer<typeof ZCreateCase>;

export const ZUpdateCase = z
  .strictObject({
    ...editable,
    applicants: z.array(ZApplicant).max(10),
    coExecutorIds: z.array(z.uuid()).max(20),
  })
  .partial()
  .openapi('UpdateCase');
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

export const ZAssign = z
  .strictObject({ ownerId: z.uuid().optional(), executorId: z.uuid().optional() })
  .refine((a) => a.ownerId || a.executorId, {
    message: 'name ownerId, executorId or both',
    path: ['executorId'],
  })
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
