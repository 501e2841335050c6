import { z } from '@hono/zod-openapi';
import { type RawBuilder, sql } from 'kysely';
import { AppError } from './errors';

export const ZPageQuery = z.object({
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(200)
    .default(50)
    .openapi({ description: 'Items per page (1–200)' }),
  cursor: z.string().max(500).optional().openapi({ description: 'The `nextCursor` of the previous page' }),
});
export type TPageQuery = z.infer<typeof ZPageQuery>;

/** Position after the last item of a page: its sort key and id. */
export type TCursor = { k: string | number; id: string | number };

export function encodeCursor(c: TCursor): string {
  return Buffer.from(JSON.stringify(c)).toString('base64url');
}

export function decodeCursor(raw: string | undefined): TCursor | null {
  if (!raw) return null;
  try {
    const c = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as TCursor;
    const ok = (v: unknown) => typeof v === 'string' || typeof v === 'number';
    if (c && ok(c.k) && ok(c.id)) return c;
  } catch {
    // fall through to the error below
  }
  throw new AppError('validation_failed', 'cursor is not valid', [
    { field: 'cursor', code: 'invalid', message: 'cursor is not valid' },
  ]);
}

/** Cuts the extra row fetched to learn whether a next page exists, and builds its cursor. */
export function page<T>(
  rows: T[],
  limit: number,
  key: (row: T) => TCursor,
): { items: T[]; nextCursor: string | null } {
  if (rows.length <= limit) return { items: rows, nextCursor: null };
  const items = rows.slice(0, limit);
  return { items, nextCursor: encodeCursor(key(items[items.length - 1]!)) };
}

/** The list envelope every list endpoint answers with. */
export function ZPage<T extends z.ZodTypeAny>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

// Timestamps keep microseconds; a JavaScript Date does not. Lists sorted by time therefore page
// on the database's own text of the time, so that no row sharing a millisecond is skipped.
const TIME_KEY = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A timestamp column as an exact, sortable text key (UTC, microseconds) for cursors. */
export function timeKey(column: string): RawBuilder<string> {
  return sql<string>`to_char(${sql.ref(column)} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
}

/** The position a newest-first list resumes after: its time key and id; a tampered cursor is a field error. */
export function decodeTimeKeyCursor(
  raw: string | undefined,
  idPattern = UUID,
): { k: string; id: string } | null {
  const c = decodeCursor(raw);
  if (!c) return null;
  if (!TIME_KEY.test(String(c.k)) || !idPattern.test(String(c.id))) {
    throw new AppError('validation_failed', 'cursor is not valid', [
      { field: 'cursor', code: 'invalid', message: 'cursor is not valid' },
    ]);
  }
  return { k: String(c.k), id: String(c.id) };
}

/** Rows after the cursor in `order by <time> desc, <id> desc`. */
export function olderThan(
  timeColumn: string,
  idColumn: string,
  c: { k: string; id: string },
): RawBuilder<boolean> {
  const t = sql.ref(timeColumn);
  return sql<boolean>`(${t} < ${c.k}::timestamptz or (${t} = ${c.k}::timestamptz and ${sql.ref(idColumn)} < ${c.id}))`;
}
