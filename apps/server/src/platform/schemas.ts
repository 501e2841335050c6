import { z } from '@hono/zod-openapi';
import { ERROR_CODES } from '@kontor/contracts';

// Schemas shared by many routes.

export const ZProblem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.enum(ERROR_CODES),
    detail: z.string().optional(),
    errors: z.array(z.object({ field: z.string(), code: z.string(), message: z.string() })).optional(),
    requestId: z.string().optional(),
  })
  .catchall(z.unknown())
  .openapi('Problem', {
    description: 'RFC 9457 problem details; some codes add members (duplicate_client: candidates)',
  });

export const ZId = z.uuid();
export const ZIdParam = z.object({ id: z.uuid().openapi({ param: { name: 'id', in: 'path' } }) });
export const ZTimestamp = z.string().openapi({ format: 'date-time', example: '2026-11-22T10:00:00.000Z' });
export const ZDate = z.iso.date().openapi({ example: '2026-12-24' });

/** A timestamp from the database as an ISO string on the wire. */
export function iso(d: Date): string;
export function iso(d: Date | null): string | null;
export function iso(d: Date | null): string | null {
  return d === null ? null : d.toISOString();
}

export const json = <T extends z.ZodTypeAny>(schema: T, description = 'OK') => ({
  description,
  content: { 'application/json': { schema } },
});

export const jsonBody = <T extends z.ZodTypeAny>(schema: T) => ({
  required: true,
  content: { 'application/json': { schema } },
});
