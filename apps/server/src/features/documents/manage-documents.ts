import { resolveScope } from '../../platform/access';
import { recordAudit, type TContext } from '../../platform/audit';
import type { TDeps } from '../../platform/deps';
import { notFound } from '../../platform/errors';
import { removeStoredFile } from '../../platform/files';
import { decodeCursor, page } from '../../platform/pagination';
import { moveToTrash, registerTrashable, restoreFromTrash } from '../../platform/trash';
import { inTenant } from '../../platform/tx';
import { caseInScope } from '../cases/case-scope';
import { clientInScope } from '../clients/clients.repository';
import {
  documentInScope,
  fileKeysOfDeletion,
  listDocumentRows,
  loadDocument,
  loadVersions,
  trashedDocumentInScope,
} from './documents.repository';
import type { TDocumentListQuery } from './documents.schemas';

/**
 * A document goes to the trash with its versions (they hang on it by a cascading key); its files
 * stay until the entry is purged, and go then, also when documents left with their client or case.
 */
export const DOCUMENT_TRASH = registerTrashable({
  entity: 'document',
  table: 'documents',
  dependents: [],
  onPurge: async (tx, tenantId, deletionId) => {
    const keys = await fileKeysOfDeletion(tx, tenantId, deletionId);
    return async (deps) => {
      for (const key of keys) {
        // The rows are gone for good: a file that cannot be removed now is only logged.
        await removeStoredFile(deps.config.dataDir, key).catch((err: unknown) =>
          deps.logger.warn({ err, key }, 'could not remove a purged file'),
        );
      }
    };
  },
});

export async function getDocument(deps: TDeps, ctx: TContext, id: string) {
  return inTenant(deps.database, ctx.actor.tenantId, async (tx) => {
    const scope = await resolveScope(tx, ctx.actor, 'documents', 'view');
    if (!(await documentInScope(tx, ctx.actor.tenantId, id, scope))) throw notFound('document');
    return loadDocument(tx, ctx.actor.tenantId, id);
  });
}

/**
 * A page of documents in scope, newest first. Asked for a client or a case outside the scope, it
 * answers 404 as the client or case itself would.
 */
export async function listDocuments(deps: TDeps, ctx: TContext, q: TDocumentListQuery) {
  const after = decodeCursor(q.cursor);
  const tenantId = ctx.actor.tenantId;
  return inTenant(deps.database, tenantId, async (tx) => {
    const scope = await resolveScope(tx, ctx.actor, 'documents', 'view');
    if (q.caseId && !(await caseInScope(tx, tenantId, q.caseId, scope))) throw notFound('case');
    if (q.clientId && !q.caseId && !(await clientInScope(tx, tenantId, q.clientId, scope))) {
      throw notFound('client');
    }
    const rows = await listDocumentRows(tx, tenantId, scope, q, q.limit, after);
    const { items, nextCursor } = page(rows, q.limit, (r) => ({ k: r.k, id: r.id }));
    return { items: items.map(({ k: _k, ...item }) => item), nextCursor };
  });
}

/** The version's stored file and what a download needs to say about it; 404 outside the scope. */
/**
 * The version a reader is about to download. Reading a client's documents is recorded in the audit
 * trail like a change (M1: who read which version, when, from where), in the same transaction.
 */
export async function findVersion(deps: TDeps, ctx: TContext, id: string, version: number) {
  return inTenant(deps.database, ctx.actor.tenantId, async (tx) => {
    const scope = await resolveScope(tx, ctx.actor, 'documents', 'view');
    const found = await documentInScope(tx, ctx.actor.tenantId, id, scope);
    if (!found) throw notFound('document');
    const [row] = await loadVersions(tx, ctx.actor.tenantId, id, version);
    if (!row) throw notFound('version');
    await recordAudit(tx, ctx, {
      entity: 'document',
      entityId: id,
      action: 'download',
      after: { version: row.version, sha256: row.sha256, name: row.original_name },
      ownerUserIds: found.ownerIds,
    });
    return row;
  });
}

export async function deleteDocument(deps: TDeps, ctx: TContext, id: string) {
  return inTenant(deps.database, ctx.actor.tenantId, async (tx) => {
    const scope = await resolveScope(tx, ctx.actor, 'documents', 'delete');
    const found = await documentInScope(tx, ctx.actor.tenantId, id, scope);
    if (!found) throw notFound('document');
    const before = await loadDocument(tx, ctx.actor.tenantId, id);
    const trashId = await moveToTrash(tx, ctx, DOCUMENT_TRASH, {
      id,
      label: found.title,
      ownerUserId: found.ownerIds[0] ?? null,
      before,
    });
    return { trashId };
  });
}

/** Brings a deleted document back with its versions; its files never left. */
export async function restoreDocument(deps: TDeps, ctx: TContext, id: string) {
  return inTenant(deps.database, ctx.actor.tenantId, async (tx) => {
    const scope = await resolveScope(tx, ctx.actor, 'documents', 'delete');
    const entry = await trashedDocumentInScope(tx, ctx.actor.tenantId, id, scope);
    if (!entry) throw notFound('document in the trash');
    await restoreFromTrash(tx, ctx, entry);
    return loadDocument(tx, ctx.actor.tenantId, id);
  });
}
