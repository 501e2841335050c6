import { randomUUID } from 'node:crypto';
import type { TTestApp } from './app';

/**
 * A case written straight into the database (for tests of features that hang on cases); the
 * cases API does the same with numbering, audit and checks.
 */
export async function insertCase(
  t: TTestApp,
  tenantId: string,
  c: {
    clientId: string;
    ownerId: string;
    executorId?: string;
    coExecutorIds?: string[];
    productKind?: string;
  },
) {
  const db = t.database.db;
  const pipeline = await db
    .selectFrom('pipelines')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('product_kind', '=', c.productKind ?? 'mortgage')
    .where('is_default', '=', true)
    .executeTakeFirstOrThrow();
  const stage = await db
    .selectFrom('pipeline_stages')
    .select('key')
    .where('tenant_id', '=', tenantId)
    .where('pipeline_id', '=', pipeline.id)
    .orderBy('position')
    .executeTakeFirstOrThrow();
  const id = randomUUID();
  await db
    .insertInto('cases')
    .values({
      tenant_id: tenantId,
      id,
      number: `T-${id.slice(0, 8)}`,
      client_id: c.clientId,
      product_kind: c.productKind ?? 'mortgage',
      pipeline_id: pipeline.id,
      stage_key: stage.key,
      owner_id: c.ownerId,
      executor_id: c.executorId ?? c.ownerId,
    })
    .execute();
  for (const userId of c.coExecutorIds ?? []) {
    await db
      .insertInto('case_co_executors')
      .values({ tenant_id: tenantId, case_id: id, user_id: userId })
      .execute();
  }
  return id;
}
