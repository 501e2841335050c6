// Request bodies of cases, shared by the server (which validates them) and the web app (which
// validates the same way as the user types). Descriptions ride on zod's .meta(), which the
// server's OpenAPI generator reads, so the document says the same as before the move.
import { z } from 'zod';
import { PRODUCT_KINDS } from './vocabulary';

export const APPLICANT_ROLES = [
  'applicant',
  'co_applicant',
  'guarantor',
  'employer',
  'representative',
] as const;
export type TApplicantRole = (typeof APPLICANT_ROLES)[number];

/** Money: integer minor units and an ISO 4217 currency, never a float. */
export const ZMoney = z
  .object({
    minor: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
    currency: z.string().regex(/^[A-Z]{3}$/, 'ISO 4217 code, e.g. EUR'),
  })
  .meta({ id: 'Money', example: { minor: 30000000, currency: 'EUR' } });
export type TMoneyInput = z.infer<typeof ZMoney>;

export const ZApplicant = z.object({ clientId: z.uuid(), role: z.enum(APPLICANT_ROLES) });

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
    .meta({ description: 'Sub-status values by field key' }),
  custom: z.record(z.string(), z.unknown()),
};

export const ZCreateCase = z
  .strictObject({
    clientId: z.uuid(),
    productKind: z.enum(PRODUCT_KINDS),
    pipelineId: z
      .uuid()
      .optional()
      .meta({ description: 'Default: the tenant’s default pipeline of the product kind' }),
    ownerId: z.uuid().optional().meta({ description: 'Default: yourself' }),
    executorId: z.uuid().optional().meta({ description: 'Default: the owner' }),
    coExecutorIds: z.array(z.uuid()).max(20).optional(),
    applicants: z
      .array(ZApplicant)
      .max(10)
      .optional()
      .meta({ description: 'Further clients and their role' }),
  })
  .extend(z.object(editable).partial().shape);
export type TCreateCase = z.infer<typeof ZCreateCase>;

export const ZUpdateCase = z
  .strictObject({
    ...editable,
    applicants: z.array(ZApplicant).max(10),
    coExecutorIds: z.array(z.uuid()).max(20),
  })
  .partial();
export type TUpdateCase = z.infer<typeof ZUpdateCase>;

/** Handing a case over: a new owner, a new executor or both (the plain shape, for the server). */
export const ZAssignFields = z.strictObject({
  ownerId: z.uuid().optional(),
  executorId: z.uuid().optional(),
});
/** The rule ZAssign adds to its shape; the server re-applies it to its own copy of the shape. */
export const assignNamesSomeone: [
  (a: { ownerId?: string; executorId?: string }) => boolean,
  { message: string; path: string[] },
] = [
  (a) => Boolean(a.ownerId || a.executorId),
  { message: 'name ownerId, executorId or both', path: ['executorId'] },
];
export const ZAssign = ZAssignFields.refine(...assignNamesSomeone);
export type TAssign = z.infer<typeof ZAssign>;
