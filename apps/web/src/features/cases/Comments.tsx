// Comments on a case, newest first, and a new one (kept in the box when the server refuses it).
import { Alert, Button, Group, Paper, Stack, Text, Textarea } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState, ErrorState, errorMessage, LoadingState } from '../../components/States';
import { ApiError, api, queryString } from '../../lib/api';
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

function NewComment({ caseId, queryKey }: { caseId: string; queryKey: string[] }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [body, setBody] = useState('');
  const add = useMutation({
    mutationFn: (text: string) =>
      api<TComment>(`/cases/${caseId}/comments`, { method: 'POST', body: { body: text } }),
    onSuccess: () => {
      setBody('');
      return client.invalidateQueries({ queryKey });
    },
  });
  const error = add.error instanceof ApiError ? add.error : null;
  const fieldError = error?.fieldMessage('body');
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        add.mutate(body);
      }}
    >
      <Stack gap="xs">
        <Textarea
          label={t('cases.newComment')}
          value={body}
          onChange={(e) => setBody(e.currentTarget.value)}
          autosize
          minRows={2}
          error={fieldError}
        />
        {add.isError && !fieldError ? (
          <Alert color="red" variant="light" role="alert">
            {errorMessage(add.error, t)}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button type="submit" disabled={!body.trim()} loading={add.isPending}>
            {t('cases.addComment')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
