import { z } from '@hono/zod-openapi';
import { ZPageQuery } from '../../platform/pagination';
import { ZTimestamp } from '../../platform/schemas';

export const DOCUMENT_CATEGORIES = [
  'contract',
  'id_document',
  'income_proof',
  'bank_statement',
  'property',
  'offer',
  'correspondence',
  'other',
] as const;

/**
 * What a document's file may be, as found in its content: scans and photos of papers, PDFs, and
 * office documents. Anything else (programs, archives, scripts, plain text) is refused with 415.
 */
export const DOCUMENT_MEDIA_TYPES: ReadonlySet<string> = new Set([
  'application/pdf',
  'image/png',
  'image/jpeg',
  'image/tiff',
  'image/webp',
  'image/heic',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.oasis.opendocument.text',
  'application/vnd.oasis.opendocument.spreadsheet',
]);

export const ZCreateDocument = z
  .strictObject({
    clientId: z.uuid().optional().openapi({ description: 'Default: the client of the case' }),
    caseId: z.uuid().optional(),
    title: z.string().trim().min(1).max(300),
    category: z.enum(DOCUMENT_CATEGORIES).default('other'),
  })
  .refine((d) => d.clientId !== undefined || d.caseId !== undefined, {
    message: 'name the client, the case, or both',
    path: ['clientId'],
  })
  .openapi('CreateDocument');
export type TCreateDocument = z.infer<typeof ZCreateDocument>;

export const ZDocumentVersion = z
  .object({
    version: z.number().int(),
    sizeBytes: z.number().int(),
    sha256: z.string(),
    mediaType: z.string().openapi({ description: 'Found in the content, not taken from the uploader' }),
    originalName: z.string(),
    comment: z.string(),
    uploadedBy: z.uuid().nullable(),
    uploadedAt: ZTimestamp,
  })
  .openapi('DocumentVersion');
export type TDocumentVersion = z.infer<typeof ZDocumentVersion>;

const base = {
  id: z.uuid(),
  clientId: z.uuid(),
  caseId: z.uuid().nullable(),
  title: z.string(),
  category: z.enum(DOCUMENT_CATEGORIES),
  currentVersion: z.number().int().openapi({ description: '0 until the first upload' }),
  createdBy: z.uuid().nullable(),
  createdAt: ZTimestamp,
  updatedAt: ZTimestamp,
};

export const ZDocumentSummary = z
  .object({
    ...base,
    versionCount: z.number().int(),
    latest: ZDocumentVersion.nullable(),
  })
  .openapi('DocumentSummary');
export type TDocumentSummary = z.infer<typeof ZDocumentSummary>;

export const ZDocument = z
  .object({ ...base, versions: z.array(ZDocumentVersion).openapi({ description: 'Newest first' }) })
  .openapi('Document');
export type TDocument = z.infer<typeof ZDocument>;

export const ZDocumentListQuery = ZPageQuery.extend({
  clientId: z.uuid().optional().openapi({ description: 'Documents of this client and of its cases' }),
  caseId: z.uuid().optional(),
  category: z.enum(DOCUMENT_CATEGORIES).optional(),
});
export type TDocumentListQuery = z.infer<typeof ZDocumentListQuery>;

export const ZVersionParam = z.object({
  id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }),
  version: z.coerce
    .number()
    .int()
    .min(1)
    .openapi({ param: { name: 'version', in: 'path' } }),
});

export const ZUploadHeaders = z.object({
  'x-file-name': z
    .string()
    .max(1000)
    .optional()
    .openapi({ description: 'The original file name, percent-encoded UTF-8 (encodeURIComponent)' }),
});

export const ZUploadQuery = z.object({
  comment: z.string().trim().max(1000).default('').openapi({ description: 'What changed in this version' }),
});
