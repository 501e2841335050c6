// Owner and executor of a case, and handing it to someone else (the new executor gets an e-mail).
import { type TAssign, ZAssign } from '@kontor/contracts';
import { Button, Group, NativeSelect, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../components/FormError';
import { api } from '../../lib/api';
import { useSchemaForm } from '../../lib/form';
import { can, useMe } from '../../lib/session';
import { useUsers } from '../../lib/users';
import type { TCase } from './types';

type TValues = { ownerId: string; executorId: string };

export function AssignForm({ kase }: { kase: TCase }) {
  const { t } = useTranslation();
  const me = useMe();
  const { users, nameOf, allowed } = useUsers();
  const client = useQueryClient();
  const assign = useMutation({
    mutationFn: (body: TAssign) => api<TCase>(`/cases/${kase.id}/assign`, { method: 'POST', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['cases'] }),
  });
  // Only who changes is sent; checked against the server's own schema (ZAssign) as the user picks.
  const toBody = (v: TValues): TAssign => ({
    ownerId: v.ownerId !== kase.ownerId ? v.ownerId : undefined,
    executorId: v.executorId !== kase.executorId ? v.executorId : undefined,
  });
  const form = useSchemaForm(
    ZAssign,
    { ownerId: kase.ownerId, executorId: kase.executorId },
    toBody,
    assign.error,
  );
  const { ownerId, executorId } = form.values;

  // Without users to choose from (no users:view) the people are shown, not offered for change.
  if (!can(me, 'cases:edit') || !allowed) {
    return (
      <Stack gap={4}>
        <Text size="sm">
          {t('cases.owner')}: {nameOf(kase.ownerId)}
        </Text>
        <Text size="sm">
          {t('cases.executor')}: {nameOf(kase.executorId)}
        </Text>
      </Stack>
    );
  }
  const options = users
    .filter((u) => u.status === 'active' || u.id === kase.ownerId || u.id === kase.executorId)
    .map((u) => ({ value: u.id, label: u.displayName }));
  const changed = ownerId !== kase.ownerId || executorId !== kase.executorId;
  // Nothing changed is not a problem to point at: the button waits for a change instead.
  const problem = (field: keyof TValues) => (changed ? form.error(field) : undefined);
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (changed && form.submit()) assign.mutate(toBody(form.values));
  };
  return (
    <form onSubmit={submit} aria-label={t('cases.reassign')}>
      <Stack gap="sm">
        <NativeSelect
          label={t('cases.owner')}
          value={ownerId}
          onChange={(e) => form.set('ownerId', e.currentTarget.value)}
          data={options}
          error={problem('ownerId')}
        />
        <NativeSelect
          label={t('cases.executor')}
          value={executorId}
          onChange={(e) => form.set('executorId', e.currentTarget.value)}
          data={options}
          error={problem('executorId')}
        />
        <FormError error={assign.error} fields={['ownerId', 'executorId']} />
        {assign.isSuccess && !changed ? (
          <Text size="sm" c="teal.9" role="status">
            {t('cases.reassigned')}
          </Text>
        ) : null}
        <Group justify="flex-end">
          <Button type="submit" disabled={!changed} loading={assign.isPending}>
            {t('cases.reassign')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
