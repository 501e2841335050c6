import { z } from '@hono/zod-openapi';
import { LOCALES } from '@kontor/contracts';
import { CLAWBACK_MODES, PAYOUT_MODES, PRODUCT_KINDS } from '@kontor/domain';
import { ZDate } from '../../platform/schemas';
import { ZMoney } from '../cases/cases.schemas';

/** An exact decimal percentage as a string, e.g. "1.00" or "12.5"; never a float. */
export const ZPercent = z
  .string()
  .regex(/^\d{1,3}(\.\d{1,6})?$/, 'a decimal like 1.25, at most 6 decimals')
  .refine((s) => Number.parseFloat(s) <= 100, 'at most 100')
  .openapi({ example: '1.00' });

const ZCurrency = z.string().regex(/^[A-Z]{3}$/, 'ISO 4217 code, e.g. EUR');
const ZMinor = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const ZName = z.string().trim().min(1).max(200);

/** How a line is paid and how long it stays liable. */
export const ZTerms = z.object({
  payoutMode: z.enum(PAYOUT_MODES),
  liabilityMonths: z.number().int().min(0).max(600),
  clawbackMode: z.enum(CLAWBACK_MODES),
  reservePercent: ZPercent,
});

const ZValidity = {
  validFrom: ZDate,
  validTo: ZDate.nullable().default(null),
};

const refineValidity = <T extends { validFrom: string; validTo: string | null }>(
  v: T,
  ctx: z.RefinementCtx,
) => {
  if (v.validTo !== null && v.validTo <= v.validFrom) {
    ctx.addIssue({ code: 'custom', path: ['validTo'], message: 'must be after validFrom' });
  }
};

export const ZTier = z.union([
  z.object({ fromAmountMinor: ZMinor, percent: ZPercent }).strict(),
  z.object({ fromAmountMinor: ZMinor, amountMinor: ZMinor }).strict(),
]);

export const ZIncomeRateBody = z
  .object({
    currency: ZCurrency,
    lender: ZName.nullable().default(null),
    productKind: z.enum(PRODUCT_KINDS).nullable().default(null),
    product: ZName.nullable().default(null),
    tiers: z.array(ZTier).min(1).max(50),
    terms: ZTerms,
    ...ZValidity,
  })
  .superRefine(refineValidity)
  .superRefine((v, ctx) => {
    if (new Set(v.tiers.map((t) => t.fromAmountMinor)).size !== v.tiers.length) {
      ctx.addIssue({ code: 'custom', path: ['tiers'], message: 'two tiers start at the same amount' });
    }
  });
export const ZIncomeRate = z.object({
  id: z.uuid(),
  currency: z.string(),
  lender: z.string().nullable(),
  productKind: z.string().nullable(),
  product: z.string().nullable(),
  tiers: z.array(ZTier),
  terms: ZTerms,
  validFrom: z.string(),
  validTo: z.string().nullable(),
});

export const ZGroupRateBody = z
  .object({
    kind: z.enum(['advisor', 'override']),
    rateGroupId: z.uuid(),
    productKind: z.enum(PRODUCT_KINDS).nullable().default(null),
    product: ZName.nullable().default(null),
    percent: ZPercent,
    terms: ZTerms,
    ...ZValidity,
  })
  .superRefine(refineValidity);
export const ZGroupRate = z.object({
  id: z.uuid(),
  kind: z.enum(['advisor', 'override']),
  rateGroupId: z.uuid(),
  productKind: z.string().nullable(),
  product: z.string().nullable(),
  percent: z.string(),
  terms: ZTerms,
  validFrom: z.string(),
  validTo: z.string().nullable(),
});

export const ZShare = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('fixed'), amount: ZMoney }),
  z.object({ kind: z.literal('percent_of_income'), percent: ZPercent }),
  z.object({ kind: z.literal('percent_of_advisor'), percent: ZPercent }),
]);
export const LEAD_SOURCES = ['partner', 'hotline', 'website', 'portal', 'campaign', 'import'] as const;
export const ZAgreementBody = z
  .object({
    recipientId: z.uuid(),
    leadSource: z.enum(LEAD_SOURCES).nullable().default(null),
    share: ZShare,
    terms: ZTerms,
    ...ZValidity,
  })
  .superRefine(refineValidity);
export const ZAgreement = z.object({
  id: z.uuid(),
  recipientId: z.uuid(),
  leadSource: z.string().nullable(),
  share: ZShare,
  terms: ZTerms,
  validFrom: z.string(),
  validTo: z.string().nullable(),
});

