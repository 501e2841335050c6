// Changing a user: display name, language and status in one form; moving them to another unit in
// a second (the server keeps the move as history). Both check as the user types with the server's
// own schemas and keep what was typed when the server refuses it.
import { ZMoveUserBody, ZUpdateUserBody } from '@kontor/contracts';
import { Button, Group, NativeSelect, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../components/FormError';
import { api } from '../../lib/api';
import { useSchemaForm } from '../../lib/form';
import { adminKeys, flattenTree, LOCALES, type TLocaleCode, type TUnit, type TUser } from './admin-api';

/** The units as choices, indented like the tree, after a "none" choice. */
export function unitOptions(units: TUnit[], none: string): { value: string; label: string }[] {
  return [
    { value: '', label: none },
    ...flattenTree(units).map(({ unit, depth }) => ({
      value: unit.id,
      label: `${'· '.repeat(depth)}${unit.name}`,
    })),
  ];
}

type TEditValues = { displayName: string; locale: TLocaleCode; status: TUser['status'] };
const editBody = (v: TEditValues) => v;

export function UserEditForm({ user, onDone }: { user: TUser; onDone: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const save = useMutation({
    mutationFn: (body: unknown) => api<TUser>(`/users/${user.id}`, { method: 'PATCH', body }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: adminKeys.users });
      onDone();
    },
  });
  const form = useSchemaForm<TEditValues>(
    ZUpdateUserBody,
    { displayName: user.displayName, locale: user.locale, status: user.status },
    editBody,
    save.error,
  );
  const v = form.values;
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (form.submit()) save.mutate(editBody(v));
  };
  return (
    <form onSubmit={submit} aria-label={t('admin.users.editOf', { name: user.displayName })} noValidate>
      <Stack gap="sm">
        <TextInput
          label={t('admin.users.displayName')}
          required
          value={v.displayName}
          onChange={(e) => form.set('displayName', e.currentTarget.value)}
          error={form.error('displayName')}
        />
        <NativeSelect
          label={t('admin.users.locale')}
          value={v.locale}
          onChange={(e) => form.set('locale', e.currentTarget.value as TLocaleCode)}
          data={LOCALES.map((l) => ({ value: l, label: t(`admin.locales.${l}`) }))}
          error={form.error('locale')}
        />
        <NativeSelect
          label={t('admin.users.status')}
          value={v.status}
          onChange={(e) => form.set('status', e.currentTarget.value as TUser['status'])}
          data={[
            { value: 'active', label: t('admin.users.statuses.active') },
            { value: 'disabled', label: t('admin.users.statuses.disabled') },
          ]}
          error={form.error('status')}
        />
        <FormError error={save.error} fields={['displayName', 'locale', 'status']} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('admin.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('admin.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

const moveBody = (v: { unitId: string }) => ({ unitId: v.unitId || null });

export function MoveUserForm({ user, units, onDone }: { user: TUser; units: TUnit[]; onDone: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const move = useMutation({
    mutationFn: (body: unknown) => api<TUser>(`/users/${user.id}/move`, { method: 'POST', body }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: adminKeys.users });
      onDone();
    },
  });
  const form = useSchemaForm(ZMoveUserBody, { unitId: user.unitId ?? '' }, moveBody, move.error);
  const unitId = form.values.unitId;
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (form.submit()) move.mutate(moveBody(form.values));
  };
  return (
    <form onSubmit={submit} aria-label={t('admin.users.moveOf', { name: user.displayName })} noValidate>
      <Stack gap="sm">
        <NativeSelect
          label={t('admin.users.newUnit')}
          value={unitId}
          onChange={(e) => form.set('unitId', e.currentTarget.value)}
          data={unitOptions(units, t('admin.users.noUnit'))}
          error={form.error('unitId')}
        />
        <FormError error={move.error} fields={['unitId']} />
        <Group justify="flex-end">
          <Button
            type="submit"
            variant="light"
            disabled={unitId === (user.unitId ?? '')}
            loading={move.isPending}
          >
            {t('admin.users.move')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
