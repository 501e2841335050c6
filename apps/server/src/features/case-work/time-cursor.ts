import { fieldError } from '../../platform/errors';
import { decodeCursor } from '../../platform/pagination';

export type TTimeCursor = { at: Date | null; id: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A cursor of a list sorted by a time and an id. A cursor that decodes but holds no time or id
 * (tampered with) is the same field error as one that does not decode, never a database error.
 * `k: ''` stands for "no time" where lists sort undated rows last (tasks without a due time).
 */
export function decodeTimeCursor(raw: string | undefined, undatedLast = false): TTimeCursor | null {
  const cursor = decodeCursor(raw);
  if (!cursor) return null;
  const at = cursor.k === '' ? null : new Date(String(cursor.k));
  if ((at ? Number.isNaN(at.getTime()) : !undatedLast) || !UUID.test(String(cursor.id))) {
    throw fieldError('cursor', 'invalid', 'cursor is not valid');
  }
  return { at, id: String(cursor.id) };
}
