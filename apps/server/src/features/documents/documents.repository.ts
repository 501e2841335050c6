import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import type { TScopeFilter } from '../../platform/access';
import type { TCursor } from '../../platform/pagination';
import { iso } from '../../platform/schemas';
import type { TTx } from '../../platform/tx';
import { workScopeWhere } from '../case-work/work-scope';
import type { TDocument, TDocumentSummary, TDocumentVersion } from './documents.schemas';

// biome-ignore lint/suspicious/noExplicitAny: used on documents joined with clients and cases
type TEb = ExpressionBuilder<any, any>;

// A document is visible exactly when its case is, or, without a case, its client: the rule of
// every row that hangs on a case or a client (work-scope.ts).
export function documentScopeWhere(eb: TEb, scope: TScopeFilter): Expression<SqlBool> {
  return workScopeWhere(eb, scope, 'documents');
}

/** Documents of a tenant within a scope, live (or, for restoring, in the trash). */
function scopedDocuments(tx: TTx, tenantId: string, scope: TScopeFilter, inTrash = false) {
  return tx
    .selectFrom('documents')
    .innerJoin('clients', (j) =>
      j
        .onRef('clients.tenant_id', '=', 'documents.tenant_id')
        .onRef('clients.id', '=', 'documents.client_id'),
    )
    .leftJoin('cases', (j) =>
      j.onRef('cases.tenant_id', '=', 'documents.tenant_id').onRef('cases.id', '=', 'documents.case_id'),
    )
    .where('documents.tenant_id', '=', tenantId)
    .where('documents.deleted_at', inTrash ? 'is not' : 'is', null)
    .where((eb) => documentScopeWhere(eb, scope));
}

const REF_COLUMNS = [
  'documents.id',
  'documents.client_id',
  'documents.case_id',
  'documents.title',
  'documents.current_version',
  'clients.owner_id as client_owner_id',
  'cases.owner_id as case_owner_id',
  'cases.executor_id as case_executor_id',
] as const;

export type TDocumentRef = {
  id: string;
  client_id: string;
  case_id: string | null;
  title: string;
  current_version: number;
  /** Owner and executor of the case, or the owner of the client: for audit and trash entries. */
  ownerIds: string[];
};

function toRef(r: {
  id: string;
  client_id: string;
  case_id: string | null;
  title: string;
  current_version: number;
  client_owner_id: string;
  case_owner_id: string | null;
  case_executor_id: string | null;
}): TDocumentRef {
  const ownerIds = r.case_id ? [r.case_owner_id, r.case_executor_id] : [r.client_owner_id];
  return { ...r, ownerIds: ownerIds.filter((o): o is string => o !== null) };
}

/** A live document inside the scope, or undefined. */
export async function documentInScope(tx: TTx, tenantId: string, id: string, scope: TScopeFilter) {
  const r = await scopedDocuments(tx, tenantId, scope)
    .select([...REF_COLUMNS])
    .where('documents.id', '=', id)
    .executeTakeFirst();
  return r && toRef(r);
}

/** The trash entry of a deleted document inside the scope, or undefined. */
export async function trashedDocumentInScope(tx: TTx, tenantId: string, id: string, scope: TScopeFilter) {
  return scopedDocuments(tx, tenantId, scope, true)
    .innerJoin('trash', (j) =>
      j.onRef('trash.tenant_id', '=', 'documents.tenant_id').onRef('trash.id', '=', 'documents.deletion_id'),
    )
    .select(['trash.id', 'trash.entity', 'trash.entity_id', 'trash.owner_user_id', 'trash.unit_id'])
    .where('documents.id', '=', id)
    .where('trash.entity', '=', 'document')
    .executeTakeFirst();
}

