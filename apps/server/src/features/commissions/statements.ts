// Final statements: listed and opened within the actor's commission scope, downloaded as PDF and
// spreadsheet (rendered from the snapshot the statement keeps, so a download today shows exactly
// what was issued), e-mailed through the job queue with both attached; failures stay visible and
// can be sent again.
import { resolveScope } from '../../platform/access';
import { recordAudit, type TContext } from '../../platform/audit';
import type { TDeps } from '../../platform/deps';
import { AppError, notFound } from '../../platform/errors';
import { enqueueJob, type TJob } from '../../platform/jobs';
import { decodeCursor, page, type TPageQuery } from '../../platform/pagination';
import { inTenant, type TTx } from '../../platform/tx';
import { money } from './money-format';
import { recipientIdsInScope, recipientIn } from './recipients';
import type { TStatementDocument } from './statement-document';
import { statementMailText } from './statement-mail-text';
import { createStatementRenderer, type TStatementRenderer } from './statement-render';

// One render pool per running server (its deps), started with the first document.
const renderers = new WeakMap<TDeps, TStatementRenderer>();

function rendererOf(deps: TDeps): TStatementRenderer {
  let renderer = renderers.get(deps);
  if (!renderer) {
    renderer = createStatementRenderer({ threads: deps.config.renderThreads }, deps.logger);
    renderers.set(deps, renderer);
  }
  return renderer;
}

/** Ends the server's render threads (on stop). */
export async function closeStatementRenderer(deps: TDeps): Promise<void> {
  await renderers.get(deps)?.close();
  renderers.delete(deps);
}

function statementQuery(tx: TTx, tenantId: string) {
  return tx
    .selectFrom('statements as s')
    .innerJoin('commission_recipients as r', (j) =>
      j.onRef('r.tenant_id', '=', 's.tenant_id').onRef('r.id', '=', 's.recipient_id'),
    )
    .leftJoin('statement_deliveries as d', (j) =>
      j.onRef('d.tenant_id', '=', 's.tenant_id').onRef('d.statement_id', '=', 's.id'),
    )
    .select([
      's.id',
      's.number',
      's.run_id',
      's.recipient_id',
      'r.name as recipient_name',
      'r.email as recipient_email',
      's.status',
      's.currency',
      's.period_start',
      's.period_end',
      's.issued_on',
      's.net_minor',
      's.vat_minor',
      's.gross_minor',
      's.held_back_minor',
      'd.status as delivery_status',
      'd.attempts as delivery_attempts',
      'd.last_error as delivery_error',
      'd.sent_at as delivered_at',
    ])
    .where('s.tenant_id', '=', tenantId);
}

type TRow = Awaited<ReturnType<ReturnType<typeof statementQuery>['executeTakeFirstOrThrow']>>;

const toStatement = (r: TRow) => ({
  id: r.id,
  number: r.number,
  runId: r.run_id,
  recipientId: r.recipient_id,
  recipientName: r.recipient_name,
  status: r.status as 'final',
  periodStart: r.period_start,
  periodEnd: r.period_end,
  issuedOn: r.issued_on,
  net: money(r.net_minor, r.currency),
  vat: money(r.vat_minor, r.currency),
  gross: money(r.gross_minor, r.currency),
  heldBack: money(r.held_back_minor, r.currency),
  delivery: {
    status: (r.delivery_status ?? 'pending') as 'pending' | 'sent' | 'failed' | 'no_address',
    attempts: r.delivery_attempts ?? 0,
    lastError: r.delivery_error,
    sentAt: r.delivered_at ? r.delivered_at.toISOString() : null,
  },
});

export type TStatementQuery = TPageQuery & { periodEnd?: string; runId?: string; recipientId?: string };

/** The final statements the actor may see, newest number first (numbers grow with each run). */
export async function listStatements(deps: TDeps, ctx: TContext, q: TStatementQuery) {
  const tenantId = ctx.actor.tenantId;
  const cursor = decodeCursor(q.cursor);
  return inTenant(deps.database, tenantId, async (tx) => {
    const scope = await resolveScope(tx, ctx.actor, 'commissions', 'view');
    const visible = await recipientIdsInScope(tx, scope, tenantId);
    let query = statementQuery(tx, tenantId)
      .orderBy('s.number', 'desc')
      .limit(q.limit + 1);
    query = query.where((eb) => recipientIn(eb, 's.recipient_id', visible));
    if (q.periodEnd) query = query.where('s.period_end', '=', q.periodEnd);
    if (q.runId) query = query.where('s.run_id', '=', q.runId);
    if (q.recipientId) query = query.where('s.recipient_id', '=', q.recipientId);
    if (cursor) query = query.where('s.number', '<', String(cursor.k));
    const rows = (await query.execute()).map(toStatement);
    return page(rows, q.limit, (r) => ({ k: r.number, id: r.id }));
  });
}

