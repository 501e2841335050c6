// Creating a unit, and changing one (rename, move under another parent, branch kind). What was
// typed stays in the form when the server refuses it; its field errors show at their fields.
import { Button, Group, NativeSelect, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiErrorOf, FormError } from '../../components/FormError';
import { api } from '../../lib/api';
import {
  adminKeys,
  BRANCH_KINDS,
  flattenTree,
  subtreeOf,
  type TBranchKind,
  type TUnit,
  type TUnitKind,
  UNIT_KINDS,
} from './admin-api';

type TProps = { units: TUnit[]; unit?: TUnit; onDone?: () => void };

export function UnitForm({ units, unit, onDone }: TProps) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [name, setName] = useState(unit?.name ?? '');
  const [kind, setKind] = useState<TUnitKind>(unit?.kind ?? 'region');
  const [branchKind, setBranchKind] = useState<TBranchKind>(unit?.branchKind ?? 'own');
  const [parentId, setParentId] = useState(unit?.parentId ?? '');
  const save = useMutation({
    mutationFn: () => {
      const parent = parentId === '' ? null : parentId;
      if (unit) {
        const body = {
          name,
          ...(parent !== unit.parentId ? { parentId: parent } : {}),
          ...(unit.kind === 'branch' ? { branchKind } : {}),
        };
        return api<TUnit>(`/units/${unit.id}`, { method: 'PATCH', body });
      }
      const body = { name, kind, parentId: parent, ...(kind === 'branch' ? { branchKind } : {}) };
      return api<TUnit>('/units', { method: 'POST', body });
    },
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: adminKeys.units });
      if (!unit) setName('');
      onDone?.();
    },
  });
  const error = apiErrorOf(save.error);
  // A unit cannot move below itself or its own descendants.
  const blocked = unit ? subtreeOf(units, unit.id) : new Set<string>();
  const parents = [
    { value: '', label: t('admin.units.top') },
    ...flattenTree(units)
      .filter(({ unit: u }) => !blocked.has(u.id))
      .map(({ unit: u, depth }) => ({ value: u.id, label: `${'· '.repeat(depth)}${u.name}` })),
  ];
  const effectiveKind = unit?.kind ?? kind;
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  const label = unit ? t('admin.units.editOf', { name: unit.name }) : t('admin.units.new');
  return (
    <form onSubmit={submit} aria-label={label}>
      <Stack gap="sm">
        <TextInput
          label={t('admin.units.name')}
          required
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={error?.fieldMessage('name')}
        />
        {unit ? null : (
          <NativeSelect
            label={t('admin.units.kind')}
            value={kind}
            onChange={(e) => setKind(e.currentTarget.value as TUnitKind)}
            data={UNIT_KINDS.map((k) => ({ value: k, label: t(`admin.units.kinds.${k}`) }))}
            error={error?.fieldMessage('kind')}
          />
        )}
        {effectiveKind === 'branch' ? (
          <NativeSelect
            label={t('admin.units.branchKind')}
            value={branchKind}
            onChange={(e) => setBranchKind(e.currentTarget.value as TBranchKind)}
            data={BRANCH_KINDS.map((k) => ({ value: k, label: t(`admin.units.branchKinds.${k}`) }))}
            error={error?.fieldMessage('branchKind')}
          />
        ) : null}
        <NativeSelect
          label={t('admin.units.parent')}
          value={parentId}
          onChange={(e) => setParentId(e.currentTarget.value)}
          data={parents}
          error={error?.fieldMessage('parentId')}
        />
        <FormError error={save.error} fields={['name', 'kind', 'branchKind', 'parentId']} />
        <Group justify="flex-end">
          {onDone ? (
            <Button variant="default" onClick={onDone}>
              {t('admin.cancel')}
            </Button>
          ) : null}
          <Button type="submit" loading={save.isPending}>
            {unit ? t('admin.save') : t('admin.units.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
