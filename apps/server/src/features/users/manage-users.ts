import { inScope, resolveScope } from '../../platform/access';
import { recordAudit, type TContext } from '../../platform/audit';
import type { TDeps } from '../../platform/deps';
import { AppError, fieldError, notFound } from '../../platform/errors';
import { decodeCursor, page, type TPageQuery } from '../../platform/pagination';
import { moveToTrash, registerTrashable } from '../../platform/trash';
import { inTenant } from '../../platform/tx';
import { parseInput } from '../../platform/validation';
import { findUser, listUsers, missingRoles, setUserRoles, unitExists } from './users.repository';
import { ZMoveUser, ZUpdateUser } from './users.schemas';

export async function listUsersUseCase(
  deps: TDeps,
  ctx: TContext,
  q: TPageQuery & { unitId?: string | undefined },
) {
  const after = decodeCursor(q.cursor);
  return inTenant(deps.database, ctx.actor.tenantId, async (tx) => {
    const scope = await resolveScope(tx, ctx.actor, 'users', 'view');
    const rows = await listUsers(tx, ctx.actor.tenantId, scope, {
      limit: q.limit,
      after: after ? String(after.k) : null,
      unitId: q.unitId,
    });
    return page(rows, q.limit, (u) => ({ k: u.email, id: u.id }));
  });
}

export async function getUserUseCase(deps: TDeps, ctx: TContext, id: string) {
  return inTenant(deps.database, ctx.actor.tenantId, async (tx) => {
    const scope = await resolveScope(tx, ctx.actor, 'users', 'view');
    const user = await findUser(tx, ctx.actor.tenantId, id, scope);
    if (!user) throw notFound('user');
    return user;
  });
}

/** Changes a user's name, language, time zone, status or roles. */
export async function updateUser(deps: TDeps, ctx: TContext, id: string, raw: unknown) {
  const input = parseInput(ZUpdateUser, raw);
  if (input.timeZone) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: input.timeZone });
    } catch {
      throw fieldError('timeZone', 'invalid', `unknown time zone ${input.timeZone}`);
    }
  }
  return inTenant(deps.database, ctx.actor.tenantId, async (tx) => {
    const scope = await resolveScope(tx, ctx.actor, 'users', 'edit');
    const before = await findUser(tx, ctx.actor.tenantId, id, scope);
    if (!before) throw notFound('user');
    if (input.roleIds) {
      // Handing out roles is administration of its own: who may edit users may not make them bosses.
      if (!ctx.actor.permissions.has('roles:manage'))
        throw new AppError('forbidden', 'needs roles:manage to change roles');
      const missing = await missingRoles(tx, ctx.actor.tenantId, input.roleIds);
      if (missing.length > 0) throw fieldError('roleIds', 'unknown', `unknown role ${missing.join(', ')}`);
      await setUserRoles(tx, ctx.actor.tenantId, id, input.roleIds);
    }
    await tx
      .updateTable('users')
      .set({
        ...(input.displayName !== undefined ? { display_name: input.displayName } : {}),
        ...(input.locale !== undefined ? { locale: input.locale } : {}),
        ...(input.timeZone !== undefined ? { time_zone: input.timeZone } : {}),
        ...(input.status !== undefined ? { status: input.status } : {}),
        updated_at: new Date(),
      })
      .where('tenant_id', '=', ctx.actor.tenantId)
      .where('id', '=', id)
      .execute();
    if (input.status === 'disabled') {
      await tx
        .deleteFrom('sessions')
        .where('tenant_id', '=', ctx.actor.tenantId)
        .where('user_id', '=', id)
        .execute();
    }
    const after = (await findUser(tx, ctx.actor.tenantId, id, { all: true }))!;
    await recordAudit(tx, ctx, {
      entity: 'user',
      entityId: id,
      action: 'update',
      before,
      after,
      ownerUserIds: [id],
      unitId: after.unitId,
    });
    return after;
  });
}

