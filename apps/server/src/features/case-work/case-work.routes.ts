import { z } from '@hono/zod-openapi';
import { contextOf, defineRoute, newRouter } from '../../platform/http';
import { ZPage, ZPageQuery } from '../../platform/pagination';
import { json, jsonBody, ZIdParam } from '../../platform/schemas';
import {
  ZChecklistItem,
  ZComment,
  ZCommentBody,
  ZCommentParams,
  ZCreateChecklistItem,
  ZCreateTask,
  ZItemParams,
  ZTask,
  ZTaskListQuery,
  ZUpdateChecklistItem,
  ZUpdateTask,
} from './case-work.schemas';
import { createChecklistItem, deleteChecklistItem, listChecklist, updateChecklistItem } from './checklist';
import { createComment, deleteComment, listComments, updateComment } from './comments';
import { createTask, deleteTask, getTask, listTasks, updateTask } from './tasks';

const ZTrashed = json(z.object({ trashId: z.uuid() }), 'In the trash');

// Comments and checklists live inside their case: the case's permissions and scope decide.
const commentsAndChecklist = newRouter()
  .openapi(
    defineRoute({
      method: 'get',
      path: '/cases/{id}/comments',
      tags: ['Cases'],
      summary: 'Comments on a case, newest first',
      permission: 'cases:view',
      request: { params: ZIdParam, query: ZPageQuery },
      responses: { 200: json(ZPage(ZComment)) },
    }),
    async (c) =>
      c.json(
        await listComments(c.get('deps'), contextOf(c), c.req.valid('param').id, c.req.valid('query')),
        200,
      ),
  )
  .openapi(
    defineRoute({
      method: 'post',
      path: '/cases/{id}/comments',
      tags: ['Cases'],
      summary: 'Comment on a case',
      permission: 'cases:edit',
      request: { params: ZIdParam, body: jsonBody(ZCommentBody) },
      responses: { 201: json(ZComment, 'Created') },
    }),
    async (c) =>
      c.json(
        await createComment(c.get('deps'), contextOf(c), c.req.valid('param').id, c.req.valid('json')),
        201,
      ),
  )
  .openapi(
    defineRoute({
      method: 'patch',
      path: '/cases/{id}/comments/{commentId}',
      tags: ['Cases'],
      summary: 'Change a comment (its author only)',
      permission: 'cases:edit',
      request: { params: ZCommentParams, body: jsonBody(ZCommentBody) },
      responses: { 200: json(ZComment) },
    }),
    async (c) => {
      const p = c.req.valid('param');
      return c.json(
        await updateComment(c.get('deps'), contextOf(c), p.id, p.commentId, c.req.valid('json')),
        200,
      );
    },
  )
  .openapi(
    defineRoute({
      method: 'delete',
      path: '/cases/{id}/comments/{commentId}',
      tags: ['Cases'],
      summary: 'Move a comment to the trash (its author, or who may delete the case)',
      permission: 'cases:edit',
      request: { params: ZCommentParams },
      responses: { 200: ZTrashed },
    }),
    async (c) => {
      const p = c.req.valid('param');
      return c.json(await deleteComment(c.get('deps'), contextOf(c), p.id, p.commentId), 200);
    },
  )
  .openapi(
    defineRoute({
      method: 'get',
      path: '/cases/{id}/checklist',
      tags: ['Cases'],
      summary: 'The checklist of a case, in order',
      permission: 'cases:view',
      request: { params: ZIdParam },
      responses: { 200: json(ZPage(ZChecklistItem)) },
    }),
    async (c) => c.json(await listChecklist(c.get('deps'), contextOf(c), c.req.valid('param').id), 200),
  )
  .openapi(
    defineRoute({
      method: 'post',
      path: '/cases/{id}/checklist',
      tags: ['Cases'],
      summary: 'Add an item to the checklist of a case',
      permission: 'cases:edit',
      request: { params: ZIdParam, body: jsonBody(ZCreateChecklistItem) },
      responses: { 201: json(ZChecklistItem, 'Created') },
    }),
    async (c) =>
      c.json(
        await createChecklistItem(c.get('deps'), contextOf(c), c.req.valid('param').id, c.req.valid('json')),
        201,
      ),
  )
  .openapi(
    defineRoute({
      method: 'patch',
      path: '/cases/{id}/checklist/{itemId}',
      tags: ['Cases'],
      summary: 'Rename, move or tick a checklist item (ticking records who and when)',
      permission: 'cases:edit',
      request: { params: ZItemParams, body: jsonBody(ZUpdateChecklistItem) },
      responses: { 200: json(ZChecklistItem) },
    }),
    async (c) => {
      const p = c.req.valid('param');
      const item = await updateChecklistItem(
        c.get('deps'),
        contextOf(c),
        p.id,
        p.itemId,
        c.req.valid('json'),
      );
      return c.json(item, 200);
    },
  )
  .openapi(
    defineRoute({
      method: 'delete',
      path: '/cases/{id}/checklist/{itemId}',
      tags: ['Cases'],
      summary: 'Move a checklist item to the trash',
      permission: 'cases:edit',
      request: { params: ZItemParams },
      responses: { 200: ZTrashed },
    }),
    async (c) => {
      const p = c.req.valid('param');
      return c.json(await deleteChecklistItem(c.get('deps'), contextOf(c), p.id, p.itemId), 200);
    },
  );

