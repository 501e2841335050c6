// Today's appointments of the signed-in user (their activities planned or held today, in this
// browser's day), earliest first, each with its client and what one should know before the call.
import type { TActivityKind } from '@kontor/contracts';
import { Badge, Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../components/links';
import { EmptyState, ErrorState, LoadingState } from '../../components/States';
import { api, queryString } from '../../lib/api';
import { formatDate, formatTime } from '../../lib/format';
import { isAppointment } from '../activities/activities-api';

type TAppointment = {
  id: string;
  kind: TActivityKind;
  clientId: string;
  caseId: string | null;
  subject: string;
  at: string;
  done: boolean;
};
type TClientHead = { id: string; displayName: string; createdAt: string };

/** The start and end of today in this browser's time zone, as instants. */
export function todayRange(now = new Date()): { from: string; to: string } {
  const start = new Date(now);
  start.setHours(0, 0, 0, 0);
  const end = new Date(start);
  end.setDate(end.getDate() + 1);
  return { from: start.toISOString(), to: end.toISOString() };
}

function ClientLine({ clientId }: { clientId: string }) {
  const { t } = useTranslation();
  // The same query as the client 360 page, so opening the client afterwards is instant.
  const q = useQuery({
    queryKey: ['client', clientId],
    queryFn: () => api<TClientHead>(`/clients/${clientId}`),
  });
  if (!q.data) return null;
  return (
    <Text size="sm">
      <AnchorLink to="/clients/$clientId" params={{ clientId }}>
        {q.data.displayName}
      </AnchorLink>
      <Text span c="dimmed" size="sm">
        {' · '}
        {t('desk.clientSince', { date: formatDate(q.data.createdAt) })}
      </Text>
    </Text>
  );
}

export function Appointments() {
  const { t } = useTranslation();
  const range = todayRange();
  const q = useQuery({
    queryKey: ['desk', 'appointments', range.from],
    queryFn: () =>
      api<{ items: TAppointment[] }>(`/activities${queryString({ ownerId: 'me', ...range, limit: 100 })}`),
  });
  if (q.isPending) return <LoadingState />;
  if (q.isError) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  const items = q.data.items.filter(isAppointment).sort((a, b) => a.at.localeCompare(b.at));
  if (items.length === 0) return <EmptyState>{t('desk.noAppointments')}</EmptyState>;
  return (
    <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
      {items.map((a) => (
        <li key={a.id}>
          <Group gap="xs" wrap="nowrap" align="baseline">
            <Text fw={700} size="sm" miw={48}>
              {formatTime(a.at)}
            </Text>
            <Stack gap={0} style={{ minWidth: 0 }}>
              <Group gap={6}>
                <Text size="sm" td={a.done ? 'line-through' : undefined}>
                  {a.subject || t(`activities.kinds.${a.kind}`)}
                </Text>
                <Badge size="xs" variant="light" color={a.done ? 'gray' : 'teal'}>
                  {a.done ? t('desk.appointmentDone') : t(`activities.kinds.${a.kind}`)}
                </Badge>
              </Group>
              <ClientLine clientId={a.clientId} />
            </Stack>
          </Group>
        </li>
      ))}
    </Stack>
  );
}
