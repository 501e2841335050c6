import type pg from 'pg';

// The raw baselines open transactions the way platform/tx.ts does, statement for statement, so the
// difference to Kontor is the code around the SQL, not the SQL.

async function inTransaction<T>(pool: pg.Pool, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query('begin');
    const result = await fn(client);
    await client.query('commit');
    client.release();
    return result;
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    client.release(true);
    throw error;
  }
}

/** asSystem(): one transaction that may see every tenant. */
export function rawAsSystem<T>(pool: pg.Pool, fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  return inTransaction(pool, async (client) => {
    await client.query(`select set_config('kontor.system', 'on', true)`);
    return fn(client);
  });
}

/** inTenant(): one transaction bound to a tenant, dropped to kontor_app (the bench connects as a superuser). */
export function rawInTenant<T>(
  pool: pg.Pool,
  tenantId: string,
  fn: (client: pg.PoolClient) => Promise<T>,
): Promise<T> {
  return inTransaction(pool, async (client) => {
    await client.query(`select set_config('kontor.tenant_id', $1, true)`, [tenantId]);
    await client.query('set local role kontor_app');
    return fn(client);
  });
}

/** The single row a query must return; throws when there is none. */
export async function one<R extends pg.QueryResultRow>(
  client: pg.PoolClient,
  text: string,
  values: unknown[],
  what: string,
): Promise<R> {
  const row = (await client.query<R>(text, values)).rows[0];
  if (!row) throw new Error(`${what}: no row`);
  return row;
}
