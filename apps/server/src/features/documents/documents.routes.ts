import { z } from '@hono/zod-openapi';
import { contentDisposition, readStoredFile } from '../../platform/files';
import { contextOf, defineRoute, newRouter } from '../../platform/http';
import { ZPage } from '../../platform/pagination';
import { json, jsonBody, ZIdParam } from '../../platform/schemas';
import { createDocument } from './create-document';
import {
  DOCUMENT_MEDIA_TYPES,
  ZCreateDocument,
  ZDocument,
  ZDocumentListQuery,
  ZDocumentSummary,
  ZUploadHeaders,
  ZUploadQuery,
  ZVersionParam,
} from './documents.schemas';
import { deleteDocument, findVersion, getDocument, listDocuments, restoreDocument } from './manage-documents';
import { uploadVersion } from './upload-version';

const tags = ['Documents'];

const ZBinary = z.string().openapi({ format: 'binary' });

// The download is answered in the type found at upload; each accepted type is listed.
const downloadContent = Object.fromEntries(
  [...DOCUMENT_MEDIA_TYPES].map((type) => [type, { schema: ZBinary }]),
);

export const documentsRoutes = newRouter()
  .openapi(
    defineRoute({
      method: 'get',
      path: '/documents',
      tags,
      summary: 'Documents within your scope, of a client (with its cases’ documents) or of a case',
      permission: 'documents:view',
      request: { query: ZDocumentListQuery },
      responses: { 200: json(ZPage(ZDocumentSummary)) },
    }),
    async (c) => c.json(await listDocuments(c.get('deps'), contextOf(c), c.req.valid('query')), 200),
  )
  .openapi(
    defineRoute({
      method: 'post',
      path: '/documents',
      tags,
      summary: 'Create a document on a client or a case; its file is uploaded as a version',
      permission: 'documents:create',
      request: { body: jsonBody(ZCreateDocument) },
      responses: { 201: json(ZDocument, 'Created') },
    }),
    async (c) => c.json(await createDocument(c.get('deps'), contextOf(c), c.req.valid('json')), 201),
  )
  .openapi(
    defineRoute({
      method: 'get',
      path: '/documents/{id}',
      tags,
      summary: 'One document with its versions',
      permission: 'documents:view',
      request: { params: ZIdParam },
      responses: { 200: json(ZDocument) },
    }),
    async (c) => c.json(await getDocument(c.get('deps'), contextOf(c), c.req.valid('param').id), 200),
  )
  .openapi(
    defineRoute({
      method: 'post',
      path: '/documents/{id}/versions',
      tags,
      summary: 'Upload the next version: the raw file as the body, streamed',
      description:
        'The body is the file itself. Its type is found in its content (PDF, PNG, JPEG, TIFF, WebP, ' +
        'HEIC, DOCX, XLSX, ODT, ODS); the Content-Type sent is not asked. 413 payload_too_large past ' +
        'the size limit, 415 unsupported_media_type for any other content.',
      permission: 'documents:edit',
      request: {
        params: ZIdParam,
        query: ZUploadQuery,
        headers: ZUploadHeaders,
        body: { required: true, content: { 'application/octet-stream': { schema: ZBinary } } },
      },
      responses: { 201: json(ZDocument, 'Stored as the newest version') },
    }),
    async (c) => {
      const length = c.req.header('content-length');
      const document = await uploadVersion(c.get('deps'), contextOf(c), c.req.valid('param').id, {
        body: c.req.raw.body,
        declaredLength: length && /^\d+$/.test(length) ? Number(length) : undefined,
        fileName: c.req.valid('header')['x-file-name'],
        comment: c.req.valid('query').comment,
      });
      return c.json(document, 201);
    },
  )
  .openapi(
    defineRoute({
      method: 'get',
      path: '/documents/{id}/versions/{version}/content',
      tags,
      summary: 'Download a version: the stored bytes, streamed, with their checksum as the ETag',
      permission: 'documents:view',
      request: { params: ZVersionParam },
      responses: {
        200: {
          description: 'The file, as an attachment under its original name, in the type found at upload',
          headers: {
            ETag: { description: 'The SHA-256 of the bytes, quoted', schema: { type: 'string' } },
            'Content-Disposition': {
              description: 'attachment; filename="…" (ASCII) and filename*=UTF-8\'\'… (RFC 6266)',
              schema: { type: 'string' },
            },
          },
          content: downloadContent,
        },
        304: { description: 'Unchanged: If-None-Match named this version’s ETag' },
      },
    }),
    async (c) => {
      const { id, version } = c.req.valid('param');
      const deps = c.get('deps');
      const v = await findVersion(deps, contextOf(c), id, version);
      const etag = `"${v.sha256}"`;
      if (c.req.header('if-none-match') === etag) return c.body(null, 304, { etag });
      const body = await readStoredFile(deps.config.dataDir, v.file_key, v.size_bytes);
      return c.body(body, 200, {
        'content-type': v.media_type,
        'content-length': String(v.size_bytes),
        'content-disposition': contentDisposition(v.original_name),
        etag,
        // The type was decided at upload; browsers must not guess another one.
        'x-content-type-options': 'nosniff',
        'cache-control': 'private, no-cache',
      });
    },
  )
  .openapi(
    defineRoute({
      method: 'delete',
      path: '/documents/{id}',
      tags,
      summary: 'Move a document with its versions to the trash (the files stay until purged)',
      permission: 'documents:delete',
      request: { params: ZIdParam },
      responses: { 200: json(z.object({ trashId: z.uuid() }), 'In the trash') },
    }),
    async (c) => c.json(await deleteDocument(c.get('deps'), contextOf(c), c.req.valid('param').id), 200),
  )
  .openapi(
    defineRoute({
      method: 'post',
      path: '/documents/{id}/restore',
      tags,
      summary: 'Restore a deleted document with its versions',
      permission: 'documents:delete',
      request: { params: ZIdParam },
      responses: { 200: json(ZDocument) },
    }),
    async (c) => c.json(await restoreDocument(c.get('deps'), contextOf(c), c.req.valid('param').id), 200),
  );
