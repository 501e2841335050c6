// One activity as a line of a list: what kind, which way, when, whose, and what was said.
import { Badge, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/format';
import { useUsers } from '../../lib/users';
import type { TActivity } from './activities-api';

export function KindBadges({ kind, done }: { kind: string; done: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <Badge size="sm" variant="light">
        {t(`activities.kinds.${kind}`)}
      </Badge>
      {kind === 'planned' ? (
        <Badge size="sm" variant="light" color={done ? 'gray' : 'orange'}>
          {done ? t('activities.done') : t('activities.open')}
        </Badge>
      ) : null}
    </>
  );
}

export function ActivityLine({ activity: a }: { activity: TActivity }) {
  const { t } = useTranslation();
  const { nameOf } = useUsers();
  return (
    <>
      <Group gap={6} wrap="wrap">
        <KindBadges kind={a.kind} done={a.done} />
        {a.direction ? (
          <Text size="xs" c="dimmed">
            {t(`activities.directions.${a.direction}`)}
          </Text>
        ) : null}
        <Text size="sm" fw={600} style={{ overflowWrap: 'anywhere' }}>
          {a.subject || t(`activities.kinds.${a.kind}`)}
        </Text>
      </Group>
      <Text size="xs" c="dimmed">
        {formatDateTime(a.at)} · {nameOf(a.ownerId)}
      </Text>
      {a.body ? (
        <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
          {a.body}
        </Text>
      ) : null}
    </>
  );
}
