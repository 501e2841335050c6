import { z } from '@hono/zod-openapi';
import { type RawBuilder, sql } from 'kysely';
import { resolveScope, scopeWhere } from '../../platform/access';
import type { TContext } from '../../platform/audit';
import type { TDeps } from '../../platform/deps';
import { notFound } from '../../platform/errors';
import { decodeTimeKeyCursor, encodeCursor, type TPageQuery } from '../../platform/pagination';
import { inTenant, type TTx } from '../../platform/tx';
import { CASE_SCOPE, casesOfClient } from '../cases/case-scope';
import { clientInScope } from './clients.repository';

// Items of several sources: uuids, audit numbers, document:version.
const TIMELINE_ID = /^[0-9a-f:-]{1,80}$/i;

export const TIMELINE_TYPES = ['activity', 'stage', 'document', 'comment', 'change'] as const;

export const ZTimelineItem = z
  .object({
    at: z.string().openapi({ description: 'UTC, with microseconds' }),
    type: z.enum(TIMELINE_TYPES),
    id: z.string(),
    caseId: z.uuid().nullable(),
    userId: z.uuid().nullable(),
    summary: z.string(),
    detail: z.record(z.string(), z.unknown()),
  })
  .openapi('TimelineItem');

// The cases of a client the reader may see: where it is the main client or an applicant.
async function visibleCaseIds(tx: TTx, ctx: TContext, clientId: string): Promise<string[]> {
  if (!ctx.actor.permissions.has('cases:view')) return [];
  const scope = await resolveScope(tx, ctx.actor, 'cases', 'view');
  const rows = await tx
    .selectFrom('cases')
    .select('cases.id')
    .where('cases.tenant_id', '=', ctx.actor.tenantId)
    .where('cases.deleted_at', 'is', null)
    .where('cases.id', 'in', (eb) => casesOfClient(eb, ctx.actor.tenantId, clientId))
    .where((eb) => scopeWhere(eb, scope, CASE_SCOPE))
    .execute();
  return rows.map((r) => r.id);
}

const at = (column: RawBuilder<unknown>) =>
  sql<string>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

// One select per source, all with the same columns; `inCases` is "case_id in (visible cases)".
function sources(tenantId: string, clientId: string, caseIds: string[]) {
  const ids = sql.val(caseIds.length > 0 ? caseIds : ['00000000-0000-0000-0000-000000000000']);
  const inCases = (col: string) => sql`${sql.ref(col)} = any(${ids}::uuid[])`;
  return sql`
    select ${at(sql`coalesce(a.occurred_at, a.planned_at, a.created_at)`)} as at, 'activity' as type, a.id::text as id,
      a.case_id, a.owner_id as user_id, coalesce(nullif(a.subject, ''), left(a.body, 120)) as summary,
      jsonb_build_object('kind', a.kind, 'done', a.done, 'replyToId', a.reply_to_id) as detail
    from activities a where a.tenant_id = ${tenantId} and a.deleted_at is null
      and ((a.client_id = ${clientId} and a.case_id is null) or ${inCases('a.case_id')})
    union all
    select ${at(sql`h.moved_at`)}, 'stage', h.id::text, h.case_id, h.moved_by, h.to_key,
      jsonb_build_object('from', h.from_key, 'to', h.to_key, 'lossReason', h.loss_reason, 'onBehalfOf', h.on_behalf_of)
    from case_stage_history h where h.tenant_id = ${tenantId} and ${inCases('h.case_id')}
    union all
    select ${at(sql`v.uploaded_at`)}, 'document', d.id::text || ':' || v.version, d.case_id, v.uploaded_by, d.title,
      jsonb_build_object('documentId', d.id, 'version', v.version, 'name', v.original_name, 'size', v.size_bytes, 'mediaType', v.media_type)
    from document_versions v join documents d on d.tenant_id = v.tenant_id and d.id = v.document_id
    where v.tenant_id = ${tenantId} and d.deleted_at is null
      and ((d.client_id = ${clientId} and d.case_id is null) or ${inCases('d.case_id')})
    union all
    select ${at(sql`c.created_at`)}, 'comment', c.id::text, c.case_id, c.author_id, left(c.body, 120), '{}'::jsonb
    from case_comments c where c.tenant_id = ${tenantId} and c.deleted_at is null and ${inCases('c.case_id')}
    union all
    select ${at(sql`l.at`)}, 'change', l.id::text, case when l.entity = 'case' then l.entity_id end, l.actor_user_id,
      l.entity || ' ' || l.action, jsonb_build_object('entity', l.entity, 'action', l.action, 'onBehalfOf', l.on_behalf_of_user_id)
    from audit_log l where l.tenant_id = ${tenantId} and l.action <> 'stage'
      and ((l.entity = 'client' and l.entity_id = ${clientId}) or (l.entity = 'case' and ${inCases('l.entity_id')}))`;
}

type TRow = {
  at: string;
  type: (typeof TIMELINE_TYPES)[number];
  id: string;
  case_id: string | null;
  user_id: string | null;
  summary: string | null;
  detail: Record<string, unknown>;
};

/**
 * B7: one timeline of a client and their cases, newest first: activities, stage changes, document
 * uploads, comments and audited changes. Only cases the reader may see contribute.
 */
export async function clientTimeline(deps: TDeps, ctx: TContext, clientId: string, q: TPageQuery) {
  const cursor = decodeTimeKeyCursor(q.cursor, TIMELINE_ID);
  return inTenant(deps.database, ctx.actor.tenantId, async (tx) => {
    const scope = await resolveScope(tx, ctx.actor, 'clients', 'view');
    if (!(await clientInScope(tx, ctx.actor.tenantId, clientId, scope))) throw notFound('client');
    const caseIds = await visibleCaseIds(tx, ctx, clientId);
    const after = cursor ? sql`where (t.at, t.id) < (${cursor.k}, ${cursor.id})` : sql``;
    const rows = await sql<TRow>`select * from (${sources(ctx.actor.tenantId, clientId, caseIds)}) t ${after}
      order by t.at desc, t.id desc limit ${q.limit + 1}`.execute(tx);
    const items = rows.rows.slice(0, q.limit).map((r) => ({
      at: r.at,
      type: r.type,
      id: r.id,
      caseId: r.case_id,
      userId: r.user_id,
      summary: r.summary ?? '',
      detail: r.detail,
    }));
    const last = items.at(-1);
    return {
      items,
      nextCursor: rows.rows.length > q.limit && last ? encodeCursor({ k: last.at, id: last.id }) : null,
    };
  });
}
