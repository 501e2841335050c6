// Creating or changing a tenant-defined role: its name, description and grants. Built-in roles
// are fixed on the server, so they are only shown.
import { Button, Group, Stack, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiErrorOf, FormError } from '../../components/FormError';
import { api } from '../../lib/api';
import { adminKeys, type TGrant, type TRole } from './admin-api';
import { GrantMatrix } from './GrantMatrix';

export function RoleForm({ role, onDone }: { role?: TRole; onDone: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [name, setName] = useState(role?.name ?? '');
  const [description, setDescription] = useState(role?.description ?? '');
  const [grants, setGrants] = useState<TGrant[]>(role?.grants ?? []);
  const save = useMutation({
    mutationFn: () => {
      const body = { name, description, grants };
      return role
        ? api<TRole>(`/roles/${role.id}`, { method: 'PATCH', body })
        : api<TRole>('/roles', { method: 'POST', body });
    },
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: adminKeys.roles });
      onDone();
    },
  });
  const error = apiErrorOf(save.error);
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  const label = role ? t('admin.roles.editOf', { name: role.name }) : t('admin.roles.new');
  return (
    <form onSubmit={submit} aria-label={label}>
      <Stack gap="sm">
        <TextInput
          label={t('admin.roles.name')}
          required
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={error?.fieldMessage('name')}
        />
        <Textarea
          label={t('admin.roles.description')}
          autosize
          minRows={2}
          value={description}
          onChange={(e) => setDescription(e.currentTarget.value)}
          error={error?.fieldMessage('description')}
        />
        <GrantMatrix grants={grants} onChange={setGrants} error={error?.fieldMessage('grants')} />
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
