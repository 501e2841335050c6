// The client list as a file (GET /clients/export): the same filters and sort as the list, the
// actor's export scope, one audit entry per download. CSV for any spreadsheet, XLSX through our own
// writer (platform/xlsx.ts). The rows are capped rather than streamed: the XLSX writer needs the
// whole sheet anyway, and a refusal that asks to narrow the filter beats a half file.
import { z } from '@hono/zod-openapi';
import type { TLocale } from '@kontor/contracts';
import { currencyMinorDigits, formatMinorAmount } from '@kontor/domain';
import { recordAudit, type TContext } from '../../platform/audit';
import type { TDeps } from '../../platform/deps';
import { fieldError } from '../../platform/errors';
import { inTenant, type TTx } from '../../platform/tx';
import { styled, styledRow, type TXlsxCell, writeXlsx } from '../../platform/xlsx';
import { listDefinitions } from '../custom-fields/custom-fields';
import { loadClients } from './clients.repository';
import type { TClient } from './clients.schemas';
import { EXPORT_HEADERS } from './export-headers';
import { filteredClients, orderOf, sortOf, type TClientFilterQuery, ZClientListQuery } from './list-clients';

/** More rows than this are refused with a hint to narrow the filter (about 10 MB of XLSX). */
export const EXPORT_ROW_CAP = 20_000;
const BATCH = 500;

export const ZClientExportQuery = ZClientListQuery.omit({ cursor: true, limit: true }).extend({
  format: z.enum(['csv', 'xlsx']).default('csv'),
});
export type TClientExportQuery = z.infer<typeof ZClientExportQuery>;

type TCustomField = Awaited<ReturnType<typeof listDefinitions>>[number];
type TPeople = Map<string, { name: string; unit: string }>;
type TCell = { text: string; number?: number; numFmt?: string };

async function ownersOf(tx: TTx, tenantId: string): Promise<TPeople> {
  const rows = await tx
    .selectFrom('users')
    .leftJoin('units', (j) =>
      j.onRef('units.tenant_id', '=', 'users.tenant_id').onRef('units.id', '=', 'users.unit_id'),
    )
    .select(['users.id', 'users.display_name', 'units.name as unit'])
    .where('users.tenant_id', '=', tenantId)
    .execute();
  return new Map(rows.map((r) => [r.id, { name: r.display_name, unit: r.unit ?? '' }]));
}

// A custom value as text (CSV, German notation: decimal comma) and, for amounts, as a number (XLSX).
function customCell(def: TCustomField, value: unknown, yesNo: [string, string]): TCell {
  if (value === undefined || value === null) return { text: '' };
  if (def.type === 'money') {
    const m = value as { minor: number; currency: string };
    const digits = currencyMinorDigits(m.currency);
    const text = formatMinorAmount(m.minor, digits);
    const fraction = digits > 0 ? `.${'0'.repeat(digits)}` : '';
    return {
      text: `${formatMinorAmount(m.minor, digits, ',')} ${m.currency}`,
      number: Number(text), // the spreadsheet's own double, read from the exact decimal
      numFmt: `#,##0${fraction} "${m.currency}"`,
    };
  }
  if (def.type === 'number') return { text: String(value).replace('.', ','), number: Number(value) };
  if (def.type === 'yes_no') return { text: value ? yesNo[0] : yesNo[1] };
  if (Array.isArray(value)) return { text: value.join(', ') };
  return { text: String(value) };
}

function rowOf(c: TClient, people: TPeople, defs: TCustomField[], yesNo: [string, string]): TCell[] {
  const owner = people.get(c.ownerId);
  const cells = [
    c.id,
    c.displayName,
    c.clientType,
    c.status,
    c.source ?? '',
    owner?.name ?? '',
    owner?.unit ?? '',
    c.emails[0]?.address ?? '',
    c.phones[0]?.number ?? '',
    c.addresses[0]?.city ?? '',
    c.tags.join(', '),
    c.createdAt.slice(0, 10),
  ].map((text): TCell => ({ text }));
  return [...cells, ...defs.map((d) => customCell(d, c.custom[d.key], yesNo))];
}

