// Rates (F1–F3): income rates, advisor and override rates by rate group, partner agreements. Each
// is valid from/to; editing one that lines were computed with never changes those lines (a line
// keeps its own copy of the terms), so the history of what was settled stays as it was.
import type { TGroupRate, TIncomeRate, TPartnerAgreement, TPayoutTerms, TRateBook } from '@kontor/domain';
import type { z } from 'zod';
import { recordAudit, type TContext } from '../../platform/audit';
import type { TDeps } from '../../platform/deps';
import { fieldError, notFound } from '../../platform/errors';
import { moveToTrash, registerTrashable } from '../../platform/trash';
import { inTenant, type TTx } from '../../platform/tx';
import { parseInput } from '../../platform/validation';
import { ZAgreementBody, ZGroupRateBody, ZIncomeRateBody, ZRateGroupBody } from './commissions.schemas';
import { decimal, lenderKey } from './money-format';

type TTermsRow = {
  payout_mode: string;
  liability_months: number;
  clawback_mode: string;
  reserve_percent: string;
};

export const termsOf = (r: TTermsRow): TPayoutTerms => ({
  payoutMode: r.payout_mode as TPayoutTerms['payoutMode'],
  liabilityMonths: r.liability_months,
  clawbackMode: r.clawback_mode as TPayoutTerms['clawbackMode'],
  reservePercent: decimal(r.reserve_percent),
});

export const termsRow = (t: TPayoutTerms) => ({
  payout_mode: t.payoutMode,
  liability_months: t.liabilityMonths,
  clawback_mode: t.clawbackMode,
  reserve_percent: t.reservePercent,
});

const validity = (r: { valid_from: string; valid_to: string | null }) => ({
  validFrom: r.valid_from,
  validTo: r.valid_to,
});

type TTier = { fromAmountMinor: number; percent?: string; amountMinor?: number };

function toIncomeRate(
  r: {
    id: string;
    currency: string;
    lender: string | null;
    product_kind: string | null;
    product: string | null;
    tiers: unknown;
    valid_from: string;
    valid_to: string | null;
  } & TTermsRow,
) {
  return {
    id: r.id,
    currency: r.currency,
    lender: r.lender,
    productKind: r.product_kind,
    product: r.product,
    tiers: r.tiers as TTier[],
    terms: termsOf(r),
    ...validity(r),
  };
}

function toGroupRate(
  r: {
    id: string;
    kind: string;
    rate_group_id: string;
    product_kind: string | null;
    product: string | null;
    percent: string;
    valid_from: string;
    valid_to: string | null;
  } & TTermsRow,
) {
  return {
    id: r.id,
    kind: r.kind as 'advisor' | 'override',
    rateGroupId: r.rate_group_id,
    productKind: r.product_kind,
    product: r.product,
    percent: decimal(r.percent),
    terms: termsOf(r),
    ...validity(r),
  };
}

function toAgreement(
  r: {
    id: string;
    recipient_id: string;
    lead_source: string | null;
    share_kind: string;
    percent: string | null;
    amount_minor: number | null;
    currency: string | null;
    valid_from: string;
    valid_to: string | null;
  } & TTermsRow,
) {
  const share =
    r.share_kind === 'fixed'
      ? { kind: 'fixed' as const, amount: { minor: r.amount_minor ?? 0, currency: r.currency ?? '' } }
      : {
          kind: r.share_kind as 'percent_of_income' | 'percent_of_advisor',
          percent: decimal(r.percent ?? '0'),
        };
  return {
    id: r.id,
    recipientId: r.recipient_id,
    leadSource: r.lead_source,
    share,
    terms: termsOf(r),
    ...validity(r),
  };
}

type TRateKind = 'income_rate' | 'group_rate' | 'partner_agreement';
const TABLES = {
  income_rate: 'income_rates',
  group_rate: 'group_rates',
  partner_agreement: 'partner_agreements',
} as const;
const TRASH = Object.fromEntries(
  (Object.keys(TABLES) as TRateKind[]).map((entity) => [
    entity,
    registerTrashable({ entity, table: TABLES[entity], dependents: [] }),
  ]),
) as Record<TRateKind, ReturnType<typeof registerTrashable>>;

