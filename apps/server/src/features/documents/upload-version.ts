import { resolveScope } from '../../platform/access';
import { recordAudit, type TContext } from '../../platform/audit';
import type { TDeps } from '../../platform/deps';
import { notFound } from '../../platform/errors';
import { removeStoredFile, safeFileName, storeFile } from '../../platform/files';
import { inTenant, type TTx } from '../../platform/tx';
import {
  documentInScope,
  insertVersion,
  loadDocument,
  loadVersions,
  nextVersion,
  toVersion,
} from './documents.repository';
import { DOCUMENT_MEDIA_TYPES } from './documents.schemas';

export type TUpload = {
  body: ReadableStream<Uint8Array> | null;
  /** Content-Length as sent, when sent. */
  declaredLength?: number;
  /** X-File-Name as sent: percent-encoded UTF-8. */
  fileName?: string;
  comment: string;
};

async function editableDocument(tx: TTx, ctx: TContext, id: string) {
  const scope = await resolveScope(tx, ctx.actor, 'documents', 'edit');
  const document = await documentInScope(tx, ctx.actor.tenantId, id, scope);
  if (!document) throw notFound('document');
  return document;
}

/**
 * Stores the request body as the document's next version. The type is decided by the content,
 * the size by the bytes that arrive; the row is written only once the file is in place, and the
 * file is removed again when the row cannot be written.
 */
export async function uploadVersion(deps: TDeps, ctx: TContext, id: string, upload: TUpload) {
  const tenantId = ctx.actor.tenantId;
  // Checked first, so that nobody streams megabytes into a document they may not change.
  await inTenant(deps.database, tenantId, (tx) => editableDocument(tx, ctx, id));
  // No transaction is open while the bytes arrive: a slow upload must not hold a database
  // connection (and the embedded database runs one transaction at a time).
  const stored = await storeFile(deps.config.dataDir, tenantId, upload.body, {
    maxBytes: deps.config.maxUploadBytes,
    allowed: DOCUMENT_MEDIA_TYPES,
    declaredLength: upload.declaredLength,
  });
  try {
    return await inTenant(deps.database, tenantId, async (tx) => {
      // Again: the document may have gone to the trash while the file arrived.
      const document = await editableDocument(tx, ctx, id);
      const version = await nextVersion(tx, tenantId, id);
      await insertVersion(tx, tenantId, id, {
        version,
        file_key: stored.key,
        size_bytes: stored.sizeBytes,
        sha256: stored.sha256,
        media_type: stored.mediaType,
        original_name: safeFileName(upload.fileName, `${document.title}.${stored.extension}`),
        comment: upload.comment,
        uploaded_by: ctx.actor.userId,
      });
      const [row] = await loadVersions(tx, tenantId, id, version);
      // The audit keeps what was uploaded (name, size, checksum, type), never the contents.
      await recordAudit(tx, ctx, {
        entity: 'document',
        entityId: id,
        action: 'upload_version',
        after: toVersion(row!),
        ownerUserIds: document.ownerIds,
      });
      return loadDocument(tx, tenantId, id);
    });
  } catch (error) {
    await removeStoredFile(deps.config.dataDir, stored.key);
    throw error;
  }
}
