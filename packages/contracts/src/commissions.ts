// Request bodies of commissions, shared by the server (which validates them) and the web app (which
// validates the same way as the user types). Rates are decimals as strings, money integer minor units.
import { z } from 'zod';
import { LOCALES } from './permissions';
import { CLAWBACK_MODES, PAYOUT_MODES, PRODUCT_KINDS } from './vocabulary';

const ZDay = z.iso.date();

/** An exact decimal percentage as a string, e.g. "1.00" or "12.5"; never a float. */
export const ZPercentBody = z
  .string()
  .regex(/^\d{1,3}(\.\d{1,6})?$/, 'a decimal like 1.25, at most 6 decimals')
  .refine((s) => Number.parseFloat(s) <= 100, 'at most 100');

export const ZMoneyBody = z.object({
  minor: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  currency: z.string().regex(/^[A-Z]{3}$/, 'ISO 4217 code, e.g. EUR'),
});

const ZCurrency = z.string().regex(/^[A-Z]{3}$/, 'ISO 4217 code, e.g. EUR');
const ZMinor = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const ZName = z.string().trim().min(1).max(200);
const ZReason = z.string().trim().min(3).max(500);

/** How a line is paid and how long it stays liable. */
export const ZTermsBody = z.object({
  payoutMode: z.enum(PAYOUT_MODES),
  liabilityMonths: z.number().int().min(0).max(600),
  clawbackMode: z.enum(CLAWBACK_MODES),
  reservePercent: ZPercentBody,
});
export type TTermsBody = z.infer<typeof ZTermsBody>;

const validity = { validFrom: ZDay, validTo: ZDay.nullable().default(null) };

export function refineValidity<T extends { validFrom: string; validTo: string | null }>(
  v: T,
  ctx: z.RefinementCtx,
) {
  if (v.validTo !== null && v.validTo <= v.validFrom) {
    ctx.addIssue({ code: 'custom', path: ['validTo'], message: 'must be after validFrom' });
  }
}

export const ZTierBody = z.union([
  z.object({ fromAmountMinor: ZMinor, percent: ZPercentBody }).strict(),
  z.object({ fromAmountMinor: ZMinor, amountMinor: ZMinor }).strict(),
]);

export const ZIncomeRateBody = z
  .object({
    currency: ZCurrency,
    lender: ZName.nullable().default(null),
    productKind: z.enum(PRODUCT_KINDS).nullable().default(null),
    product: ZName.nullable().default(null),
    tiers: z.array(ZTierBody).min(1).max(50),
    terms: ZTermsBody,
    ...validity,
  })
  .superRefine(refineValidity)
  .superRefine((v, ctx) => {
    if (new Set(v.tiers.map((t) => t.fromAmountMinor)).size !== v.tiers.length) {
      ctx.addIssue({ code: 'custom', path: ['tiers'], message: 'two tiers start at the same amount' });
    }
  });
export type TIncomeRateBody = z.input<typeof ZIncomeRateBody>;

export const GROUP_RATE_KINDS = ['advisor', 'override'] as const;
export const ZGroupRateBody = z
  .object({
    kind: z.enum(GROUP_RATE_KINDS),
    rateGroupId: z.uuid(),
    productKind: z.enum(PRODUCT_KINDS).nullable().default(null),
    product: ZName.nullable().default(null),
    percent: ZPercentBody,
    terms: ZTermsBody,
    ...validity,
  })
  .superRefine(refineValidity);
export type TGroupRateBody = z.input<typeof ZGroupRateBody>;

export const LEAD_SOURCES = ['partner', 'hotline', 'website', 'portal', 'campaign', 'import'] as const;
export const SHARE_KINDS = ['fixed', 'percent_of_income', 'percent_of_advisor'] as const;
export const ZShareBody = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('fixed'), amount: ZMoneyBody }),
  z.object({ kind: z.literal('percent_of_income'), percent: ZPercentBody }),
  z.object({ kind: z.literal('percent_of_advisor'), percent: ZPercentBody }),
]);
export const ZAgreementBody = z
  .object({
    recipientId: z.uuid(),
    leadSource: z.enum(LEAD_SOURCES).nullable().default(null),
    share: ZShareBody,
    terms: ZTermsBody,
    ...validity,
  })
  .superRefine(refineValidity);