// The live rates of one kind, or the one with `id`.
async function list(tx: TTx, tenantId: string, kind: TRateKind, id?: string) {
  const rows = await tx
    .selectFrom(TABLES[kind])
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('deleted_at', 'is', null)
    .$call((q) => (id ? q.where('id', '=', id) : q))
    .orderBy('valid_from', 'desc')
    .orderBy('id')
    .execute();
  // biome-ignore lint/suspicious/noExplicitAny: one mapper per table, chosen by kind
  const map: (r: any) => unknown = {
    income_rate: toIncomeRate,
    group_rate: toGroupRate,
    partner_agreement: toAgreement,
  }[kind];
  return rows.map(map);
}

function rowOf(kind: TRateKind, input: Record<string, unknown>) {
  if (kind === 'income_rate') {
    const v = input as z.output<typeof ZIncomeRateBody>;
    return {
      currency: v.currency,
      lender: v.lender,
      product_kind: v.productKind,
      product: v.product,
      tiers: JSON.stringify(v.tiers),
      ...termsRow(v.terms),
      valid_from: v.validFrom,
      valid_to: v.validTo,
    };
  }
  if (kind === 'group_rate') {
    const v = input as z.output<typeof ZGroupRateBody>;
    return {
      kind: v.kind,
      rate_group_id: v.rateGroupId,
      product_kind: v.productKind,
      product: v.product,
      percent: v.percent,
      ...termsRow(v.terms),
      valid_from: v.validFrom,
      valid_to: v.validTo,
    };
  }
  const v = input as z.output<typeof ZAgreementBody>;
  const fixed = v.share.kind === 'fixed' ? v.share.amount : null;
  return {
    recipient_id: v.recipientId,
    lead_source: v.leadSource,
    share_kind: v.share.kind,
    percent: v.share.kind === 'fixed' ? null : v.share.percent,
    amount_minor: fixed?.minor ?? null,
    currency: fixed?.currency ?? null,
    ...termsRow(v.terms),
    valid_from: v.validFrom,
    valid_to: v.validTo,
  };
}

const SCHEMAS = {
  income_rate: ZIncomeRateBody,
  group_rate: ZGroupRateBody,
  partner_agreement: ZAgreementBody,
};

// A rate naming a rate group or a recipient must name one of this tenant's.
async function checkReferences(tx: TTx, tenantId: string, kind: TRateKind, row: Record<string, unknown>) {
  if (kind === 'group_rate') {
    const group = await tx
      .selectFrom('rate_groups')
      .select('id')
      .where('tenant_id', '=', tenantId)
      .where('id', '=', row.rate_group_id as string)
      .executeTakeFirst();
    if (!group) throw fieldError('rateGroupId', 'not_found', 'no such rate group');
  }
  if (kind === 'partner_agreement') {
    const recipient = await tx
      .selectFrom('commission_recipients')
      .select('kind')
      .where('tenant_id', '=', tenantId)
      .where('id', '=', row.recipient_id as string)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (!recipient || recipient.kind === 'user') {
      throw fieldError('recipientId', 'not_found', 'no such partner or tipster');
    }
  }
}

/** Lists the rates of one kind, newest validity first. */
export async function listRates(deps: TDeps, ctx: TContext, kind: TRateKind) {
  return inTenant(deps.database, ctx.actor.tenantId, async (tx) => ({
    items: await list(tx, ctx.actor.tenantId, kind),
  }));
}

/** Creates a rate (or replaces one when `id` is given); audited. */
export async function saveRate(deps: TDeps, ctx: TContext, kind: TRateKind, raw: unknown, id?: string) {
  const input = parseInput(SCHEMAS[kind], raw) as Record<string, unknown>;
  const tenantId = ctx.actor.tenantId;
  return inTenant(deps.database, tenantId, async (tx) => {
    const row = rowOf(kind, input);
    await checkReferences(tx, tenantId, kind, row);
    const table = TABLES[kind];
    let before: unknown = null;
    let savedId: string;
    if (id) {
      [before] = await list(tx, tenantId, kind, id);
      if (!before) throw notFound('rate');
      await tx
        .updateTable(table)
        // biome-ignore lint/suspicious/noExplicitAny: the row matches the table chosen by kind
        .set({ ...(row as any), updated_at: new Date() })
        .where('tenant_id', '=', tenantId)
        .where('id', '=', id)
        .execute();
      savedId = id;
    } else {
      const created = await tx
        .insertInto(table)
        // biome-ignore lint/suspicious/noExplicitAny: the row matches the table chosen by kind
        .values({ tenant_id: tenantId, ...(row as any) })
        .returning('id')
        .executeTakeFirstOrThrow();
      savedId = created.id;
    }
    const [after] = await list(tx, tenantId, kind, savedId);
    await recordAudit(tx, ctx, {
      entity: kind,
      entityId: savedId,
      action: id ? 'update' : 'create',
      before,
      after,
    });
    return after as { id: string };
  });
}

