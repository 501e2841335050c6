import { randomUUID } from 'node:crypto';
import { MIN_TRASH_RETENTION_DAYS, purgeableFrom } from '@kontor/domain';
import { sql } from 'kysely';
import { scopeWhere, type TScopeColumns, type TScopeFilter } from './access';
import { recordAudit, type TContext } from './audit';
import type { TDeps } from './deps';
import { AppError, notFound } from './errors';
import type { TTx } from './tx';

/** Work outside the database (removing files) that may run only once a purge has committed. */
export type TAfterPurge = (deps: TDeps) => Promise<void>;

/**
 * A kind of record that goes to the trash instead of being deleted. `dependents` are the rows
 * that hang on it: they leave and come back with it (one deletion id marks them all).
 */
export type TTrashable = {
  entity: string;
  table: string;
  dependents: { table: string; column: string }[];
  /**
   * Called in the purge transaction, before the rows go, whenever rows of `table` are purged (as
   * the entry itself or as another record's dependent); answers what to do after the commit,
   * e.g. remove the files the rows point to. A rolled-back purge must not have lost them.
   */
  onPurge?: (tx: TTx, tenantId: string, deletionId: string) => Promise<TAfterPurge>;
};

const registry = new Map<string, TTrashable>();

/** Registers a kind of trashable record; features call this once at import time. */
export function registerTrashable(def: TTrashable): TTrashable {
  registry.set(def.entity, def);
  return def;
}

export type TTrashItem = {
  id: string;
  label: string;
  ownerUserId?: string | null;
  unitId?: string | null;
  before: unknown;
};

/**
 * Moves records of one kind (the item plus, e.g., its sub-units: `ids`) and what hangs on them
 * to the trash, in the caller's transaction, with one trash entry and one audit entry.
 */
export async function moveToTrash(
  tx: TTx,
  ctx: TContext,
  def: TTrashable,
  item: TTrashItem,
  ids = [item.id],
) {
  const deletionId = randomUUID();
  const tenantId = ctx.actor.tenantId;
  await sql`update ${sql.table(def.table)} set deleted_at = now(), deletion_id = ${deletionId}
    where tenant_id = ${tenantId} and id = any(${ids}::uuid[]) and deleted_at is null`.execute(tx);
  for (const dep of def.dependents) {
    await sql`update ${sql.table(dep.table)} set deleted_at = now(), deletion_id = ${deletionId}
      where tenant_id = ${tenantId} and ${sql.ref(dep.column)} = any(${ids}::uuid[]) and deleted_at is null`.execute(
      tx,
    );
  }
  await tx
    .insertInto('trash')
    .values({
      tenant_id: tenantId,
      id: deletionId,
      entity: def.entity,
      entity_id: item.id,
      label: item.label.slice(0, 300),
      deleted_by: ctx.actor.userId,
      owner_user_id: item.ownerUserId ?? null,
      unit_id: item.unitId ?? null,
    })
    .execute();
  await recordAudit(tx, ctx, {
    entity: def.entity,
    entityId: item.id,
    action: 'delete',
    before: item.before,
    after: { trashId: deletionId, alsoDeleted: ids.filter((i) => i !== item.id) },
    ownerUserIds: [item.ownerUserId ?? null],
    unitId: item.unitId ?? null,
  });
  return deletionId;
}

// The record's table first, then the tables of what hangs on it, each once.
function tablesOf(entity: string): string[] {
  const def = registry.get(entity);
  if (!def) throw notFound('trash entry');
  return [...new Set([def.table, ...def.dependents.map((d) => d.table)])];
}

async function removeEntry(tx: TTx, tenantId: string, id: string) {
  await tx.deleteFrom('trash').where('tenant_id', '=', tenantId).where('id', '=', id).execute();
}