export const ZRateGroupBody = z.object({ name: ZName });
export const ZRateGroup = z.object({ id: z.uuid(), name: z.string() });

const ZVat = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('exempt'), note: z.string().trim().max(300).default('') }),
  z.object({ mode: z.literal('added'), ratePercent: ZPercent }),
]);

const recipientFields = {
  name: ZName,
  email: z.email().max(320).nullable().default(null),
  locale: z.enum(LOCALES).default('de'),
  addressLines: z.array(z.string().trim().min(1).max(200)).max(6).default([]),
  taxNumber: z.string().trim().max(50).nullable().default(null),
  vatId: z.string().trim().max(50).nullable().default(null),
  vat: ZVat.default({ mode: 'exempt', note: '' }),
  selfBilling: z.boolean().default(true),
  showsClientData: z.boolean().default(false),
  rateGroupId: z.uuid().nullable().default(null),
  creditorAccount: z
    .string()
    .regex(/^\d{1,9}$/, 'digits only')
    .nullable()
    .default(null),
};
export const ZRecipientBody = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('user'), userId: z.uuid(), ...recipientFields }),
  z.object({ kind: z.enum(['partner', 'tipster']), ...recipientFields }),
]);
export const ZRecipientPatch = z.object(recipientFields).partial();
export const ZRecipient = z.object({
  id: z.uuid(),
  kind: z.enum(['user', 'partner', 'tipster']),
  userId: z.uuid().nullable(),
  name: z.string(),
  email: z.string().nullable(),
  locale: z.enum(LOCALES),
  addressLines: z.array(z.string()),
  taxNumber: z.string().nullable(),
  vatId: z.string().nullable(),
  vat: ZVat,
  selfBilling: z.boolean(),
  showsClientData: z.boolean(),
  rateGroupId: z.uuid().nullable(),
  creditorAccount: z.string().nullable(),
});

export const ZExtraLine = z.object({
  recipientId: z.uuid(),
  label: z.string().trim().min(1).max(200),
  amount: ZMoney,
  terms: ZTerms.default({
    payoutMode: 'when_earned',
    liabilityMonths: 0,
    clawbackMode: 'full',
    reservePercent: '0',
  }),
});
export const ZProposeBody = z.object({
  wonOn: ZDate.optional().openapi({ description: 'Default: the day the case was moved to a won stage' }),
  partnerId: z.uuid().nullable().optional(),
  extraLines: z.array(ZExtraLine).max(20).default([]),
});
export const ZLine = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  kind: z.enum(['income', 'partner', 'extra', 'advisor', 'lead_override']),
  status: z.enum(['proposed', 'confirmed']),
  recipientId: z.uuid().nullable(),
  recipientName: z.string().nullable(),
  lender: z.string().nullable(),
  amount: ZMoney,
  reserve: ZMoney,
  rateId: z.uuid().nullable(),
  label: z.string().nullable(),
  terms: ZTerms,
  liabilityEndsOn: z.string(),
  correctionReason: z.string().nullable(),
});
export const ZCaseCommission = z.object({
  caseId: z.uuid(),
  wonOn: z.string(),
  partnerId: z.uuid().nullable(),
  leadSource: z.string().nullable(),
  cancelledOn: z.string().nullable(),
  lines: z.array(ZLine),
  firmKeeps: ZMoney.nullable(),
  paid: ZMoney,
});
export const ZCorrectLine = z.object({
  amount: ZMoney,
  reserve: ZMoney.optional(),
  reason: z.string().trim().min(3).max(500),
});
export const ZAddLine = ZExtraLine.extend({ reason: z.string().trim().min(3).max(500) });
export const ZSplitLine = z.object({
  shares: z
    .array(z.object({ recipientId: z.uuid(), weight: z.number().int().min(1).max(1000) }))
    .min(2)
    .max(10),
  reason: z.string().trim().min(3).max(500),
});
export const ZCancelBody = z.object({ cancelledOn: ZDate, reason: z.string().trim().min(3).max(500) });

export const ZPaymentBody = z.object({
  paidOn: ZDate,
  amount: ZMoney,
  note: z.string().max(500).default(''),
});
export const ZPayment = z.object({
  id: z.uuid(),
  caseId: z.uuid(),
  paidOn: z.string(),
  amount: ZMoney,
  note: z.string(),
});

export const ZLineParams = z.object({
  id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }),
  lineId: z.uuid().openapi({ param: { name: 'lineId', in: 'path' } }),
});
