import { resolveScope } from '../../platform/access';
import { insertAudit, type TContext, type TRawAudit } from '../../platform/audit';
import type { TDatabase } from '../../platform/db';
import type { TDeps } from '../../platform/deps';
import { AppError, fieldError } from '../../platform/errors';
import { hashPassword } from '../../platform/security';
import { asSystem, inTenant, type TTx } from '../../platform/tx';
import { parseInput } from '../../platform/validation';
import { findUser, missingRoles, setUserRoles, unitExists } from './users.repository';
import { type TCreateUser, ZCreateUser } from './users.schemas';

type TWho = Omit<TRawAudit, 'entity' | 'entityId' | 'action'>;

async function insertUser(tx: TTx, tenantId: string, input: TCreateUser, passwordHash: string, who: TWho) {
  const missing = await missingRoles(tx, tenantId, input.roleIds);
  if (missing.length > 0) throw fieldError('roleIds', 'unknown', `unknown role ${missing.join(', ')}`);
  if (input.unitId && !(await unitExists(tx, tenantId, input.unitId))) {
    throw fieldError('unitId', 'unknown', 'unknown unit');
  }
  const taken = await tx
    .selectFrom('users')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('email', '=', input.email)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (taken)
    throw new AppError('conflict', 'a user with this e-mail exists', [
      { field: 'email', code: 'taken', message: 'e-mail is taken' },
    ]);
  const user = await tx
    .insertInto('users')
    .values({
      tenant_id: tenantId,
      email: input.email,
      display_name: input.displayName ?? input.email,
      password_hash: passwordHash,
      locale: input.locale,
      time_zone: input.timeZone,
      unit_id: input.unitId,
    })
    .returning(['id', 'email', 'display_name', 'unit_id'])
    .executeTakeFirstOrThrow();
  await tx
    .insertInto('user_unit_history')
    .values({ tenant_id: tenantId, user_id: user.id, unit_id: input.unitId })
    .execute();
  await setUserRoles(tx, tenantId, user.id, input.roleIds);
  await insertAudit(tx, {
    ...who,
    entity: 'user',
    entityId: user.id,
    action: 'create',
    after: { ...user, roleIds: input.roleIds },
    ownerUserIds: [user.id],
    unitId: user.unit_id,
  });
  return user.id;
}

function assertValidTimeZone(tz: string) {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
  } catch {
    throw fieldError('timeZone', 'invalid', `unknown time zone ${tz}`);
  }
}

/** Creates a user in the actor's tenant; a limited scope may only place users in units it reaches. */
export async function createUser(deps: TDeps, ctx: TContext, raw: unknown) {
  const input = parseInput(ZCreateUser, raw);
  assertValidTimeZone(input.timeZone);
  const passwordHash = await hashPassword(input.password);
  return inTenant(deps.database, ctx.actor.tenantId, async (tx) => {
    const scope = await resolveScope(tx, ctx.actor, 'users', 'create');
    if (!scope.all && (input.unitId === null || !scope.unitIds.includes(input.unitId))) {
      throw new AppError('forbidden', 'you may create users only in units within your scope');
    }
    const id = await insertUser(tx, ctx.actor.tenantId, input, passwordHash, {
      tenantId: ctx.actor.tenantId,
      actorUserId: ctx.actor.userId,
      apiKeyId: ctx.actor.apiKeyId,
      requestId: ctx.requestId,
      ip: ctx.ip,
    });
    return (await findUser(tx, ctx.actor.tenantId, id, { all: true }))!;
  });
}

/** `kontor user create`: roles by key or name, the unit by name or id. */
export async function createUserFromCli(
  database: TDatabase,
  args: { tenant: string; email: string; password: string; role: string[]; unit?: string; name?: string },
) {
  const tenant = await asSystem(database, (tx) =>
    tx.selectFrom('tenants').select('id').where('slug', '=', args.tenant).executeTakeFirst(),
  );
  if (!tenant) throw fieldError('tenant', 'unknown', `no tenant with slug ${args.tenant}`);
  return inTenant(database, tenant.id, async (tx) => {
    const roleIds: string[] = [];
    for (const r of args.role) {
      const role = await tx
        .selectFrom('roles')
        .select('id')
        .where('tenant_id', '=', tenant.id)
        .where('deleted_at', 'is', null)
        .where((eb) => eb.or([eb('key', '=', r), eb(eb.fn('lower', ['name']), '=', r.toLowerCase())]))
        .executeTakeFirst();
      if (!role)
        throw fieldError(
          'role',
          'unknown',
          `no role ${r} (built-in keys: managing_director, unit_lead, advisor, assistant, accounting, auditor, partner)`,
        );
      roleIds.push(role.id);
    }
    let unitId: string | null = null;
    if (args.unit) {
      const units = await tx
        .selectFrom('units')
        .select('id')
        .where('tenant_id', '=', tenant.id)
        .where('deleted_at', 'is', null)
        .where((eb) => eb.or([eb(eb.cast('id', 'text'), '=', args.unit!), eb('name', '=', args.unit!)]))
        .execute();
      if (units.length !== 1)
        throw fieldError('unit', units.length ? 'ambiguous' : 'unknown', `no single unit ${args.unit}`);
      unitId = units[0]!.id;
    }
    const input = parseInput(ZCreateUser, {
      email: args.email,
      password: args.password,
      displayName: args.name,
      unitId,
      roleIds,
    });
    const id = await insertUser(tx, tenant.id, input, await hashPassword(input.password), {
      tenantId: tenant.id,
      actorUserId: null,
      requestId: null,
      ip: null,
    });
    return { id, email: input.email };
  });
}
