// The issued statements, newest first, paged by cursor, with their files and delivery.
import { Anchor, Button, Card, Group, Stack, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { CardList } from '../../components/Section';
import { EmptyState, ErrorState, errorMessage, LoadingState } from '../../components/States';
import { formatDate, formatMoney } from '../../lib/format';
import { can, useMe } from '../../lib/session';
import {
  fetchStatements,
  resendStatement,
  statementFileUrl,
  statementKeys,
  type TStatement,
} from './commissions-api';
import { DeliveryBadge } from './DeliveryBadge';

export function StatementsTab() {
  const { t } = useTranslation();
  const phone = useMediaQuery('(max-width: 48em)');
  const query = useInfiniteQuery({
    queryKey: [...statementKeys.all, 'list'],
    queryFn: ({ pageParam }) => fetchStatements({ cursor: pageParam }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => query.refetch()} />;
  const items = query.data.pages.flatMap((p) => p.items);
  if (items.length === 0) return <EmptyState>{t('commissions.statements.empty')}</EmptyState>;
  return (
    <Stack>
      {phone ? <StatementCards items={items} /> : <StatementTable items={items} />}
      {query.hasNextPage ? (
        <Group justify="center">
          <Button variant="light" loading={query.isFetchingNextPage} onClick={() => query.fetchNextPage()}>
            {t('commissions.statements.more')}
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}

function period(s: TStatement): string {
  return `${formatDate(s.periodStart)} – ${formatDate(s.periodEnd)}`;
}

function StatementTable({ items }: { items: TStatement[] }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped highlightOnHover aria-label={t('commissions.statements.title')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('commissions.statements.number')}</Table.Th>
            <Table.Th>{t('commissions.statements.recipient')}</Table.Th>
            <Table.Th>{t('commissions.statements.period')}</Table.Th>
            <Table.Th ta="right">{t('commissions.statements.gross')}</Table.Th>
            <Table.Th>{t('commissions.statements.delivery')}</Table.Th>
            <Table.Th>{t('commissions.statements.files')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((s) => (
            <Table.Tr key={s.id}>
              <Table.Td>{s.number}</Table.Td>
              <Table.Td>{s.recipientName}</Table.Td>
              <Table.Td>{period(s)}</Table.Td>
              <Table.Td ta="right">{formatMoney(s.gross.minor, s.gross.currency)}</Table.Td>
              <Table.Td>
                <DeliveryBadge status={s.delivery.status} />
              </Table.Td>
              <Table.Td>
                <StatementActions statement={s} />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function StatementCards({ items }: { items: TStatement[] }) {
  const { t } = useTranslation();
  return (
    <CardList label={t('commissions.statements.title')}>
      {items.map((s) => (
        <Card component="li" key={s.id} withBorder padding="sm">
          <Group justify="space-between" wrap="nowrap">
            <Text fw={600}>{s.number}</Text>
            <DeliveryBadge status={s.delivery.status} />
          </Group>
          <Text size="sm">{s.recipientName}</Text>
          <Text size="sm" c="dimmed">
            {period(s)}
          </Text>
          <Text size="sm">
            {t('commissions.statements.gross')}: {formatMoney(s.gross.minor, s.gross.currency)}
          </Text>
          <StatementActions statement={s} />
        </Card>
      ))}
    </CardList>
  );
}

function StatementActions({ statement }: { statement: TStatement }) {
  const { t } = useTranslation();
  const me = useMe();
  const queryClient = useQueryClient();
  const resend = useMutation({
    mutationFn: () => resendStatement(statement.id),
    onSettled: () => queryClient.invalidateQueries({ queryKey: statementKeys.all }),
  });
  const name = { number: statement.number };
  return (
    <Stack gap={4}>
      <Group gap="sm" wrap="wrap">
        <Anchor
          href={statementFileUrl(statement.id, 'pdf')}
          download
          aria-label={t('commissions.statements.pdfOf', name)}
        >
          {t('commissions.statements.pdf')}
        </Anchor>
        <Anchor
          href={statementFileUrl(statement.id, 'xlsx')}
          download
          aria-label={t('commissions.statements.xlsxOf', name)}
        >
          {t('commissions.statements.xlsx')}
        </Anchor>
        {statement.delivery.status === 'failed' && can(me, 'commissions:manage') ? (
          <Button
            size="compact-xs"
            variant="light"
            loading={resend.isPending}
            disabled={resend.isSuccess}
            onClick={() => resend.mutate()}
            aria-label={t('commissions.statements.resendOf', name)}
          >
            {resend.isSuccess ? t('commissions.statements.queued') : t('commissions.statements.resend')}
          </Button>
        ) : null}
      </Group>
      {resend.isError ? (
        <Text size="xs" c="red" role="alert">
          {errorMessage(resend.error, t)}
        </Text>
      ) : null}
    </Stack>
  );
}
