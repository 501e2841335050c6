import { z } from '@hono/zod-openapi';
import {
  BUILTIN_ROLE_KEYS,
  type TBuiltinRoleKey,
  type TLocale,
  ZEmail,
  ZPassword,
  ZSlug,
} from '@kontor/contracts';
import { BUILTIN_ROLES } from '@kontor/domain';
import { insertAudit } from '../../platform/audit';
import type { TDatabase } from '../../platform/db';
import { AppError } from '../../platform/errors';
import { hashPassword } from '../../platform/security';
import { asSystem, type TTx } from '../../platform/tx';
import { parseInput } from '../../platform/validation';
import { seedDefaultPipelines } from '../pipelines/seed-pipelines';

export const ROLE_NAMES: Record<TBuiltinRoleKey, string> = {
  managing_director: 'Managing director',
  unit_lead: 'Unit lead',
  advisor: 'Advisor',
  assistant: 'Assistant',
  accounting: 'Accounting',
  auditor: 'Auditor (read only)',
  partner: 'Partner',
};

// In @kontor/contracts, so the web app checks a firm, an e-mail and a password as the server does.
export { ZEmail, ZPassword, ZSlug } from '@kontor/contracts';

export const ZCreateTenant = z.object({
  slug: ZSlug,
  name: z.string().trim().min(1).max(200),
  adminEmail: ZEmail,
  adminPassword: ZPassword,
  adminName: z.string().trim().min(1).max(200).optional(),
  locale: z.enum(['de', 'en', 'pl', 'ru']).default('de'),
});
export type TCreateTenant = z.input<typeof ZCreateTenant>;

/** Gives a tenant the built-in roles with their grants. */
export async function seedBuiltinRoles(tx: TTx, tenantId: string): Promise<Map<TBuiltinRoleKey, string>> {
  const ids = new Map<TBuiltinRoleKey, string>();
  for (const key of BUILTIN_ROLE_KEYS) {
    const role = await tx
      .insertInto('roles')
      .values({ tenant_id: tenantId, key, name: ROLE_NAMES[key], builtin: true })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids.set(key, role.id);
    await tx
      .insertInto('role_grants')
      .values(BUILTIN_ROLES[key].map((g) => ({ tenant_id: tenantId, role_id: role.id, ...g })))
      .execute();
  }
  return ids;
}

/** Creates a firm with its built-in roles and its first administrator (a managing director). */
export async function createTenant(database: TDatabase, input: TCreateTenant) {
  const data = parseInput(ZCreateTenant, input);
  const passwordHash = await hashPassword(data.adminPassword);
  return asSystem(database, async (tx) => {
    const taken = await tx
      .selectFrom('tenants')
      .select('id')
      .where('slug', '=', data.slug)
      .executeTakeFirst();
    if (taken)
      throw new AppError('conflict', `a tenant with slug ${data.slug} exists`, [
        { field: 'slug', code: 'taken', message: 'slug is taken' },
      ]);
    const tenant = await tx
      .insertInto('tenants')
      .values({ slug: data.slug, name: data.name, locale: data.locale })
      .returning(['id', 'slug', 'name'])
      .executeTakeFirstOrThrow();
    const roles = await seedBuiltinRoles(tx, tenant.id);
    await seedDefaultPipelines(tx, tenant.id);
    const admin = await tx
      .insertInto('users')
      .values({
        tenant_id: tenant.id,
        email: data.adminEmail,
        display_name: data.adminName ?? data.adminEmail,
        password_hash: passwordHash,
        locale: data.locale as TLocale,
      })
      .returning(['id', 'email'])
      .executeTakeFirstOrThrow();
    await tx
      .insertInto('user_unit_history')
      .values({ tenant_id: tenant.id, user_id: admin.id, unit_id: null })
      .execute();
    await tx
      .insertInto('user_roles')
      .values({ tenant_id: tenant.id, user_id: admin.id, role_id: roles.get('managing_director')! })
      .execute();
    const audit = { tenantId: tenant.id, actorUserId: null, requestId: null, ip: null };
    await insertAudit(tx, {
      ...audit,
      entity: 'tenant',
      entityId: tenant.id,
      action: 'create',
      after: tenant,
    });
    await insertAudit(tx, {
      ...audit,
      entity: 'user',
      entityId: admin.id,
      action: 'create',
      after: { id: admin.id, email: admin.email, roles: ['managing_director'] },
      ownerUserIds: [admin.id],
    });
    return { tenant, admin };
  });
}