// A cell a spreadsheet would run as a formula is made text (OWASP "CSV injection").
const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV cell: quoted when it holds the separator, a quote, a line break or edge spaces. */
export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  const quote = /[;"\r\n]/.test(safe) || safe !== safe.trim();
  return quote ? `"${safe.replaceAll('"', '""')}"` : safe;
}

// CSV for German Excel, the spreadsheet most of our firms open it with: `;` between cells (Excel
// in a decimal-comma locale splits on `;`, not `,`), CRLF line ends, and a UTF-8 byte order mark,
// without which Excel reads the file as Windows-1252 and breaks umlauts, Polish and Cyrillic names.
function toCsv(header: string[], rows: TCell[][]): Buffer {
  const lines = [header, ...rows.map((r) => r.map((c) => c.text))].map((r) => r.map(csvCell).join(';'));
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
}

function toXlsx(header: string[], rows: TCell[][], created: Date): Buffer {
  const cells: TXlsxCell[][] = rows.map((r) =>
    r.map((c) =>
      c.number === undefined || !Number.isFinite(c.number)
        ? c.text
        : c.numFmt
          ? styled(c.number, { numFmt: c.numFmt })
          : c.number,
    ),
  );
  return writeXlsx({
    created,
    creator: 'Kontor',
    title: 'Clients',
    sheets: [
      {
        name: 'Clients',
        columnWidths: header.map((h, i) => (i === 0 ? 38 : Math.max(12, Math.min(40, h.length + 4)))),
        rows: [styledRow(header, { bold: true, border: 'bottom' }), ...cells],
        autoFilter: { fromRow: 1, toRow: rows.length + 1, fromColumn: 1, toColumn: header.length },
      },
    ],
  });
}

/** The filtered clients in the actor's export scope as CSV or XLSX; audited with filters and count. */
export async function exportClients(deps: TDeps, ctx: TContext, q: TClientExportQuery, locale: TLocale) {
  const { format, ...filters } = q;
  const desc = filters.sort.startsWith('-');
  const tenantId = ctx.actor.tenantId;
  return inTenant(deps.database, tenantId, async (tx) => {
    const sort = await sortOf(tx, tenantId, filters.sort.replace(/^-/, ''));
    const query = await filteredClients(tx, ctx, filters as TClientFilterQuery, sort, 'export');
    const ids = (
      await query
        .orderBy(orderOf(sort, desc))
        .orderBy('clients.id', 'asc')
        .limit(EXPORT_ROW_CAP + 1)
        .execute()
    ).map((r) => r.id);
    if (ids.length > EXPORT_ROW_CAP)
      throw fieldError('filter', 'too_many', `more than ${EXPORT_ROW_CAP} clients match; narrow the filter`);
    const defs = await listDefinitions(tx, tenantId, 'client');
    const people = await ownersOf(tx, tenantId);
    const labels = EXPORT_HEADERS[locale];
    const rows: TCell[][] = [];
    for (let i = 0; i < ids.length; i += BATCH) {
      for (const c of await loadClients(tx, tenantId, ids.slice(i, i + BATCH)))
        rows.push(rowOf(c, people, defs, labels.yesNo));
    }
    await recordAudit(tx, ctx, {
      entity: 'client_export',
      entityId: null,
      action: 'export',
      after: { format, filters, rows: rows.length },
    });
    const header = [...labels.columns, ...defs.map((d) => d.label)];
    const now = new Date();
    const name = `kontor-clients-${now.toISOString().slice(0, 10)}`;
    return format === 'csv'
      ? { filename: `${name}.csv`, contentType: 'text/csv; charset=utf-8', content: toCsv(header, rows) }
      : {
          filename: `${name}.xlsx`,
          contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          content: toXlsx(header, rows, now),
        };
  });
}
