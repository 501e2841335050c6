import {
  ACTIONS,
  MODULES,
  type TAction,
  type TBuiltinRoleKey,
  type TGrant,
  type TModule,
  type TScope,
} from '@kontor/contracts';

const BUSINESS: TModule[] = ['clients', 'cases', 'activities', 'tasks', 'documents', 'leads', 'partners'];

function grant(modules: TModule[], actions: readonly TAction[], scope: TScope): TGrant[] {
  return modules.flatMap((module) => actions.map((action) => ({ module, action, scope })));
}

const WORK: TAction[] = ['view', 'create', 'edit', 'delete'];

/** What each built-in role grants; a tenant starts with these and may define its own roles beside them. */
export const BUILTIN_ROLES: Record<TBuiltinRoleKey, TGrant[]> = {
  managing_director: grant([...MODULES], ACTIONS, 'all'),
  unit_lead: [
    ...grant(BUSINESS, [...WORK, 'export'], 'subtree'),
    ...grant(['commissions', 'reports'], ['view', 'export'], 'subtree'),
    ...grant(['org', 'users', 'substitutes', 'audit'], ['view'], 'subtree'),
    ...grant(['substitutes'], ['create', 'edit', 'delete'], 'subtree'),
    ...grant(['trash'], ['view', 'edit'], 'subtree'),
  ],
  advisor: [
    ...grant(BUSINESS, WORK, 'own'),
    ...grant(['commissions'], ['view'], 'own'),
    ...grant(['org'], ['view'], 'all'),
    ...grant(['users'], ['view'], 'team'),
    ...grant(['substitutes'], ['view', 'create', 'edit', 'delete'], 'own'),
    ...grant(['audit', 'trash'], ['view'], 'own'),
    ...grant(['trash'], ['edit'], 'own'),
  ],
  assistant: [
    ...grant(BUSINESS, ['view', 'create', 'edit'], 'team'),
    ...grant(['org'], ['view'], 'all'),
    ...grant(['users', 'audit'], ['view'], 'team'),
    ...grant(['substitutes'], ['view', 'create', 'edit', 'delete'], 'own'),
  ],
  accounting: [
    ...grant(['commissions'], ACTIONS, 'all'),
    ...grant(['reports'], ['view', 'export'], 'all'),
    ...grant(['clients', 'cases', 'partners'], ['view'], 'all'),
    ...grant(['org', 'users', 'audit'], ['view'], 'all'),
    ...grant(['substitutes'], ['view', 'create', 'edit', 'delete'], 'own'),
  ],
  auditor: grant([...MODULES], ['view'], 'all'),
  partner: [...grant(['leads'], ['view', 'create'], 'own'), ...grant(['clients', 'cases'], ['view'], 'own')],
};
