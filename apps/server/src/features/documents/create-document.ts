import type { TScopeFilter } from '../../platform/access';
import { resolveScope } from '../../platform/access';
import { recordAudit, type TContext } from '../../platform/audit';
import type { TDeps } from '../../platform/deps';
import { fieldError, notFound } from '../../platform/errors';
import { inTenant, type TTx } from '../../platform/tx';
import { parseInput } from '../../platform/validation';
import { caseInScope } from '../cases/case-scope';
import { clientInScope } from '../clients/clients.repository';
import { insertDocument, loadDocument } from './documents.repository';
import { ZCreateDocument } from './documents.schemas';

type TParent = { clientId: string; caseId: string | null; ownerIds: string[] };

// A client may be named beside a case when it is the case's client or one of its applicants
// (a co-applicant's payslip belongs to the case and to that co-applicant).
async function isApplicant(tx: TTx, tenantId: string, caseId: string, clientId: string) {
  const row = await tx
    .selectFrom('case_applicants')
    .select('client_id')
    .where('tenant_id', '=', tenantId)
    .where('case_id', '=', caseId)
    .where('client_id', '=', clientId)
    .executeTakeFirst();
  return row !== undefined;
}

/** What a new document hangs on: a case in scope (and its client), or a client in scope; 404 otherwise. */
async function resolveParent(
  tx: TTx,
  tenantId: string,
  scope: TScopeFilter,
  link: { clientId?: string; caseId?: string },
): Promise<TParent> {
  if (link.caseId) {
    const kase = await caseInScope(tx, tenantId, link.caseId, scope);
    if (!kase) throw notFound('case');
    const clientId = link.clientId ?? kase.client_id;
    if (clientId !== kase.client_id && !(await isApplicant(tx, tenantId, kase.id, clientId))) {
      throw fieldError('clientId', 'other_client', 'the client is not one of the case’s applicants');
    }
    return { clientId, caseId: kase.id, ownerIds: [kase.owner_id, kase.executor_id] };
  }
  const client = link.clientId ? await clientInScope(tx, tenantId, link.clientId, scope) : undefined;
  if (!client) throw notFound('client');
  return { clientId: client.id, caseId: null, ownerIds: [client.owner_id] };
}

/** Creates a document on a client or a case, without a file yet (versions are uploaded to it). */
export async function createDocument(deps: TDeps, ctx: TContext, raw: unknown) {
  const input = parseInput(ZCreateDocument, raw);
  const tenantId = ctx.actor.tenantId;
  return inTenant(deps.database, tenantId, async (tx) => {
    const scope = await resolveScope(tx, ctx.actor, 'documents', 'create');
    const parent = await resolveParent(tx, tenantId, scope, input);
    const id = await insertDocument(tx, tenantId, {
      client_id: parent.clientId,
      case_id: parent.caseId,
      title: input.title,
      category: input.category,
      created_by: ctx.actor.userId,
    });
    const document = await loadDocument(tx, tenantId, id);
    await recordAudit(tx, ctx, {
      entity: 'document',
      entityId: id,
      action: 'create',
      after: document,
      ownerUserIds: parent.ownerIds,
    });
    return document;
  });
}
