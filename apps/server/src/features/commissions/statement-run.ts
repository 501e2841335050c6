// One action runs the statements of a period (F6): for every recipient with confirmed lines (or a
// chosen set) the arithmetic computes what is due since their earlier statements; each non-empty
// one is numbered without gaps per tenant and year and becomes final, all in one transaction, so
// a crash leaves no half-made statements. A rerun of the period finds each recipient's statement
// for that period end already there and creates nothing twice.
import { randomUUID } from 'node:crypto';
import { ZRunBody } from '@kontor/contracts';
import { balanceAsOf, computeStatement, type TCaseLedger } from '@kontor/domain';
import { type Insertable, sql } from 'kysely';
import type { z } from 'zod';
import type { DB } from '../../generated/db';
import { recordAudit, type TContext } from '../../platform/audit';
import type { TDeps } from '../../platform/deps';
import { fieldError } from '../../platform/errors';
import { enqueueJobs, type TEnqueue } from '../../platform/jobs';
import { inTenant, type TTx } from '../../platform/tx';
import { parseInput } from '../../platform/validation';
import type { TLineRow } from './commission-lines.repository';
import { firmOf } from './commission-settings';
import { firmDay } from './firm-day';
import { recipients, type TRecipient, toRecipient, vatOfRecipient } from './recipients';
import { loadRunData, recipientBooks, type TCaseInfo } from './run-data';
import type { TDocumentEntry, TStatementDocument } from './statement-document';

// The web app checks a run's period with the same schema as one types.
export { ZRunBody };

async function nextNumbers(tx: TTx, tenantId: string, year: number, count: number): Promise<number> {
  await tx
    .insertInto('statement_counters')
    .values({ tenant_id: tenantId, year, last_number: 0 })
    .onConflict((oc) => oc.columns(['tenant_id', 'year']).doNothing())
    .execute();
  // The row lock serialises runs of a tenant and year: numbers never repeat or leave a gap.
  const row = await tx
    .updateTable('statement_counters')
    .set((eb) => ({ last_number: eb('last_number', '+', count) }))
    .where('tenant_id', '=', tenantId)
    .where('year', '=', year)
    .returning('last_number')
    .executeTakeFirstOrThrow();
  return row.last_number - count;
}

/** Runs the statements of a period; answers the run with what it created and what already existed. */
export async function runStatements(deps: TDeps, ctx: TContext, raw: unknown) {
  const input = parseInput(ZRunBody, raw);
  const tenantId = ctx.actor.tenantId;
  const issuedOn = input.issuedOn ?? firmDay();
  if (issuedOn < input.periodEnd)
    throw fieldError('issuedOn', 'before_period_end', 'a statement is issued after its period');
  const year = Number(issuedOn.slice(0, 4));
  return inTenant(deps.database, tenantId, async (tx) => {
    await nextNumbers(tx, tenantId, year, 0); // takes the lock before reading anything
    const data = await loadRunData(tx, tenantId, input.periodEnd, input.recipientIds);
    const people = new Map((await recipients(tx, tenantId).execute()).map((r) => [r.id, toRecipient(r)]));
    const firm = await firmOf(tx, tenantId);
    const drafts = [];
    let existing = 0;
    const ledgerOf = new Map(data.ledgers.map((l) => [l.caseId, l]));
    for (const book of recipientBooks(data)) {
      const recipient = people.get(book.recipientId);
      if (!recipient) continue; // a recipient in the trash gets no statement
      if (book.settledPeriodEnds.has(input.periodEnd)) {
        existing++;
        continue;
      }
      const { currency, ledgers, settled } = book;
      const draft = computeStatement({
        recipientId: book.recipientId,
        currency,
        periodEnd: input.periodEnd,
        vat: vatOfRecipient(recipient),
        lines: book.lines,
        ledgers,
        settled,
      });
      if (draft.entries.length === 0) continue;
      const after = [...settled, ...draft.entries];
      const held = balanceAsOf(book.lines, ledgers, after, input.periodEnd).heldBackMinor;
      drafts.push({ draft, recipient, held, lines: book.rows });
    }
    const first = await nextNumbers(tx, tenantId, year, drafts.length);
    const run = await tx
      .insertInto('statement_runs')
      .values({
        tenant_id: tenantId,
        period_start: input.periodStart,
        period_end: input.periodEnd,
        issued_on: issuedOn,
        recipient_ids: input.recipientIds ? JSON.stringify(input.recipientIds) : null,
        statements_created: drafts.length,
        statements_existing: existing,
        created_by: ctx.actor.userId,
      })
      .returning(['id', 'created_at'])
      .executeTakeFirstOrThrow();
    const created = [];
    // Written set-wise after the loop: one round trip per kind of row, not per statement.
    const statementRows: Insertable<DB['statements']>[] = [];
    const entryRows: Insertable<DB['statement_entries']>[] = [];
    const deliveries: Insertable<DB['statement_deliveries']>[] = [];
    const jobs: TEnqueue[] = [];
    for (const [i, { draft, recipient, held, lines }] of drafts.entries()) {
      const number = `${year}-${String(first + i + 1).padStart(5, '0')}`;
      const lineOf = new Map(lines.map((l) => [l.id, l]));
      const document: TStatementDocument = {
        locale: recipient.locale,
        number,
        issuedOn,
        periodStart: input.periodStart,
        periodEnd: input.periodEnd,
        currency: draft.currency,
        selfBilling: recipient.selfBilling,
        firm,
        recipient: {
          name: recipient.name,
          addressLines: recipient.addressLines,
          email: recipient.email,
          vatId: recipient.vatId,
          taxNumber: recipient.taxNumber,
        },
        vat: draft.vat,
        entries: draft.entries.map((e) =>
          documentEntry(e, data.cases.get(e.caseId), lineOf.get(e.lineId), recipient, ledgerOf),
        ),
        totals: draft.totals,
        heldBackMinor: held,
      };
      const statement = randomUUID();
      statementRows.push(
        statementRow(tenantId, {
          id: statement,
          number,
          year,
          runId: run.id,
          recipientId: recipient.id,
          input,
          issuedOn,
          document,
          createdBy: ctx.actor.userId,
        }),
      );
      entryRows.push(
        ...draft.entries.map((e, position) => ({
          tenant_id: tenantId,
          statement_id: statement,
          position,
          line_id: e.lineId,
          case_id: e.caseId,
          kind: e.kind,
          net_minor: e.netMinor,
          vat_minor: e.vatMinor,
          gross_minor: e.grossMinor,
        })),
      );
      deliveries.push({
        tenant_id: tenantId,
        statement_id: statement,
        status: recipient.email ? 'pending' : 'no_address',
      });
      if (recipient.email)
        jobs.push({ tenantId, kind: 'statement.mail', payload: { statementId: statement }, maxAttempts: 5 });
      created.push({
        id: statement,
        number,
        recipientId: recipient.id,
        recipientName: recipient.name,
        currency: draft.currency,
        totals: draft.totals,
      });
    }
    // Documents are large: a hundred statements per insert. Entries go as arrays, one parameter a
    // column, which PostgreSQL parses far faster than thousands of rows of values.
    for (let i = 0; i < statementRows.length; i += 100) {
      await tx
        .insertInto('statements')
        .values(statementRows.slice(i, i + 100))
        .execute();
    }
    await insertEntries(tx, tenantId, entryRows);
    if (created.length > 0) {
      // Final from here on: the triggers of migration 0010 refuse any later change.
      await tx
        .updateTable('statements')
        .set({ status: 'final' })
        .where('tenant_id', '=', tenantId)
        .where('run_id', '=', run.id)
        .execute();
      await tx.insertInto('statement_deliveries').values(deliveries).execute();
      await enqueueJobs(tx, jobs);
    }
    const result = {
      id: run.id,
      periodStart: input.periodStart,
      periodEnd: input.periodEnd,
      issuedOn,
      created: created.length,
      existing,
      statements: created,
    };
    await recordAudit(tx, ctx, {
      entity: 'statement_run',
      entityId: run.id,
      action: 'create',
      after: { ...result, statements: created.map((s) => s.number) },
    });
    return result;
  });
}

