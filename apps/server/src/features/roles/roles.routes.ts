import { z } from '@hono/zod-openapi';
import { contextOf, defineRoute, newRouter } from '../../platform/http';
import { json, jsonBody, ZIdParam } from '../../platform/schemas';
import { createRole, deleteRole, listRoles, updateRole, ZCreateRole, ZRole, ZUpdateRole } from './roles';

const tags = ['Roles'];

export const rolesRoutes = newRouter()
  .openapi(
    defineRoute({
      method: 'get',
      path: '/roles',
      tags,
      summary: 'Built-in and tenant-defined roles with their grants',
      permission: 'roles:view',
      responses: { 200: json(z.object({ items: z.array(ZRole), nextCursor: z.null() })) },
    }),
    async (c) => c.json({ items: await listRoles(c.get('deps'), contextOf(c)), nextCursor: null }, 200),
  )
  .openapi(
    defineRoute({
      method: 'post',
      path: '/roles',
      tags,
      summary: 'Define a role: actions per module, each with a scope',
      permission: 'roles:manage',
      request: { body: jsonBody(ZCreateRole) },
      responses: { 201: json(ZRole, 'Created') },
    }),
    async (c) => c.json(await createRole(c.get('deps'), contextOf(c), c.req.valid('json')), 201),
  )
  .openapi(
    defineRoute({
      method: 'patch',
      path: '/roles/{id}',
      tags,
      summary: 'Change a tenant-defined role (built-in ones are fixed)',
      permission: 'roles:manage',
      request: { params: ZIdParam, body: jsonBody(ZUpdateRole) },
      responses: { 200: json(ZRole) },
    }),
    async (c) =>
      c.json(
        await updateRole(c.get('deps'), contextOf(c), c.req.valid('param').id, c.req.valid('json')),
        200,
      ),
  )
  .openapi(
    defineRoute({
      method: 'delete',
      path: '/roles/{id}',
      tags,
      summary: 'Move a tenant-defined role to the trash',
      permission: 'roles:manage',
      request: { params: ZIdParam },
      responses: { 200: json(z.object({ trashId: z.uuid() }), 'In the trash') },
    }),
    async (c) => c.json(await deleteRole(c.get('deps'), contextOf(c), c.req.valid('param').id), 200),
  );
