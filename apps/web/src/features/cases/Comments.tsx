// Comments on a case, newest first, and a new one (kept in the box when the server refuses it).
import { ZCommentBody } from '@kontor/contracts';
import { Button, Group, Paper, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../components/FormError';
import { EmptyState, ErrorState, LoadingState } from '../../components/States';
import { api, queryString } from '../../lib/api';
import { useSchemaForm } from '../../lib/form';
import { formatDateTime } from '../../lib/format';
import { can, useMe } from '../../lib/session';
import { useUsers } from '../../lib/users';
import type { TComment, TPage } from './types';

export function Comments({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const { nameOf } = useUsers();
  const key = ['cases', 'one', caseId, 'comments'];
  const q = useQuery({
    queryKey: key,
    queryFn: () => api<TPage<TComment>>(`/cases/${caseId}/comments${queryString({ limit: 100 })}`),
  });
  return (
    <Stack gap="sm">
      {can(me, 'cases:edit') ? <NewComment caseId={caseId} queryKey={key} /> : null}
      {q.isPending ? (
        <LoadingState />
      ) : q.isError ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      ) : q.data.items.length === 0 ? (
        <EmptyState>{t('cases.noComments')}</EmptyState>
      ) : (
        q.data.items.map((c) => (
          <Paper key={c.id} withBorder p="sm" radius="md" component="article">
            <Text size="xs" c="dimmed">
              {nameOf(c.authorId)} · {formatDateTime(c.createdAt)}
            </Text>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {c.body}
            </Text>
          </Paper>
        ))
      )}
    </Stack>
  );
}

// Checked as the user types against the server's own schema; the text stays when the server refuses.
function NewComment({ caseId, queryKey }: { caseId: string; queryKey: string[] }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const add = useMutation({
    mutationFn: (body: { body: string }) =>
      api<TComment>(`/cases/${caseId}/comments`, { method: 'POST', body }),
    onSuccess: () => {
      form.reset();
      return client.invalidateQueries({ queryKey });
    },
  });
  const form = useSchemaForm(ZCommentBody, { body: '' }, (v) => v, add.error);
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (form.submit()) add.mutate(form.values);
      }}
    >
      <Stack gap="xs">
        <Textarea
          label={t('cases.newComment')}
          value={form.values.body}
          onChange={(e) => form.set('body', e.currentTarget.value)}
          // Enter makes a new line in a comment; Ctrl+Enter (⌘+Enter) sends it.
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) e.currentTarget.form?.requestSubmit();
          }}
          autosize
          minRows={2}
          error={form.error('body')}
        />
        <FormError error={add.error} fields={['body']} />
        <Group justify="flex-end">
          <Button type="submit" loading={add.isPending}>
            {t('cases.addComment')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
