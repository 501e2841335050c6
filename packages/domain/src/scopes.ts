import { SCOPES, type TGrant, type TPermission, type TScope, type TUnitKind } from '@kontor/contracts';

/** The widest of two scopes (`all` > `subtree` > `team` > `own`). */
export function widerScope(a: TScope, b: TScope): TScope {
  return SCOPES.indexOf(a) >= SCOPES.indexOf(b) ? a : b;
}

/** Folds the grants of all of a user's roles into one scope per permission, the widest winning. */
export function mergeGrants(grants: readonly TGrant[]): Map<TPermission, TScope> {
  const merged = new Map<TPermission, TScope>();
  for (const g of grants) {
    const key = `${g.module}:${g.action}` as TPermission;
    const had = merged.get(key);
    merged.set(key, had ? widerScope(had, g.scope) : g.scope);
  }
  return merged;
}

/**
 * Narrows merged grants to what an API key allows: a key never grants more than its user has.
 * `null` scopes mean the key is unrestricted.
 */
export function limitToKeyScopes(
  merged: Map<TPermission, TScope>,
  keyScopes: readonly TPermission[] | null,
): Map<TPermission, TScope> {
  if (keyScopes === null) return merged;
  const allowed = new Set(keyScopes);
  return new Map([...merged].filter(([p]) => allowed.has(p)));
}

export type TUnitNode = { id: string; parentId: string | null };

/** The unit and every unit below it, in a tree given as a flat list. */
export function subtreeOf(unitId: string, units: readonly TUnitNode[]): string[] {
  const children = new Map<string, string[]>();
  for (const u of units) {
    if (u.parentId === null) continue;
    const list = children.get(u.parentId) ?? [];
    list.push(u.id);
    children.set(u.parentId, list);
  }
  const out: string[] = [];
  const seen = new Set<string>();
  const stack = [unitId];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (seen.has(id)) continue; // a cycle cannot exist in the database, but never loop forever
    seen.add(id);
    out.push(id);
    stack.push(...(children.get(id) ?? []));
  }
  return out;
}

/**
 * Which units a scope reaches for an actor. `own` reaches no unit (only the actor's own records),
 * `team` the actor's unit, `subtree` that unit and everything below, `all` is not unit-bound.
 */
export function unitsInScope(
  scope: Exclude<TScope, 'all'>,
  actorUnitId: string | null,
  units: readonly TUnitNode[],
): string[] {
  if (scope === 'own' || actorUnitId === null) return [];
  if (scope === 'team') return [actorUnitId];
  return subtreeOf(actorUnitId, units);
}

/** Would making `parentId` the parent of `unitId` close a cycle? */
export function wouldCreateCycle(unitId: string, parentId: string | null, units: readonly TUnitNode[]) {
  if (parentId === null) return false;
  return subtreeOf(unitId, units).includes(parentId);
}

/** Which kinds of unit may sit directly above a unit of each kind (null: at the top). */
export const ALLOWED_PARENTS: Record<TUnitKind, (TUnitKind | null)[]> = {
  region: [null, 'region'],
  branch: [null, 'region'],
  team: ['branch', 'team'],
};

/** May a unit of `kind` hang below a parent of `parentKind` (null: at the top)? */
export function isAllowedParent(kind: TUnitKind, parentKind: TUnitKind | null): boolean {
  return ALLOWED_PARENTS[kind].includes(parentKind);
}
