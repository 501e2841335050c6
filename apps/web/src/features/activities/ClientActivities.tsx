// The client 360's timeline (activities, stage changes, documents, comments, changes; newest first)
// with recording a new activity above it and actions on each activity in it.
import { Card, Group, Stack, Text, Timeline, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Section } from '../../components/Section';
import { EmptyState, ErrorState, LoadingState } from '../../components/States';
import { api, queryString } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { can, useMe } from '../../lib/session';
import { useClientCases } from '../clients-extra/ClientCases';
import { ActivityActions } from './ActivityActions';
import { KindBadges } from './ActivityLine';
import { RecordActivity } from './RecordActivity';

type TItem = { at: string; type: string; id: string; summary: string; detail: Record<string, unknown> };

function ClientTimeline({ clientId }: { clientId: string }) {
  const { t } = useTranslation();
  const q = useQuery({
    queryKey: ['client', clientId, 'timeline'],
    queryFn: () => api<{ items: TItem[] }>(`/clients/${clientId}/timeline${queryString({ limit: 50 })}`),
  });
  if (q.isPending) return <LoadingState />;
  if (q.isError) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  if (q.data.items.length === 0) return <EmptyState>{t('client.noTimeline')}</EmptyState>;
  return (
    <Timeline bulletSize={14} lineWidth={2}>
      {q.data.items.map((item) => {
        const kind = item.type === 'activity' ? String(item.detail.kind) : null;
        const done = item.detail.done === true;
        return (
          <Timeline.Item
            key={`${item.type}:${item.id}`}
            title={
              <Group gap={6} wrap="wrap" component="span">
                {kind ? <KindBadges kind={kind} done={done} /> : null}
                <Text span fw={600} size="sm" style={{ overflowWrap: 'anywhere' }}>
                  {item.summary || (kind ? t(`activities.kinds.${kind}`) : '')}
                </Text>
              </Group>
            }
          >
            <Stack gap={4}>
              <Text size="xs" c="dimmed">
                {formatDateTime(item.at)}
              </Text>
              {kind ? <ActivityActions id={item.id} kind={kind} done={done} /> : null}
            </Stack>
          </Timeline.Item>
        );
      })}
    </Timeline>
  );
}

function RecordOnClient({ clientId }: { clientId: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const cases = useClientCases(clientId);
  const options = can(me, 'cases:view')
    ? (cases.data?.items ?? []).map((c) => ({ id: c.id, label: c.number }))
    : [];
  return (
    <Section title={t('activities.record')}>
      <RecordActivity clientId={clientId} cases={options} />
    </Section>
  );
}

export function ClientActivities({ clientId }: { clientId: string }) {
  const { t } = useTranslation();
  const me = useMe();
  return (
    <Stack gap="lg">
      {can(me, 'activities:create') ? <RecordOnClient clientId={clientId} /> : null}
      <Card withBorder radius="lg" padding="lg" component="section" aria-label={t('client.timeline')}>
        <Title order={2} size="h4" mb="md">
          {t('client.timeline')}
        </Title>
        <ClientTimeline clientId={clientId} />
      </Card>
    </Stack>
  );
}
