import { z } from '@hono/zod-openapi';
import { type RawBuilder, sql } from 'kysely';
import { resolveScope, scopeWhere, type TScopeFilter } from '../../platform/access';
import type { TContext } from '../../platform/audit';
import type { TDeps } from '../../platform/deps';
import { notFound } from '../../platform/errors';
import { iso } from '../../platform/schemas';
import { inTenant, type TTx } from '../../platform/tx';
import { CASE_SCOPE } from './case-scope';
import { ZMoney } from './cases.schemas';

export const ZBoardQuery = z.object({
  pipelineId: z.uuid(),
  ownerId: z.uuid().optional().openapi({ description: 'Only cases this user owns' }),
  executorId: z.uuid().optional().openapi({ description: 'Only cases this user executes' }),
  perStage: z.coerce.number().int().min(1).max(100).default(20).openapi({ description: 'Cards per column' }),
  closedDays: z.coerce
    .number()
    .int()
    .min(0)
    .max(3650)
    .default(30)
    .openapi({ description: 'Won and lost columns show cases closed within this many days' }),
});

const ZCard = z
  .object({
    id: z.uuid(),
    number: z.string(),
    clientId: z.uuid(),
    clientName: z.string(),
    productKind: z.string(),
    amount: ZMoney.nullable(),
    ownerId: z.uuid(),
    executorId: z.uuid(),
    stageChangedAt: z.string(),
    closedAt: z.string().nullable(),
  })
  .openapi('CaseCard');

export const ZBoard = z
  .object({
    pipeline: z.object({ id: z.uuid(), key: z.string(), name: z.string() }),
    columns: z.array(
      z.object({
        stage: z.object({ key: z.string(), name: z.string(), kind: z.enum(['open', 'won', 'lost']) }),
        count: z.number().int(),
        items: z.array(ZCard),
      }),
    ),
  })
  .openapi('CaseBoard');

/**
 * How many cases of the pipeline each stage holds, in scope: open ones, and those closed since
 * `closedDays`. The scope is CASE_SCOPE (owner, executor or co-executor in scope) written as a
 * union of its three arms, each an index range per user (migration 0009): a branch lead's counts
 * read the branch's open cases of the pipeline from the indexes alone instead of every case in it.
 */
async function countsByStage(
  tx: TTx,
  tenantId: string,
  pipelineId: string,
  scope: TScopeFilter,
  q: z.infer<typeof ZBoardQuery>,
  since: RawBuilder<Date>,
): Promise<Map<string, number>> {
  const filters = sql.join(
    [
      sql`c.tenant_id = ${tenantId}`,
      sql`c.pipeline_id = ${pipelineId}`,
      sql`c.deleted_at is null`,
      ...(q.ownerId ? [sql`c.owner_id = ${q.ownerId}`] : []),
      ...(q.executorId ? [sql`c.executor_id = ${q.executorId}`] : []),
    ],
    sql` and `,
  );
  const arms = (when: RawBuilder<unknown>) => {
    if (scope.all) return [sql`select c.id, c.stage_key from cases c where ${filters} and ${when}`];
    const users = sql`${scope.userIds}::uuid[]`;
    return [
      sql`select c.id, c.stage_key from cases c where ${filters} and ${when} and c.owner_id = any(${users})`,
      sql`select c.id, c.stage_key from cases c where ${filters} and ${when} and c.executor_id = any(${users})`,
      sql`select c.id, c.stage_key from case_co_executors cx
            join cases c on c.tenant_id = cx.tenant_id and c.id = cx.case_id
            where cx.tenant_id = ${tenantId} and cx.user_id = any(${users}) and ${filters} and ${when}`,
    ];
  };
  const all = [...arms(sql`c.closed_at is null`), ...arms(sql`c.closed_at >= ${since}`)];
  const r = await sql<{ stage_key: string; n: number }>`
    select stage_key, count(*)::int as n from (${sql.join(all, sql` union `)}) x group by stage_key`.execute(
    tx,
  );
  return new Map(r.rows.map((row) => [row.stage_key, Number(row.n)]));
}

/**
 * A pipeline as a board: per stage the number of cases in scope and the most recently moved ones.
 * Won and lost columns hold only cases closed within `closedDays`, or the board would fill with
 * years of history.
 */
export async function caseBoard(deps: TDeps, ctx: TContext, q: z.infer<typeof ZBoardQuery>) {
  const tenantId = ctx.actor.tenantId;
  return inTenant(deps.database, tenantId, async (tx) => {
    const scope = await resolveScope(tx, ctx.actor, 'cases', 'view');
    const pipeline = await tx
      .selectFrom('pipelines')
      .select(['id', 'key', 'name'])
      .where('tenant_id', '=', tenantId)
      .where('id', '=', q.pipelineId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (!pipeline) throw notFound('pipeline');
    const stages = await tx
      .selectFrom('pipeline_stages')
      .select(['key', 'name', 'kind'])
      .where('tenant_id', '=', tenantId)
      .where('pipeline_id', '=', pipeline.id)
      .where('deleted_at', 'is', null)
      .orderBy('position')
      .execute();
    const since = sql<Date>`now() - make_interval(days => ${q.closedDays})`;
    // The cases one column shows: in scope, at the stage, and recently closed for won and lost.
    const inColumn = (stageKey: string, kind: string) => {
      let query = tx
        .selectFrom('cases')
        .where('cases.tenant_id', '=', tenantId)
        .where('cases.pipeline_id', '=', pipeline.id)
        .where('cases.stage_key', '=', stageKey)
        .where('cases.deleted_at', 'is', null)
        .where((eb) => scopeWhere(eb, scope, CASE_SCOPE));
      query =
        kind === 'open'
          ? query.where('cases.closed_at', 'is', null)
          : query.where('cases.closed_at', '>=', since);
      if (q.ownerId) query = query.where('cases.owner_id', '=', q.ownerId);
      if (q.executorId) query = query.where('cases.executor_id', '=', q.executorId);
      return query;
    };
    const counts = await countsByStage(tx, tenantId, pipeline.id, scope, q, since);
    const columns = await Promise.all(
      stages.map(async (s) => {
        const rows = await inColumn(s.key, s.kind)
          .innerJoin('clients', (j) =>
            j.onRef('clients.tenant_id', '=', 'cases.tenant_id').onRef('clients.id', '=', 'cases.client_id'),
          )
          .select([
            'cases.id',
            'cases.number',
            'cases.client_id',
            'clients.display_name',
            'cases.product_kind',
            'cases.amount_minor',
            'cases.currency',
            'cases.owner_id',
            'cases.executor_id',
            'cases.stage_changed_at',
            'cases.closed_at',
          ])
          .orderBy(s.kind === 'open' ? 'cases.stage_changed_at' : 'cases.closed_at', 'desc')
          .orderBy('cases.id', 'desc')
          .limit(q.perStage)
          .execute();
        return {
          stage: { key: s.key, name: s.name, kind: s.kind as 'open' | 'won' | 'lost' },
          count: counts.get(s.key) ?? 0,
          items: rows.map((r) => ({
            id: r.id,
            number: r.number,
            clientId: r.client_id,
            clientName: r.display_name,
            productKind: r.product_kind,
            amount:
              r.amount_minor === null || r.currency === null
                ? null
                : { minor: r.amount_minor, currency: r.currency },
            ownerId: r.owner_id,
            executorId: r.executor_id,
            stageChangedAt: iso(r.stage_changed_at),
            closedAt: r.closed_at === null ? null : iso(r.closed_at),
          })),
        };
      }),
    );
    return { pipeline, columns };
  });
}
