// What a statement run (and a balance) reads, in a few set-wise queries, not one per recipient:
// the confirmed payout lines, their cases' ledgers (income, payments, cancellation) and what
// earlier statements settled.
import type { TCaseLedger, TSettledEntry, TSettlementLine } from '@kontor/domain';
import type { ExpressionBuilder } from 'kysely';
import type { DB } from '../../generated/db';
import type { TTx } from '../../platform/tx';
import { lineQuery, type TLineRow, toSettlementLine } from './commission-lines.repository';

export type TCaseInfo = {
  number: string;
  client: string;
  productKind: string;
  lender: string | null;
  amount: number | null;
};

/** Everything the run reads, in a few set-wise queries (not one per recipient). */
export async function loadRunData(tx: TTx, tenantId: string, periodEnd: string, only: string[] | undefined) {
  let lineQ = lineQuery(tx, tenantId)
    .innerJoin('case_commissions as cc', (j) =>
      j.onRef('cc.tenant_id', '=', 'l.tenant_id').onRef('cc.case_id', '=', 'l.case_id'),
    )
    .where('l.status', '=', 'confirmed')
    .where('l.kind', '!=', 'income')
    .where('cc.won_on', '<=', periodEnd);
  if (only) lineQ = lineQ.where('l.recipient_id', 'in', only);
  const lines = (await lineQ.execute()) as TLineRow[];
  const caseIds = [...new Set(lines.map((l) => l.case_id))];
  const ledgers: TCaseLedger[] = [];
  const cases = new Map<string, TCaseInfo>();
  // The cases of those lines, as one semi-join rather than a list of ids: the planner hashes it.
  const ofLines = (eb: ExpressionBuilder<DB, 'case_commissions'>) => {
    let sub = eb
      .selectFrom('commission_lines as x')
      .select('x.case_id')
      .where('x.tenant_id', '=', tenantId)
      .where('x.status', '=', 'confirmed')
      .where('x.kind', '!=', 'income');
    if (only) sub = sub.where('x.recipient_id', 'in', only);
    return eb('case_commissions.case_id', 'in', sub);
  };
  {
    const rows =
      caseIds.length === 0
        ? []
        : await tx
            .selectFrom('case_commissions')
            .innerJoin('cases as c', (j) =>
              j
                .onRef('c.tenant_id', '=', 'case_commissions.tenant_id')
                .onRef('c.id', '=', 'case_commissions.case_id'),
            )
            .innerJoin('clients as k', (j) =>
              j.onRef('k.tenant_id', '=', 'c.tenant_id').onRef('k.id', '=', 'c.client_id'),
            )
            .leftJoin('commission_lines as inc', (j) =>
              j
                .onRef('inc.tenant_id', '=', 'case_commissions.tenant_id')
                .onRef('inc.case_id', '=', 'case_commissions.case_id')
                .on('inc.kind', '=', 'income'),
            )
            .select([
              'case_commissions.case_id',
              'case_commissions.won_on',
              'case_commissions.currency',
              'case_commissions.cancelled_on',
              'inc.amount_minor as income',
              'c.number',
              'c.product_kind',
              'c.lender',
              'c.amount_minor',
              'k.display_name',
            ])
            .where('case_commissions.tenant_id', '=', tenantId)
            .where('case_commissions.won_on', '<=', periodEnd)
            .where(ofLines)
            .execute();
    const payments =
      caseIds.length === 0
        ? []
        : await tx
            .selectFrom('lender_payments as p')
            .innerJoin('case_commissions', (j) =>
              j
                .onRef('case_commissions.tenant_id', '=', 'p.tenant_id')
                .onRef('case_commissions.case_id', '=', 'p.case_id'),
            )
            .select(['p.case_id', 'p.paid_on', 'p.amount_minor'])
            .where('p.tenant_id', '=', tenantId)
            .where('case_commissions.won_on', '<=', periodEnd)
            .where(ofLines)
            .execute();
    const paymentsOf = groupBy(payments, (p) => p.case_id);
    for (const r of rows) {
      const paid = (paymentsOf.get(r.case_id) ?? []).map((p) => ({
        paidOn: p.paid_on,
        amountMinor: p.amount_minor,
      }));
      ledgers.push({
        caseId: r.case_id,
        currency: r.currency,
        wonOn: r.won_on,
        incomeMinor: r.income ?? 0,
        payments: paid,
        cancelledOn: r.cancelled_on,
      });
      cases.set(r.case_id, {
        number: r.number,
        client: r.display_name,
        productKind: r.product_kind,
        lender: r.lender,
        amount: r.amount_minor,
      });
    }
  }
  const recipientIds = [...new Set(lines.map((l) => l.recipient_id as string))];
  const settledRows = recipientIds.length
    ? await tx
        .selectFrom('statement_entries as e')
        .innerJoin('statements as s', (j) =>
          j.onRef('s.tenant_id', '=', 'e.tenant_id').onRef('s.id', '=', 'e.statement_id'),
        )
        .select(['s.recipient_id', 's.period_end', 's.currency', 'e.line_id', 'e.kind', 'e.net_minor'])
        .where('e.tenant_id', '=', tenantId)
        .where('s.recipient_id', 'in', recipientIds)
        .execute()
    : [];
  return { lines, ledgers, cases, settledRows };
}

/** Items by key, in their order. */
export function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

/** One recipient's lines in one currency, with what the arithmetic needs beside them. */
export type TRecipientBook = {
  recipientId: string;
  currency: string;
  rows: TLineRow[];
  lines: TSettlementLine[];
  /** Only the ledgers of these lines' cases: the arithmetic looks ledgers up by case. */
  ledgers: TCaseLedger[];
  settled: TSettledEntry[];
  /** Period ends of the recipient's earlier statements in this currency. */
  settledPeriodEnds: Set<string>;
};

/** The data of a run, cut per recipient and currency. */
export function recipientBooks(data: Awaited<ReturnType<typeof loadRunData>>): TRecipientBook[] {
  const key = (recipientId: string | null, currency: string) => `${recipientId}|${currency}`;
  const settledOf = groupBy(data.settledRows, (r) => key(r.recipient_id, r.currency));
  const ledgerOf = new Map(data.ledgers.map((l) => [l.caseId, l]));
  return [...groupBy(data.lines, (l) => key(l.recipient_id, l.currency))].map(([k, rows]) => {
    const settledRows = settledOf.get(k) ?? [];
    const caseIds = [...new Set(rows.map((l) => l.case_id))];
    return {
      recipientId: rows[0]?.recipient_id ?? '',
      currency: rows[0]?.currency ?? '',
      rows,
      lines: rows.map(toSettlementLine),
      ledgers: caseIds.flatMap((id) => ledgerOf.get(id) ?? []),
      settled: settledRows.map((s) => ({
        lineId: s.line_id,
        kind: s.kind as TSettledEntry['kind'],
        netMinor: s.net_minor,
      })),
      settledPeriodEnds: new Set(settledRows.map((s) => s.period_end)),
    };
  });
}
