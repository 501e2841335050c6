import { z } from '@hono/zod-openapi';
import { contextOf, defineRoute, newRouter } from '../../platform/http';
import { json, jsonBody, ZIdParam } from '../../platform/schemas';
import {
  createSubstitute,
  deleteSubstitute,
  listSubstitutes,
  ZCreateSubstitute,
  ZSubstitute,
} from './substitutes';

const tags = ['Substitutes'];

export const substitutesRoutes = newRouter()
  .openapi(
    defineRoute({
      method: 'get',
      path: '/substitutes',
      tags,
      summary: 'Substitutions of users within your scope',
      permission: 'substitutes:view',
      responses: { 200: json(z.object({ items: z.array(ZSubstitute), nextCursor: z.null() })) },
    }),
    async (c) => c.json({ items: await listSubstitutes(c.get('deps'), contextOf(c)), nextCursor: null }, 200),
  )
  .openapi(
    defineRoute({
      method: 'post',
      path: '/substitutes',
      tags,
      summary: 'Name a deputy for a date range; during it they work the absent user’s records',
      permission: 'substitutes:create',
      request: { body: jsonBody(ZCreateSubstitute) },
      responses: { 201: json(ZSubstitute, 'Created') },
    }),
    async (c) => c.json(await createSubstitute(c.get('deps'), contextOf(c), c.req.valid('json')), 201),
  )
  .openapi(
    defineRoute({
      method: 'delete',
      path: '/substitutes/{id}',
      tags,
      summary: 'End a substitution (moves it to the trash)',
      permission: 'substitutes:delete',
      request: { params: ZIdParam },
      responses: { 200: json(z.object({ trashId: z.uuid() }), 'In the trash') },
    }),
    async (c) => c.json(await deleteSubstitute(c.get('deps'), contextOf(c), c.req.valid('param').id), 200),
  );
