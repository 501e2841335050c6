import { z } from '@hono/zod-openapi';
import { contextOf, defineRoute, newRouter } from '../../platform/http';
import { json, jsonBody, ZIdParam } from '../../platform/schemas';
import { listConsents, recordConsent, ZConsent, ZConsentLog, ZRecordConsent } from './consents';
import { mergeClients, ZMergeClients, ZMergeResult } from './merge-client';
import { createRelation, deleteRelation, listRelations, ZClientRelation, ZCreateRelation } from './relations';

const tags = ['Clients'];

const ZRelationParams = ZIdParam.extend({
  relationId: z.uuid().openapi({ param: { name: 'relationId', in: 'path' } }),
});

// Relations (B6), consents (B10) and merging duplicates (B4) of a client. Consents have no
// update or delete route on purpose: a withdrawal is a new record.
export const clientExtrasRoutes = newRouter()
  .openapi(
    defineRoute({
      method: 'get',
      path: '/clients/{id}/relations',
      tags,
      summary:
        'Relations of a client in both directions; related clients outside your scope without id or name',
      permission: 'clients:view',
      request: { params: ZIdParam },
      responses: { 200: json(z.object({ items: z.array(ZClientRelation) })) },
    }),
    async (c) => c.json(await listRelations(c.get('deps'), contextOf(c), c.req.valid('param').id), 200),
  )
  .openapi(
    defineRoute({
      method: 'post',
      path: '/clients/{id}/relations',
      tags,
      summary: 'Relate two clients (both within your scope); 409 when they are related this way already',
      permission: 'clients:edit',
      request: { params: ZIdParam, body: jsonBody(ZCreateRelation) },
      responses: { 201: json(ZClientRelation, 'Created') },
    }),
    async (c) =>
      c.json(
        await createRelation(c.get('deps'), contextOf(c), c.req.valid('param').id, c.req.valid('json')),
        201,
      ),
  )
  .openapi(
    defineRoute({
      method: 'delete',
      path: '/clients/{id}/relations/{relationId}',
      tags,
      summary: 'Move a relation to the trash',
      permission: 'clients:edit',
      request: { params: ZRelationParams },
      responses: { 200: json(z.object({ trashId: z.uuid() }), 'In the trash') },
    }),
    async (c) => {
      const { id, relationId } = c.req.valid('param');
      return c.json(await deleteRelation(c.get('deps'), contextOf(c), id, relationId), 200);
    },
  )
  .openapi(
    defineRoute({
      method: 'get',
      path: '/clients/{id}/consents',
      tags,
      summary: 'The consent log of a client, newest first, and the current state per purpose and channel',
      permission: 'clients:view',
      request: { params: ZIdParam },
      responses: { 200: json(ZConsentLog) },
    }),
    async (c) => c.json(await listConsents(c.get('deps'), contextOf(c), c.req.valid('param').id), 200),
  )
  .openapi(
    defineRoute({
      method: 'post',
      path: '/clients/{id}/consents',
      tags,
      summary: 'Record a consent or its withdrawal (granted: false); records are never edited',
      permission: 'clients:edit',
      request: { params: ZIdParam, body: jsonBody(ZRecordConsent) },
      responses: { 201: json(ZConsent, 'Recorded') },
    }),
    async (c) =>
      c.json(
        await recordConsent(c.get('deps'), contextOf(c), c.req.valid('param').id, c.req.valid('json')),
        201,
      ),
  )
  .openapi(
    defineRoute({
      method: 'post',
      path: '/clients/{id}/merge',
      tags,
      summary:
        'Fold a duplicate into this client: cases, relations, consents, new contacts move over; the duplicate goes to the trash',
      permission: 'clients:edit',
      request: { params: ZIdParam, body: jsonBody(ZMergeClients) },
      responses: { 200: json(ZMergeResult) },
    }),
    async (c) =>
      c.json(
        await mergeClients(c.get('deps'), contextOf(c), c.req.valid('param').id, c.req.valid('json')),
        200,
      ),
  );