/** Moves a rate to the trash; lines computed with it keep their own terms. */
export async function deleteRate(deps: TDeps, ctx: TContext, kind: TRateKind, id: string) {
  return inTenant(deps.database, ctx.actor.tenantId, async (tx) => {
    const [before] = await list(tx, ctx.actor.tenantId, kind, id);
    if (!before) throw notFound('rate');
    const trashId = await moveToTrash(tx, ctx, TRASH[kind], { id, label: `${kind} ${id}`, before });
    return { trashId };
  });
}

/** Lists the rate groups. */
export async function listRateGroups(deps: TDeps, ctx: TContext) {
  return inTenant(deps.database, ctx.actor.tenantId, async (tx) => ({
    items: await tx
      .selectFrom('rate_groups')
      .select(['id', 'name'])
      .where('tenant_id', '=', ctx.actor.tenantId)
      .orderBy('name')
      .execute(),
  }));
}

/** Creates a rate group; audited. */
export async function createRateGroup(deps: TDeps, ctx: TContext, raw: unknown) {
  const input = parseInput(ZRateGroupBody, raw);
  return inTenant(deps.database, ctx.actor.tenantId, async (tx) => {
    const after = await tx
      .insertInto('rate_groups')
      .values({ tenant_id: ctx.actor.tenantId, name: input.name })
      .returning(['id', 'name'])
      .executeTakeFirstOrThrow();
    await recordAudit(tx, ctx, { entity: 'rate_group', entityId: after.id, action: 'create', after });
    return after;
  });
}

/** Every live rate of the tenant in the shapes the arithmetic of `@kontor/domain` takes. */
export async function loadRateBook(tx: TTx, tenantId: string): Promise<TRateBook> {
  const income = (await list(tx, tenantId, 'income_rate')) as ReturnType<typeof toIncomeRate>[];
  const group = (await list(tx, tenantId, 'group_rate')) as ReturnType<typeof toGroupRate>[];
  const agreements = (await list(tx, tenantId, 'partner_agreement')) as ReturnType<typeof toAgreement>[];
  const incomeRates: TIncomeRate[] = income.map((r) => ({
    ...r,
    lenderId: r.lender === null ? null : lenderKey(r.lender),
    productKind: r.productKind as TIncomeRate['productKind'],
    productId: r.product === null ? null : lenderKey(r.product),
    tiers: r.tiers.map((t) => ({
      fromAmountMinor: t.fromAmountMinor,
      value:
        t.percent !== undefined
          ? { kind: 'percent' as const, percent: t.percent }
          : { kind: 'fixed' as const, amountMinor: t.amountMinor ?? 0 },
    })),
  }));
  const toGroup = (r: ReturnType<typeof toGroupRate>): TGroupRate => ({
    ...r,
    productKind: r.productKind as TGroupRate['productKind'],
    productId: r.product === null ? null : lenderKey(r.product),
  });
  const partnerAgreements: TPartnerAgreement[] = agreements.map((a) => ({
    ...a,
    partnerId: a.recipientId,
    share:
      a.share.kind === 'fixed'
        ? { kind: 'fixed', amountMinor: a.share.amount.minor, currency: a.share.amount.currency }
        : a.share,
  }));
  return {
    incomeRates,
    advisorRates: group.filter((r) => r.kind === 'advisor').map(toGroup),
    overrideRates: group.filter((r) => r.kind === 'override').map(toGroup),
    partnerAgreements,
  };
}
