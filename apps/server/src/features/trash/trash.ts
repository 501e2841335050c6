import { z } from '@hono/zod-openapi';
import { effectiveRetentionDays, MIN_TRASH_RETENTION_DAYS, purgeableFrom } from '@kontor/domain';
import { resolveScope, scopeWhere } from '../../platform/access';
import { recordAudit, type TContext } from '../../platform/audit';
import type { TDeps } from '../../platform/deps';
import { notFound } from '../../platform/errors';
import { decodeTimeKeyCursor, olderThan, page, type TPageQuery, timeKey } from '../../platform/pagination';
import { iso } from '../../platform/schemas';
import { purgeFromTrash, restoreFromTrash } from '../../platform/trash';
import { inTenant, type TTx } from '../../platform/tx';
import { parseInput } from '../../platform/validation';

export const ZTrashItem = z
  .object({
    id: z.uuid(),
    entity: z.string(),
    entityId: z.uuid(),
    label: z.string(),
    deletedAt: z.string(),
    deletedBy: z.uuid().nullable(),
    purgeableFrom: z.string(),
  })
  .openapi('TrashItem');

export const ZTrashSettings = z
  .object({ retentionDays: z.number().int().min(MIN_TRASH_RETENTION_DAYS).max(36_500) })
  .openapi('TrashSettings');

const SCOPE = { users: ['owner_user_id', 'deleted_by'], unit: 'unit_id' };

async function retentionOf(tx: TTx, tenantId: string): Promise<number> {
  const t = await tx
    .selectFrom('tenants')
    .select('settings')
    .where('id', '=', tenantId)
    .executeTakeFirstOrThrow();
  return effectiveRetentionDays((t.settings as { trashRetentionDays?: number }).trashRetentionDays);
}

export async function listTrash(deps: TDeps, ctx: TContext, q: TPageQuery) {
  const after = decodeTimeKeyCursor(q.cursor);
  return inTenant(deps.database, ctx.actor.tenantId, async (tx) => {
    const scope = await resolveScope(tx, ctx.actor, 'trash', 'view');
    const retention = await retentionOf(tx, ctx.actor.tenantId);
    let query = tx
      .selectFrom('trash')
      .selectAll()
      .select(timeKey('deleted_at').as('k'))
      .where('tenant_id', '=', ctx.actor.tenantId)
      .where((eb) => scopeWhere(eb, scope, SCOPE));
    if (after) query = query.where(olderThan('deleted_at', 'id', after));
    const rows = await query
      .orderBy('deleted_at', 'desc')
      .orderBy('id', 'desc')
      .limit(q.limit + 1)
      .execute();
    const items = rows.map((r) => ({
      k: r.k,
      id: r.id,
      entity: r.entity,
      entityId: r.entity_id,
      label: r.label,
      deletedAt: iso(r.deleted_at),
      deletedBy: r.deleted_by,
      purgeableFrom: iso(purgeableFrom(r.deleted_at, retention)),
    }));
    const result = page(items, q.limit, (i) => ({ k: i.k, id: i.id }));
    return { ...result, items: result.items.map(({ k: _k, ...item }) => item) };
  });
}

async function findEntry(tx: TTx, ctx: TContext, id: string, action: 'edit' | 'manage') {
  const scope = await resolveScope(tx, ctx.actor, 'trash', action);
  const entry = await tx
    .selectFrom('trash')
    .selectAll()
    .where('tenant_id', '=', ctx.actor.tenantId)
    .where('id', '=', id)
    .where((eb) => scopeWhere(eb, scope, SCOPE))
    .executeTakeFirst();
  if (!entry) throw notFound('trash entry');
  return entry;
}

/** Brings a record back with everything that went to the trash with it. */
export async function restoreTrash(deps: TDeps, ctx: TContext, id: string) {
  return inTenant(deps.database, ctx.actor.tenantId, async (tx) => {
    const entry = await findEntry(tx, ctx, id, 'edit');
    await restoreFromTrash(tx, ctx, entry);
    return { entity: entry.entity, entityId: entry.entity_id };
  });
}

/** Deletes for good; an administrator's action, only after the retention period. */
export async function purgeTrash(deps: TDeps, ctx: TContext, id: string) {
  const afterCommit = await inTenant(deps.database, ctx.actor.tenantId, async (tx) => {
    const entry = await findEntry(tx, ctx, id, 'manage');
    return purgeFromTrash(tx, ctx, entry, await retentionOf(tx, ctx.actor.tenantId));
  });
  // Files and the like go only now that the rows are gone for good.
  await afterCommit(deps);
}

export async function getTrashSettings(deps: TDeps, ctx: TContext) {
  return inTenant(deps.database, ctx.actor.tenantId, async (tx) => ({
    retentionDays: await retentionOf(tx, ctx.actor.tenantId),
  }));
}

/** Sets how long the trash keeps items: never below the legal floor of 365 days. */
export async function setTrashSettings(deps: TDeps, ctx: TContext, raw: unknown) {
  const input = parseInput(ZTrashSettings, raw);
  return inTenant(deps.database, ctx.actor.tenantId, async (tx) => {
    await resolveScope(tx, ctx.actor, 'settings', 'manage');
    const before = await retentionOf(tx, ctx.actor.tenantId);
    const t = await tx
      .selectFrom('tenants')
      .select('settings')
      .where('id', '=', ctx.actor.tenantId)
      .executeTakeFirstOrThrow();
    const settings = { ...(t.settings as object), trashRetentionDays: input.retentionDays };
    await tx
      .updateTable('tenants')
      .set({ settings: JSON.stringify(settings), updated_at: new Date() })
      .where('id', '=', ctx.actor.tenantId)
      .execute();
    await recordAudit(tx, ctx, {
      entity: 'tenant',
      entityId: ctx.actor.tenantId,
      action: 'settings',
      before: { trashRetentionDays: before },
      after: { trashRetentionDays: input.retentionDays },
    });
    return { retentionDays: input.retentionDays };
  });
}
