// The client list: search and filters (status, type, source, owner, tag, the tenant's custom
// fields), sorting, saved filters, the server's CSV/XLSX export of the filter, and "show more".
import { Button, Group, Stack, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ButtonLink } from '../components/links';
import { EmptyState, ErrorState, LoadingState } from '../components/States';
import { ClientFilters } from '../features/clients-extra/ClientFilters';
import { ClientTable } from '../features/clients-extra/ClientTable';
import { ExportMenu } from '../features/clients-extra/ExportMenu';
import { SavedFilters } from '../features/clients-extra/SavedFilters';
import {
  EMPTY_FILTER,
  filterQuery,
  type TClientFilter,
  type TClientRow,
  type TPage,
} from '../features/clients-extra/types';
import { api, queryString } from '../lib/api';
import { can, useMe } from '../lib/session';

export function ClientsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [filter, setFilter] = useState<TClientFilter>(EMPTY_FILTER);
  // Typing in the search and tag fields asks the server once it pauses, not per key.
  const [debounced] = useDebouncedValue(filter, 250);
  const query = filterQuery(debounced);
  const list = useInfiniteQuery({
    queryKey: ['clients', query],
    initialPageParam: '',
    queryFn: ({ pageParam, signal }) =>
      api<TPage<TClientRow>>(`/clients${queryString({ ...query, limit: 50, cursor: pageParam })}`, {
        signal,
      }),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Stack gap="md">
      <Group justify="space-between" wrap="wrap">
        <Title order={1}>{t('clients.title')}</Title>
        <Group gap="sm" wrap="wrap">
          {can(me, 'clients:export') ? <ExportMenu filter={debounced} /> : null}
          {can(me, 'clients:create') ? (
            <ButtonLink to="/clients/new">{t('newClient.open')}</ButtonLink>
          ) : null}
        </Group>
      </Group>
      <ClientFilters value={filter} onChange={setFilter} />
      <SavedFilters current={filter} onApply={setFilter} />
      {list.isPending ? (
        <LoadingState />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : rows.length === 0 ? (
        <EmptyState>{t('clients.none')}</EmptyState>
      ) : (
        <ClientTable rows={rows} />
      )}
      {list.hasNextPage ? (
        <Button
          variant="light"
          onClick={() => void list.fetchNextPage()}
          loading={list.isFetchingNextPage}
          w="fit-content"
        >
          {t('clients.more')}
        </Button>
      ) : null}
    </Stack>
  );
}
