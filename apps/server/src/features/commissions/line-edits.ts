// Changing a case's lines by hand (F4) and recording the lender's money (F5). Every change names
// its reason and is audited. A line already on a final statement may still be corrected: the next
// statement settles the difference, the issued one stays as it was.
import { addMonthsClamped, percentOf, splitLine, type TCommissionLine } from '@kontor/domain';
import { recordAudit, type TContext } from '../../platform/audit';
import type { TDeps } from '../../platform/deps';
import { AppError, fieldError, notFound } from '../../platform/errors';
import { inTenant, type TTx } from '../../platform/tx';
import { parseInput } from '../../platform/validation';
import { caseCommissionView, caseForCommission } from './case-commission';
import { lineRow, loadLines, type TLineRow, toLine } from './commission-lines.repository';
import { ZAddLine, ZCorrectLine, ZPaymentBody, ZSplitLine } from './commissions.schemas';
import { money } from './money-format';
import { termsOf } from './rates';
import { recipients } from './recipients';

async function lineOf(tx: TTx, tenantId: string, caseId: string, lineId: string): Promise<TLineRow> {
  const line = (await loadLines(tx, tenantId, caseId)).find((l) => l.id === lineId);
  if (!line) throw notFound('line');
  return line;
}

async function assertRecipient(tx: TTx, tenantId: string, id: string, field: string) {
  const r = await recipients(tx, tenantId).select('id').where('id', '=', id).executeTakeFirst();
  if (!r) throw fieldError(field, 'not_found', 'no such recipient');
}

async function wonOn(tx: TTx, tenantId: string, caseId: string) {
  const row = await tx
    .selectFrom('case_commissions')
    .select(['won_on', 'currency'])
    .where('tenant_id', '=', tenantId)
    .where('case_id', '=', caseId)
    .executeTakeFirst();
  if (!row) throw new AppError('conflict', 'propose the case’s commission first');
  return row;
}

/** Corrects a line's amount (and reserve) with a reason; audited with before and after. */
export async function correctLine(deps: TDeps, ctx: TContext, caseId: string, lineId: string, raw: unknown) {
  const input = parseInput(ZCorrectLine, raw);
  const tenantId = ctx.actor.tenantId;
  return inTenant(deps.database, tenantId, async (tx) => {
    const { kase } = await caseForCommission(tx, ctx, caseId, 'edit');
    const before = await lineOf(tx, tenantId, caseId, lineId);
    if (input.amount.currency !== before.currency)
      throw fieldError('amount.currency', 'currency_mismatch', `not in ${before.currency}`);
    const reserve = input.reserve?.minor ?? percentOf(input.amount.minor, termsOf(before).reservePercent);
    if (reserve > input.amount.minor)
      throw fieldError('reserve', 'too_large', 'the reserve exceeds the amount');
    await tx
      .updateTable('commission_lines')
      .set({
        amount_minor: input.amount.minor,
        reserve_minor: reserve,
        correction_reason: input.reason,
        updated_at: new Date(),
      })
      .where('tenant_id', '=', tenantId)
      .where('id', '=', lineId)
      .execute();
    const after = await lineOf(tx, tenantId, caseId, lineId);
    await recordAudit(tx, ctx, {
      entity: 'commission_line',
      entityId: lineId,
      action: 'correct',
      before: toLine(before),
      after: { ...toLine(after), reason: input.reason },
      ownerUserIds: [kase.owner_id],
    });
    return caseCommissionView(tx, tenantId, caseId, null);
  });
}

