// Each recipient's balance; cards on a phone so that the page never scrolls sideways.
import { Card, SimpleGrid, Table, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { CardList } from '../../components/Section';
import { EmptyState, ErrorState, LoadingState } from '../../components/States';
import { formatMoney } from '../../lib/format';
import { balancesQuery, type TBalance, type TMoney } from './commissions-api';

const COLUMNS = ['earned', 'payable', 'paid', 'heldBack', 'clawedBack'] as const;
const money = (m: TMoney) => formatMoney(m.minor, m.currency);

export function BalancesTab() {
  const { t } = useTranslation();
  const phone = useMediaQuery('(max-width: 48em)');
  const query = useQuery(balancesQuery);
  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => query.refetch()} />;
  const items = query.data.items;
  if (items.length === 0) return <EmptyState>{t('commissions.balances.empty')}</EmptyState>;
  return phone ? <BalanceCards items={items} /> : <BalanceTable items={items} />;
}

function BalanceTable({ items }: { items: TBalance[] }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped aria-label={t('commissions.balances.title')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('commissions.balances.recipient')}</Table.Th>
            {COLUMNS.map((c) => (
              <Table.Th key={c} ta="right">
                {t(`commissions.balances.${c}`)}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((b) => (
            <Table.Tr key={`${b.recipientId}:${b.earned.currency}`}>
              <Table.Td>{b.recipientName}</Table.Td>
              {COLUMNS.map((c) => (
                <Table.Td key={c} ta="right">
                  {money(b[c])}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function BalanceCards({ items }: { items: TBalance[] }) {
  const { t } = useTranslation();
  return (
    <CardList label={t('commissions.balances.title')}>
      {items.map((b) => (
        <Card component="li" key={`${b.recipientId}:${b.earned.currency}`} withBorder padding="sm">
          <Text fw={600}>{b.recipientName}</Text>
          <SimpleGrid cols={2} spacing={4} verticalSpacing={2} component="dl" m={0}>
            {COLUMNS.map((c) => (
              <BalanceRow key={c} label={t(`commissions.balances.${c}`)} value={money(b[c])} />
            ))}
          </SimpleGrid>
        </Card>
      ))}
    </CardList>
  );
}

function BalanceRow({ label, value }: { label: string; value: string }) {
  return (
    <>
      <Text component="dt" size="sm" c="dimmed">
        {label}
      </Text>
      <Text component="dd" size="sm" ta="right" m={0}>
        {value}
      </Text>
    </>
  );
}
