import { z } from '@hono/zod-openapi';
import { LOCALES } from '@kontor/contracts';
import { ZEmail, ZPassword } from '../tenants/create-tenant';

export const ZUser = z
  .object({
    id: z.uuid(),
    email: z.string(),
    displayName: z.string(),
    locale: z.enum(LOCALES),
    timeZone: z.string(),
    unitId: z.uuid().nullable(),
    status: z.enum(['active', 'disabled']),
    roles: z.array(z.object({ id: z.uuid(), key: z.string().nullable(), name: z.string() })),
    secondFactor: z.boolean(),
    lockedUntil: z.string().nullable(),
    createdAt: z.string(),
  })
  .openapi('User');
export type TUser = z.infer<typeof ZUser>;

export const ZCreateUser = z
  .object({
    email: ZEmail,
    password: ZPassword,
    displayName: z.string().trim().min(1).max(200).optional(),
    locale: z.enum(LOCALES).default('de'),
    timeZone: z.string().min(1).max(64).default('Europe/Berlin'),
    unitId: z.uuid().nullable().default(null),
    roleIds: z.array(z.uuid()).min(1).max(20),
  })
  .openapi('CreateUser');
export type TCreateUser = z.output<typeof ZCreateUser>;

export const ZUpdateUser = z
  .object({
    displayName: z.string().trim().min(1).max(200),
    locale: z.enum(LOCALES),
    timeZone: z.string().min(1).max(64),
    status: z.enum(['active', 'disabled']),
    roleIds: z.array(z.uuid()).min(1).max(20),
  })
  .partial()
  .openapi('UpdateUser');

export const ZMoveUser = z
  .object({
    unitId: z.uuid().nullable(),
    from: z.iso
      .datetime({ offset: true })
      .optional()
      .openapi({ description: 'When the move takes effect (default now)' }),
  })
  .openapi('MoveUser');