export async function insertDocument(
  tx: TTx,
  tenantId: string,
  row: { client_id: string; case_id: string | null; title: string; category: string; created_by: string },
): Promise<string> {
  const r = await tx
    .insertInto('documents')
    .values({ ...row, tenant_id: tenantId })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

/** Takes the next version number; the row lock holds a concurrent upload until this one commits. */
export async function nextVersion(tx: TTx, tenantId: string, documentId: string): Promise<number> {
  const r = await tx
    .updateTable('documents')
    .set({ current_version: sql`current_version + 1`, updated_at: new Date() })
    .where('tenant_id', '=', tenantId)
    .where('id', '=', documentId)
    .returning('current_version')
    .executeTakeFirstOrThrow();
  return r.current_version;
}

export type TVersionRow = {
  version: number;
  file_key: string;
  size_bytes: number;
  sha256: string;
  media_type: string;
  original_name: string;
  comment: string;
  uploaded_by: string | null;
  uploaded_at: Date;
};

export async function insertVersion(
  tx: TTx,
  tenantId: string,
  documentId: string,
  row: Omit<TVersionRow, 'uploaded_at'>,
) {
  await tx
    .insertInto('document_versions')
    .values({ ...row, tenant_id: tenantId, document_id: documentId })
    .execute();
}

export function toVersion(v: TVersionRow): TDocumentVersion {
  return {
    version: v.version,
    sizeBytes: v.size_bytes,
    sha256: v.sha256,
    mediaType: v.media_type,
    originalName: v.original_name,
    comment: v.comment,
    uploadedBy: v.uploaded_by,
    uploadedAt: iso(v.uploaded_at),
  };
}

const VERSION_COLUMNS = [
  'version',
  'file_key',
  'size_bytes',
  'sha256',
  'media_type',
  'original_name',
  'comment',
  'uploaded_by',
  'uploaded_at',
] as const;

/** Versions of a document, newest first (or just the one asked for). */
export async function loadVersions(
  tx: TTx,
  tenantId: string,
  documentId: string,
  version?: number,
): Promise<TVersionRow[]> {
  let q = tx
    .selectFrom('document_versions')
    .select([...VERSION_COLUMNS])
    .where('tenant_id', '=', tenantId)
    .where('document_id', '=', documentId);
  if (version !== undefined) q = q.where('version', '=', version);
  return q.orderBy('version', 'desc').execute();
}

const DOCUMENT_COLUMNS = [
  'documents.id',
  'documents.client_id',
  'documents.case_id',
  'documents.title',
  'documents.category',
  'documents.current_version',
  'documents.created_by',
  'documents.created_at',
  'documents.updated_at',
] as const;

type TDocumentRow = {
  id: string;
  client_id: string;
  case_id: string | null;
  title: string;
  category: string;
  current_version: number;
  created_by: string | null;
  created_at: Date;
  updated_at: Date;
};

function toDocumentBase(r: TDocumentRow) {
  return {
    id: r.id,
    clientId: r.client_id,
    caseId: r.case_id,
    title: r.title,
    category: r.category as TDocument['category'],
    currentVersion: r.current_version,
    createdBy: r.created_by,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  };
}

/** One document with all its versions; the caller has checked the scope. */
export async function loadDocument(tx: TTx, tenantId: string, id: string): Promise<TDocument> {
  const r = await tx
    .selectFrom('documents')
    .select([...DOCUMENT_COLUMNS])
    .where('documents.tenant_id', '=', tenantId)
    .where('documents.id', '=', id)
    .executeTakeFirstOrThrow();
  const versions = await loadVersions(tx, tenantId, id);
  return { ...toDocumentBase(r), versions: versions.map(toVersion) };
}

export type TDocumentFilter = { clientId?: string; caseId?: string; category?: string };

// Microseconds, as the database keeps them: a cursor at millisecond precision would skip rows.
const createdKey = sql<string>`to_char(documents.created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US')`;

/** A page of documents in the scope, newest first, with their latest version; one row more than `limit`. */
export async function listDocumentRows(
  tx: TTx,
  tenantId: string,
  scope: TScopeFilter,
  filter: TDocumentFilter,
  limit: number,
  after: TCursor | null,
): Promise<(TDocumentSummary & { k: string })[]> {
  let q = scopedDocuments(tx, tenantId, scope)
    .leftJoin('document_versions as v', (j) =>
      j
        .onRef('v.tenant_id', '=', 'documents.tenant_id')
        .onRef('v.document_id', '=', 'documents.id')
        .onRef('v.version', '=', 'documents.current_version'),
    )
    .select([...DOCUMENT_COLUMNS, createdKey.as('k')])
    .select([...VERSION_COLUMNS.map((c) => `v.${c}` as const)])
    .select((eb) =>
      eb
        .selectFrom('document_versions as n')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('n.tenant_id', '=', 'documents.tenant_id')
        .whereRef('n.document_id', '=', 'documents.id')
        .as('version_count'),
    );
  if (filter.clientId) q = q.where('documents.client_id', '=', filter.clientId);
  if (filter.caseId) q = q.where('documents.case_id', '=', filter.caseId);
  if (filter.category) q = q.where('documents.category', '=', filter.category);
  if (after) {
    q = q.where(
      sql<boolean>`(documents.created_at, documents.id) < ((${String(after.k)}::timestamp at time zone 'UTC'), ${String(after.id)}::uuid)`,
    );
  }
  const rows = await q
    .orderBy('documents.created_at', 'desc')
    .orderBy('documents.id', 'desc')
    .limit(limit + 1)
    .execute();
  return rows.map((r) => ({
    ...toDocumentBase(r),
    versionCount: Number(r.version_count ?? 0),
    latest: r.version === null ? null : toVersion(r as TVersionRow),
    k: r.k,
  }));
}

/** The files of the documents that left with one trash entry (the entry's own, or as dependents). */
export async function fileKeysOfDeletion(tx: TTx, tenantId: string, deletionId: string): Promise<string[]> {
  const rows = await tx
    .selectFrom('document_versions as v')
    .innerJoin('documents', (j) =>
      j.onRef('documents.tenant_id', '=', 'v.tenant_id').onRef('documents.id', '=', 'v.document_id'),
    )
    .select('v.file_key')
    .where('documents.tenant_id', '=', tenantId)
    .where('documents.deletion_id', '=', deletionId)
    .execute();
  return rows.map((r) => r.file_key);
}
