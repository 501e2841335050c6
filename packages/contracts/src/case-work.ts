// Request bodies of case-work, shared by the server (which validates them) and the web app (which
// validates the same way as the user types). Descriptions ride on zod's .meta(), which the
// server's OpenAPI generator reads.
import { z } from 'zod';

export const TASK_STATUSES = ['open', 'done', 'cancelled'] as const;
export type TTaskStatus = (typeof TASK_STATUSES)[number];

/** A point in time with its offset, as the API takes it everywhere. */
const ZInstant = z.iso.datetime({ offset: true }).meta({ example: '2026-11-22T10:00:00.000Z' });

const ZTitle = z.string().trim().min(1).max(300);

const taskFields = {
  title: ZTitle,
  description: z.string().trim().max(20_000),
  dueAt: ZInstant.nullable(),
  assigneeId: z.uuid().meta({ description: 'An active user (default: yourself)' }),
};

export const ZCreateTask = z
  .strictObject({
    title: ZTitle,
    caseId: z.uuid().optional(),
    clientId: z.uuid().optional().meta({ description: 'A case, a client or both (the case the client’s)' }),
  })
  .extend(z.object(taskFields).omit({ title: true }).partial().shape);
export type TCreateTask = z.infer<typeof ZCreateTask>;

export const ZUpdateTask = z
  .strictObject({
    ...taskFields,
    status: z.enum(TASK_STATUSES).meta({ description: 'done records who and when' }),
  })
  .partial();
export type TUpdateTask = z.infer<typeof ZUpdateTask>;

// Comments and checklists (D5)

export const ZCommentBody = z.strictObject({ body: z.string().trim().min(1).max(20_000) });

const ZPosition = z.number().int().min(0).max(10_000);

export const ZCreateChecklistItem = z.strictObject({
  title: ZTitle,
  position: ZPosition.optional().meta({ description: 'Default: after the last item' }),
});

export const ZUpdateChecklistItem = z
  .strictObject({
    title: ZTitle,
    position: ZPosition,
    done: z.boolean().meta({ description: 'true records who ticked it and when; false clears both' }),
  })
  .partial();
