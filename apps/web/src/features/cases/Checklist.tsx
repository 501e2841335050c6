// The checklist of a case: tick items off, add new ones.
import { ZCreateChecklistItem } from '@kontor/contracts';
import { Alert, Button, Checkbox, Group, Stack, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../components/FormError';
import { EmptyState, ErrorState, errorMessage, LoadingState } from '../../components/States';
import { api } from '../../lib/api';
import { useSchemaForm } from '../../lib/form';
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

// Checked as the user types against the server's own schema; the title stays when the server refuses.
function NewItem({ caseId, queryKey }: { caseId: string; queryKey: string[] }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const add = useMutation({
    mutationFn: (body: { title: string }) => api(`/cases/${caseId}/checklist`, { method: 'POST', body }),
    onSuccess: () => {
      form.reset();
      return client.invalidateQueries({ queryKey });
    },
  });
  const form = useSchemaForm(ZCreateChecklistItem, { title: '' }, (v) => v, add.error);
  return (
    <Stack
      component="form"
      gap="xs"
      onSubmit={(e) => {
        e.preventDefault();
        if (form.submit()) add.mutate(form.values);
      }}
    >
      <Group align="flex-end" gap="xs" wrap="nowrap">
        <TextInput
          label={t('cases.newItem')}
          value={form.values.title}
          onChange={(e) => form.set('title', e.currentTarget.value)}
          error={form.error('title')}
          style={{ flex: 1 }}
          miw={0}
        />
        <Button type="submit" loading={add.isPending}>
          {t('cases.addItem')}
        </Button>
      </Group>
      <FormError error={add.error} fields={['title']} />
    </Stack>
  );
}
