// The checklist of a case: tick items off, add new ones.
import { Alert, Button, Checkbox, Group, Stack, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState, ErrorState, errorMessage, LoadingState } from '../../components/States';
import { ApiError, api } from '../../lib/api';
import { can, useMe } from '../../lib/session';
import type { TChecklistItem, TPage } from './types';

export function Checklist({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const editable = can(me, 'cases:edit');
  const client = useQueryClient();
  const key = ['cases', 'one', caseId, 'checklist'];
  const q = useQuery({
    queryKey: key,
    queryFn: () => api<TPage<TChecklistItem>>(`/cases/${caseId}/checklist`),
  });
  const toggle = useMutation({
    mutationFn: (item: { id: string; done: boolean }) =>
      api(`/cases/${caseId}/checklist/${item.id}`, { method: 'PATCH', body: { done: item.done } }),
    onSettled: () => client.invalidateQueries({ queryKey: key }),
  });
  if (q.isPending) return <LoadingState />;
  if (q.isError) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  return (
    <Stack gap="xs">
      {q.data.items.length === 0 ? <EmptyState>{t('cases.noChecklist')}</EmptyState> : null}
      {q.data.items.map((item) => (
        <Checkbox
          key={item.id}
          label={item.title}
          checked={toggle.isPending && toggle.variables.id === item.id ? toggle.variables.done : item.done}
          disabled={!editable}
          onChange={(e) => toggle.mutate({ id: item.id, done: e.currentTarget.checked })}
        />
      ))}
      {toggle.isError ? (
        <Alert color="red" variant="light" role="alert">
          {errorMessage(toggle.error, t)}
        </Alert>
      ) : null}
      {editable ? <NewItem caseId={caseId} queryKey={key} /> : null}
    </Stack>
  );
}

function NewItem({ caseId, queryKey }: { caseId: string; queryKey: string[] }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [title, setTitle] = useState('');
  const add = useMutation({
    mutationFn: (text: string) =>
      api(`/cases/${caseId}/checklist`, { method: 'POST', body: { title: text } }),
    onSuccess: () => {
      setTitle('');
      return client.invalidateQueries({ queryKey });
    },
  });
  const error = add.error instanceof ApiError ? add.error : null;
  const fieldError = error?.fieldMessage('title');
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        add.mutate(title);
      }}
    >
      <Group align="flex-end" gap="xs" wrap="nowrap">
        <TextInput
          label={t('cases.newItem')}
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          error={fieldError ?? (add.isError ? errorMessage(add.error, t) : undefined)}
          style={{ flex: 1 }}
        />
        <Button type="submit" disabled={!title.trim()} loading={add.isPending}>
          {t('cases.addItem')}
        </Button>
      </Group>
    </form>
  );
}
