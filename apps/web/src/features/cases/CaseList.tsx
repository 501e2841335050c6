// The cases of a pipeline as a table, newest first, with "show more" by cursor.
import { Button, Stack, Table } from '@mantine/core';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../components/links';
import { EmptyState, ErrorState, LoadingState } from '../../components/States';
import { api, queryString } from '../../lib/api';
import { formatDate, formatMoney } from '../../lib/format';
import { useUsers } from '../../lib/users';
import type { TCase, TPage, TPipeline } from './types';

export function CaseList({ pipeline }: { pipeline: TPipeline }) {
  const { t } = useTranslation();
  const { nameOf } = useUsers();
  const q = useInfiniteQuery({
    queryKey: ['cases', 'list', pipeline.id],
    queryFn: ({ pageParam }) =>
      api<TPage<TCase>>(`/cases${queryString({ pipelineId: pipeline.id, limit: 50, cursor: pageParam })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  if (q.isPending) return <LoadingState />;
  if (q.isError) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  const rows = q.data.pages.flatMap((p) => p.items);
  if (rows.length === 0) return <EmptyState>{t('cases.noCases')}</EmptyState>;
  return (
    <Stack>
      <Table.ScrollContainer minWidth={640}>
        <Table striped highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('cases.number')}</Table.Th>
              <Table.Th>{t('cases.client')}</Table.Th>
              <Table.Th>{t('cases.stage')}</Table.Th>
              <Table.Th ta="right">{t('cases.amount')}</Table.Th>
              <Table.Th>{t('cases.owner')}</Table.Th>
              <Table.Th>{t('cases.opened')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((c) => (
              <Table.Tr key={c.id}>
                <Table.Td>
                  <AnchorLink to="/cases/$caseId" params={{ caseId: c.id }}>
                    {c.number}
                  </AnchorLink>
                </Table.Td>
                <Table.Td>{c.clientName}</Table.Td>
                <Table.Td>{c.stage.name}</Table.Td>
                <Table.Td ta="right">
                  {c.amount ? formatMoney(c.amount.minor, c.amount.currency) : '—'}
                </Table.Td>
                <Table.Td>{nameOf(c.ownerId)}</Table.Td>
                <Table.Td>{formatDate(c.createdAt)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {q.hasNextPage ? (
        <Button variant="light" loading={q.isFetchingNextPage} onClick={() => void q.fetchNextPage()}>
          {t('cases.showMore')}
        </Button>
      ) : null}
    </Stack>
  );
}
