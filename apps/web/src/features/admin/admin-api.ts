// The administration endpoints the screens use, with the shapes the server answers
// (apps/server/src/features/{units,users,roles,substitutes,api-keys,pipelines,custom-fields}).
import {
  ACTIONS,
  BRANCH_KINDS,
  CONTROL_MODES,
  CUSTOM_FIELD_ENTITIES,
  CUSTOM_FIELD_TYPES,
  LOCALES,
  MODULES,
  PRODUCT_KINDS,
  SCOPES,
  STAGE_KINDS,
  type TAction,
  type TControlMode,
  type TCustomFieldEntity,
  type TCustomFieldType,
  type TModule,
  type TProductKind,
  type TScope,
  type TStageKind,
  UNIT_KINDS,
  type ZStageFieldBody,
  type ZStageInputBody,
} from '@kontor/contracts';
import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../lib/api';

export type { TControlMode, TCustomFieldEntity, TCustomFieldType, TProductKind, TStageKind };
export {
  ACTIONS,
  BRANCH_KINDS,
  CONTROL_MODES,
  CUSTOM_FIELD_ENTITIES,
  CUSTOM_FIELD_TYPES,
  LOCALES,
  MODULES,
  PRODUCT_KINDS,
  SCOPES,
  STAGE_KINDS,
  UNIT_KINDS,
};
export type TLocaleCode = (typeof LOCALES)[number];
export type TUnitKind = (typeof UNIT_KINDS)[number];
export type TBranchKind = (typeof BRANCH_KINDS)[number];

export type TUnit = {
  id: string;
  parentId: string | null;
  kind: TUnitKind;
  branchKind: TBranchKind | null;
  name: string;
  createdAt: string;
};

export type TUser = {
  id: string;
  email: string;
  displayName: string;
  locale: TLocaleCode;
  timeZone: string;
  unitId: string | null;
  status: 'active' | 'disabled';
  roles: { id: string; key: string | null; name: string }[];
  secondFactor: boolean;
  lockedUntil: string | null;
  createdAt: string;
};

export type TGrant = { module: TModule; action: TAction; scope: TScope };
export type TRole = {
  id: string;
  key: string | null;
  name: string;
  description: string;
  builtin: boolean;
  grants: TGrant[];
  createdAt: string;
};

export type TSubstitute = {
  id: string;
  userId: string;
  substituteId: string;
  startsOn: string;
  endsOn: string;
  note: string;
  active: boolean;
  createdAt: string;
};

export type TApiKey = {
  id: string;
  name: string;
  userId: string;
  prefix: string;
  scopes: string[] | null;
  expiresAt: string | null;
  revokedAt: string | null;
  lastUsedAt: string | null;
  createdAt: string;
};

// What the server answers is what it was sent, with the defaults filled in and each stage's position.
export type TStageField = z.output<typeof ZStageFieldBody>;
export type TStage = z.output<typeof ZStageInputBody> & { position: number };
export type TPipeline = {
  id: string;
  key: string;
  name: string;
  productKind: TProductKind;
  controlMode: TControlMode;
  isDefault: boolean;
  position: number;
  stages: TStage[];
  lossReasons: { key: string; name: string }[];
  createdAt: string;
  updatedAt: string;
};

export type TCustomField = {
  id: string;
  entity: TCustomFieldEntity;
  key: string;
  label: string;
  type: TCustomFieldType;
  options: string[];
  required: boolean;
  position: number;
  createdAt: string;
};

/**
 * The case's own fields a stage may require, as the server checks them (caseValues in
 * apps/server/src/features/cases/move-case-stage.ts); case custom fields come on top.
 */
export const CASE_FIELDS = [
  'amount',
  'purpose',
  'term',
  'lender',
  'product',
  'propertyValue',
  'platformReference',
] as const;

type TList<T> = { items: T[]; nextCursor: string | null };

export const adminKeys = {
  units: ['admin', 'units'] as const,
  users: ['admin', 'users'] as const,
  roles: ['admin', 'roles'] as const,
  substitutes: ['admin', 'substitutes'] as const,
  apiKeys: ['admin', 'api-keys'] as const,
  pipelines: ['admin', 'pipelines'] as const,
  customFields: ['admin', 'custom-fields'] as const,
};

export const pipelinesQuery = queryOptions({
  queryKey: adminKeys.pipelines,
  queryFn: async () => (await api<TList<TPipeline>>('/pipelines')).items,
});

export const customFieldsQuery = queryOptions({
  queryKey: adminKeys.customFields,
  queryFn: async () => (await api<TList<TCustomField>>('/custom-fields')).items,
});

/** A stable snake_case key from a name as typed: `Contract signing` → `contract_signing`. */
export function snakeKey(name: string): string {
  const ascii = name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .replace(/[łŁ]/g, 'l')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^[^a-z]+/, '')
    .replace(/_+$/, '');
  return ascii.slice(0, 63).replace(/_+$/, '');
}

export const unitsQuery = queryOptions({
  queryKey: adminKeys.units,
  queryFn: async () => (await api<TList<TUnit>>('/units')).items,
});

/** Every user within scope: the server pages by 200 at most, so the pages are followed. */
export const usersQuery = queryOptions({
  queryKey: adminKeys.users,
  queryFn: async () => {
    const all: TUser[] = [];
    let cursor: string | null = null;
    do {
      const suffix: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
      const page: TList<TUser> = await api<TList<TUser>>(`/users?limit=200${suffix}`);
      all.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return all;
  },
});

export const rolesQuery = queryOptions({
  queryKey: adminKeys.roles,
  queryFn: async () => (await api<TList<TRole>>('/roles')).items,
});

export const substitutesQuery = queryOptions({
  queryKey: adminKeys.substitutes,
  queryFn: async () => (await api<TList<TSubstitute>>('/substitutes')).items,
});

export const apiKeysQuery = queryOptions({
  queryKey: adminKeys.apiKeys,
  queryFn: async () => (await api<TList<TApiKey>>('/api-keys')).items,
});

/** The units as a tree in display order: each with its depth, children after their parent. */
export function flattenTree(units: TUnit[]): { unit: TUnit; depth: number }[] {
  const known = new Set(units.map((u) => u.id));
  const children = new Map<string | null, TUnit[]>();
  for (const u of units) {
    // A unit whose parent lies outside the user's scope is shown as a root.
    const key = u.parentId && known.has(u.parentId) ? u.parentId : null;
    children.set(key, [...(children.get(key) ?? []), u]);
  }
  const out: { unit: TUnit; depth: number }[] = [];
  const walk = (parent: string | null, depth: number) => {
    const list = (children.get(parent) ?? []).sort((a, b) => a.name.localeCompare(b.name));
    for (const u of list) {
      out.push({ unit: u, depth });
      walk(u.id, depth + 1);
    }
  };
  walk(null, 0);
  return out;
}

/** The ids of a unit and everything below it: where it may not be moved to. */
export function subtreeOf(units: TUnit[], id: string): Set<string> {
  const out = new Set([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const u of units) {
      if (u.parentId && out.has(u.parentId) && !out.has(u.id)) {
        out.add(u.id);
        grew = true;
      }
    }
  }
  return out;
}
