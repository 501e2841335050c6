import { z } from '@hono/zod-openapi';
import {
  ACTIVITY_KINDS,
  ZCreateActivity as CCreateActivity,
  ZUpdateActivity as CUpdateActivity,
  DIRECTIONS,
} from '@kontor/contracts';
import { ZPageQuery } from '../../platform/pagination';

// The activity bodies live in @kontor/contracts (the web app checks them as the user types); here
// they get their OpenAPI component names. strictObject keeps unknown keys refused.
export { ACTIVITY_KINDS, DIRECTIONS, type TActivityKind } from '@kontor/contracts';

export const ZInstant = z.iso.datetime({ offset: true }).openapi({ example: '2026-11-22T10:00:00.000Z' });

export const ZCreateActivity = z.strictObject(CCreateActivity.shape).openapi('CreateActivity');
export type TCreateActivity = z.infer<typeof ZCreateActivity>;

/** A change; the client, case and chain of an activity stay as created. */
export const ZUpdateActivity = z.strictObject(CUpdateActivity.shape).openapi('UpdateActivity');
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
