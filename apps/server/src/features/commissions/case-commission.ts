// A won case's commission (F4): the lines proposed from the rates, shown before they are
// confirmed; what the firm keeps; the cancellation that starts clawbacks (F5).
import {
  CommissionError,
  proposeLines,
  type TParticipant,
  type TProductKind,
  type TWonCase,
} from '@kontor/domain';
import { sql } from 'kysely';
import type { z } from 'zod';
import { resolveScope } from '../../platform/access';
import { recordAudit, type TContext } from '../../platform/audit';
import type { TDeps } from '../../platform/deps';
import { AppError, fieldError, notFound } from '../../platform/errors';
import { inTenant, type TTx } from '../../platform/tx';
import { parseInput } from '../../platform/validation';
import { caseInScope } from '../cases/case-scope';
import { lineRow, loadLines, toLine } from './commission-lines.repository';
import { ZCancelBody, ZProposeBody } from './commissions.schemas';
import { firmDay } from './firm-day';
import { lenderKey, money } from './money-format';
import { loadRateBook } from './rates';
import { recipientIdsInScope, recipients } from './recipients';

/** The live case inside the actor's commission scope for `action`, with what the arithmetic needs. */
export async function caseForCommission(tx: TTx, ctx: TContext, caseId: string, action: 'view' | 'edit') {
  const tenantId = ctx.actor.tenantId;
  const scope = await resolveScope(tx, ctx.actor, 'commissions', action);
  const inScope = scope.all ? true : await caseInScope(tx, tenantId, caseId, scope);
  const kase = await commissionCase(tx, tenantId, caseId);
  // Outside the scope is the same answer as not there at all.
  if (!kase || !inScope) throw notFound('case');
  return { kase, scope };
}

// The live case with what the arithmetic needs: stage kind, amount, lender, the client's source.
function commissionCase(tx: TTx, tenantId: string, caseId: string) {
  return tx
    .selectFrom('cases')
    .innerJoin('pipeline_stages as s', (j) =>
      j
        .onRef('s.tenant_id', '=', 'cases.tenant_id')
        .onRef('s.pipeline_id', '=', 'cases.pipeline_id')
        .onRef('s.key', '=', 'cases.stage_key'),
    )
    .innerJoin('clients', (j) =>
      j.onRef('clients.tenant_id', '=', 'cases.tenant_id').onRef('clients.id', '=', 'cases.client_id'),
    )
    .select([
      'cases.id',
      'cases.number',
      'cases.owner_id',
      'cases.product_kind',
      'cases.amount_minor',
      'cases.currency',
      'cases.lender',
      'cases.product',
      'cases.closed_at',
      's.kind as stage_kind',
      'clients.source',
    ])
    .where('cases.tenant_id', '=', tenantId)
    .where('cases.id', '=', caseId)
    .where('cases.deleted_at', 'is', null)
    .executeTakeFirst();
}
type TCommissionCase = NonNullable<Awaited<ReturnType<typeof commissionCase>>>;

async function commissionRow(tx: TTx, tenantId: string, caseId: string) {
  return tx
    .selectFrom('case_commissions')
    .selectAll()
    .where('tenant_id', '=', tenantId)
    .where('case_id', '=', caseId)
    .executeTakeFirst();
}

// The advisor (the case's owner) and the leads above them: users of the owner's unit and of the
// units above it who have a rate group, nearest unit first. The arithmetic gives an override only
// to those whose group has an override rate.
async function participants(tx: TTx, tenantId: string, ownerId: string) {
  const book = await recipients(tx, tenantId).where('kind', '=', 'user').execute();
  const advisor = book.find((r) => r.user_id === ownerId);
  if (!advisor?.rate_group_id) {
    throw new AppError(
      'commission_refused',
      'the case owner has no commission recipient with a rate group',
      undefined,
      {
        reason: 'no_recipient',
      },
    );
  }
  const units = await tx
    .selectFrom('units')
    .select(['id', 'parent_id'])
    .where('tenant_id', '=', tenantId)
    .execute();
  const users = await tx
    .selectFrom('users')
    .select(['id', 'unit_id'])
    .where('tenant_id', '=', tenantId)
    .where('deleted_at', 'is', null)
    .execute();
  const unitOf = new Map(users.map((u) => [u.id, u.unit_id]));
  const parentOf = new Map(units.map((u) => [u.id, u.parent_id]));
  const leads: TParticipant[] = [];
  const seen = new Set<string>();
  for (
    let unit = unitOf.get(ownerId) ?? null;
    unit !== null && !seen.has(unit);
    unit = parentOf.get(unit) ?? null
  ) {
    seen.add(unit);
    for (const r of book) {
      if (r.user_id !== ownerId && r.rate_group_id && r.user_id && unitOf.get(r.user_id) === unit) {
        leads.push({ recipientId: r.id, rateGroupId: r.rate_group_id });
      }
    }
  }
  return { advisor: { recipientId: advisor.id, rateGroupId: advisor.rate_group_id }, leads };
}

