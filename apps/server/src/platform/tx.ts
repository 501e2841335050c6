import { sql, type Transaction } from 'kysely';
import type { DB } from '../generated/db';
import type { TDatabase } from './db';

export type TTx = Transaction<DB>;

// Superusers and roles with BYPASSRLS ignore row-level security even when it is forced, so a
// tenant transaction of such a login drops to the kontor_app role for its duration. A plain login
// that owns the tables is held by FORCE ROW LEVEL SECURITY instead.
const dropPrivileges = new WeakMap<TDatabase, boolean>();

/** Finds out once, after migrating, whether tenant transactions must switch to kontor_app. */
export async function detectRlsMode(database: TDatabase): Promise<void> {
  const r = await sql<{ bypass: boolean; member: boolean }>`
    select (rolsuper or rolbypassrls) as bypass, pg_has_role(current_user, 'kontor_app', 'member') as member
    from pg_roles where rolname = current_user`.execute(database.db);
  const row = r.rows[0];
  if (row?.bypass && !row.member) throw new Error('the database login bypasses row-level security');
  dropPrivileges.set(database, Boolean(row?.bypass));
}

/**
 * Runs `fn` in one transaction bound to a tenant: row-level security admits only that tenant's
 * rows, whatever the queries inside forget. Every use-case runs in exactly one of these.
 */
export async function inTenant<T>(
  database: TDatabase,
  tenantId: string,
  fn: (tx: TTx) => Promise<T>,
): Promise<T> {
  return database.db.transaction().execute(async (tx) => {
    await sql`select set_config('kontor.tenant_id', ${tenantId}, true)`.execute(tx);
    if (dropPrivileges.get(database) ?? true) await sql`set local role kontor_app`.execute(tx);
    return fn(tx);
  });
}

/**
 * Runs `fn` in one transaction that may see every tenant: sign-in before the tenant is known,
 * the job runner, backups. Feature code does not use it.
 */
export async function asSystem<T>(database: TDatabase, fn: (tx: TTx) => Promise<T>): Promise<T> {
  return database.db.transaction().execute(async (tx) => {
    await sql`select set_config('kontor.system', 'on', true)`.execute(tx);
    return fn(tx);
  });
}
