// The accounting export of a period's final statements (F8): a DATEV "Buchungsstapel" (EXTF, one
// booking per statement: commission expense against the recipient's creditor account) and a plain
// CSV with one row per entry. Both only read what was issued.
import {
  encodeWindows1252,
  formatDatevBuchungsstapel,
  formatStatementCsv,
  type TDatevBooking,
  type TStatementCsvRow,
} from '@kontor/domain';
import { resolveScope } from '../../platform/access';
import { recordAudit, type TContext } from '../../platform/audit';
import type { TDeps } from '../../platform/deps';
import { fieldError } from '../../platform/errors';
import { inTenant } from '../../platform/tx';
import { commissionSettings } from './commission-settings';
import { recipientIdsInScope, recipientIn } from './recipients';
import type { TStatementDocument } from './statement-document';

export type TExportQuery = { from: string; to: string; format: 'datev' | 'csv' };

// The fiscal year that holds `day`, given the month it starts in.
function fiscalYearStart(day: string, startMonth: number): string {
  const year = Number(day.slice(0, 4)) - (Number(day.slice(5, 7)) < startMonth ? 1 : 0);
  return `${year}-${String(startMonth).padStart(2, '0')}-01`;
}

/** The statements issued from `from` to `to` (inclusive) as a DATEV batch or a CSV file; audited. */
export async function exportStatements(deps: TDeps, ctx: TContext, q: TExportQuery) {
  if (q.to < q.from) throw fieldError('to', 'before_from', 'the period ends before it starts');
  const tenantId = ctx.actor.tenantId;
  return inTenant(deps.database, tenantId, async (tx) => {
    const scope = await resolveScope(tx, ctx.actor, 'commissions', 'export');
    const visible = await recipientIdsInScope(tx, scope, tenantId);
    let query = tx
      .selectFrom('statements as s')
      .innerJoin('commission_recipients as r', (j) =>
        j.onRef('r.tenant_id', '=', 's.tenant_id').onRef('r.id', '=', 's.recipient_id'),
      )
      .select([
        's.id',
        's.number',
        's.issued_on',
        's.currency',
        's.gross_minor',
        's.document',
        'r.name',
        'r.kind',
        'r.creditor_account',
      ])
      .where('s.tenant_id', '=', tenantId)
      .where('s.issued_on', '>=', q.from)
      .where('s.issued_on', '<=', q.to)
      .orderBy('s.number');
    query = query.where((eb) => recipientIn(eb, 's.recipient_id', visible));
    const rows = await query.execute();
    await recordAudit(tx, ctx, {
      entity: 'commission_export',
      entityId: null,
      action: 'export',
      after: { ...q, statements: rows.length },
    });
    const name = `kontor-${q.format}-${q.from}-${q.to}`;
    if (q.format === 'csv') {
      const lines: TStatementCsvRow[] = rows.flatMap((r) =>
        (r.document as TStatementDocument).entries.map((e) => ({
          statementNumber: r.number,
          issuedOn: r.issued_on,
          recipient: r.name,
          recipientKind: r.kind,
          caseNumber: e.caseNumber,
          entryKind: e.kind,
          lineKind: e.lineKind,
          currency: r.currency,
          netMinor: e.netMinor,
          vatMinor: e.vatMinor,
          grossMinor: e.grossMinor,
        })),
      );
      return {
        filename: `${name}.csv`,
        contentType: 'text/csv; charset=utf-8',
        content: Buffer.from(formatStatementCsv(lines)),
      };
    }
    const settings = (await commissionSettings(tx, tenantId)).datev;
    const bookings: TDatevBooking[] = rows
      .filter((r) => r.gross_minor !== 0)
      .map((r) => ({
        amountMinor: r.gross_minor,
        currency: r.currency,
        account: settings.expenseAccount,
        contraAccount: r.creditor_account ?? settings.defaultCreditorAccount,
        date: r.issued_on,
        document: r.number,
        text: `Provision ${r.name}`,
      }));
    if (bookings.length === 0) throw fieldError('from', 'empty', 'no statements were issued in this period');
    const text = formatDatevBuchungsstapel({
      settings: {
        consultantNumber: settings.consultantNumber,
        clientNumber: settings.clientNumber,
        fiscalYearStart: fiscalYearStart(q.from, settings.fiscalYearStartMonth),
        accountLength: settings.accountLength,
        description: `Provision ${q.from.slice(0, 7)}-${q.to.slice(0, 7)}`, // DATEV allows 30 characters
      },
      periodStart: q.from,
      periodEnd: q.to,
      createdAt: new Date(),
      bookings,
    });
    return {
      filename: `EXTF_${name}.csv`,
      contentType: 'text/csv; charset=windows-1252',
      content: Buffer.from(encodeWindows1252(text)),
    };
  });
}
