import { z } from '@hono/zod-openapi';
import {
  ZCommentBody as CCommentBody,
  ZCreateChecklistItem as CCreateChecklistItem,
  ZCreateTask as CCreateTask,
  ZUpdateChecklistItem as CUpdateChecklistItem,
  ZUpdateTask as CUpdateTask,
  TASK_STATUSES,
} from '@kontor/contracts';
import { ZPageQuery } from '../../platform/pagination';
import { ZInstant } from '../activities/activities.schemas';

const param = (name: string) => z.uuid().openapi({ param: { name, in: 'path' } });
export const ZCommentParams = z.object({ id: param('id'), commentId: param('commentId') });
export const ZItemParams = z.object({ id: param('id'), itemId: param('itemId') });

// The comment and checklist bodies live in @kontor/contracts (the web app checks them as the user
// types); here they get their OpenAPI component names. strictObject keeps unknown keys refused.

// Comments (D5)

export const ZCommentBody = z.strictObject(CCommentBody.shape).openapi('CommentBody');

export const ZComment = z
  .object({
    id: z.uuid(),
    caseId: z.uuid(),
    authorId: z.uuid(),
    body: z.string(),
    createdAt: z.string(),
    editedAt: z.string().nullable(),
  })
  .openapi('CaseComment');
export type TComment = z.infer<typeof ZComment>;

// Checklists (D5)

export const ZCreateChecklistItem = z.strictObject(CCreateChecklistItem.shape).openapi('CreateChecklistItem');
export const ZUpdateChecklistItem = z.strictObject(CUpdateChecklistItem.shape).openapi('UpdateChecklistItem');

export const ZChecklistItem = z
  .object({
    id: z.uuid(),
    caseId: z.uuid(),
    title: z.string(),
    position: z.number().int(),
    done: z.boolean(),
    doneAt: z.string().nullable(),
    doneBy: z.uuid().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('ChecklistItem');
export type TChecklistItem = z.infer<typeof ZChecklistItem>;

// Tasks (D6)

// The task bodies come from @kontor/contracts too.
export { TASK_STATUSES } from '@kontor/contracts';

export const ZCreateTask = z.strictObject(CCreateTask.shape).openapi('CreateTask');
export const ZUpdateTask = z.strictObject(CUpdateTask.shape).openapi('UpdateTask');

export const ZTask = z
  .object({
    id: z.uuid(),
    caseId: z.uuid().nullable(),
    clientId: z.uuid().nullable(),
    title: z.string(),
    description: z.string(),
    dueAt: z.string().nullable(),
    overdue: z.boolean().openapi({ description: 'Open and past its due time' }),
    assigneeId: z.uuid(),
    status: z.enum(TASK_STATUSES),
    doneAt: z.string().nullable(),
    doneBy: z.uuid().nullable(),
    createdBy: z.uuid().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Task');
export type TTask = z.infer<typeof ZTask>;

export const ZTaskListQuery = ZPageQuery.extend({
  caseId: z.uuid().optional(),
  clientId: z.uuid().optional().openapi({ description: 'Tasks of the client and of the client’s cases' }),
  assigneeId: z
    .union([z.literal('me'), z.uuid()])
    .optional()
    .openapi({ description: 'A user id, or me: "my tasks"' }),
  status: z.enum(TASK_STATUSES).optional(),
  dueBefore: ZInstant.optional().openapi({ description: 'Due strictly before this time' }),
});
export type TTaskListQuery = z.infer<typeof ZTaskListQuery>;
