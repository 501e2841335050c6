import type { TGrant, TPermission } from '@kontor/contracts';
import { describe, expect, it } from 'vitest';
import {
  isAllowedParent,
  limitToKeyScopes,
  mergeGrants,
  subtreeOf,
  unitsInScope,
  widerScope,
  wouldCreateCycle,
} from './scopes';

// region R → branches B1, B2 → teams T1, T2 (below B1), T3 (below B2); T1 has a sub-team T1a
const tree = [
  { id: 'R', parentId: null },
  { id: 'B1', parentId: 'R' },
  { id: 'B2', parentId: 'R' },
  { id: 'T1', parentId: 'B1' },
  { id: 'T2', parentId: 'B1' },
  { id: 'T3', parentId: 'B2' },
  { id: 'T1a', parentId: 'T1' },
];

describe('unitsInScope', () => {
  it.each([
    ['own', 'T1', []],
    ['team', 'T1', ['T1']],
    ['subtree', 'T1', ['T1', 'T1a']],
    ['subtree', 'B1', ['B1', 'T1', 'T1a', 'T2']],
    ['subtree', 'R', ['R', 'B1', 'B2', 'T1', 'T1a', 'T2', 'T3']],
    ['team', null, []],
    ['subtree', null, []],
  ] as const)('%s of a user in %s reaches %j', (scope, unit, expected) => {
    expect(unitsInScope(scope, unit, tree).sort()).toEqual([...expected].sort());
  });
});

describe('widerScope and mergeGrants', () => {
  it.each([
    ['own', 'team', 'team'],
    ['subtree', 'team', 'subtree'],
    ['all', 'own', 'all'],
    ['own', 'own', 'own'],
  ] as const)('%s and %s → %s', (a, b, wider) => {
    expect(widerScope(a, b)).toBe(wider);
  });

  it('folds several roles into the widest scope per permission', () => {
    const grants: TGrant[] = [
      { module: 'clients', action: 'view', scope: 'own' },
      { module: 'clients', action: 'view', scope: 'subtree' },
      { module: 'clients', action: 'edit', scope: 'own' },
      { module: 'cases', action: 'view', scope: 'team' },
    ];
    expect(Object.fromEntries(mergeGrants(grants))).toEqual({
      'clients:view': 'subtree',
      'clients:edit': 'own',
      'cases:view': 'team',
    });
  });

  it('an API key narrows, never widens', () => {
    const merged = mergeGrants([
      { module: 'clients', action: 'view', scope: 'all' },
      { module: 'clients', action: 'edit', scope: 'own' },
    ]);
    expect(
      Object.fromEntries(limitToKeyScopes(merged, ['clients:view', 'users:manage'] as TPermission[])),
    ).toEqual({
      'clients:view': 'all',
    });
    expect(limitToKeyScopes(merged, null)).toBe(merged);
  });
});

describe('the unit tree', () => {
  it.each([
    ['T1', 'T1a', true],
    ['B1', 'T2', true],
    ['T1', 'B2', false],
    ['T3', null, false],
    ['R', 'R', true],
  ] as const)('moving %s below %s closes a cycle: %s', (unit, parent, cycle) => {
    expect(wouldCreateCycle(unit, parent, tree)).toBe(cycle);
  });

  it('lists a subtree even when given in any order', () => {
    expect(subtreeOf('B2', [...tree].reverse()).sort()).toEqual(['B2', 'T3']);
  });

  it.each([
    ['region', null, true],
    ['region', 'region', true],
    ['branch', 'region', true],
    ['branch', null, true],
    ['branch', 'team', false],
    ['team', 'branch', true],
    ['team', 'team', true],
    ['team', null, false],
    ['team', 'region', false],
    ['region', 'branch', false],
  ] as const)('a %s below %s is allowed: %s', (kind, parent, ok) => {
    expect(isAllowedParent(kind, parent)).toBe(ok);
  });
});
