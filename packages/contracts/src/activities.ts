// Request bodies of activities, shared by the server (which validates them) and the web app (which
// validates the same way as the user types). Descriptions ride on zod's .meta(), which the
// server's OpenAPI generator reads.
import { z } from 'zod';

export const ACTIVITY_KINDS = ['call', 'meeting', 'email', 'note', 'planned'] as const;
export type TActivityKind = (typeof ACTIVITY_KINDS)[number];
export const DIRECTIONS = ['inbound', 'outbound', 'internal'] as const;
export type TDirection = (typeof DIRECTIONS)[number];

/** A point in time with its offset, as the API takes it everywhere. */
const ZInstant = z.iso.datetime({ offset: true }).meta({ example: '2026-11-22T10:00:00.000Z' });
const ZText = (max: number) => z.string().trim().max(max);

const fields = {
  subject: ZText(300),
  body: ZText(20_000),
  direction: z.enum(DIRECTIONS).nullable(),
  occurredAt: ZInstant.meta({ description: 'When it happened (default: now, once done)' }),
  plannedAt: ZInstant.nullable().meta({ description: 'When it is planned (planned interactions)' }),
  done: z.boolean().meta({ description: 'Only planned interactions may be open; default: kind ≠ planned' }),
  ownerId: z.uuid().meta({ description: 'Who did it or is responsible (default: yourself)' }),
};

export const ZCreateActivity = z
  .strictObject({
    kind: z.enum(ACTIVITY_KINDS),
    clientId: z.uuid().optional().meta({ description: 'Default: the client of the case or of replyToId' }),
    caseId: z.uuid().nullable().optional().meta({ description: 'Default: the case of replyToId' }),
    replyToId: z.uuid().nullable().optional().meta({ description: 'The earlier interaction this answers' }),
  })
  .extend(z.object(fields).partial().shape);
export type TCreateActivity = z.infer<typeof ZCreateActivity>;

/** A change; the client, case and chain of an activity stay as created. */
export const ZUpdateActivity = z.strictObject({ kind: z.enum(ACTIVITY_KINDS), ...fields }).partial();
export type TUpdateActivity = z.infer<typeof ZUpdateActivity>;
