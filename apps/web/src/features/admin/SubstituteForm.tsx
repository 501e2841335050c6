// Naming a deputy for a date range, checked as the user types with the server's own schema. What
// was typed stays when the server refuses it.
import { ZCreateSubstituteBody } from '@kontor/contracts';
import { Button, Group, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../components/FormError';
import { api } from '../../lib/api';
import { useSchemaForm } from '../../lib/form';
import { useMe } from '../../lib/session';
import { adminKeys, type TSubstitute, type TUser } from './admin-api';

type TValues = { userId: string; substituteId: string; startsOn: string; endsOn: string; note: string };
const toBody = (v: TValues) => v;

export function SubstituteForm({ users }: { users: TUser[] }) {
  const { t } = useTranslation();
  const me = useMe();
  const client = useQueryClient();
  const empty: TValues = { userId: me.user.id, substituteId: '', startsOn: '', endsOn: '', note: '' };
  const create = useMutation({
    mutationFn: (body: unknown) => api<TSubstitute>('/substitutes', { method: 'POST', body }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: adminKeys.substitutes });
      form.reset(empty);
    },
  });
  const form = useSchemaForm<TValues>(ZCreateSubstituteBody, empty, toBody, create.error);
  const v = form.values;
  const set = (key: keyof TValues) => (e: React.ChangeEvent<HTMLInputElement | HTMLSelectElement>) =>
    form.set(key, e.currentTarget.value);
  const active = users.filter((u) => u.status === 'active');
  const people = active.map((u) => ({ value: u.id, label: u.displayName }));
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (form.submit()) create.mutate(toBody(v));
  };
  return (
    <form onSubmit={submit} aria-label={t('admin.substitutes.new')} noValidate>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect
            label={t('admin.substitutes.absent')}
            value={v.userId}
            onChange={set('userId')}
            data={people}
            error={form.error('userId')}
          />
          <NativeSelect
            label={t('admin.substitutes.deputy')}
            required
            value={v.substituteId}
            onChange={set('substituteId')}
            data={[{ value: '', label: t('admin.substitutes.choose') }, ...people]}
            error={form.error('substituteId')}
          />
          <TextInput
            type="date"
            label={t('admin.substitutes.from')}
            required
            value={v.startsOn}
            onChange={set('startsOn')}
            error={form.error('startsOn')}
          />
          <TextInput
            type="date"
            label={t('admin.substitutes.to')}
            required
            value={v.endsOn}
            onChange={set('endsOn')}
            error={form.error('endsOn')}
          />
        </SimpleGrid>
        <TextInput
          label={t('admin.substitutes.note')}
          value={v.note}
          onChange={set('note')}
          error={form.error('note')}
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
