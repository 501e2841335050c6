// The rows of the client list: a table whose minor columns hide on a phone.
import { Badge, Card, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../../components/links';
import { formatDate } from '../../lib/format';
import type { TClientRow } from './types';

export function ClientTable({ rows }: { rows: TClientRow[] }) {
  const { t } = useTranslation();
  return (
    <Card withBorder radius="lg" padding={0}>
      <Table.ScrollContainer minWidth={0}>
        <Table striped highlightOnHover verticalSpacing="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('clients.name')}</Table.Th>
              <Table.Th>{t('clients.status')}</Table.Th>
              <Table.Th visibleFrom="sm">{t('clients.type')}</Table.Th>
              <Table.Th visibleFrom="md">{t('clients.source')}</Table.Th>
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
                <Table.Td visibleFrom="md">{c.source ? t(`clients.sources.${c.source}`) : '—'}</Table.Td>
                <Table.Td visibleFrom="sm">{formatDate(c.createdAt)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Card>
  );
}
