import { z } from '@hono/zod-openapi';
import { contextOf, defineRoute, newRouter } from '../../platform/http';
import { json, jsonBody, ZIdParam } from '../../platform/schemas';
import {
  createCustomField,
  deleteCustomField,
  listCustomFields,
  ZCreateCustomField,
  ZCustomField,
} from './custom-fields';

const tags = ['Custom fields'];

export const customFieldsRoutes = newRouter()
  .openapi(
    defineRoute({
      method: 'get',
      path: '/custom-fields',
      tags,
      summary: 'The tenant’s custom fields for clients and cases',
      permission: 'authenticated',
      request: { query: z.object({ entity: z.enum(['client', 'case']).optional() }) },
      responses: { 200: json(z.object({ items: z.array(ZCustomField), nextCursor: z.null() })) },
    }),
    async (c) =>
      c.json(
        {
          items: await listCustomFields(c.get('deps'), contextOf(c), c.req.valid('query').entity),
          nextCursor: null,
        },
        200,
      ),
  )
  .openapi(
    defineRoute({
      method: 'post',
      path: '/custom-fields',
      tags,
      summary: 'Define a custom field (text, number, money, date, choice, multi-choice, yes/no)',
      permission: 'settings:manage',
      request: { body: jsonBody(ZCreateCustomField) },
      responses: { 201: json(ZCustomField, 'Created') },
    }),
    async (c) => c.json(await createCustomField(c.get('deps'), contextOf(c), c.req.valid('json')), 201),
  )
  .openapi(
    defineRoute({
      method: 'delete',
      path: '/custom-fields/{id}',
      tags,
      summary: 'Move a custom field to the trash (values stay on the records)',
      permission: 'settings:manage',
      request: { params: ZIdParam },
      responses: { 200: json(z.object({ trashId: z.uuid() }), 'In the trash') },
    }),
    async (c) => c.json(await deleteCustomField(c.get('deps'), contextOf(c), c.req.valid('param').id), 200),
  );
