// Creating or changing a tenant-defined role: its name, description and grants. Built-in roles
// are fixed on the server, so they are only shown. Checked as the user types with the server's own
// schema; what was typed stays when the server refuses it.
import { ZCreateRoleBody, ZUpdateRoleBody } from '@kontor/contracts';
import { Button, Group, Stack, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../components/FormError';
import { api } from '../../lib/api';
import { useSchemaForm } from '../../lib/form';
import { adminKeys, type TGrant, type TRole } from './admin-api';
import { GrantMatrix } from './GrantMatrix';

type TValues = { name: string; description: string; grants: TGrant[] };
const toBody = (v: TValues) => v;

export function RoleForm({ role, onDone }: { role?: TRole; onDone: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const save = useMutation({
    mutationFn: (body: unknown) =>
      role
        ? api<TRole>(`/roles/${role.id}`, { method: 'PATCH', body })
        : api<TRole>('/roles', { method: 'POST', body }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: adminKeys.roles });
      onDone();
    },
  });
  const form = useSchemaForm<TValues>(
    role ? ZUpdateRoleBody : ZCreateRoleBody,
    { name: role?.name ?? '', description: role?.description ?? '', grants: role?.grants ?? [] },
    toBody,
    save.error,
  );
  const v = form.values;
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (form.submit()) save.mutate(toBody(v));
  };
  const label = role ? t('admin.roles.editOf', { name: role.name }) : t('admin.roles.new');
  return (
    <form onSubmit={submit} aria-label={label} noValidate>
      <Stack gap="sm">
        <TextInput
          label={t('admin.roles.name')}
          required
          value={v.name}
          onChange={(e) => form.set('name', e.currentTarget.value)}
          error={form.error('name')}
        />
        <Textarea
          label={t('admin.roles.description')}
          autosize
          minRows={2}
          value={v.description}
          onChange={(e) => form.set('description', e.currentTarget.value)}
          error={form.error('description')}
        />
        <GrantMatrix
          grants={v.grants}
          onChange={(grants) => form.set('grants', grants)}
          error={form.error('grants')}
        />
        <FormError error={save.error} fields={['name', 'description', 'grants']} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onDone}>
            {t('admin.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {role ? t('admin.save') : t('admin.roles.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
