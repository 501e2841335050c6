import { z } from '@hono/zod-openapi';
import { contextOf, defineRoute, newRouter } from '../../platform/http';
import { json, jsonBody, ZIdParam } from '../../platform/schemas';
import { createUnit, deleteUnit, getUnitUseCase, listUnitsUseCase, updateUnit } from './manage-units';
import { ZCreateUnit, ZUnit, ZUpdateUnit } from './units.schemas';

const tags = ['Organisation'];

export const unitsRoutes = newRouter()
  .openapi(
    defineRoute({
      method: 'get',
      path: '/units',
      tags,
      summary: 'The units within your scope (the tree as a flat list with parentId)',
      permission: 'org:view',
      responses: { 200: json(z.object({ items: z.array(ZUnit), nextCursor: z.null() })) },
    }),
    async (c) =>
      c.json({ items: await listUnitsUseCase(c.get('deps'), contextOf(c)), nextCursor: null }, 200),
  )
  .openapi(
    defineRoute({
      method: 'post',
      path: '/units',
      tags,
      summary: 'Create a region, branch or team',
      permission: 'org:create',
      request: { body: jsonBody(ZCreateUnit) },
      responses: { 201: json(ZUnit, 'Created') },
    }),
    async (c) => c.json(await createUnit(c.get('deps'), contextOf(c), c.req.valid('json')), 201),
  )
  .openapi(
    defineRoute({
      method: 'get',
      path: '/units/{id}',
      tags,
      summary: 'One unit',
      permission: 'org:view',
      request: { params: ZIdParam },
      responses: { 200: json(ZUnit) },
    }),
    async (c) => c.json(await getUnitUseCase(c.get('deps'), contextOf(c), c.req.valid('param').id), 200),
  )
  .openapi(
    defineRoute({
      method: 'patch',
      path: '/units/{id}',
      tags,
      summary: 'Rename a unit, change its branch kind or move it in the tree',
      permission: 'org:edit',
      request: { params: ZIdParam, body: jsonBody(ZUpdateUnit) },
      responses: { 200: json(ZUnit) },
    }),
    async (c) =>
      c.json(
        await updateUnit(c.get('deps'), contextOf(c), c.req.valid('param').id, c.req.valid('json')),
        200,
      ),
  )
  .openapi(
    defineRoute({
      method: 'delete',
      path: '/units/{id}',
      tags,
      summary: 'Move a unit and the units below it to the trash (it must have no users)',
      permission: 'org:delete',
      request: { params: ZIdParam },
      responses: { 200: json(z.object({ trashId: z.uuid() }), 'In the trash') },
    }),
    async (c) => c.json(await deleteUnit(c.get('deps'), contextOf(c), c.req.valid('param').id), 200),
  );
