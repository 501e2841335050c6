import { z } from '@hono/zod-openapi';
import { contextOf, defineRoute, newRouter } from '../../platform/http';
import { ZPage, ZPageQuery } from '../../platform/pagination';
import { json, jsonBody, ZIdParam } from '../../platform/schemas';
import { ZClient, ZCreateClient, ZUpdateClient } from './clients.schemas';
import { createClient } from './create-client';
import { exportClients, ZClientExportQuery } from './export-clients';
import { listClients, ZClientListQuery } from './list-clients';
import { deleteClient, getClient, restoreClient, updateClient } from './manage-clients';
import { clientTimeline, ZTimelineItem } from './timeline';

const tags = ['Clients'];

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const clientsRoutes = newRouter()
  .openapi(
    defineRoute({
      method: 'get',
      path: '/clients',
      tags,
      summary: 'Clients within your scope: filtered (also by custom.<key>), sorted, paginated',
      permission: 'clients:view',
      request: { query: ZClientListQuery },
      responses: { 200: json(ZPage(ZClient)) },
    }),
    async (c) => c.json(await listClients(c.get('deps'), contextOf(c), c.req.valid('query')), 200),
  )
  // Before /clients/{id}, which would read "export" as an id.
  .openapi(
    defineRoute({
      method: 'get',
      path: '/clients/export',
      tags,
      summary: 'The filtered client list as CSV (UTF-8, ;) or XLSX; audited; at most 20 000 rows',
      permission: 'clients:export',
      request: { query: ZClientExportQuery },
      responses: {
        200: {
          description: 'The file',
          content: {
            'text/csv': { schema: z.string().openapi({ format: 'binary' }) },
            [XLSX]: { schema: z.string().openapi({ format: 'binary' }) },
          },
        },
      },
    }),
    async (c) => {
      const f = await exportClients(c.get('deps'), contextOf(c), c.req.valid('query'), c.get('locale'));
      return c.body(new Uint8Array(f.content), 200, {
        'content-type': f.contentType,
        'content-disposition': `attachment; filename="${f.filename}"`,
        'cache-control': 'private, no-store',
      });
    },
  )
  .openapi(
    defineRoute({
      method: 'post',
      path: '/clients',
      tags,
      summary: 'Create a person or company; 409 duplicate_client lists likely duplicates with reasons',
      permission: 'clients:create',
      request: {
        query: z.object({ allowDuplicate: z.enum(['true', 'false']).optional() }),
        body: jsonBody(ZCreateClient),
      },
      responses: { 201: json(ZClient, 'Created') },
    }),
    async (c) => {
      const allow = c.req.valid('query').allowDuplicate === 'true';
      return c.json(await createClient(c.get('deps'), contextOf(c), c.req.valid('json'), allow), 201);
    },
  )
  .openapi(
    defineRoute({
      method: 'get',
      path: '/clients/{id}',
      tags,
      summary: 'One client with contacts and the client’s local time',
      permission: 'clients:view',
      request: { params: ZIdParam },
      responses: { 200: json(ZClient) },
    }),
    async (c) => c.json(await getClient(c.get('deps'), contextOf(c), c.req.valid('param').id), 200),
  )
  .openapi(
    defineRoute({
      method: 'patch',
      path: '/clients/{id}',
      tags,
      summary: 'Change a client; contact lists sent replace the old ones',
      permission: 'clients:edit',
      request: { params: ZIdParam, body: jsonBody(ZUpdateClient) },
      responses: { 200: json(ZClient) },
    }),
    async (c) =>
      c.json(
        await updateClient(c.get('deps'), contextOf(c), c.req.valid('param').id, c.req.valid('json')),
        200,
      ),
  )
  .openapi(
    defineRoute({
      method: 'delete',
      path: '/clients/{id}',
      tags,
      summary: 'Move a client with contacts, relations and consents to the trash',
      permission: 'clients:delete',
      request: { params: ZIdParam },
      responses: { 200: json(z.object({ trashId: z.uuid() }), 'In the trash') },
    }),
    async (c) => c.json(await deleteClient(c.get('deps'), contextOf(c), c.req.valid('param').id), 200),
  )
  .openapi(
    defineRoute({
      method: 'post',
      path: '/clients/{id}/restore',
      tags,
      summary: 'Restore a deleted client with everything deleted with it',
      permission: 'clients:delete',
      request: { params: ZIdParam },
      responses: { 200: json(ZClient) },
    }),
    async (c) => c.json(await restoreClient(c.get('deps'), contextOf(c), c.req.valid('param').id), 200),
  )
  .openapi(
    defineRoute({
      method: 'get',
      path: '/clients/{id}/timeline',
      tags,
      summary:
        'Everything about a client and their cases, newest first: activities, stages, documents, comments, changes',
      permission: 'clients:view',
      request: { params: ZIdParam, query: ZPageQuery },
      responses: { 200: json(ZPage(ZTimelineItem)) },
    }),
    async (c) =>
      c.json(
        await clientTimeline(c.get('deps'), contextOf(c), c.req.valid('param').id, c.req.valid('query')),
        200,
      ),
  );
