// Changing a user: display name, language and status in one form; moving them to another unit in
// a second (the server keeps the move as history).
import { Button, Group, NativeSelect, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiErrorOf, FormError } from '../../components/FormError';
import { api } from '../../lib/api';
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

export function UserEditForm({ user, onDone }: { user: TUser; onDone: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [displayName, setDisplayName] = useState(user.displayName);
  const [locale, setLocale] = useState<TLocaleCode>(user.locale);
  const [status, setStatus] = useState(user.status);
  const save = useMutation({
    mutationFn: () =>
      api<TUser>(`/users/${user.id}`, { method: 'PATCH', body: { displayName, locale, status } }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: adminKeys.users });
      onDone();
    },
  });
  const error = apiErrorOf(save.error);
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <form onSubmit={submit} aria-label={t('admin.users.editOf', { name: user.displayName })}>
      <Stack gap="sm">
        <TextInput
          label={t('admin.users.displayName')}
          required
          value={displayName}
          onChange={(e) => setDisplayName(e.currentTarget.value)}
          error={error?.fieldMessage('displayName')}
        />
        <NativeSelect
          label={t('admin.users.locale')}
          value={locale}
          onChange={(e) => setLocale(e.currentTarget.value as TLocaleCode)}
          data={LOCALES.map((l) => ({ value: l, label: t(`admin.locales.${l}`) }))}
          error={error?.fieldMessage('locale')}
        />
        <NativeSelect
          label={t('admin.users.status')}
          value={status}
          onChange={(e) => setStatus(e.currentTarget.value as TUser['status'])}
          data={[
            { value: 'active', label: t('admin.users.statuses.active') },
            { value: 'disabled', label: t('admin.users.statuses.disabled') },
          ]}
          error={error?.fieldMessage('status')}
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

export function MoveUserForm({ user, units, onDone }: { user: TUser; units: TUnit[]; onDone: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [unitId, setUnitId] = useState(user.unitId ?? '');
  const move = useMutation({
    mutationFn: () =>
      api<TUser>(`/users/${user.id}/move`, { method: 'POST', body: { unitId: unitId || null } }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: adminKeys.users });
      onDone();
    },
  });
  const error = apiErrorOf(move.error);
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    move.mutate();
  };
  return (
    <form onSubmit={submit} aria-label={t('admin.users.moveOf', { name: user.displayName })}>
      <Stack gap="sm">
        <NativeSelect
          label={t('admin.users.newUnit')}
          value={unitId}
          onChange={(e) => setUnitId(e.currentTarget.value)}
          data={unitOptions(units, t('admin.users.noUnit'))}
          error={error?.fieldMessage('unitId')}
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
