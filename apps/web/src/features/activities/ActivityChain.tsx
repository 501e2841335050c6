// A conversation: the activity it started with and every answer, in order, the one asked about marked.
import { Paper, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { CardList } from '../../components/Section';
import { ErrorState, LoadingState } from '../../components/States';
import { api } from '../../lib/api';
import { ActivityLine } from './ActivityLine';
import { activityKeys, type TActivity } from './activities-api';

export function ActivityChain({ id }: { id: string }) {
  const { t } = useTranslation();
  const q = useQuery({
    queryKey: activityKeys.chain(id),
    queryFn: () => api<{ items: TActivity[] }>(`/activities/${id}/chain`),
  });
  if (q.isPending) return <LoadingState />;
  if (q.isError) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  return (
    <CardList label={t('activities.chainTitle')}>
      {q.data.items.map((a) => (
        <li key={a.id} aria-current={a.id === id ? 'true' : undefined}>
          <Paper
            withBorder
            p="sm"
            radius="md"
            bg={a.id === id ? 'var(--mantine-color-default-hover)' : undefined}
          >
            <Stack gap={2}>
              <ActivityLine activity={a} />
            </Stack>
          </Paper>
        </li>
      ))}
    </CardList>
  );
}