const tags = ['Tasks'];

const tasks = newRouter()
  .openapi(
    defineRoute({
      method: 'get',
      path: '/tasks',
      tags,
      summary: 'Tasks within your scope and those assigned to you, by due time (assigneeId=me: my tasks)',
      permission: 'tasks:view',
      request: { query: ZTaskListQuery },
      responses: { 200: json(ZPage(ZTask)) },
    }),
    async (c) => c.json(await listTasks(c.get('deps'), contextOf(c), c.req.valid('query')), 200),
  )
  .openapi(
    defineRoute({
      method: 'post',
      path: '/tasks',
      tags,
      summary: 'Create a task on a case or a client, with a due time and an assignee',
      permission: 'tasks:create',
      request: { body: jsonBody(ZCreateTask) },
      responses: { 201: json(ZTask, 'Created') },
    }),
    async (c) => c.json(await createTask(c.get('deps'), contextOf(c), c.req.valid('json')), 201),
  )
  .openapi(
    defineRoute({
      method: 'get',
      path: '/tasks/{id}',
      tags,
      summary: 'One task',
      permission: 'tasks:view',
      request: { params: ZIdParam },
      responses: { 200: json(ZTask) },
    }),
    async (c) => c.json(await getTask(c.get('deps'), contextOf(c), c.req.valid('param').id), 200),
  )
  .openapi(
    defineRoute({
      method: 'patch',
      path: '/tasks/{id}',
      tags,
      summary: 'Change a task; status done records who and when',
      permission: 'tasks:edit',
      request: { params: ZIdParam, body: jsonBody(ZUpdateTask) },
      responses: { 200: json(ZTask) },
    }),
    async (c) =>
      c.json(
        await updateTask(c.get('deps'), contextOf(c), c.req.valid('param').id, c.req.valid('json')),
        200,
      ),
  )
  .openapi(
    defineRoute({
      method: 'delete',
      path: '/tasks/{id}',
      tags,
      summary: 'Move a task to the trash',
      permission: 'tasks:delete',
      request: { params: ZIdParam },
      responses: { 200: ZTrashed },
    }),
    async (c) => c.json(await deleteTask(c.get('deps'), contextOf(c), c.req.valid('param').id), 200),
  );

/** Comments, checklists and tasks: the work on cases (D5, D6). */
export const caseWorkRoutes = newRouter().route('/', commentsAndChecklist).route('/', tasks);
