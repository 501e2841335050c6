// Where a case has been: every stage move with who made it, oldest first as the server gives it.
import { Text, Timeline } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/States';
import { formatDateTime } from '../../lib/format';
import { useUsers } from '../../lib/users';
import type { TPipeline, TStageMove } from './types';

export function StageHistory({
  history,
  pipeline,
}: {
  history: TStageMove[];
  pipeline: TPipeline | undefined;
}) {
  const { t } = useTranslation();
  const { nameOf } = useUsers();
  if (history.length === 0) return <EmptyState>{t('cases.noHistory')}</EmptyState>;
  const name = (key: string) => pipeline?.stages.find((s) => s.key === key)?.name ?? key;
  const reason = (key: string) => pipeline?.lossReasons.find((r) => r.key === key)?.name ?? key;
  return (
    <Timeline bulletSize={12} lineWidth={2} active={history.length - 1}>
      {history.map((m) => (
        <Timeline.Item
          key={`${m.at}:${m.to}`}
          title={
            m.from
              ? t('cases.historyMove', { from: name(m.from), to: name(m.to) })
              : t('cases.historyStart', { to: name(m.to) })
          }
        >
          <Text size="xs" c="dimmed">
            {formatDateTime(m.at)}
            {m.by ? ` · ${t('cases.historyBy', { name: nameOf(m.by) })}` : ''}
          </Text>
          {m.lossReason ? (
            <Text size="xs">{t('cases.historyLoss', { reason: reason(m.lossReason) })}</Text>
          ) : null}
        </Timeline.Item>
      ))}
    </Timeline>
  );
}
