// The permission catalogue: modules, the actions a role may grant on them, and the scopes of a grant.
// Later capabilities add their modules here; roles and routes refer to nothing else.

export const MODULES = [
  'clients',
  'cases',
  'activities',
  'tasks',
  'documents',
  'commissions',
  'reports',
  'partners',
  'leads',
  'org',
  'users',
  'roles',
  'substitutes',
  'audit',
  'trash',
  'api_keys',
  'settings',
] as const;
export type TModule = (typeof MODULES)[number];

export const ACTIONS = ['view', 'create', 'edit', 'delete', 'export', 'manage'] as const;
export type TAction = (typeof ACTIONS)[number];

/** Scopes from narrowest to widest: own records, the own unit, the unit subtree, the whole tenant. */
export const SCOPES = ['own', 'team', 'subtree', 'all'] as const;
export type TScope = (typeof SCOPES)[number];

export type TGrant = { module: TModule; action: TAction; scope: TScope };

/** `module:action`, e.g. `users:manage`; what a route needs and what an API key may be limited to. */
export type TPermission = `${TModule}:${TAction}`;

/** Routes that need no grant: open to anyone, or to any signed-in user. */
export type TRoutePermission = TPermission | 'public' | 'authenticated';

export const ALL_PERMISSIONS: TPermission[] = MODULES.flatMap((m) =>
  ACTIONS.map((a) => `${m}:${a}` as TPermission),
);

/** True when `value` names a module and action of the catalogue. */
export function isPermission(value: string): value is TPermission {
  return (ALL_PERMISSIONS as string[]).includes(value);
}

/** Splits `module:action` into its parts. */
export function splitPermission(p: TPermission): { module: TModule; action: TAction } {
  const [module, action] = p.split(':') as [TModule, TAction];
  return { module, action };
}

export const BUILTIN_ROLE_KEYS = [
  'managing_director',
  'unit_lead',
  'advisor',
  'assistant',
  'accounting',
  'auditor',
  'partner',
] as const;
export type TBuiltinRoleKey = (typeof BUILTIN_ROLE_KEYS)[number];

export const UNIT_KINDS = ['region', 'branch', 'team'] as const;
export type TUnitKind = (typeof UNIT_KINDS)[number];
export const BRANCH_KINDS = ['own', 'partner', 'franchise'] as const;
export type TBranchKind = (typeof BRANCH_KINDS)[number];

export const LOCALES = ['de', 'en', 'pl', 'ru'] as const;
export type TLocale = (typeof LOCALES)[number];