export type TAgreementBody = z.input<typeof ZAgreementBody>;

export const ZRateGroupBody = z.object({ name: ZName });

export const ZVatBody = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('exempt'), note: z.string().trim().max(300).default('') }),
  z.object({ mode: z.literal('added'), ratePercent: ZPercentBody }),
]);

export const recipientFields = {
  name: ZName,
  email: z.email().max(320).nullable().default(null),
  locale: z.enum(LOCALES).default('de'),
  addressLines: z.array(z.string().trim().min(1).max(200)).max(6).default([]),
  taxNumber: z.string().trim().max(50).nullable().default(null),
  vatId: z.string().trim().max(50).nullable().default(null),
  vat: ZVatBody.default({ mode: 'exempt', note: '' }),
  selfBilling: z.boolean().default(true),
  showsClientData: z.boolean().default(false),
  rateGroupId: z.uuid().nullable().default(null),
  creditorAccount: z
    .string()
    .regex(/^\d{1,9}$/, 'digits only')
    .nullable()
    .default(null),
};
export const RECIPIENT_KINDS = ['user', 'partner', 'tipster'] as const;
export const ZRecipientBody = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('user'), userId: z.uuid(), ...recipientFields }),
  z.object({ kind: z.enum(['partner', 'tipster']), ...recipientFields }),
]);
export type TRecipientBody = z.input<typeof ZRecipientBody>;
export const ZRecipientPatch = z.object(recipientFields).partial();

export const DEFAULT_EXTRA_TERMS: TTermsBody = {
  payoutMode: 'when_earned',
  liabilityMonths: 0,
  clawbackMode: 'full',
  reservePercent: '0',
};
export const extraLineFields = {
  recipientId: z.uuid(),
  label: z.string().trim().min(1).max(200),
  amount: ZMoneyBody,
  terms: ZTermsBody.default(DEFAULT_EXTRA_TERMS),
};
export const ZExtraLineBody = z.object(extraLineFields);
export const ZProposeBody = z.object({
  wonOn: ZDay.optional(),
  partnerId: z.uuid().nullable().optional(),
  extraLines: z.array(ZExtraLineBody).max(20).default([]),
});
export const ZCorrectLineBody = z.object({
  amount: ZMoneyBody,
  reserve: ZMoneyBody.optional(),
  reason: ZReason,
});
export const ZAddLineBody = z.object({ ...extraLineFields, reason: ZReason });
export const ZSplitLineBody = z.object({
  shares: z
    .array(z.object({ recipientId: z.uuid(), weight: z.number().int().min(1).max(1000) }))
    .min(2)
    .max(10),
  reason: ZReason,
});
export const ZCancelBody = z.object({ cancelledOn: ZDay, reason: ZReason });
export const ZPaymentBody = z.object({
  paidOn: ZDay,
  amount: ZMoneyBody,
  note: z.string().max(500).default(''),
});

export const ZRunBody = z
  .object({
    periodStart: ZDay,
    periodEnd: ZDay,
    issuedOn: ZDay.optional(),
    recipientIds: z.array(z.uuid()).min(1).max(10_000).optional(),
  })
  .superRefine((v, ctx) => {
    if (v.periodEnd < v.periodStart)
      ctx.addIssue({ code: 'custom', path: ['periodEnd'], message: 'before periodStart' });
  });

/** Why the server refused to propose a case's commission (422 commission_refused). */
export const COMMISSION_REFUSALS = [
  'no_recipient',
  'no_rate',
  'ambiguous_rate',
  'payouts_exceed_income',
  'currency_mismatch',
  'invalid_amount',
  'invalid_date',
  'invalid_rate',
  'invalid_line',
  'invalid_decimal',
  'unknown_case',
] as const;