/** Puts a trash entry back: the record and everything that left with it. */
export async function restoreFromTrash(
  tx: TTx,
  ctx: TContext,
  entry: {
    id: string;
    entity: string;
    entity_id: string;
    owner_user_id: string | null;
    unit_id: string | null;
  },
) {
  for (const table of tablesOf(entry.entity)) {
    await sql`update ${sql.table(table)} set deleted_at = null, deletion_id = null
      where tenant_id = ${ctx.actor.tenantId} and deletion_id = ${entry.id}`.execute(tx);
  }
  await removeEntry(tx, ctx.actor.tenantId, entry.id);
  await recordAudit(tx, ctx, {
    entity: entry.entity,
    entityId: entry.entity_id,
    action: 'restore',
    after: { trashId: entry.id },
    ownerUserIds: [entry.owner_user_id],
    unitId: entry.unit_id,
  });
}

// The purge hooks of every kind whose table goes in this purge, run before the rows are deleted.
async function runPurgeHooks(tx: TTx, tenantId: string, deletionId: string, tables: string[]) {
  const after: TAfterPurge[] = [];
  for (const def of registry.values()) {
    if (def.onPurge && tables.includes(def.table)) after.push(await def.onPurge(tx, tenantId, deletionId));
  }
  return after;
}

/**
 * Deletes a trash entry for good; only once it has been in the trash for the retention period
 * (at least 365 days, more when the tenant says so). Answers the work to do once the caller's
 * transaction has committed (see `onPurge`).
 */
export async function purgeFromTrash(
  tx: TTx,
  ctx: TContext,
  entry: { id: string; entity: string; entity_id: string; deleted_at: Date; label: string },
  retentionDays: number | null,
): Promise<TAfterPurge> {
  const tables = tablesOf(entry.entity);
  const from = purgeableFrom(entry.deleted_at, retentionDays ?? MIN_TRASH_RETENTION_DAYS);
  if (from.getTime() > Date.now()) {
    throw new AppError('retention_not_reached', `may be purged from ${from.toISOString()}`);
  }
  const after = await runPurgeHooks(tx, ctx.actor.tenantId, entry.id, tables);
  // What hangs on the record goes first, so that no foreign key points at a deleted row.
  for (const table of tables.reverse()) {
    await sql`delete from ${sql.table(table)} where tenant_id = ${ctx.actor.tenantId} and deletion_id = ${entry.id}`.execute(
      tx,
    );
  }
  await removeEntry(tx, ctx.actor.tenantId, entry.id);
  await recordAudit(tx, ctx, {
    entity: entry.entity,
    entityId: entry.entity_id,
    action: 'purge',
    before: { label: entry.label },
  });
  return async (deps) => {
    for (const run of after) await run(deps);
  };
}

/**
 * The trash entry of one record of a trashable kind, when the record (still in its own table,
 * marked deleted) is inside the scope; for the "restore" routes of each kind.
 */
export async function trashEntryInScope(
  tx: TTx,
  tenantId: string,
  def: TTrashable,
  id: string,
  scope: TScopeFilter,
  columns: TScopeColumns,
) {
  // biome-ignore lint/suspicious/noExplicitAny: the record's table is only known at run time
  const table = def.table as any;
  return (
    tx
      .selectFrom('trash')
      .innerJoin(table, (j) =>
        // biome-ignore lint/suspicious/noExplicitAny: see above
        (j as any)
          .onRef(`${def.table}.tenant_id`, '=', 'trash.tenant_id')
          .onRef(`${def.table}.id`, '=', 'trash.entity_id'),
      )
      .select(['trash.id', 'trash.entity', 'trash.entity_id', 'trash.owner_user_id', 'trash.unit_id'])
      .where('trash.tenant_id', '=', tenantId)
      .where('trash.entity', '=', def.entity)
      .where('trash.entity_id', '=', id)
      // biome-ignore lint/suspicious/noExplicitAny: see above
      .where((eb) => scopeWhere(eb as any, scope, columns))
      .executeTakeFirst()
  );
}
