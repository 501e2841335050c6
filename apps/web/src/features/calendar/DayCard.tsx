// One day of the calendar: its appointments in time order (time, subject, client, case, "mark
// done"), then the tasks due that day. The same card is a week column and an agenda entry.
import { Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../components/links';
import { errorMessage } from '../../components/States';
import { api } from '../../lib/api';
import { formatTime } from '../../lib/format';
import { can, useMe } from '../../lib/session';
import { useCase } from '../cases/queries';
import { calendarKeys, dayTitle, type TCalendarTask, type TDay, type TEntry, whenOf } from './calendar-data';

function ClientLink({ clientId }: { clientId: string }) {
  // The same query as the client 360 page, so opening the client afterwards is instant.
  const q = useQuery({
    queryKey: ['client', clientId],
    queryFn: () => api<{ id: string; displayName: string }>(`/clients/${clientId}`),
  });
  if (!q.data) return null;
  return (
    <AnchorLink size="sm" to="/clients/$clientId" params={{ clientId }}>
      {q.data.displayName}
    </AnchorLink>
  );
}

function CaseLink({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const q = useCase(caseId);
  if (!q.data) return null;
  return (
    <AnchorLink size="sm" to="/cases/$caseId" params={{ caseId }}>
      {t('calendar.caseLink', { number: q.data.number })}
    </AnchorLink>
  );
}

function MarkDone({ entry, subject }: { entry: TEntry; subject: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const done = useMutation({
    // Held at the planned time if that has passed; an early finish happened now (the server's default).
    mutationFn: () => {
      const planned = entry.plannedAt && new Date(entry.plannedAt) < new Date() ? entry.plannedAt : undefined;
      return api(`/activities/${entry.id}`, {
        method: 'PATCH',
        body: { done: true, ...(planned && { occurredAt: planned }) },
      });
    },
    onSuccess: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: calendarKeys.all }),
        client.invalidateQueries({ queryKey: ['desk', 'appointments'] }),
      ]),
  });
  return (
    <Stack gap={2}>
      <Button
        size="compact-xs"
        variant="light"
        loading={done.isPending}
        onClick={() => done.mutate()}
        aria-label={t('calendar.markDoneOf', { subject })}
        style={{ alignSelf: 'flex-start' }}
      >
        {t('calendar.markDone')}
      </Button>
      {done.isError ? (
        <Text size="xs" c="red" role="alert">
          {errorMessage(done.error, t)}
        </Text>
      ) : null}
    </Stack>
  );
}

function EntryItem({ entry }: { entry: TEntry }) {
  const { t } = useTranslation();
  const me = useMe();
  const subject = entry.subject || t(`activities.kinds.${entry.kind}`);
  return (
    <Stack gap={2} component="li">
      <Group gap={6} wrap="wrap" align="baseline">
        <Text fw={700} size="sm">
          {formatTime(whenOf(entry))}
        </Text>
        <Text size="sm" td={entry.done ? 'line-through' : undefined} style={{ overflowWrap: 'anywhere' }}>
          {subject}
        </Text>
        {entry.done ? (
          <Badge size="xs" variant="light" color="gray">
            {t('calendar.done')}
          </Badge>
        ) : null}
      </Group>
      <ClientLink clientId={entry.clientId} />
      {entry.caseId ? <CaseLink caseId={entry.caseId} /> : null}
      {!entry.done && entry.kind === 'planned' && can(me, 'activities:edit') ? (
        <MarkDone entry={entry} subject={subject} />
      ) : null}
    </Stack>
  );
}

function TaskItem({ task }: { task: TCalendarTask }) {
  const { t } = useTranslation();
  return (
    <Stack gap={2} component="li">
      <Group gap={6} wrap="wrap" align="baseline">
        <Badge size="xs" variant="light">
          {t('calendar.task')}
        </Badge>
        {task.caseId ? (
          <AnchorLink size="sm" to="/cases/$caseId" params={{ caseId: task.caseId }}>
            {task.title}
          </AnchorLink>
        ) : (
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            {task.title}
          </Text>
        )}
      </Group>
      <Group gap={6}>
        {task.dueAt ? (
          <Text size="xs" c="dimmed">
            {t('calendar.taskDue', { time: formatTime(task.dueAt) })}
          </Text>
        ) : null}
        {task.overdue ? (
          <Badge size="xs" variant="light" color="red">
            {t('calendar.overdue')}
          </Badge>
        ) : null}
      </Group>
      {task.clientId ? <ClientLink clientId={task.clientId} /> : null}
    </Stack>
  );
}

const LIST = { listStyle: 'none', padding: 0, margin: 0 } as const;

export function DayCard({ day, isToday }: { day: TDay; isToday: boolean }) {
  const { t } = useTranslation();
  const title = dayTitle(day.day);
  const empty = day.entries.length === 0 && day.tasks.length === 0;
  return (
    <Card
      withBorder
      radius="md"
      padding="sm"
      component="section"
      aria-label={title}
      aria-current={isToday ? 'date' : undefined}
      style={isToday ? { borderColor: 'var(--mantine-primary-color-filled)', borderWidth: 2 } : undefined}
    >
      <Group gap={6} mb="xs" wrap="wrap">
        <Title order={3} size="h6">
          {title}
        </Title>
        {isToday ? (
          <Badge size="xs" variant="filled">
            {t('calendar.todayBadge')}
          </Badge>
        ) : null}
      </Group>
      {empty ? (
        <Text size="sm" c="dimmed">
          {t('calendar.nothing')}
        </Text>
      ) : (
        <Stack gap="sm" component="ul" style={LIST} aria-label={t('calendar.appointments', { day: title })}>
          {day.entries.map((e) => (
            <EntryItem key={e.id} entry={e} />
          ))}
          {day.tasks.map((task) => (
            <TaskItem key={task.id} task={task} />
          ))}
        </Stack>
      )}
    </Card>
  );
}
