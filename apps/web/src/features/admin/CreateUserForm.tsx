// Creating a user with a first password, their roles and their unit. What was typed stays when
// the server refuses it; its field errors show at their fields.
import {
  Button,
  Checkbox,
  Group,
  NativeSelect,
  PasswordInput,
  SimpleGrid,
  Stack,
  TextInput,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiErrorOf, FormError } from '../../components/FormError';
import { api } from '../../lib/api';
import { adminKeys, LOCALES, type TLocaleCode, type TRole, type TUnit, type TUser } from './admin-api';
import { unitOptions } from './UserEditForm';

const EMPTY = { email: '', password: '', displayName: '', locale: 'de' as TLocaleCode, unitId: '' };

export function CreateUserForm({ units, roles }: { units: TUnit[]; roles: TRole[] }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [form, setForm] = useState(EMPTY);
  const [roleIds, setRoleIds] = useState<string[]>([]);
  const set = (key: keyof typeof EMPTY) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => {
    const value = e.currentTarget.value;
    setForm((f) => ({ ...f, [key]: value }));
  };
  const create = useMutation({
    mutationFn: () =>
      api<TUser>('/users', {
        method: 'POST',
        body: {
          email: form.email,
          password: form.password,
          displayName: form.displayName.trim() || undefined,
          locale: form.locale,
          unitId: form.unitId || null,
          roleIds,
        },
      }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: adminKeys.users });
      setForm(EMPTY);
      setRoleIds([]);
    },
  });
  const error = apiErrorOf(create.error);
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    create.mutate();
  };
  return (
    <form onSubmit={submit} aria-label={t('admin.users.new')}>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('admin.users.email')}
            type="email"
            required
            autoComplete="off"
            value={form.email}
            onChange={set('email')}
            error={error?.fieldMessage('email')}
          />
          <TextInput
            label={t('admin.users.displayName')}
            value={form.displayName}
            onChange={set('displayName')}
            error={error?.fieldMessage('displayName')}
          />
          <PasswordInput
            label={t('admin.users.password')}
            description={t('admin.users.passwordHint')}
            required
            autoComplete="new-password"
            value={form.password}
            onChange={set('password')}
            error={error?.fieldMessage('password')}
          />
          <NativeSelect
            label={t('admin.users.locale')}
            value={form.locale}
            onChange={set('locale')}
            data={LOCALES.map((l) => ({ value: l, label: t(`admin.locales.${l}`) }))}
            error={error?.fieldMessage('locale')}
          />
          <NativeSelect
            label={t('admin.users.unit')}
            value={form.unitId}
            onChange={set('unitId')}
            data={unitOptions(units, t('admin.users.noUnit'))}
            error={error?.fieldMessage('unitId')}
          />
        </SimpleGrid>
        <Checkbox.Group
          label={t('admin.users.roles')}
          withAsterisk
          value={roleIds}
          onChange={setRoleIds}
          error={error?.fieldMessage('roleIds')}
        >
          <Group mt="xs" gap="md">
            {roles.map((r) => (
              <Checkbox key={r.id} value={r.id} label={r.name} />
            ))}
          </Group>
        </Checkbox.Group>
        <FormError
          error={create.error}
          fields={['email', 'password', 'displayName', 'locale', 'unitId', 'roleIds']}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={create.isPending}>
            {t('admin.users.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