async function visibleStatement(tx: TTx, ctx: TContext, id: string) {
  const tenantId = ctx.actor.tenantId;
  const scope = await resolveScope(tx, ctx.actor, 'commissions', 'view');
  const visible = await recipientIdsInScope(tx, scope, tenantId);
  const row = await statementQuery(tx, tenantId)
    .select('s.document')
    .where('s.id', '=', id)
    .executeTakeFirst();
  if (!row || (visible !== null && !visible.includes(row.recipient_id))) throw notFound('statement');
  return row;
}

/** One statement with its entries as issued. */
export async function getStatement(deps: TDeps, ctx: TContext, id: string) {
  return inTenant(deps.database, ctx.actor.tenantId, async (tx) => {
    const row = await visibleStatement(tx, ctx, id);
    const doc = row.document as TStatementDocument;
    return { ...toStatement(row), entries: doc.entries, vatTreatment: doc.vat };
  });
}

/** A statement's document as PDF or spreadsheet; the download is recorded in the audit trail. */
export async function statementFile(deps: TDeps, ctx: TContext, id: string, format: 'pdf' | 'xlsx') {
  const doc = await inTenant(deps.database, ctx.actor.tenantId, async (tx) => {
    const row = await visibleStatement(tx, ctx, id);
    await recordAudit(tx, ctx, {
      entity: 'statement',
      entityId: id,
      action: 'download',
      after: { format, number: row.number },
    });
    return row.document as TStatementDocument;
  });
  return statementAttachment(deps, doc, format);
}

function statementAttachment(deps: TDeps, doc: TStatementDocument, format: 'pdf' | 'xlsx') {
  const contentType =
    format === 'pdf'
      ? 'application/pdf'
      : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  return rendererOf(deps)
    .render(doc, format)
    .then((content) => ({ filename: `${doc.number}.${format}`, content, contentType }));
}

/** Sends a statement again (after a failure, or on request). */
export async function resendStatement(deps: TDeps, ctx: TContext, id: string) {
  const tenantId = ctx.actor.tenantId;
  return inTenant(deps.database, tenantId, async (tx) => {
    const row = await visibleStatement(tx, ctx, id);
    if (!row.recipient_email) throw new AppError('conflict', 'the recipient has no e-mail address');
    await tx
      .insertInto('statement_deliveries')
      .values({ tenant_id: tenantId, statement_id: id, status: 'pending' })
      .onConflict((oc) =>
        oc
          .columns(['tenant_id', 'statement_id'])
          .doUpdateSet({ status: 'pending', last_error: null, updated_at: new Date() }),
      )
      .execute();
    await enqueueJob(tx, { tenantId, kind: 'statement.mail', payload: { statementId: id }, maxAttempts: 5 });
    await recordAudit(tx, ctx, {
      entity: 'statement',
      entityId: id,
      action: 'resend',
      after: { number: row.number },
    });
    return { queued: true };
  });
}

async function markDelivery(deps: TDeps, tenantId: string, statementId: string, failure: string | null) {
  await inTenant(deps.database, tenantId, (tx) =>
    tx
      .updateTable('statement_deliveries')
      .set((eb) => ({
        status: failure ? 'failed' : 'sent',
        attempts: eb('attempts', '+', 1),
        last_error: failure,
        sent_at: failure ? null : new Date(),
        updated_at: new Date(),
      }))
      .where('tenant_id', '=', tenantId)
      .where('statement_id', '=', statementId)
      .execute(),
  );
}

/** The job `statement.mail`: renders both documents and mails them; a failure is kept and retried. */
export async function mailStatement(deps: TDeps, job: TJob): Promise<void> {
  const tenantId = job.tenantId;
  const statementId = (job.payload as { statementId?: string } | null)?.statementId;
  if (!tenantId || !statementId) throw new Error('statement.mail needs a tenant and a statement');
  const row = await inTenant(deps.database, tenantId, (tx) =>
    statementQuery(tx, tenantId).select('s.document').where('s.id', '=', statementId).executeTakeFirst(),
  );
  if (!row?.recipient_email) return;
  const doc = row.document as TStatementDocument;
  try {
    const attachments = await Promise.all([
      statementAttachment(deps, doc, 'pdf'),
      statementAttachment(deps, doc, 'xlsx'),
    ]);
    const { subject, text } = statementMailText(doc);
    await deps.mailer.send({ to: row.recipient_email, subject, text, attachments });
  } catch (error) {
    await markDelivery(deps, tenantId, statementId, (error as Error).message.slice(0, 1000));
    throw error;
  }
  await markDelivery(deps, tenantId, statementId, null);
}
