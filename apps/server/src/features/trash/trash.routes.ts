import { z } from '@hono/zod-openapi';
import { contextOf, defineRoute, newRouter } from '../../platform/http';
import { ZPage, ZPageQuery } from '../../platform/pagination';
import { json, jsonBody, ZIdParam } from '../../platform/schemas';
import {
  getTrashSettings,
  listTrash,
  purgeTrash,
  restoreTrash,
  setTrashSettings,
  ZTrashItem,
  ZTrashSettings,
} from './trash';

const tags = ['Trash'];

export const trashRoutes = newRouter()
  .openapi(
    defineRoute({
      method: 'get',
      path: '/trash',
      tags,
      summary: 'Deleted records within your scope, newest first',
      permission: 'trash:view',
      request: { query: ZPageQuery },
      responses: { 200: json(ZPage(ZTrashItem)) },
    }),
    async (c) => c.json(await listTrash(c.get('deps'), contextOf(c), c.req.valid('query')), 200),
  )
  .openapi(
    defineRoute({
      method: 'post',
      path: '/trash/{id}/restore',
      tags,
      summary: 'Restore a record with everything deleted with it',
      permission: 'trash:edit',
      request: { params: ZIdParam },
      responses: { 200: json(z.object({ entity: z.string(), entityId: z.uuid() })) },
    }),
    async (c) => c.json(await restoreTrash(c.get('deps'), contextOf(c), c.req.valid('param').id), 200),
  )
  .openapi(
    defineRoute({
      method: 'delete',
      path: '/trash/{id}',
      tags,
      summary: 'Purge for good (administrators; only after the retention period)',
      permission: 'trash:manage',
      request: { params: ZIdParam },
      responses: { 204: { description: 'Purged' } },
    }),
    async (c) => {
      await purgeTrash(c.get('deps'), contextOf(c), c.req.valid('param').id);
      return c.body(null, 204);
    },
  )
  .openapi(
    defineRoute({
      method: 'get',
      path: '/settings/trash',
      tags,
      summary: 'How long the trash keeps items before they may be purged',
      permission: 'trash:view',
      responses: { 200: json(ZTrashSettings) },
    }),
    async (c) => c.json(await getTrashSettings(c.get('deps'), contextOf(c)), 200),
  )
  .openapi(
    defineRoute({
      method: 'put',
      path: '/settings/trash',
      tags,
      summary: 'Set the retention (at least 365 days)',
      permission: 'settings:manage',
      request: { body: jsonBody(ZTrashSettings) },
      responses: { 200: json(ZTrashSettings) },
    }),
    async (c) => c.json(await setTrashSettings(c.get('deps'), contextOf(c), c.req.valid('json')), 200),
  );
