// The client list: search, status and type filters, sorting, and "show more" by cursor.
import {
  Badge,
  Button,
  Card,
  Group,
  NativeSelect,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AnchorLink, ButtonLink } from '../components/links';
import { EmptyState, ErrorState, LoadingState } from '../components/States';
import { api, queryString } from '../lib/api';
import { formatDate } from '../lib/format';
import { can, useMe } from '../lib/session';

const STATUSES = ['new', 'qualified', 'unqualified', 'regular', 'lost'] as const;
const TYPES = ['private', 'business', 'partner_referred'] as const;

type TClientRow = {
  id: string;
  displayName: string;
  status: string;
  clientType: string;
  createdAt: string;
  emails: { address: string }[];
};

export function ClientsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const [text, setText] = useState('');
  const [status, setStatus] = useState('');
  const [clientType, setClientType] = useState('');
  const [sort, setSort] = useState('-createdAt');
  const [q] = useDebouncedValue(text.trim(), 250);
  const list = useInfiniteQuery({
    queryKey: ['clients', { q, status, clientType, sort }],
    initialPageParam: '',
    queryFn: ({ pageParam, signal }) =>
      api<{ items: TClientRow[]; nextCursor: string | null }>(
        `/clients${queryString({ q, status, clientType, sort, limit: 50, cursor: pageParam })}`,
        { signal },
      ),
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const rows = list.data?.pages.flatMap((p) => p.items) ?? [];
  const any = { value: '', label: t('clients.any') };
  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Title order={1}>{t('clients.title')}</Title>
        {can(me, 'clients:create') ? <ButtonLink to="/clients/new">{t('newClient.open')}</ButtonLink> : null}
      </Group>
      <Card withBorder radius="lg" padding="md">
        <Group align="end" gap="sm" wrap="wrap">
          <TextInput
            type="search"
            label={t('clients.searchLabel')}
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            flex="1 1 220px"
          />
          <NativeSelect
            label={t('clients.status')}
            value={status}
            onChange={(e) => setStatus(e.currentTarget.value)}
            data={[any, ...STATUSES.map((s) => ({ value: s, label: t(`clients.statuses.${s}`) }))]}
          />
          <NativeSelect
            label={t('clients.type')}
            value={clientType}
            onChange={(e) => setClientType(e.currentTarget.value)}
            data={[any, ...TYPES.map((s) => ({ value: s, label: t(`clients.types.${s}`) }))]}
          />
          <NativeSelect
            label="↕"
            aria-label={t('clients.name')}
            value={sort}
            onChange={(e) => setSort(e.currentTarget.value)}
            data={[
              { value: '-createdAt', label: `${t('clients.createdAt')} ↓` },
              { value: 'createdAt', label: `${t('clients.createdAt')} ↑` },
              { value: 'displayName', label: `${t('clients.name')} A–Z` },
              { value: '-displayName', label: `${t('clients.name')} Z–A` },
            ]}
          />
        </Group>
      </Card>
      {list.isPending ? (
        <LoadingState />
      ) : list.isError ? (
        <ErrorState error={list.error} onRetry={() => void list.refetch()} />
      ) : rows.length === 0 ? (
        <EmptyState>{t('clients.none')}</EmptyState>
      ) : (
        <Card withBorder radius="lg" padding={0}>
          <Table.ScrollContainer minWidth={0}>
            <Table striped highlightOnHover verticalSpacing="sm">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('clients.name')}</Table.Th>
                  <Table.Th>{t('clients.status')}</Table.Th>
                  <Table.Th visibleFrom="sm">{t('clients.type')}</Table.Th>
                  <Table.Th visibleFrom="sm">{t('clients.createdAt')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((c) => (
                  <Table.Tr key={c.id}>
                    <Table.Td>
                      <AnchorLink to="/clients/$clientId" params={{ clientId: c.id }} fw={500}>
                        {c.displayName}
                      </AnchorLink>
                      {c.emails[0] ? (
                        <Text size="xs" c="dimmed" truncate>
                          {c.emails[0].address}
                        </Text>
                      ) : null}
                    </Table.Td>
                    <Table.Td>
                      <Badge variant="light">{t(`clients.statuses.${c.status}`)}</Badge>
                    </Table.Td>
                    <Table.Td visibleFrom="sm">{t(`clients.types.${c.clientType}`)}</Table.Td>
                    <Table.Td visibleFrom="sm">{formatDate(c.createdAt)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Card>
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
