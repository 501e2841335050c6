// Creating a unit, and changing one (rename, move under another parent, branch kind). What was
// typed stays in the form when the server refuses it. Checked as the user types with the server's
// own schema; the server's field errors show at their fields.
import { ZCreateUnitBody, ZUpdateUnitBody } from '@kontor/contracts';
import { Button, Group, NativeSelect, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../components/FormError';
import { api } from '../../lib/api';
import { useSchemaForm } from '../../lib/form';
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
type TValues = { name: string; kind: TUnitKind; branchKind: TBranchKind; parentId: string };

function valuesOf(unit?: TUnit): TValues {
  return {
    name: unit?.name ?? '',
    kind: unit?.kind ?? 'region',
    branchKind: unit?.branchKind ?? 'own',
    parentId: unit?.parentId ?? '',
  };
}

/** The request body: a change sends only the parent when it moved, the branch kind only for branches. */
function bodyOf(unit: TUnit | undefined, v: TValues) {
  const parent = v.parentId === '' ? null : v.parentId;
  if (unit) {
    return {
      name: v.name,
      ...(parent !== unit.parentId ? { parentId: parent } : {}),
      ...(unit.kind === 'branch' ? { branchKind: v.branchKind } : {}),
    };
  }
  return {
    name: v.name,
    kind: v.kind,
    parentId: parent,
    ...(v.kind === 'branch' ? { branchKind: v.branchKind } : {}),
  };
}

export function UnitForm({ units, unit, onDone }: TProps) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const save = useMutation({
    mutationFn: (body: unknown) =>
      unit
        ? api<TUnit>(`/units/${unit.id}`, { method: 'PATCH', body })
        : api<TUnit>('/units', { method: 'POST', body }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: adminKeys.units });
      // A new unit's kind and parent likely suit the next one too.
      if (!unit) form.reset({ ...form.values, name: '' });
      onDone?.();
    },
  });
  const toBody = (v: TValues) => bodyOf(unit, v);
  const form = useSchemaForm<TValues>(
    unit ? ZUpdateUnitBody : ZCreateUnitBody,
    valuesOf(unit),
    toBody,
    save.error,
  );
  const v = form.values;
  // A unit cannot move below itself or its own descendants.
  const blocked = unit ? subtreeOf(units, unit.id) : new Set<string>();
  const parents = [
    { value: '', label: t('admin.units.top') },
    ...flattenTree(units)
      .filter(({ unit: u }) => !blocked.has(u.id))
      .map(({ unit: u, depth }) => ({ value: u.id, label: `${'· '.repeat(depth)}${u.name}` })),
  ];
  const effectiveKind = unit?.kind ?? v.kind;
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (form.submit()) save.mutate(toBody(v));
  };
  const label = unit ? t('admin.units.editOf', { name: unit.name }) : t('admin.units.new');
  return (
    <form onSubmit={submit} aria-label={label} noValidate>
      <Stack gap="sm">
        <TextInput
          label={t('admin.units.name')}
          required
          value={v.name}
          onChange={(e) => form.set('name', e.currentTarget.value)}
          error={form.error('name')}
        />
        {unit ? null : (
          <NativeSelect
            label={t('admin.units.kind')}
            value={v.kind}
            onChange={(e) => form.set('kind', e.currentTarget.value as TUnitKind)}
            data={UNIT_KINDS.map((k) => ({ value: k, label: t(`admin.units.kinds.${k}`) }))}
            error={form.error('kind')}
          />
        )}
        {effectiveKind === 'branch' ? (
          <NativeSelect
            label={t('admin.units.branchKind')}
            value={v.branchKind}
            onChange={(e) => form.set('branchKind', e.currentTarget.value as TBranchKind)}
            data={BRANCH_KINDS.map((k) => ({ value: k, label: t(`admin.units.branchKinds.${k}`) }))}
            error={form.error('branchKind')}
          />
        ) : null}
        <NativeSelect
          label={t('admin.units.parent')}
          value={v.parentId}
          onChange={(e) => form.set('parentId', e.currentTarget.value)}
          data={parents}
          error={form.error('parentId')}
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
