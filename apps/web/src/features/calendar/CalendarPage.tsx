// The calendar: a week of appointments and due tasks, Monday first. A wide screen shows the seven
// days side by side; a phone the same days one below the other (an agenda). Whoever may view users
// can open a colleague's calendar (the server shows only what lies in their scope).
import { Button, Group, Modal, NativeSelect, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EmptyState, ErrorState, LoadingState } from '../../components/States';
import { can, useMe } from '../../lib/session';
import { useUsers } from '../../lib/users';
import { AppointmentForm } from './AppointmentForm';
import { addDays, dayKey, type TDay, useWeek, weekRange, weekStart } from './calendar-data';
import { DayCard } from './DayCard';

/** Where a new appointment starts: the next full hour today, or 9:00 on the week's Monday. */
function defaultAt(start: Date): string {
  const now = new Date();
  const inWeek = now >= start && now < addDays(start, 7);
  const at = new Date(inWeek ? now : start);
  if (inWeek) at.setHours(now.getHours() + 1, 0, 0, 0);
  else at.setHours(9, 0, 0, 0);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${dayKey(at)}T${pad(at.getHours())}:${pad(at.getMinutes())}`;
}

function OwnerPicker({ value, onChange }: { value: string; onChange: (owner: string) => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const { users, allowed } = useUsers();
  if (!allowed) return null;
  const others = users.filter((u) => u.id !== me.user.id && u.status === 'active');
  return (
    <NativeSelect
      label={t('calendar.whose')}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
      data={[
        { value: 'me', label: t('calendar.mine') },
        ...others.map((u) => ({ value: u.id, label: u.displayName })),
      ]}
    />
  );
}

function Week({ days, wide }: { days: TDay[]; wide: boolean }) {
  const { t } = useTranslation();
  const today = dayKey(new Date());
  const empty = days.every((d) => d.entries.length === 0 && d.tasks.length === 0);
  const cards = days.map((d) => <DayCard key={d.key} day={d} isToday={d.key === today} />);
  return (
    <Stack gap="sm">
      {empty ? <EmptyState>{t('calendar.weekEmpty')}</EmptyState> : null}
      {wide ? (
        <SimpleGrid cols={7} spacing="xs">
          {cards}
        </SimpleGrid>
      ) : (
        <Stack gap="sm">{cards}</Stack>
      )}
    </Stack>
  );
}

export function CalendarPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [start, setStart] = useState(() => weekStart(new Date()));
  const [owner, setOwner] = useState('me');
  const [creating, setCreating] = useState(false);
  const [message, setMessage] = useState('');
  // Seven columns need the width of a desktop beside the navigation; narrower is the agenda.
  const wide = useMediaQuery('(min-width: 75em)', false) ?? false;
  const allowed = can(me, 'activities:view');
  const week = useWeek(start, owner, allowed && can(me, 'tasks:view'));
  if (!allowed) return <EmptyState>{t('calendar.noPermission')}</EmptyState>;
  const move = (days: number) => {
    setMessage('');
    setStart((s) => (days === 0 ? weekStart(new Date()) : addDays(s, days)));
  };
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
        <Stack gap={2}>
          <Title order={1}>{t('calendar.title')}</Title>
          <Text c="dimmed" aria-live="polite">
            {t('calendar.week', { range: weekRange(start) })}
          </Text>
        </Stack>
        <Group gap="xs" wrap="wrap" align="flex-end">
          <OwnerPicker value={owner} onChange={setOwner} />
          {can(me, 'activities:create') ? (
            <Button onClick={() => setCreating(true)}>{t('calendar.form.open')}</Button>
          ) : null}
        </Group>
      </Group>
      <Group gap="xs" wrap="wrap">
        <Button variant="default" onClick={() => move(-7)}>
          {t('calendar.previousWeek')}
        </Button>
        <Button variant="default" onClick={() => move(0)}>
          {t('calendar.today')}
        </Button>
        <Button variant="default" onClick={() => move(7)}>
          {t('calendar.nextWeek')}
        </Button>
      </Group>
      <Text role="status" size="sm">
        {message}
      </Text>
      {week.isPending ? (
        <LoadingState />
      ) : week.isError ? (
        <ErrorState error={week.error} onRetry={() => void week.refetch()} />
      ) : (
        <Week days={week.data} wide={wide} />
      )}
      <Modal
        opened={creating}
        onClose={() => setCreating(false)}
        title={t('calendar.form.title')}
        closeButtonProps={{ 'aria-label': t('calendar.form.close') }}
      >
        <AppointmentForm
          ownerId={owner}
          defaultAt={defaultAt(start)}
          onCancel={() => setCreating(false)}
          onDone={() => {
            setCreating(false);
            setMessage(t('calendar.form.saved'));
          }}
        />
      </Modal>
    </Stack>
  );
}
