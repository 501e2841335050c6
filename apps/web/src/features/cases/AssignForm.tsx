// Owner and executor of a case, and handing it to someone else (the new executor gets an e-mail).
import { Alert, Button, Group, NativeSelect, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../components/States';
import { ApiError, api } from '../../lib/api';
import { can, useMe } from '../../lib/session';
import { useUsers } from '../../lib/users';
import type { TCase } from './types';

export function AssignForm({ kase }: { kase: TCase }) {
  const { t } = useTranslation();
  const me = useMe();
  const { users, nameOf, allowed } = useUsers();
  const client = useQueryClient();
  const [ownerId, setOwnerId] = useState(kase.ownerId);
  const [executorId, setExecutorId] = useState(kase.executorId);
  const assign = useMutation({
    mutationFn: (body: { ownerId?: string; executorId?: string }) =>
      api<TCase>(`/cases/${kase.id}/assign`, { method: 'POST', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['cases'] }),
  });

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
  const error = assign.error instanceof ApiError ? assign.error : null;
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    assign.mutate({
      ownerId: ownerId !== kase.ownerId ? ownerId : undefined,
      executorId: executorId !== kase.executorId ? executorId : undefined,
    });
  };
  return (
    <form onSubmit={submit} aria-label={t('cases.reassign')}>
      <Stack gap="sm">
        <NativeSelect
          label={t('cases.owner')}
          value={ownerId}
          onChange={(e) => setOwnerId(e.currentTarget.value)}
          data={options}
          error={error?.fieldMessage('ownerId')}
        />
        <NativeSelect
          label={t('cases.executor')}
          value={executorId}
          onChange={(e) => setExecutorId(e.currentTarget.value)}
          data={options}
          error={error?.fieldMessage('executorId')}
        />
        {assign.isError && !error?.fields.length ? (
          <Alert color="red" variant="light" role="alert">
            {errorMessage(assign.error, t)}
          </Alert>
        ) : null}
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
