import { z } from '@hono/zod-openapi';
import { contextOf, defineRoute, newRouter } from '../../platform/http';
import { json, jsonBody, ZIdParam } from '../../platform/schemas';
import {
  createPipeline,
  deletePipeline,
  getPipeline,
  listPipelines,
  updatePipeline,
} from './manage-pipelines';
import { ZCreatePipeline, ZPipeline, ZUpdatePipeline } from './pipelines.schemas';

const tags = ['Pipelines'];

export const pipelinesRoutes = newRouter()
  .openapi(
    defineRoute({
      method: 'get',
      path: '/pipelines',
      tags,
      summary: 'The pipelines of the firm with their ordered stages and loss reasons',
      permission: 'cases:view',
      responses: { 200: json(z.object({ items: z.array(ZPipeline), nextCursor: z.null() })) },
    }),
    async (c) => c.json({ items: await listPipelines(c.get('deps'), contextOf(c)), nextCursor: null }, 200),
  )
  .openapi(
    defineRoute({
      method: 'post',
      path: '/pipelines',
      tags,
      summary: 'Create a pipeline for a product kind: stages, control mode, loss reasons',
      permission: 'settings:manage',
      request: { body: jsonBody(ZCreatePipeline) },
      responses: { 201: json(ZPipeline, 'Created') },
    }),
    async (c) => c.json(await createPipeline(c.get('deps'), contextOf(c), c.req.valid('json')), 201),
  )
  .openapi(
    defineRoute({
      method: 'get',
      path: '/pipelines/{id}',
      tags,
      summary: 'One pipeline',
      permission: 'cases:view',
      request: { params: ZIdParam },
      responses: { 200: json(ZPipeline) },
    }),
    async (c) => c.json(await getPipeline(c.get('deps'), contextOf(c), c.req.valid('param').id), 200),
  )
  .openapi(
    defineRoute({
      method: 'patch',
      path: '/pipelines/{id}',
      tags,
      summary: 'Change a pipeline; stages and loss reasons are replaced as whole lists, matched by key',
      permission: 'settings:manage',
      request: { params: ZIdParam, body: jsonBody(ZUpdatePipeline) },
      responses: { 200: json(ZPipeline) },
    }),
    async (c) =>
      c.json(
        await updatePipeline(c.get('deps'), contextOf(c), c.req.valid('param').id, c.req.valid('json')),
        200,
      ),
  )
  .openapi(
    defineRoute({
      method: 'delete',
      path: '/pipelines/{id}',
      tags,
      summary: 'Move a pipeline to the trash (not the default one of its product kind)',
      permission: 'settings:manage',
      request: { params: ZIdParam },
      responses: { 200: json(z.object({ trashId: z.uuid() }), 'In the trash') },
    }),
    async (c) => c.json(await deletePipeline(c.get('deps'), contextOf(c), c.req.valid('param').id), 200),
  );
