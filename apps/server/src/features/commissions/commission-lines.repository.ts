import type { TCommissionLine, TSettlementLine } from '@kontor/domain';
import type { TTx } from '../../platform/tx';
import { money } from './money-format';
import { termsOf, termsRow } from './rates';

export type TLineRow = Awaited<ReturnType<typeof loadLines>>[number];

/** The lines of a case, income first, with the recipient's name. */
export function loadLines(tx: TTx, tenantId: string, caseId: string) {
  return lineQuery(tx, tenantId).where('l.case_id', '=', caseId).execute();
}

/** Lines with their recipient's name, for any filter the caller adds. */
export function lineQuery(tx: TTx, tenantId: string) {
  return tx
    .selectFrom('commission_lines as l')
    .leftJoin('commission_recipients as r', (j) =>
      j.onRef('r.tenant_id', '=', 'l.tenant_id').onRef('r.id', '=', 'l.recipient_id'),
    )
    .selectAll('l')
    .select('r.name as recipient_name')
    .where('l.tenant_id', '=', tenantId)
    .orderBy('l.case_id')
    .orderBy((eb) => eb.case().when('l.kind', '=', 'income').then(0).else(1).end())
    .orderBy('l.created_at')
    .orderBy('l.id');
}

/** A line on the wire. */
export const toLine = (r: TLineRow) => ({
  id: r.id,
  caseId: r.case_id,
  kind: r.kind as TCommissionLine['kind'],
  status: r.status as 'proposed' | 'confirmed',
  recipientId: r.recipient_id,
  recipientName: r.recipient_name,
  lender: r.lender,
  amount: money(r.amount_minor, r.currency),
  reserve: money(r.reserve_minor, r.currency),
  rateId: r.rate_id,
  label: r.label,
  terms: termsOf(r),
  liabilityEndsOn: r.liability_ends_on,
  correctionReason: r.correction_reason,
});

/** A line as the statement arithmetic takes it. */
export const toSettlementLine = (r: TLineRow): TSettlementLine => ({
  id: r.id,
  caseId: r.case_id,
  recipientId: r.recipient_id ?? '',
  currency: r.currency,
  amountMinor: r.amount_minor,
  reserveMinor: r.reserve_minor,
  terms: termsOf(r),
});

/** The row of a line computed by the arithmetic. */
export function lineRow(
  tenantId: string,
  caseId: string,
  l: TCommissionLine,
  status: 'proposed' | 'confirmed',
) {
  return {
    tenant_id: tenantId,
    case_id: caseId,
    kind: l.kind,
    recipient_id: l.kind === 'income' ? null : l.recipientId,
    status,
    currency: l.currency,
    amount_minor: l.amountMinor,
    reserve_minor: l.reserveMinor,
    rate_id: l.rateId,
    label: l.label,
    ...termsRow(l.terms),
    liability_ends_on: l.liabilityEndsOn,
  };
}
