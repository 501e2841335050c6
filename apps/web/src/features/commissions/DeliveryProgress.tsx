// The mailing of a run's statements: sent, pending and failed of all, from the delivery states,
// polled while any is pending. The bar's parts are counts, so its width is true at every moment.
import { Group, List, Loader, Progress, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../components/States';
import { fetchStatements, statementKeys } from './commissions-api';
import { DeliveryBadge } from './DeliveryBadge';

export function DeliveryProgress({ runId }: { runId: string }) {
  const { t } = useTranslation();
  const query = useQuery({
    queryKey: [...statementKeys.all, 'run', runId],
    queryFn: () => fetchStatements({ runId, limit: 200 }),
    refetchInterval: (q) =>
      q.state.data?.items.some((s) => s.delivery.status === 'pending') === false ? false : 1_500,
  });
  if (query.isError) return <ErrorState error={query.error} onRetry={() => query.refetch()} />;
  const items = query.data?.items ?? [];
  const count = (status: string) => items.filter((s) => s.delivery.status === status).length;
  const sent = count('sent');
  const failed = count('failed');
  const noAddress = count('no_address');
  const pending = count('pending');
  const total = items.length;
  const share = (n: number) => (total ? (n / total) * 100 : 0);
  const label = t('commissions.run.mailingOf', { sent, pending, failed: failed + noAddress, total });
  return (
    <Stack gap="xs" role="status" aria-live="polite">
      <Group gap="xs">
        {pending > 0 || !query.data ? <Loader size="xs" /> : null}
        {pending > 0 || !query.data ? null : <Text size="sm">{t('commissions.run.mailed')}</Text>}
        <Text size="sm">{label}</Text>
      </Group>
      <Progress.Root size="lg" aria-label={label}>
        <Progress.Section value={share(sent)} color="teal" aria-label={t('commissions.delivery.sent')} />
        <Progress.Section value={share(failed)} color="red" aria-label={t('commissions.delivery.failed')} />
        <Progress.Section
          value={share(noAddress)}
          color="orange"
          aria-label={t('commissions.delivery.no_address')}
        />
      </Progress.Root>
      <List size="sm" listStyleType="none">
        {items.map((s) => (
          <List.Item key={s.id}>
            <Group gap="xs">
              <Text size="sm">
                {s.number} · {s.recipientName}
              </Text>
              <DeliveryBadge status={s.delivery.status} />
            </Group>
          </List.Item>
        ))}
      </List>
    </Stack>
  );
}
