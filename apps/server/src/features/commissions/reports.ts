// Commission reports (K5): income and payouts of confirmed lines, by advisor, unit, lender, product
// kind or month of win; and what lenders still owe. A lead sees the cases of their units (the
// reports:view scope over the cases' people), the managing director and accounting everything.
import { sql } from 'kysely';
import { z } from 'zod';
import { resolveScope } from '../../platform/access';
import type { TContext } from '../../platform/audit';
import type { TDeps } from '../../platform/deps';
import { ZDate } from '../../platform/schemas';
import { inTenant } from '../../platform/tx';
import { parseInput } from '../../platform/validation';
import { caseScopeWhere } from '../cases/case-scope';
import { money } from './money-format';

export const REPORT_DIMENSIONS = ['advisor', 'unit', 'lender', 'product_kind', 'month'] as const;

export const ZReportQuery = z
  .object({ from: ZDate, to: ZDate, by: z.enum(REPORT_DIMENSIONS).default('advisor') })
  .superRefine((q, ctx) => {
    if (q.to < q.from) ctx.addIssue({ code: 'custom', path: ['to'], message: 'before from' });
  });

// What a row is grouped by, as SQL over the cases, their commission cc, the owner u and unit n.
const KEY = {
  advisor: sql<string>`u.display_name`,
  unit: sql<string>`coalesce(n.name, '—')`,
  lender: sql<string>`coalesce(cases.lender, '—')`,
  product_kind: sql<string>`cases.product_kind`,
  month: sql<string>`to_char(cc.won_on, 'YYYY-MM')`,
};

/** Income, payouts and what the firm keeps per group, of cases won from `from` to `to`. */
export async function commissionSummary(deps: TDeps, ctx: TContext, raw: unknown) {
  const q = parseInput(ZReportQuery, raw);
  const tenantId = ctx.actor.tenantId;
  return inTenant(deps.database, tenantId, async (tx) => {
    const scope = await resolveScope(tx, ctx.actor, 'reports', 'view');
    const rows = await tx
      .selectFrom('case_commissions as cc')
      .innerJoin('cases', (j) =>
        j.onRef('cases.tenant_id', '=', 'cc.tenant_id').onRef('cases.id', '=', 'cc.case_id'),
      )
      .innerJoin('users as u', (j) =>
        j.onRef('u.tenant_id', '=', 'cases.tenant_id').onRef('u.id', '=', 'cases.owner_id'),
      )
      .leftJoin('units as n', (j) =>
        j.onRef('n.tenant_id', '=', 'u.tenant_id').onRef('n.id', '=', 'u.unit_id'),
      )
      .innerJoin('commission_lines as l', (j) =>
        j.onRef('l.tenant_id', '=', 'cc.tenant_id').onRef('l.case_id', '=', 'cc.case_id'),
      )
      .select([
        KEY[q.by].as('group_key'),
        'cc.currency',
        sql<number>`count(distinct cc.case_id)::int`.as('cases'),
        sql<number>`coalesce(sum(l.amount_minor) filter (where l.kind = 'income'), 0)::bigint`.as('income'),
        sql<number>`coalesce(sum(l.amount_minor) filter (where l.kind <> 'income'), 0)::bigint`.as('payouts'),
      ])
      .where('cc.tenant_id', '=', tenantId)
      .where('cc.won_on', '>=', q.from)
      .where('cc.won_on', '<=', q.to)
      .where('l.status', '=', 'confirmed')
      .where('cases.deleted_at', 'is', null)
      .where((eb) => caseScopeWhere(eb, scope))
      .groupBy(['group_key', 'cc.currency'])
      .orderBy('group_key')
      .execute();
    return {
      by: q.by,
      from: q.from,
      to: q.to,
      items: rows.map((r) => ({
        key: r.group_key,
        cases: r.cases,
        income: money(Number(r.income), r.currency),
        payouts: money(Number(r.payouts), r.currency),
        firmKeeps: money(Number(r.income) - Number(r.payouts), r.currency),
      })),
    };
  });
}

/** What each lender still owes: confirmed income of won cases not cancelled, less what it paid. */
export async function openReceivables(deps: TDeps, ctx: TContext) {
  const tenantId = ctx.actor.tenantId;
  return inTenant(deps.database, tenantId, async (tx) => {
    const scope = await resolveScope(tx, ctx.actor, 'reports', 'view');
    const rows = await tx
      .selectFrom('commission_lines as l')
      .innerJoin('cases', (j) =>
        j.onRef('cases.tenant_id', '=', 'l.tenant_id').onRef('cases.id', '=', 'l.case_id'),
      )
      .innerJoin('case_commissions as cc', (j) =>
        j.onRef('cc.tenant_id', '=', 'l.tenant_id').onRef('cc.case_id', '=', 'l.case_id'),
      )
      .select([
        sql<string>`coalesce(l.lender, '—')`.as('lender_name'),
        'l.currency',
        sql<number>`count(*)::int`.as('cases'),
        sql<number>`sum(l.amount_minor)::bigint`.as('income'),
        sql<number>`coalesce(sum((select sum(p.amount_minor) from lender_payments p
          where p.tenant_id = l.tenant_id and p.case_id = l.case_id)), 0)::bigint`.as('paid'),
      ])
      .where('l.tenant_id', '=', tenantId)
      .where('l.kind', '=', 'income')
      .where('l.status', '=', 'confirmed')
      .where('cc.cancelled_on', 'is', null)
      .where('cases.deleted_at', 'is', null)
      .where((eb) => caseScopeWhere(eb, scope))
      .groupBy(['lender_name', 'l.currency'])
      .orderBy('lender_name')
      .execute();
    return {
      items: rows
        .map((r) => ({
          lender: r.lender_name,
          cases: r.cases,
          income: money(Number(r.income), r.currency),
          paid: money(Number(r.paid), r.currency),
          open: money(Number(r.income) - Number(r.paid), r.currency),
        }))
        .filter((r) => r.open.minor !== 0),
    };
  });
}
