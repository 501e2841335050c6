import { z } from '@hono/zod-openapi';
import { RANGE_ORDER_ISSUE, rangeInOrder, ZCreateSubstituteShape } from '@kontor/contracts';
import { sql } from 'kysely';
import { inScope, resolveScope, scopeWhere, type TScopeFilter } from '../../platform/access';
import { recordAudit, type TContext } from '../../platform/audit';
import type { TDeps } from '../../platform/deps';
import { AppError, fieldError, notFound } from '../../platform/errors';
import { iso } from '../../platform/schemas';
import { moveToTrash, registerTrashable } from '../../platform/trash';
import { inTenant, type TTx } from '../../platform/tx';
import { parseInput } from '../../platform/validation';

export const ZSubstitute = z
  .object({
    id: z.uuid(),
    userId: z.uuid().openapi({ description: 'The absent user' }),
    substituteId: z.uuid().openapi({ description: 'The deputy who works their records' }),
    startsOn: z.string(),
    endsOn: z.string(),
    note: z.string(),
    active: z.boolean(),
    createdAt: z.string(),
  })
  .openapi('Substitute');
type TSubstitute = z.infer<typeof ZSubstitute>;

// The request body is @kontor/contracts' (the web app checks the same as the user types), rebuilt
// here to carry its OpenAPI name, with its refine re-added (it does not travel with `.shape`).
export const ZCreateSubstitute = z
  .object(ZCreateSubstituteShape.shape)
  .refine(rangeInOrder, RANGE_ORDER_ISSUE)
  .openapi('CreateSubstitute');

export const SUBSTITUTE_TRASH = registerTrashable({
  entity: 'substitute',
  table: 'substitutes',
  dependents: [],
});

// A substitution belongs to the absent user: it is in scope when they are.
const SCOPE = { users: ['substitutes.user_id'] };

function query(tx: TTx, tenantId: string, scope: TScopeFilter) {
  return tx
    .selectFrom('substitutes')
    .select(['id', 'user_id', 'substitute_id', 'starts_on', 'ends_on', 'note', 'created_at'])
    .select(sql<boolean>`current_date between starts_on and ends_on`.as('active'))
    .where('tenant_id', '=', tenantId)
    .where('deleted_at', 'is', null)
    .where((eb) => scopeWhere(eb, scope, SCOPE));
}

type TRow = Awaited<ReturnType<ReturnType<typeof query>['executeTakeFirstOrThrow']>>;
const toSubstitute = (r: TRow): TSubstitute => ({
  id: r.id,
  userId: r.user_id,
  substituteId: r.substitute_id,
  startsOn: r.starts_on,
  endsOn: r.ends_on,
  note: r.note,
  active: Boolean(r.active),
  createdAt: iso(r.created_at),
});

export async function listSubstitutes(deps: TDeps, ctx: TContext) {
  return inTenant(deps.database, ctx.actor.tenantId, async (tx) => {
    const scope = await resolveScope(tx, ctx.actor, 'substitutes', 'view');
    const rows = await query(tx, ctx.actor.tenantId, scope)
      .orderBy('starts_on', 'desc')
      .orderBy('id')
      .limit(500)
      .execute();
    return rows.map(toSubstitute);
  });
}

/** Names a deputy for a date range; the absent user must be within the actor's scope. */
export async function createSubstitute(deps: TDeps, ctx: TContext, raw: unknown) {
  const input = parseInput(ZCreateSubstitute, raw);
  const userId = input.userId ?? ctx.actor.userId;
  if (userId === input.substituteId)
    throw fieldError('substituteId', 'self', 'a user cannot substitute themselves');
  return inTenant(deps.database, ctx.actor.tenantId, async (tx) => {
    const scope = await resolveScope(tx, ctx.actor, 'substitutes', 'create');
    if (!inScope(scope, [userId], null))
      throw new AppError('forbidden', 'you may name substitutes only for users in your scope');
    const users = await tx
      .selectFrom('users')
      .select('id')
      .where('tenant_id', '=', ctx.actor.tenantId)
      .where('id', 'in', [userId, input.substituteId])
      .where('deleted_at', 'is', null)
      .execute();
    if (!users.some((u) => u.id === userId)) throw fieldError('userId', 'unknown', 'unknown user');
    if (!users.some((u) => u.id === input.substituteId))
      throw fieldError('substituteId', 'unknown', 'unknown user');
    const row = await tx
      .insertInto('substitutes')
      .values({
        tenant_id: ctx.actor.tenantId,
        user_id: userId,
        substitute_id: input.substituteId,
        starts_on: input.startsOn,
        ends_on: input.endsOn,
        note: input.note,
        created_by: ctx.actor.userId,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const created = toSubstitute(
      await query(tx, ctx.actor.tenantId, { all: true }).where('id', '=', row.id).executeTakeFirstOrThrow(),
    );
    await recordAudit(tx, ctx, {
      entity: 'substitute',
      entityId: row.id,
      action: 'create',
      after: created,
      ownerUserIds: [userId],
    });
    return created;
  });
}

export async function deleteSubstitute(deps: TDeps, ctx: TContext, id: string) {
  return inTenant(deps.database, ctx.actor.tenantId, async (tx) => {
    const scope = await resolveScope(tx, ctx.actor, 'substitutes', 'delete');
    const row = await query(tx, ctx.actor.tenantId, scope).where('id', '=', id).executeTakeFirst();
    if (!row) throw notFound('substitute');
    const s = toSubstitute(row);
    const label = `${s.startsOn} – ${s.endsOn}`;
    return {
      trashId: await moveToTrash(tx, ctx, SUBSTITUTE_TRASH, { id, label, ownerUserId: s.userId, before: s }),
    };
  });
}
