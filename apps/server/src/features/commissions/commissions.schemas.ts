import { z } from '@hono/zod-openapi';
// The request bodies live in @kontor/contracts (the web app checks them as the user types); the
// server uses them as they are, with its own Money component where a body carries money, so the
// OpenAPI document keeps its `Money` reference.
import {
  LOCALES,
  refineValidity,
  ZAddLineBody,
  ZAgreementBody as ZAgreementContract,
  ZCancelBody as ZCancelContract,
  ZCorrectLineBody,
  ZExtraLineBody,
  ZGroupRateBody as ZGroupRateContract,
  ZIncomeRateBody as ZIncomeRateContract,
  ZPaymentBody as ZPaymentContract,
  ZPercentBody,
  ZProposeBody as ZProposeContract,
  ZRateGroupBody as ZRateGroupContract,
  ZRecipientBody as ZRecipientContract,
  ZRecipientPatch as ZRecipientPatchContract,
  ZSplitLineBody,
  ZTermsBody,
  ZTierBody,
  ZVatBody,
} from '@kontor/contracts';
import { ZDate } from '../../platform/schemas';
import { ZMoney } from '../cases/cases.schemas';

/** An exact decimal percentage as a string, e.g. "1.00" or "12.5"; never a float. */
export const ZPercent = ZPercentBody;

/** How a line is paid and how long it stays liable. */
export const ZTerms = ZTermsBody;
export const ZTier = ZTierBody;
export const ZIncomeRateBody = ZIncomeRateContract;
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

export const ZGroupRateBody = ZGroupRateContract;
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
export { LEAD_SOURCES } from '@kontor/contracts';
// Same checks as the contract's; rebuilt only so a fixed share's amount is the Money component.
export const ZAgreementBody = z
  .object({ ...ZAgreementContract.shape, share: ZShare })
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

export const ZRateGroupBody = ZRateGroupContract;
export const ZRateGroup = z.object({ id: z.uuid(), name: z.string() });

const ZVat = ZVatBody;
export const ZRecipientBody = ZRecipientContract;
export const ZRecipientPatch = ZRecipientPatchContract;
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

export const ZExtraLine = ZExtraLineBody.extend({ amount: ZMoney });
export const ZProposeBody = ZProposeContract.extend({
  wonOn: ZDate.optional().openapi({ description: 'Default: the day the case was moved to a won stage' }),
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
export const ZCorrectLine = ZCorrectLineBody.extend({ amount: ZMoney, reserve: ZMoney.optional() });
export const ZAddLine = ZAddLineBody.extend({ amount: ZMoney });
export const ZSplitLine = ZSplitLineBody;
export const ZCancelBody = ZCancelContract;
export const ZPaymentBody = ZPaymentContract.extend({ amount: ZMoney });
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