/** Proposes the lines of a won case from the rates valid on its date of win; replaces earlier proposals. */
export async function proposeCaseCommission(deps: TDeps, ctx: TContext, caseId: string, raw: unknown) {
  const input = parseInput(ZProposeBody, raw);
  return inTenant(deps.database, ctx.actor.tenantId, async (tx) => {
    const { kase } = await caseForCommission(tx, ctx, caseId, 'edit');
    return propose(tx, ctx, kase, input);
  });
}

/**
 * Proposes the lines when a case is moved to a won stage, as far as the rates and recipients
 * allow; whatever is missing (a rate, the owner's rate group) never stops the move: the proposal
 * endpoint then says what is missing. Runs inside the move's transaction, behind a savepoint.
 */
export async function proposeOnWin(tx: TTx, ctx: TContext, caseId: string): Promise<boolean> {
  const kase = await commissionCase(tx, ctx.actor.tenantId, caseId);
  if (kase?.stage_kind !== 'won') return false;
  await sql`savepoint commission_on_win`.execute(tx);
  try {
    await propose(tx, ctx, kase, { extraLines: [] });
    await sql`release savepoint commission_on_win`.execute(tx);
    return true;
  } catch (error) {
    await sql`rollback to savepoint commission_on_win`.execute(tx);
    if (error instanceof CommissionError || error instanceof AppError) return false;
    throw error;
  }
}

async function propose(tx: TTx, ctx: TContext, kase: TCommissionCase, input: z.output<typeof ZProposeBody>) {
  const tenantId = ctx.actor.tenantId;
  const caseId = kase.id;
  if (kase.stage_kind !== 'won' || !kase.closed_at)
    throw fieldError('stage', 'not_won', 'the case is not won');
  if (kase.amount_minor === null || kase.currency === null)
    throw fieldError('amount', 'required', 'the case has no amount');
  const existing = await loadLines(tx, tenantId, caseId);
  if (existing.some((l) => l.status === 'confirmed')) {
    throw new AppError('conflict', 'the lines are confirmed: correct or add lines instead');
  }
  const before = await commissionRow(tx, tenantId, caseId);
  const partnerId = input.partnerId !== undefined ? input.partnerId : (before?.partner_id ?? null);
  if (partnerId) {
    const partner = await recipients(tx, tenantId)
      .select('kind')
      .where('id', '=', partnerId)
      .executeTakeFirst();
    if (!partner || partner.kind === 'user')
      throw fieldError('partnerId', 'not_found', 'no such partner or tipster');
  }
  const wonOn = input.wonOn ?? firmDay(kase.closed_at);
  const won: TWonCase = {
    amountMinor: kase.amount_minor,
    currency: kase.currency,
    productKind: kase.product_kind as TProductKind,
    lenderId: kase.lender ? lenderKey(kase.lender) : '',
    productId: kase.product ? lenderKey(kase.product) : null,
    wonOn,
    ...(await participants(tx, tenantId, kase.owner_id)),
    partner: partnerId ? { partnerId, leadSource: kase.source } : null,
    extraLines: input.extraLines.map((e) => {
      if (e.amount.currency !== kase.currency)
        throw fieldError('extraLines', 'currency_mismatch', `not in ${kase.currency}`);
      return { recipientId: e.recipientId, label: e.label, amountMinor: e.amount.minor, terms: e.terms };
    }),
  };
  const proposal = proposeLines(won, await loadRateBook(tx, tenantId));
  const values = {
    won_on: wonOn,
    currency: kase.currency,
    partner_id: partnerId,
    lead_source: kase.source,
  };
  if (before) {
    await tx
      .updateTable('case_commissions')
      .set({ ...values, updated_at: new Date() })
      .where('tenant_id', '=', tenantId)
      .where('case_id', '=', caseId)
      .execute();
  } else {
    await tx
      .insertInto('case_commissions')
      .values({ tenant_id: tenantId, case_id: caseId, ...values })
      .execute();
  }
  await tx
    .deleteFrom('commission_lines')
    .where('tenant_id', '=', tenantId)
    .where('case_id', '=', caseId)
    .execute();
  const lines = [proposal.income, ...proposal.payouts];
  await tx
    .insertInto('commission_lines')
    .values(
      lines.map((l) => ({
        ...lineRow(tenantId, caseId, l, 'proposed'),
        lender: l.kind === 'income' ? kase.lender : null,
        created_by: ctx.actor.userId,
      })),
    )
    .execute();
  const after = await caseCommissionView(tx, tenantId, caseId, null);
  await recordAudit(tx, ctx, {
    entity: 'case_commission',
    entityId: caseId,
    action: 'propose',
    before: existing.map(toLine),
    after,
    ownerUserIds: [kase.owner_id],
  });
  return after;
}

