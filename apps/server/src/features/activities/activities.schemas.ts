import { z } from '@hono/zod-openapi';
import { ZPageQuery } from '../../platform/pagination';

export const ACTIVITY_KINDS = ['call', 'meeting', 'email', 'note', 'planned'] as const;
export type TActivityKind = (typeof ACTIVITY_KINDS)[number];
export const DIRECTIONS = ['inbound', 'outbound', 'internal'] as const;

export const ZInstant = z.iso.datetime({ offset: true }).openapi({ example: '2026-11-22T10:00:00.000Z' });
const ZText = (max: number) => z.string().trim().max(max);

const fields = {
  subject: ZText(300),
  body: ZText(20_000),
  direction: z.enum(DIRECTIONS).nullable(),
  occurredAt: ZInstant.openapi({ description: 'When it happened (default: now, once done)' }),
  plannedAt: ZInstant.nullable().openapi({ description: 'When it is planned (planned interactions)' }),
  done: z
    .boolean()
    .openapi({ description: 'Only planned interactions may be open; default: kind ≠ planned' }),
  ownerId: z.uuid().openapi({ description: 'Who did it or is responsible (default: yourself)' }),
};

export const ZCreateActivity = z
  .strictObject({
    kind: z.enum(ACTIVITY_KINDS),
    clientId: z.uuid().optional().openapi({ description: 'Default: the client of the case or of replyToId' }),
    caseId: z.uuid().nullable().optional().openapi({ description: 'Default: the case of replyToId' }),
    replyToId: z
      .uuid()
      .nullable()
      .optional()
      .openapi({ description: 'The earlier interaction this answers' }),
  })
  .extend(z.object(fields).partial().shape)
  .openapi('CreateActivity');
export type TCreateActivity = z.infer<typeof ZCreateActivity>;

/** A change; the client, case and chain of an activity stay as created. */
export const ZUpdateActivity = z
  .strictObject({ kind: z.enum(ACTIVITY_KINDS), ...fields })
  .partial()
  .openapi('UpdateActivity');
export type TUpdateActivity = z.infer<typeof ZUpdateActivity>;

export const ZActivity = z
  .object({
    id: z.uuid(),
    kind: z.enum(ACTIVITY_KINDS),
    clientId: z.uuid(),
    caseId: z.uuid().nullable(),
    replyToId: z.uuid().nullable(),
    subject: z.string(),
    body: z.string(),
    direction: z.enum(DIRECTIONS).nullable(),
    occurredAt: z.string().nullable(),
    plannedAt: z.string().nullable(),
    at: z.string().openapi({ description: 'occurredAt, or plannedAt while open: what lists sort by' }),
    done: z.boolean(),
    ownerId: z.uuid(),
    createdBy: z.uuid().nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .openapi('Activity');
export type TActivity = z.infer<typeof ZActivity>;

export const ZActivityListQuery = ZPageQuery.extend({
  clientId: z.uuid().optional(),
  caseId: z.uuid().optional(),
  kind: z.enum(ACTIVITY_KINDS).optional(),
  ownerId: z
    .union([z.literal('me'), z.uuid()])
    .optional()
    .openapi({ description: 'Whose activities: `me` for your own (the desk’s appointments)' }),
  from: ZInstant.optional().openapi({ description: 'at ≥ from' }),
  to: ZInstant.optional().openapi({ description: 'at < to' }),
});
export type TActivityListQuery = z.infer<typeof ZActivityListQuery>;
