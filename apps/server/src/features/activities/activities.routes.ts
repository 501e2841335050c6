import { z } from '@hono/zod-openapi';
import { contextOf, defineRoute, newRouter } from '../../platform/http';
import { ZPage } from '../../platform/pagination';
import { json, jsonBody, ZIdParam } from '../../platform/schemas';
import {
  activityChain,
  createActivity,
  deleteActivity,
  getActivity,
  listActivities,
  updateActivity,
} from './activities';
import { ZActivity, ZActivityListQuery, ZCreateActivity, ZUpdateActivity } from './activities.schemas';

const tags = ['Activities'];

export const activitiesRoutes = newRouter()
  .openapi(
    defineRoute({
      method: 'get',
      path: '/activities',
      tags,
      summary: 'Calls, meetings, e-mails, notes and planned interactions within your scope, newest first',
      permission: 'activities:view',
      request: { query: ZActivityListQuery },
      responses: { 200: json(ZPage(ZActivity)) },
    }),
    async (c) => c.json(await listActivities(c.get('deps'), contextOf(c), c.req.valid('query')), 200),
  )
  .openapi(
    defineRoute({
      method: 'post',
      path: '/activities',
      tags,
      summary: 'Record an activity on a client (and optionally one of the client’s cases), or a reply',
      permission: 'activities:create',
      request: { body: jsonBody(ZCreateActivity) },
      responses: { 201: json(ZActivity, 'Created') },
    }),
    async (c) => c.json(await createActivity(c.get('deps'), contextOf(c), c.req.valid('json')), 201),
  )
  .openapi(
    defineRoute({
      method: 'get',
      path: '/activities/{id}',
      tags,
      summary: 'One activity',
      permission: 'activities:view',
      request: { params: ZIdParam },
      responses: { 200: json(ZActivity) },
    }),
    async (c) => c.json(await getActivity(c.get('deps'), contextOf(c), c.req.valid('param').id), 200),
  )
  .openapi(
    defineRoute({
      method: 'get',
      path: '/activities/{id}/chain',
      tags,
      summary: 'The whole chain of replies an activity belongs to, the root first',
      permission: 'activities:view',
      request: { params: ZIdParam },
      responses: { 200: json(ZPage(ZActivity)) },
    }),
    async (c) => c.json(await activityChain(c.get('deps'), contextOf(c), c.req.valid('param').id), 200),
  )
  .openapi(
    defineRoute({
      method: 'patch',
      path: '/activities/{id}',
      tags,
      summary: 'Change an activity; done: true on a planned one records it as happened',
      permission: 'activities:edit',
      request: { params: ZIdParam, body: jsonBody(ZUpdateActivity) },
      responses: { 200: json(ZActivity) },
    }),
    async (c) =>
      c.json(
        await updateActivity(c.get('deps'), contextOf(c), c.req.valid('param').id, c.req.valid('json')),
        200,
      ),
  )
  .openapi(
    defineRoute({
      method: 'delete',
      path: '/activities/{id}',
      tags,
      summary: 'Move an activity to the trash (its replies stay)',
      permission: 'activities:delete',
      request: { params: ZIdParam },
      responses: { 200: json(z.object({ trashId: z.uuid() }), 'In the trash') },
    }),
    async (c) => c.json(await deleteActivity(c.get('deps'), contextOf(c), c.req.valid('param').id), 200),
  );
