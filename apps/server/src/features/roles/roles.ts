import { z } from '@hono/zod-openapi';
import {
  GRANTS_UNIQUE_ISSUE,
  grantsUnique,
  MAX_GRANTS,
  ZCreateRoleBody,
  ZGrantBody,
  ZUpdateRoleBody,
} from '@kontor/contracts';
import { resolveScope } from '../../platform/access';
import { recordAudit, type TContext } from '../../platform/audit';
import type { TDeps } from '../../platform/deps';
import { AppError, notFound } from '../../platform/errors';
import { iso } from '../../platform/schemas';
import { moveToTrash, registerTrashable } from '../../platform/trash';
import { inTenant, type TTx } from '../../platform/tx';
import { parseInput } from '../../platform/validation';

// The request bodies are @kontor/contracts' (the web app checks the same as the user types),
// rebuilt here so each carries its OpenAPI name; the grants list refers to the named Grant and
// gets its refine back (a refine does not travel with `.shape`).
export const ZGrant = z.object(ZGrantBody.shape).openapi('Grant');

export const ZRole = z
  .object({
    id: z.uuid(),
    key: z.string().nullable(),
    name: z.string(),
    description: z.string(),
    builtin: z.boolean(),
    grants: z.array(ZGrant),
    createdAt: z.string(),
  })
  .openapi('Role');
type TRole = z.infer<typeof ZRole>;

const ZGrants = z.array(ZGrant).max(MAX_GRANTS).refine(grantsUnique, GRANTS_UNIQUE_ISSUE);

export const ZCreateRole = z.object({ ...ZCreateRoleBody.shape, grants: ZGrants }).openapi('CreateRole');
export const ZUpdateRole = z
  .object({ ...ZUpdateRoleBody.shape, grants: ZGrants.optional() })
  .openapi('UpdateRole');

// A role in the trash grants nothing; its grants and assignments stay and return with it.
export const ROLE_TRASH = registerTrashable({ entity: 'role', table: 'roles', dependents: [] });

async function loadRoles(tx: TTx, tenantId: string, id?: string): Promise<TRole[]> {
  let q = tx
    .selectFrom('roles')
    .select(['id', 'key', 'name', 'description', 'builtin', 'created_at'])
    .where('tenant_id', '=', tenantId)
    .where('deleted_at', 'is', null);
  if (id) q = q.where('id', '=', id);
  const roles = await q.orderBy('builtin', 'desc').orderBy('name').execute();
  if (roles.length === 0) return [];
  const grants = await tx
    .selectFrom('role_grants')
    .select(['role_id', 'module', 'action', 'scope'])
    .where('tenant_id', '=', tenantId)
    .where(
      'role_id',
      'in',
      roles.map((r) => r.id),
    )
    .orderBy('module')
    .orderBy('action')
    .execute();
  return roles.map((r) => ({
    id: r.id,
    key: r.key,
    name: r.name,
    description: r.description,
    builtin: r.builtin,
    grants: grants
      .filter((g) => g.role_id === r.id)
      .map((g) => ({ module: g.module, action: g.action, scope: g.scope }) as TRole['grants'][number]),
    createdAt: iso(r.created_at),
  }));
}

export async function listRoles(deps: TDeps, ctx: TContext) {
  return inTenant(deps.database, ctx.actor.tenantId, async (tx) => {
    await resolveScope(tx, ctx.actor, 'roles', 'view');
    return loadRoles(tx, ctx.actor.tenantId);
  });
}

export async function findRole(tx: TTx, tenantId: string, id: string) {
  const [role] = await loadRoles(tx, tenantId, id);
  if (!role) throw notFound('role');
  return role;
}

async function writeGrants(tx: TTx, tenantId: string, roleId: string, grants: z.infer<typeof ZGrants>) {
  await tx
    .deleteFrom('role_grants')
    .where('tenant_id', '=', tenantId)
    .where('role_id', '=', roleId)
    .execute();
  if (grants.length > 0) {
    await tx
      .insertInto('role_grants')
      .values(grants.map((g) => ({ tenant_id: tenantId, role_id: roleId, ...g })))
      .execute();
  }
}

/** A role the tenant defines itself, with its grants. */
export async function createRole(deps: TDeps, ctx: TContext, raw: unknown) {
  const input = parseInput(ZCreateRole, raw);
  return inTenant(deps.database, ctx.actor.tenantId, async (tx) => {
    await resolveScope(tx, ctx.actor, 'roles', 'manage');
    const row = await tx
      .insertInto('roles')
      .values({ tenant_id: ctx.actor.tenantId, name: input.name, description: input.description })
      .returning('id')
      .executeTakeFirstOrThrow();
    await writeGrants(tx, ctx.actor.tenantId, row.id, input.grants);
    const role = await findRole(tx, ctx.actor.tenantId, row.id);
    await recordAudit(tx, ctx, { entity: 'role', entityId: role.id, action: 'create', after: role });
    return role;
  });
}

export async function updateRole(deps: TDeps, ctx: TContext, id: string, raw: unknown) {
  const input = parseInput(ZUpdateRole, raw);
  return inTenant(deps.database, ctx.actor.tenantId, async (tx) => {
    await resolveScope(tx, ctx.actor, 'roles', 'manage');
    const before = await findRole(tx, ctx.actor.tenantId, id);
    if (before.builtin) throw new AppError('builtin_role', 'copy a built-in role to change it');
    await tx
      .updateTable('roles')
      .set({
        ...(input.name !== undefined ? { name: input.name } : {}),
        ...(input.description !== undefined ? { description: input.description } : {}),
        updated_at: new Date(),
      })
      .where('tenant_id', '=', ctx.actor.tenantId)
      .where('id', '=', id)
      .execute();
    if (input.grants) await writeGrants(tx, ctx.actor.tenantId, id, input.grants);
    const after = await findRole(tx, ctx.actor.tenantId, id);
    await recordAudit(tx, ctx, { entity: 'role', entityId: id, action: 'update', before, after });
    return after;
  });
}

export async function deleteRole(deps: TDeps, ctx: TContext, id: string) {
  return inTenant(deps.database, ctx.actor.tenantId, async (tx) => {
    await resolveScope(tx, ctx.actor, 'roles', 'manage');
    const role = await findRole(tx, ctx.actor.tenantId, id);
    if (role.builtin) throw new AppError('builtin_role');
    return { trashId: await moveToTrash(tx, ctx, ROLE_TRASH, { id, label: role.name, before: role }) };
  });
}
