import { z } from '@hono/zod-openapi';
import { resolveScope, scopeWhere } from '../../platform/access';
import type { TContext } from '../../platform/audit';
import type { TDeps } from '../../platform/deps';
import { fieldError } from '../../platform/errors';
import { contextOf, defineRoute, newRouter } from '../../platform/http';
import { decodeCursor, page, ZPage, ZPageQuery } from '../../platform/pagination';
import { iso, json } from '../../platform/schemas';
import { inTenant } from '../../platform/tx';

const ZAuditEntry = z
  .object({
    id: z.number().int(),
    at: z.string(),
    actorUserId: z.uuid().nullable(),
    onBehalfOfUserId: z
      .uuid()
      .nullable()
      .openapi({ description: 'Set when a substitute acted for the absent user' }),
    apiKeyId: z.uuid().nullable(),
    entity: z.string(),
    entityId: z.uuid().nullable(),
    action: z.string(),
    before: z.unknown(),
    after: z.unknown(),
    requestId: z.string().nullable(),
    ip: z.string().nullable(),
  })
  .openapi('AuditEntry');

const ZAuditQuery = ZPageQuery.extend({
  entity: z.string().min(1).max(50).optional(),
  id: z.uuid().optional(),
});

/** The audit trail, newest first, of the records within the reader's scope. */
export async function listAudit(deps: TDeps, ctx: TContext, q: z.infer<typeof ZAuditQuery>) {
  if (q.id && !q.entity) throw fieldError('entity', 'required', 'name the entity of the id');
  const after = decodeCursor(q.cursor);
  return inTenant(deps.database, ctx.actor.tenantId, async (tx) => {
    const scope = await resolveScope(tx, ctx.actor, 'audit', 'view');
    let query = tx
      .selectFrom('audit_log')
      .selectAll()
      .where('tenant_id', '=', ctx.actor.tenantId)
      .where((eb) => scopeWhere(eb, scope, { users: ['owner_user_id'], unit: 'unit_id' }));
    if (q.entity) query = query.where('entity', '=', q.entity);
    if (q.id) query = query.where('entity_id', '=', q.id);
    if (after) query = query.where('id', '<', Number(after.id));
    const rows = await query
      .orderBy('id', 'desc')
      .limit(q.limit + 1)
      .execute();
    const items = rows.map((r) => ({
      id: r.id,
      at: iso(r.at),
      actorUserId: r.actor_user_id,
      onBehalfOfUserId: r.on_behalf_of_user_id,
      apiKeyId: r.api_key_id,
      entity: r.entity,
      entityId: r.entity_id,
      action: r.action,
      before: r.before,
      after: r.after,
      requestId: r.request_id,
      ip: r.ip,
    }));
    return page(items, q.limit, (e) => ({ k: e.id, id: e.id }));
  });
}

export const auditRoutes = newRouter().openapi(
  defineRoute({
    method: 'get',
    path: '/audit',
    tags: ['Audit'],
    summary: 'Who changed what, when, before and after: of one record (entity and id) or all in your scope',
    permission: 'audit:view',
    request: { query: ZAuditQuery },
    responses: { 200: json(ZPage(ZAuditEntry)) },
  }),
  async (c) => c.json(await listAudit(c.get('deps'), contextOf(c), c.req.valid('query')), 200),
);
