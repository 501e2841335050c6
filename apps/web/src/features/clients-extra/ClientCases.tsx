// The client's cases on the 360 page: number (a link), stage and amount; opening a new one.
import { Badge, Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { AnchorLink, ButtonLink } from '../../components/links';
import { CardList, Section } from '../../components/Section';
import { EmptyState, ErrorState, LoadingState } from '../../components/States';
import { api, queryString } from '../../lib/api';
import { formatMoney } from '../../lib/format';
import { can, useMe } from '../../lib/session';
import type { TClientCase, TPage } from './types';

/** The client's cases; the quick facts and the cases section share one request. */
export function useClientCases(clientId: string) {
  return useQuery({
    queryKey: ['client', clientId, 'cases'],
    queryFn: () => api<TPage<TClientCase>>(`/cases${queryString({ clientId, limit: 200 })}`),
  });
}

export function ClientCases({ clientId }: { clientId: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const q = useClientCases(clientId);
  const title = t('client.casesTitle');
  return (
    <Section title={title}>
      {q.isPending ? (
        <LoadingState />
      ) : q.isError ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      ) : q.data.items.length === 0 ? (
        <EmptyState>{t('client.noCases')}</EmptyState>
      ) : (
        <CardList label={title}>
          {q.data.items.map((c) => (
            <li key={c.id}>
              <Group justify="space-between" wrap="wrap" gap="xs">
                <Stack gap={0} miw={0}>
                  <AnchorLink to="/cases/$caseId" params={{ caseId: c.id }} fw={500}>
                    {c.number}
                  </AnchorLink>
                  <Text size="xs" c="dimmed">
                    {t(`cases.productKinds.${c.productKind}`)}
                  </Text>
                </Stack>
                <Group gap="xs" wrap="wrap">
                  <Badge variant="light" color={c.stage.kind === 'lost' ? 'gray' : 'teal'}>
                    {c.stage.name}
                  </Badge>
                  <Text size="sm" fw={600}>
                    {c.amount ? formatMoney(c.amount.minor, c.amount.currency) : '—'}
                  </Text>
                </Group>
              </Group>
            </li>
          ))}
        </CardList>
      )}
      {can(me, 'cases:create') ? (
        <ButtonLink to="/cases/new" search={{ clientId }} variant="light" mt="md">
          {t('cases.newCase')}
        </ButtonLink>
      ) : null}
    </Section>
  );
}
