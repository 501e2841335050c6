import { z } from '@hono/zod-openapi';
import { contextOf, defineRoute, newRouter } from '../../platform/http';
import { json, jsonBody, ZIdParam } from '../../platform/schemas';
import { createApiKey, listApiKeys, revokeApiKey, ZApiKey, ZCreateApiKey } from './api-keys';

const tags = ['API keys'];

export const apiKeysRoutes = newRouter()
  .openapi(
    defineRoute({
      method: 'get',
      path: '/api-keys',
      tags,
      summary: 'The tenant’s API keys (never their secrets)',
      permission: 'api_keys:manage',
      responses: { 200: json(z.object({ items: z.array(ZApiKey), nextCursor: z.null() })) },
    }),
    async (c) => c.json({ items: await listApiKeys(c.get('deps'), contextOf(c)), nextCursor: null }, 200),
  )
  .openapi(
    defineRoute({
      method: 'post',
      path: '/api-keys',
      tags,
      summary: 'Create a key; its token is shown in this answer only. Use it as Authorization: Bearer',
      permission: 'api_keys:manage',
      request: { body: jsonBody(ZCreateApiKey) },
      responses: { 201: json(ZApiKey.extend({ token: z.string() }), 'Created') },
    }),
    async (c) => c.json(await createApiKey(c.get('deps'), contextOf(c), c.req.valid('json')), 201),
  )
  .openapi(
    defineRoute({
      method: 'post',
      path: '/api-keys/{id}/revoke',
      tags,
      summary: 'Revoke a key at once',
      permission: 'api_keys:manage',
      request: { params: ZIdParam },
      responses: { 200: json(ZApiKey) },
    }),
    async (c) => c.json(await revokeApiKey(c.get('deps'), contextOf(c), c.req.valid('param').id), 200),
  );