/** Confirms a case's proposed lines: from now on they reach statements. */
export async function confirmCaseCommission(deps: TDeps, ctx: TContext, caseId: string) {
  const tenantId = ctx.actor.tenantId;
  return inTenant(deps.database, tenantId, async (tx) => {
    const { kase } = await caseForCommission(tx, ctx, caseId, 'edit');
    const proposed = (await loadLines(tx, tenantId, caseId)).filter((l) => l.status === 'proposed');
    if (proposed.length === 0) throw new AppError('conflict', 'there are no proposed lines to confirm');
    await tx
      .updateTable('commission_lines')
      .set({
        status: 'confirmed',
        confirmed_at: new Date(),
        confirmed_by: ctx.actor.userId,
        updated_at: new Date(),
      })
      .where('tenant_id', '=', tenantId)
      .where('case_id', '=', caseId)
      .where('status', '=', 'proposed')
      .execute();
    const after = await caseCommissionView(tx, tenantId, caseId, null);
    await recordAudit(tx, ctx, {
      entity: 'case_commission',
      entityId: caseId,
      action: 'confirm',
      after,
      ownerUserIds: [kase.owner_id],
    });
    return after;
  });
}

/** Records that a won case was cancelled: lines still in their liability period are clawed back. */
export async function cancelCaseCommission(deps: TDeps, ctx: TContext, caseId: string, raw: unknown) {
  const input = parseInput(ZCancelBody, raw);
  const tenantId = ctx.actor.tenantId;
  return inTenant(deps.database, tenantId, async (tx) => {
    const { kase } = await caseForCommission(tx, ctx, caseId, 'edit');
    const before = await commissionRow(tx, tenantId, caseId);
    if (!before) throw notFound('commission');
    if (input.cancelledOn < before.won_on)
      throw fieldError('cancelledOn', 'before_win', 'before the date of win');
    await tx
      .updateTable('case_commissions')
      .set({ cancelled_on: input.cancelledOn, cancel_reason: input.reason, updated_at: new Date() })
      .where('tenant_id', '=', tenantId)
      .where('case_id', '=', caseId)
      .execute();
    const after = await caseCommissionView(tx, tenantId, caseId, null);
    await recordAudit(tx, ctx, {
      entity: 'case_commission',
      entityId: caseId,
      action: 'cancel',
      before,
      after: { ...after, reason: input.reason },
      ownerUserIds: [kase.owner_id],
    });
    return after;
  });
}

/** What the case's commission looks like to someone who sees `visible` recipients (null: all). */
export async function caseCommissionView(
  tx: TTx,
  tenantId: string,
  caseId: string,
  visible: string[] | null,
) {
  const row = await commissionRow(tx, tenantId, caseId);
  if (!row) throw notFound('commission');
  const all = await loadLines(tx, tenantId, caseId);
  const lines =
    visible === null ? all : all.filter((l) => l.recipient_id !== null && visible.includes(l.recipient_id));
  if (visible !== null && lines.length === 0) throw notFound('commission');
  const paid = await tx
    .selectFrom('lender_payments')
    .select((eb) => eb.fn.coalesce(eb.fn.sum<number>('amount_minor'), eb.lit(0)).as('total'))
    .where('tenant_id', '=', tenantId)
    .where('case_id', '=', caseId)
    .executeTakeFirstOrThrow();
  const income = all.find((l) => l.kind === 'income');
  const payouts = all.filter((l) => l.kind !== 'income').reduce((s, l) => s + l.amount_minor, 0);
  return {
    caseId,
    wonOn: row.won_on,
    partnerId: row.partner_id,
    leadSource: row.lead_source,
    cancelledOn: row.cancelled_on,
    lines: lines.map(toLine),
    firmKeeps: visible === null && income ? money(income.amount_minor - payouts, row.currency) : null,
    paid: money(Number(paid.total), row.currency),
  };
}

/** A case's commission as the actor may see it: everything for "all", else only their own lines. */
export async function getCaseCommission(deps: TDeps, ctx: TContext, caseId: string) {
  const tenantId = ctx.actor.tenantId;
  return inTenant(deps.database, tenantId, async (tx) => {
    const scope = await resolveScope(tx, ctx.actor, 'commissions', 'view');
    return caseCommissionView(tx, tenantId, caseId, await recipientIdsInScope(tx, scope, tenantId));
  });
}
