import { sql } from 'kysely';
import type { TTx } from '../../platform/tx';

/**
 * One entry of a client's timeline as the sources of this feature answer it; the timeline use-case
 * merges them with stage changes, documents and audited changes by (at desc, id desc).
 */
export type TTimelineRow = {
  at: Date;
  kind: 'activity' | 'comment';
  id: string;
  /** The activity's kind (call, meeting, …); null for comments. */
  subtype: string | null;
  /** The subject, or the start of the text. */
  summary: string;
  clientId: string | null;
  caseId: string | null;
  /** Who did it: the activity's owner, the comment's author. */
  userId: string;
  done: boolean | null;
};

/** Where the previous page ended: rows strictly after it in (at desc, id desc) order; null for the first. */
export type TTimelineBefore = { at: Date; id: string } | null;

const SUMMARY_LENGTH = 200;

/** The start of a text, on one line, for lists. */
export function summarise(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > SUMMARY_LENGTH ? `${line.slice(0, SUMMARY_LENGTH - 1)}…` : line;
}

export function newestFirst(a: TTimelineRow, b: TTimelineRow): number {
  const t = b.at.getTime() - a.at.getTime();
  return t !== 0 ? t : b.id < a.id ? -1 : b.id > a.id ? 1 : 0;
}

/**
 * The timeline's share of case comments: the live comments on `caseIds` (the client's cases the
 * reader may see), newest first, strictly before `before`.
 */
export async function commentsForTimeline(
  tx: TTx,
  tenantId: string,
  caseIds: string[],
  before: TTimelineBefore,
  limit: number,
): Promise<TTimelineRow[]> {
  if (caseIds.length === 0) return [];
  let q = tx
    .selectFrom('case_comments')
    .select(['id', 'case_id', 'author_id', 'body', 'created_at'])
    .where('tenant_id', '=', tenantId)
    .where('case_id', 'in', caseIds)
    .where('deleted_at', 'is', null);
  if (before) {
    q = q.where(sql<boolean>`(created_at, id) < (${before.at}::timestamptz, ${before.id}::uuid)`);
  }
  const rows = await q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
  return rows.map((r) => ({
    at: r.created_at,
    kind: 'comment',
    id: r.id,
    subtype: null,
    summary: summarise(r.body),
    clientId: null,
    caseId: r.case_id,
    userId: r.author_id,
    done: null,
  }));
}
