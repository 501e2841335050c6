// Request bodies of the firm's organisation (units, users, roles, deputies, API keys), shared by
// the server (which validates them) and the web app (which validates the same way as the user
// types). The server rebuilds each from its shape to give it an OpenAPI name, re-adding the refines
// exported here, since a refine does not travel with `.shape`.
import { z } from 'zod';
import { ZEmail, ZPassword } from './auth';
import {
  ACTIONS,
  ALL_PERMISSIONS,
  BRANCH_KINDS,
  LOCALES,
  MODULES,
  SCOPES,
  type TPermission,
  UNIT_KINDS,
} from './permissions';

const ZUnitName = z.string().trim().min(1).max(200);

export const ZCreateUnitBody = z.object({
  parentId: z.uuid().nullable().default(null),
  kind: z.enum(UNIT_KINDS),
  branchKind: z
    .enum(BRANCH_KINDS)
    .optional()
    .meta({ description: 'Required for branches: own, partner or franchise' }),
  name: ZUnitName,
});
export type TCreateUnitBody = z.input<typeof ZCreateUnitBody>;

export const ZUpdateUnitBody = z
  .object({ parentId: z.uuid().nullable(), branchKind: z.enum(BRANCH_KINDS), name: ZUnitName })
  .partial();
export type TUpdateUnitBody = z.input<typeof ZUpdateUnitBody>;

export const USER_STATUSES = ['active', 'disabled'] as const;
const ZDisplayName = z.string().trim().min(1).max(200);
const ZTimeZone = z.string().min(1).max(64);
const ZRoleIds = z.array(z.uuid()).min(1).max(20);

export const ZCreateUserBody = z.object({
  email: ZEmail,
  password: ZPassword,
  displayName: ZDisplayName.optional(),
  locale: z.enum(LOCALES).default('de'),
  timeZone: ZTimeZone.default('Europe/Berlin'),
  unitId: z.uuid().nullable().default(null),
  roleIds: ZRoleIds,
});
export type TCreateUserBody = z.input<typeof ZCreateUserBody>;

export const ZUpdateUserBody = z
  .object({
    displayName: ZDisplayName,
    locale: z.enum(LOCALES),
    timeZone: ZTimeZone,
    status: z.enum(USER_STATUSES),
    roleIds: ZRoleIds,
  })
  .partial();
export type TUpdateUserBody = z.input<typeof ZUpdateUserBody>;

export const ZMoveUserBody = z.object({
  unitId: z.uuid().nullable(),
  from: z.iso
    .datetime({ offset: true })
    .optional()
    .meta({ description: 'When the move takes effect (default now)' }),
});

export const ZGrantBody = z.object({
  module: z.enum(MODULES),
  action: z.enum(ACTIONS),
  scope: z.enum(SCOPES),
});
export type TGrantBody = z.infer<typeof ZGrantBody>;

/** Each module and action at most once in a role: the server re-adds this refine on its schema. */
export function grantsUnique(gs: { module: string; action: string }[]): boolean {
  return new Set(gs.map((g) => `${g.module}:${g.action}`)).size === gs.length;
}
export const GRANTS_UNIQUE_ISSUE = 'each module and action once';
export const MAX_GRANTS = MODULES.length * ACTIONS.length;

export const ZGrantsBody = z.array(ZGrantBody).max(MAX_GRANTS).refine(grantsUnique, GRANTS_UNIQUE_ISSUE);
const ZRoleName = z.string().trim().min(1).max(100);
const ZRoleDescription = z.string().max(1000);

export const ZCreateRoleBody = z.object({
  name: ZRoleName,
  description: ZRoleDescription.default(''),
  grants: ZGrantsBody,
});
export const ZUpdateRoleBody = z
  .object({ name: ZRoleName, description: ZRoleDescription, grants: ZGrantsBody })
  .partial();

export const ZCreateSubstituteShape = z.object({
  userId: z.uuid().optional().meta({ description: 'The absent user (default: yourself)' }),
  substituteId: z.uuid(),
  startsOn: z.iso.date(),
  endsOn: z.iso.date(),
  note: z.string().max(500).default(''),
});
/** A deputy's range cannot end before it starts: the server re-adds this refine on its schema. */
export function rangeInOrder(s: { startsOn: string; endsOn: string }): boolean {
  return s.endsOn >= s.startsOn;
}
export const RANGE_ORDER_ISSUE = { path: ['endsOn'], message: 'ends before it starts' };
export const ZCreateSubstituteBody = ZCreateSubstituteShape.refine(rangeInOrder, RANGE_ORDER_ISSUE);
export type TCreateSubstituteBody = z.input<typeof ZCreateSubstituteBody>;

export const ZCreateApiKeyBody = z.object({
  name: z.string().trim().min(1).max(100),
  userId: z.uuid().optional().meta({ description: 'Acts as this user (default: yourself)' }),
  scopes: z
    .array(z.enum(ALL_PERMISSIONS as [TPermission, ...TPermission[]]))
    .max(ALL_PERMISSIONS.length)
    .nullable()
    .default(null),
  expiresAt: z.iso.datetime({ offset: true }).nullable().default(null),
});
export type TCreateApiKeyBody = z.input<typeof ZCreateApiKeyBody>;
