import { z } from '@hono/zod-openapi';
import { contextOf, defineRoute, newRouter } from '../../platform/http';
import { ZPage, ZPageQuery } from '../../platform/pagination';
import { json, jsonBody, ZIdParam } from '../../platform/schemas';
import { createUser } from './create-user';
import {
  deleteUser,
  getUserUseCase,
  listUsersUseCase,
  moveUser,
  updateUser,
  userUnitHistory,
} from './manage-users';
import { ZCreateUser, ZMoveUser, ZUpdateUser, ZUser } from './users.schemas';

const tags = ['Users'];

export const usersRoutes = newRouter()
  .openapi(
    defineRoute({
      method: 'get',
      path: '/users',
      tags,
      summary: 'List users within your scope',
      permission: 'users:view',
      request: { query: ZPageQuery.extend({ unitId: z.uuid().optional() }) },
      responses: { 200: json(ZPage(ZUser)) },
    }),
    async (c) => c.json(await listUsersUseCase(c.get('deps'), contextOf(c), c.req.valid('query')), 200),
  )
  .openapi(
    defineRoute({
      method: 'post',
      path: '/users',
      tags,
      summary: 'Create a user',
      permission: 'users:create',
      request: { body: jsonBody(ZCreateUser) },
      responses: { 201: json(ZUser, 'Created') },
    }),
    async (c) => c.json(await createUser(c.get('deps'), contextOf(c), c.req.valid('json')), 201),
  )
  .openapi(
    defineRoute({
      method: 'get',
      path: '/users/{id}',
      tags,
      summary: 'One user',
      permission: 'users:view',
      request: { params: ZIdParam },
      responses: { 200: json(ZUser) },
    }),
    async (c) => c.json(await getUserUseCase(c.get('deps'), contextOf(c), c.req.valid('param').id), 200),
  )
  .openapi(
    defineRoute({
      method: 'patch',
      path: '/users/{id}',
      tags,
      summary: 'Change a user (roles need roles:manage as well)',
      permission: 'users:edit',
      request: { params: ZIdParam, body: jsonBody(ZUpdateUser) },
      responses: { 200: json(ZUser) },
    }),
    async (c) =>
      c.json(
        await updateUser(c.get('deps'), contextOf(c), c.req.valid('param').id, c.req.valid('json')),
        200,
      ),
  )
  .openapi(
    defineRoute({
      method: 'post',
      path: '/users/{id}/move',
      tags,
      summary: 'Move a user to another unit (kept as history)',
      permission: 'users:edit',
      request: { params: ZIdParam, body: jsonBody(ZMoveUser) },
      responses: { 200: json(ZUser) },
    }),
    async (c) =>
      c.json(await moveUser(c.get('deps'), contextOf(c), c.req.valid('param').id, c.req.valid('json')), 200),
  )
  .openapi(
    defineRoute({
      method: 'get',
      path: '/users/{id}/unit-history',
      tags,
      summary: 'The units a user belonged to, with dates',
      permission: 'users:view',
      request: { params: ZIdParam },
      responses: {
        200: json(
          z.object({
            items: z.array(
              z.object({
                unitId: z.uuid().nullable(),
                unitName: z.string().nullable(),
                from: z.string(),
                to: z.string().nullable(),
              }),
            ),
          }),
        ),
      },
    }),
    async (c) =>
      c.json({ items: await userUnitHistory(c.get('deps'), contextOf(c), c.req.valid('param').id) }, 200),
  )
  .openapi(
    defineRoute({
      method: 'delete',
      path: '/users/{id}',
      tags,
      summary: 'Move a user to the trash (sessions end, API keys are revoked)',
      permission: 'users:delete',
      request: { params: ZIdParam },
      responses: { 200: json(z.object({ trashId: z.uuid() }), 'In the trash') },
    }),
    async (c) => c.json(await deleteUser(c.get('deps'), contextOf(c), c.req.valid('param').id), 200),
  );
