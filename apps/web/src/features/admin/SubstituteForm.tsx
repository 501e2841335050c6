// Naming a deputy for a date range. What was typed stays when the server refuses it.
import { Button, Group, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiErrorOf, FormError } from '../../components/FormError';
import { api } from '../../lib/api';
import { useMe } from '../../lib/session';
import { adminKeys, type TSubstitute, type TUser } from './admin-api';

export function SubstituteForm({ users }: { users: TUser[] }) {
  const { t } = useTranslation();
  const me = useMe();
  const client = useQueryClient();
  const empty = { userId: me.user.id, substituteId: '', startsOn: '', endsOn: '', note: '' };
  const [form, setForm] = useState(empty);
  const set = (key: keyof typeof empty) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) => {
    const value = e.currentTarget.value;
    setForm((f) => ({ ...f, [key]: value }));
  };
  const create = useMutation({
    mutationFn: () => api<TSubstitute>('/substitutes', { method: 'POST', body: form }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: adminKeys.substitutes });
      setForm(empty);
    },
  });
  const error = apiErrorOf(create.error);
  const active = users.filter((u) => u.status === 'active');
  const people = active.map((u) => ({ value: u.id, label: u.displayName }));
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    create.mutate();
  };
  return (
    <form onSubmit={submit} aria-label={t('admin.substitutes.new')}>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect
            label={t('admin.substitutes.absent')}
            value={form.userId}
            onChange={set('userId')}
            data={people}
            error={error?.fieldMessage('userId')}
          />
          <NativeSelect
            label={t('admin.substitutes.deputy')}
            required
            value={form.substituteId}
            onChange={set('substituteId')}
            data={[{ value: '', label: t('admin.substitutes.choose') }, ...people]}
            error={error?.fieldMessage('substituteId')}
          />
          <TextInput
            type="date"
            label={t('admin.substitutes.from')}
            required
            value={form.startsOn}
            onChange={set('startsOn')}
            error={error?.fieldMessage('startsOn')}
          />
          <TextInput
            type="date"
            label={t('admin.substitutes.to')}
            required
            value={form.endsOn}
            onChange={set('endsOn')}
            error={error?.fieldMessage('endsOn')}
          />
        </SimpleGrid>
        <TextInput
          label={t('admin.substitutes.note')}
          value={form.note}
          onChange={set('note')}
          error={error?.fieldMessage('note')}
        />
        <FormError error={create.error} fields={['userId', 'substituteId', 'startsOn', 'endsOn', 'note']} />
        <Group justify="flex-end">
          <Button type="submit" loading={create.isPending}>
            {t('admin.substitutes.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
