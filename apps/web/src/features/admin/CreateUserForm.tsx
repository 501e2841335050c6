// Creating a user with a first password, their roles and their unit. Checked as the user types
// with the server's own schema; what was typed stays when the server refuses it, and its field
// errors show at their fields.
import { ZCreateUserBody } from '@kontor/contracts';
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
import { useTranslation } from 'react-i18next';
import { FormError } from '../../components/FormError';
import { api } from '../../lib/api';
import { useSchemaForm } from '../../lib/form';
import { adminKeys, LOCALES, type TLocaleCode, type TRole, type TUnit, type TUser } from './admin-api';
import { unitOptions } from './UserEditForm';

type TValues = {
  email: string;
  password: string;
  displayName: string;
  locale: TLocaleCode;
  unitId: string;
  roleIds: string[];
};
const EMPTY: TValues = { email: '', password: '', displayName: '', locale: 'de', unitId: '', roleIds: [] };

function toBody(v: TValues) {
  return {
    email: v.email,
    password: v.password,
    displayName: v.displayName.trim() || undefined,
    locale: v.locale,
    unitId: v.unitId || null,
    roleIds: v.roleIds,
  };
}

export function CreateUserForm({ units, roles }: { units: TUnit[]; roles: TRole[] }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const create = useMutation({
    mutationFn: (body: unknown) => api<TUser>('/users', { method: 'POST', body }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: adminKeys.users });
      form.reset(EMPTY);
    },
  });
  const form = useSchemaForm<TValues>(ZCreateUserBody, EMPTY, toBody, create.error);
  const v = form.values;
  const set =
    (key: Exclude<keyof TValues, 'roleIds'>) =>
    (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) =>
      form.set(key, e.currentTarget.value);
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (form.submit()) create.mutate(toBody(v));
  };
  return (
    <form onSubmit={submit} aria-label={t('admin.users.new')} noValidate>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('admin.users.email')}
            type="email"
            required
            autoComplete="off"
            value={v.email}
            onChange={set('email')}
            error={form.error('email')}
          />
          <TextInput
            label={t('admin.users.displayName')}
            value={v.displayName}
            onChange={set('displayName')}
            error={form.error('displayName')}
          />
          <PasswordInput
            label={t('admin.users.password')}
            description={t('admin.users.passwordHint')}
            required
            autoComplete="new-password"
            value={v.password}
            onChange={set('password')}
            error={form.error('password')}
          />
          <NativeSelect
            label={t('admin.users.locale')}
            value={v.locale}
            onChange={set('locale')}
            data={LOCALES.map((l) => ({ value: l, label: t(`admin.locales.${l}`) }))}
            error={form.error('locale')}
          />
          <NativeSelect
            label={t('admin.users.unit')}
            value={v.unitId}
            onChange={set('unitId')}
            data={unitOptions(units, t('admin.users.noUnit'))}
            error={form.error('unitId')}
          />
        </SimpleGrid>
        <Checkbox.Group
          label={t('admin.users.roles')}
          withAsterisk
          value={v.roleIds}
          onChange={(ids) => form.set('roleIds', ids)}
          error={form.error('roleIds')}
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
