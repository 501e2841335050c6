// The desk: today's appointments and tasks with the overdue count, the user's open cases by stage,
// their commission balance and the clients they opened last.
import { Badge, Group, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../components/links';
import { Section } from '../../components/Section';
import { EmptyState, ErrorState, LoadingState } from '../../components/States';
import { api, queryString } from '../../lib/api';
import { formatDateTime, formatMoney } from '../../lib/format';
import { recentClients } from '../../lib/recent';
import { can, useMe } from '../../lib/session';
import { Appointments } from './Appointments';

type TTask = {
  id: string;
  title: string;
  dueAt: string | null;
  overdue: boolean;
  caseId: string | null;
  clientId: string | null;
};
type TCase = { id: string; number: string; clientName: string; stage: { key: string; name: string } };
type TMoney = { minor: number; currency: string };
type TBalance = { recipientId: string; payable: TMoney; heldBack: TMoney; paid: TMoney };

function endOfToday(): string {
  const d = new Date();
  d.setHours(23, 59, 59, 999);
  return d.toISOString();
}

// A task links to its case, or else to its client, where the work is done.
function TaskTitle({ task }: { task: TTask }) {
  const color = task.overdue ? 'red' : undefined;
  if (task.caseId)
    return (
      <AnchorLink to="/cases/$caseId" params={{ caseId: task.caseId }} c={color}>
        {task.title}
      </AnchorLink>
    );
  if (task.clientId)
    return (
      <AnchorLink to="/clients/$clientId" params={{ clientId: task.clientId }} c={color}>
        {task.title}
      </AnchorLink>
    );
  return (
    <Text span c={color}>
      {task.title}
    </Text>
  );
}

function Tasks() {
  const { t } = useTranslation();
  const q = useQuery({
    queryKey: ['desk', 'tasks'],
    queryFn: () =>
      api<{ items: TTask[] }>(
        `/tasks${queryString({ assigneeId: 'me', status: 'open', dueBefore: endOfToday(), limit: 100 })}`,
      ),
  });
  if (q.isPending) return <LoadingState />;
  if (q.isError) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  const overdue = q.data.items.filter((task) => task.overdue).length;
  return (
    <Stack gap="xs">
      {overdue > 0 ? (
        <Badge color="red" variant="light">
          {t('desk.overdue', { count: overdue })}
        </Badge>
      ) : null}
      {q.data.items.length === 0 ? (
        <EmptyState>{t('desk.noTasks')}</EmptyState>
      ) : (
        <List spacing={4}>
          {q.data.items.map((task) => (
            <List.Item key={task.id}>
              <TaskTitle task={task} />
              {task.dueAt ? (
                <Text span c="dimmed" size="sm">
                  {' '}
                  · {formatDateTime(task.dueAt)}
                </Text>
              ) : null}
            </List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}

function OpenCases({ userId }: { userId: string }) {
  const { t } = useTranslation();
  const q = useQuery({
    queryKey: ['desk', 'cases', userId],
    queryFn: () =>
      api<{ items: TCase[] }>(`/cases${queryString({ ownerId: userId, open: 'true', limit: 200 })}`),
  });
  if (q.isPending) return <LoadingState />;
  if (q.isError) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  if (q.data.items.length === 0) return <EmptyState>{t('desk.noCases')}</EmptyState>;
  const stages = new Map<string, { name: string; count: number }>();
  for (const c of q.data.items) {
    const s = stages.get(c.stage.key) ?? { name: c.stage.name, count: 0 };
    s.count += 1;
    stages.set(c.stage.key, s);
  }
  return (
    <Stack gap={6}>
      {[...stages.entries()].map(([key, s]) => (
        <Group key={key} justify="space-between">
          <Text>{s.name}</Text>
          <Badge variant="light">{s.count}</Badge>
        </Group>
      ))}
    </Stack>
  );
}

function Balance() {
  const { t } = useTranslation();
  const q = useQuery({
    queryKey: ['desk', 'balance'],
    queryFn: () => api<{ items: TBalance[] }>('/commissions/balances'),
  });
  if (q.isPending) return <LoadingState />;
  if (q.isError) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  const own = q.data.items.length === 1 ? q.data.items[0] : undefined;
  if (!own) return <EmptyState />;
  const row = (label: string, m: TMoney) => (
    <Group justify="space-between">
      <Text>{label}</Text>
      <Text fw={600}>{formatMoney(m.minor, m.currency)}</Text>
    </Group>
  );
  return (
    <Stack gap={6}>
      {row(t('desk.payable'), own.payable)}
      {row(t('desk.heldBack'), own.heldBack)}
      {row(t('desk.paid'), own.paid)}
    </Stack>
  );
}

export function DeskPage() {
  const me = useMe();
  const { t } = useTranslation();
  const recent = recentClients(me.user.id);
  return (
    <Stack gap="lg">
      <div>
        <Title order={1}>{t('desk.title')}</Title>
        <Text c="dimmed">{t('desk.greeting', { name: me.user.displayName })}</Text>
      </div>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        {can(me, 'activities:view') ? (
          <Section title={t('desk.appointments')}>
            <Appointments />
          </Section>
        ) : null}
        {can(me, 'tasks:view') ? (
          <Section title={t('desk.tasksToday')}>
            <Tasks />
          </Section>
        ) : null}
        {can(me, 'cases:view') ? (
          <Section title={t('desk.openCases')}>
            <OpenCases userId={me.user.id} />
          </Section>
        ) : null}
        {can(me, 'commissions:view') ? (
          <Section title={t('desk.balance')}>
            <Balance />
          </Section>
        ) : null}
        <Section title={t('desk.recentClients')}>
          {recent.length === 0 ? (
            <EmptyState>{t('desk.noRecent')}</EmptyState>
          ) : (
            <List spacing={4}>
              {recent.map((c) => (
                <List.Item key={c.id}>
                  <AnchorLink to="/clients/$clientId" params={{ clientId: c.id }}>
                    {c.name}
                  </AnchorLink>
                </List.Item>
              ))}
            </List>
          )}
        </Section>
      </SimpleGrid>
    </Stack>
  );
}