/** Adds a line by hand (e.g. a fixed sum for a helping colleague). */
export async function addLine(deps: TDeps, ctx: TContext, caseId: string, raw: unknown) {
  const input = parseInput(ZAddLine, raw);
  const tenantId = ctx.actor.tenantId;
  return inTenant(deps.database, tenantId, async (tx) => {
    const { kase } = await caseForCommission(tx, ctx, caseId, 'edit');
    const won = await wonOn(tx, tenantId, caseId);
    if (input.amount.currency !== won.currency)
      throw fieldError('amount.currency', 'currency_mismatch', `not in ${won.currency}`);
    await assertRecipient(tx, tenantId, input.recipientId, 'recipientId');
    const lines = await loadLines(tx, tenantId, caseId);
    const status = lines.some((l) => l.status === 'proposed') ? 'proposed' : 'confirmed';
    const line: TCommissionLine = {
      kind: 'extra',
      recipientId: input.recipientId,
      currency: won.currency,
      amountMinor: input.amount.minor,
      reserveMinor: percentOf(input.amount.minor, input.terms.reservePercent),
      rateId: null,
      label: input.label,
      terms: input.terms,
      liabilityEndsOn: addMonthsClamped(won.won_on, input.terms.liabilityMonths),
    };
    const row = await tx
      .insertInto('commission_lines')
      .values({
        ...lineRow(tenantId, caseId, line, status),
        correction_reason: input.reason,
        created_by: ctx.actor.userId,
        ...(status === 'confirmed' && { confirmed_at: new Date(), confirmed_by: ctx.actor.userId }),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const after = await lineOf(tx, tenantId, caseId, row.id);
    await recordAudit(tx, ctx, {
      entity: 'commission_line',
      entityId: row.id,
      action: 'create',
      after: { ...toLine(after), reason: input.reason },
      ownerUserIds: [kase.owner_id],
    });
    return caseCommissionView(tx, tenantId, caseId, null);
  });
}

/** Splits a line among several recipients by weights; amounts and reserves add up to the cent. */
export async function splitCaseLine(
  deps: TDeps,
  ctx: TContext,
  caseId: string,
  lineId: string,
  raw: unknown,
) {
  const input = parseInput(ZSplitLine, raw);
  const tenantId = ctx.actor.tenantId;
  return inTenant(deps.database, tenantId, async (tx) => {
    const { kase } = await caseForCommission(tx, ctx, caseId, 'edit');
    const before = await lineOf(tx, tenantId, caseId, lineId);
    if (before.kind === 'income') throw fieldError('lineId', 'income_line', 'the income line is not split');
    const settled = await tx
      .selectFrom('statement_entries')
      .select('line_id')
      .where('tenant_id', '=', tenantId)
      .where('line_id', '=', lineId)
      .executeTakeFirst();
    if (settled)
      throw new AppError('conflict', 'the line is on a statement: correct it and add lines instead');
    for (const [i, share] of input.shares.entries())
      await assertRecipient(tx, tenantId, share.recipientId, `shares.${i}.recipientId`);
    const line: TCommissionLine = {
      kind: before.kind as TCommissionLine['kind'],
      recipientId: before.recipient_id ?? '',
      currency: before.currency,
      amountMinor: before.amount_minor,
      reserveMinor: before.reserve_minor,
      rateId: before.rate_id,
      label: before.label,
      terms: termsOf(before),
      liabilityEndsOn: before.liability_ends_on,
    };
    const parts = splitLine(line, input.shares);
    await tx
      .deleteFrom('commission_lines')
      .where('tenant_id', '=', tenantId)
      .where('id', '=', lineId)
      .execute();
    await tx
      .insertInto('commission_lines')
      .values(
        parts.map((p) => ({
          ...lineRow(tenantId, caseId, p, before.status as 'proposed' | 'confirmed'),
          lender: before.lender,
          correction_reason: input.reason,
          created_by: ctx.actor.userId,
          confirmed_at: before.confirmed_at,
          confirmed_by: before.confirmed_by,
        })),
      )
      .execute();
    const after = await caseCommissionView(tx, tenantId, caseId, null);
    await recordAudit(tx, ctx, {
      entity: 'commission_line',
      entityId: lineId,
      action: 'split',
      before: toLine(before),
      after: { lines: after.lines, reason: input.reason },
      ownerUserIds: [kase.owner_id],
    });
    return after;
  });
}

const toPayment = (r: {
  id: string;
  case_id: string;
  paid_on: string;
  amount_minor: number;
  currency: string;
  note: string;
}) => ({
  id: r.id,
  caseId: r.case_id,
  paidOn: r.paid_on,
  amount: money(r.amount_minor, r.currency),
  note: r.note,
});

/** Records money received from the lender for a case, in full or in part. */
export async function recordPayment(deps: TDeps, ctx: TContext, caseId: string, raw: unknown) {
  const input = parseInput(ZPaymentBody, raw);
  const tenantId = ctx.actor.tenantId;
  return inTenant(deps.database, tenantId, async (tx) => {
    const { kase } = await caseForCommission(tx, ctx, caseId, 'edit');
    const won = await wonOn(tx, tenantId, caseId);
    if (input.amount.currency !== won.currency)
      throw fieldError('amount.currency', 'currency_mismatch', `not in ${won.currency}`);
    if (input.amount.minor <= 0) throw fieldError('amount.minor', 'too_small', 'a payment is more than 0');
    const row = await tx
      .insertInto('lender_payments')
      .values({
        tenant_id: tenantId,
        case_id: caseId,
        paid_on: input.paidOn,
        amount_minor: input.amount.minor,
        currency: won.currency,
        note: input.note,
        created_by: ctx.actor.userId,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const after = toPayment(row);
    await recordAudit(tx, ctx, {
      entity: 'lender_payment',
      entityId: row.id,
      action: 'create',
      after,
      ownerUserIds: [kase.owner_id],
    });
    return after;
  });
}

/** The lender's payments for a case, oldest first. */
export async function listPayments(deps: TDeps, ctx: TContext, caseId: string) {
  const tenantId = ctx.actor.tenantId;
  return inTenant(deps.database, tenantId, async (tx) => {
    await caseForCommission(tx, ctx, caseId, 'view');
    const rows = await tx
      .selectFrom('lender_payments')
      .selectAll()
      .where('tenant_id', '=', tenantId)
      .where('case_id', '=', caseId)
      .orderBy('paid_on')
      .orderBy('created_at')
      .execute();
    return { items: rows.map(toPayment) };
  });
}