function documentEntry(
  e: {
    caseId: string;
    lineId: string;
    kind: TDocumentEntry['kind'];
    netMinor: number;
    vatMinor: number;
    grossMinor: number;
  },
  kase: TCaseInfo | undefined,
  line: TLineRow | undefined,
  recipient: TRecipient,
  ledgers: ReadonlyMap<string, TCaseLedger>,
): TDocumentEntry {
  // Partners see no client personal data beyond what their agreement allows.
  const seesClient = recipient.kind === 'user' || recipient.showsClientData;
  return {
    caseNumber: kase?.number ?? '',
    clientName: seesClient ? (kase?.client ?? null) : null,
    productKind: kase?.productKind ?? 'other',
    lender: kase?.lender ?? null,
    caseAmountMinor: seesClient ? (kase?.amount ?? null) : null,
    wonOn: ledgers.get(e.caseId)?.wonOn ?? '',
    kind: e.kind,
    lineKind: (line?.kind ?? 'extra') as TDocumentEntry['lineKind'],
    label: line?.label ?? null,
    netMinor: e.netMinor,
    vatMinor: e.vatMinor,
    grossMinor: e.grossMinor,
  };
}

function statementRow(
  tenantId: string,
  s: {
    id: string;
    number: string;
    year: number;
    runId: string;
    recipientId: string;
    input: z.output<typeof ZRunBody>;
    issuedOn: string;
    document: TStatementDocument;
    createdBy: string;
  },
): Insertable<DB['statements']> {
  return {
    tenant_id: tenantId,
    id: s.id,
    number: s.number,
    year: s.year,
    run_id: s.runId,
    recipient_id: s.recipientId,
    status: 'draft',
    currency: s.document.currency,
    period_start: s.input.periodStart,
    period_end: s.input.periodEnd,
    issued_on: s.issuedOn,
    document: JSON.stringify(s.document),
    net_minor: s.document.totals.netMinor,
    vat_minor: s.document.totals.vatMinor,
    gross_minor: s.document.totals.grossMinor,
    held_back_minor: s.document.heldBackMinor,
    created_by: s.createdBy,
  };
}

async function insertEntries(tx: TTx, tenantId: string, rows: Insertable<DB['statement_entries']>[]) {
  for (let i = 0; i < rows.length; i += 20_000) {
    const part = rows.slice(i, i + 20_000);
    const column = <T>(pick: (row: Insertable<DB['statement_entries']>) => T) => part.map(pick);
    await sql`insert into statement_entries
        (tenant_id, statement_id, position, line_id, case_id, kind, net_minor, vat_minor, gross_minor)
      select ${tenantId}, * from unnest(
        ${column((r) => r.statement_id)}::uuid[], ${column((r) => r.position)}::integer[],
        ${column((r) => r.line_id)}::uuid[], ${column((r) => r.case_id)}::uuid[],
        ${column((r) => r.kind)}::text[], ${column((r) => String(r.net_minor))}::bigint[],
        ${column((r) => String(r.vat_minor))}::bigint[], ${column((r) => String(r.gross_minor))}::bigint[]
      )`.execute(tx);
  }
}