/** Moves a user to another unit; the old membership ends and the history keeps both with dates. */
export async function moveUser(deps: TDeps, ctx: TContext, id: string, raw: unknown) {
  const input = parseInput(ZMoveUser, raw);
  const from = input.from ? new Date(input.from) : new Date();
  return inTenant(deps.database, ctx.actor.tenantId, async (tx) => {
    const scope = await resolveScope(tx, ctx.actor, 'users', 'edit');
    const before = await findUser(tx, ctx.actor.tenantId, id, scope);
    if (!before) throw notFound('user');
    if (input.unitId !== null) {
      if (!(await unitExists(tx, ctx.actor.tenantId, input.unitId)))
        throw fieldError('unitId', 'unknown', 'unknown unit');
      if (!inScope(scope, [], input.unitId))
        throw new AppError('forbidden', 'the target unit is outside your scope');
    }
    if (before.unitId === input.unitId) return before;
    await tx
      .updateTable('user_unit_history')
      .set({ valid_to: from })
      .where('tenant_id', '=', ctx.actor.tenantId)
      .where('user_id', '=', id)
      .where('valid_to', 'is', null)
      .execute();
    await tx
      .insertInto('user_unit_history')
      .values({ tenant_id: ctx.actor.tenantId, user_id: id, unit_id: input.unitId, valid_from: from })
      .execute();
    await tx
      .updateTable('users')
      .set({ unit_id: input.unitId, updated_at: new Date() })
      .where('tenant_id', '=', ctx.actor.tenantId)
      .where('id', '=', id)
      .execute();
    const after = (await findUser(tx, ctx.actor.tenantId, id, { all: true }))!;
    await recordAudit(tx, ctx, {
      entity: 'user',
      entityId: id,
      action: 'move',
      before,
      after,
      ownerUserIds: [id],
      unitId: input.unitId,
    });
    return after;
  });
}

/** The units a user belonged to, newest first, with dates. */
export async function userUnitHistory(deps: TDeps, ctx: TContext, id: string) {
  return inTenant(deps.database, ctx.actor.tenantId, async (tx) => {
    const scope = await resolveScope(tx, ctx.actor, 'users', 'view');
    if (!(await findUser(tx, ctx.actor.tenantId, id, scope))) throw notFound('user');
    const rows = await tx
      .selectFrom('user_unit_history')
      .leftJoin('units', (j) =>
        j
          .onRef('units.tenant_id', '=', 'user_unit_history.tenant_id')
          .onRef('units.id', '=', 'user_unit_history.unit_id'),
      )
      .select([
        'user_unit_history.unit_id',
        'units.name',
        'user_unit_history.valid_from',
        'user_unit_history.valid_to',
      ])
      .where('user_unit_history.tenant_id', '=', ctx.actor.tenantId)
      .where('user_unit_history.user_id', '=', id)
      .orderBy('user_unit_history.valid_from', 'desc')
      .execute();
    return rows.map((r) => ({
      unitId: r.unit_id,
      unitName: r.name,
      from: r.valid_from.toISOString(),
      to: r.valid_to?.toISOString() ?? null,
    }));
  });
}

// A user leaves for the trash with the substitutions they are part of; their sessions end and
// their API keys stop working (neither comes back on restore: sign in again, make a new key).
export const USER_TRASH = registerTrashable({
  entity: 'user',
  table: 'users',
  dependents: [
    { table: 'substitutes', column: 'user_id' },
    { table: 'substitutes', column: 'substitute_id' },
  ],
});

/** Moves a user to the trash; nobody may delete themselves. */
export async function deleteUser(deps: TDeps, ctx: TContext, id: string) {
  if (id === ctx.actor.userId) throw new AppError('conflict', 'you cannot delete yourself');
  return inTenant(deps.database, ctx.actor.tenantId, async (tx) => {
    const scope = await resolveScope(tx, ctx.actor, 'users', 'delete');
    const user = await findUser(tx, ctx.actor.tenantId, id, scope);
    if (!user) throw notFound('user');
    await tx
      .deleteFrom('sessions')
      .where('tenant_id', '=', ctx.actor.tenantId)
      .where('user_id', '=', id)
      .execute();
    await tx
      .updateTable('api_keys')
      .set({ revoked_at: new Date() })
      .where('tenant_id', '=', ctx.actor.tenantId)
      .where('user_id', '=', id)
      .where('revoked_at', 'is', null)
      .execute();
    const label = `${user.displayName} <${user.email}>`;
    return {
      trashId: await moveToTrash(tx, ctx, USER_TRASH, {
        id,
        label,
        ownerUserId: id,
        unitId: user.unitId,
        before: user,
      }),
    };
  });
}
