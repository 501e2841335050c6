import { ACTIONS, BUILTIN_ROLE_KEYS, MODULES } from '@kontor/contracts';
import { describe, expect, it } from 'vitest';
import { BUILTIN_ROLES } from './roles';
import { mergeGrants } from './scopes';

const scopeOf = (role: keyof typeof BUILTIN_ROLES, p: string) =>
  mergeGrants(BUILTIN_ROLES[role]).get(p as never);

describe('built-in roles', () => {
  it('exist for every key, each module/action granted at most once', () => {
    for (const key of BUILTIN_ROLE_KEYS) {
      const grants = BUILTIN_ROLES[key];
      const keys = grants.map((g) => `${g.module}:${g.action}`);
      expect(new Set(keys).size, key).toBe(keys.length);
    }
  });

  it('the managing director may do everything, everywhere', () => {
    expect(BUILTIN_ROLES.managing_director).toHaveLength(MODULES.length * ACTIONS.length);
    expect(BUILTIN_ROLES.managing_director.every((g) => g.scope === 'all')).toBe(true);
  });

  it.each([
    ['advisor', 'clients:view', 'own'],
    ['advisor', 'clients:export', undefined],
    ['advisor', 'users:create', undefined],
    ['unit_lead', 'cases:edit', 'subtree'],
    ['unit_lead', 'clients:export', 'subtree'],
    ['assistant', 'clients:edit', 'team'],
    ['assistant', 'clients:delete', undefined],
    ['accounting', 'commissions:manage', 'all'],
    ['accounting', 'clients:edit', undefined],
    ['auditor', 'audit:view', 'all'],
    ['auditor', 'clients:edit', undefined],
    ['partner', 'leads:create', 'own'],
    ['partner', 'users:view', undefined],
  ] as const)('%s has %s with scope %s', (role, permission, scope) => {
    expect(scopeOf(role, permission)).toBe(scope);
  });

  it('the auditor only reads', () => {
    expect(BUILTIN_ROLES.auditor.every((g) => g.action === 'view')).toBe(true);
  });
});
