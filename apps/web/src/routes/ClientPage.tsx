// The client 360 page: who they are and how to reach them, editing the master data, quick facts,
// cases, relations, consents, documents, merging a duplicate, and the timeline.
import { Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Section } from '../components/Section';
import { EmptyState, ErrorState, LoadingState } from '../components/States';
import { ClientActivities } from '../features/activities/ClientActivities';
import { ClientCases, useClientCases } from '../features/clients-extra/ClientCases';
import { Consents } from '../features/clients-extra/Consents';
import type { TClientMaster } from '../features/clients-extra/client-form';
import { Documents } from '../features/clients-extra/Documents';
import { EditClient } from '../features/clients-extra/EditClient';
import { Merge } from '../features/clients-extra/Merge';
import { Relations } from '../features/clients-extra/Relations';
import { AuditTrail } from '../features/trash/AuditTrail';
import { ApiError, api } from '../lib/api';
import { formatDate, formatDateTime, formatMoney, formatNumber } from '../lib/format';
import { rememberClient } from '../lib/recent';
import { can, useMe } from '../lib/session';

type TClient = Omit<TClientMaster, 'emails' | 'phones'> & {
  id: string;
  displayName: string;
  timeZone: string;
  createdAt: string;
  emails: { id: string; address: string; label: string }[];
  phones: { id: string; number: string; label: string }[];
  addresses: { id: string; street: string; postalCode: string; city: string; country: string }[];
};

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={600}>{value}</Text>
    </div>
  );
}

function QuickFacts({ client }: { client: TClient }) {
  const { t } = useTranslation();
  const cases = useClientCases(client.id);
  const amounts = (cases.data?.items ?? []).flatMap((c) => (c.amount ? [c.amount] : []));
  const currency = amounts[0]?.currency;
  const single = currency && amounts.every((a) => a.currency === currency);
  const total = single ? amounts.reduce((s, a) => s + a.minor, 0) : null;
  return (
    <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="md">
      <Fact label={t('client.since')} value={formatDate(client.createdAt)} />
      <Fact
        label={t('client.cases')}
        value={
          cases.data
            ? // More than one page: the count is a lower bound.
              `${formatNumber(cases.data.items.length)}${cases.data.nextCursor ? '+' : ''}`
            : '…'
        }
      />
      <Fact label={t('client.localTime')} value={formatDateTime(new Date().toISOString(), client.timeZone)} />
      {total !== null && currency ? (
        <>
          <Fact label={t('client.volume')} value={formatMoney(total, currency)} />
          <Fact
            label={t('client.average')}
            value={formatMoney(Math.round(total / amounts.length), currency)}
          />
        </>
      ) : null}
    </SimpleGrid>
  );
}

export function ClientPage() {
  const { clientId } = useParams({ from: '/signed-in/clients/$clientId' });
  const me = useMe();
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const q = useQuery({ queryKey: ['client', clientId], queryFn: () => api<TClient>(`/clients/${clientId}`) });
  const name = q.data?.displayName;
  useEffect(() => {
    if (name) rememberClient(me.user.id, { id: clientId, name });
  }, [clientId, name, me.user.id]);
  if (q.isPending) return <LoadingState />;
  if (q.isError) {
    if (q.error instanceof ApiError && q.error.status === 404)
      return <EmptyState>{t('client.notFound')}</EmptyState>;
    return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  }
  const client = q.data;
  return (
    <Stack gap="lg">
      <Group gap="sm" align="center" wrap="wrap">
        <Title order={1}>{client.displayName}</Title>
        <Badge variant="light">{t(`clients.statuses.${client.status}`)}</Badge>
        <Badge variant="outline" color="gray">
          {t(`clients.types.${client.clientType}`)}
        </Badge>
        {can(me, 'clients:edit') && !editing ? (
          <Button variant="light" size="compact-md" ml="auto" onClick={() => setEditing(true)}>
            {t('client.edit')}
          </Button>
        ) : null}
      </Group>
      {editing ? <EditClient client={client} onDone={() => setEditing(false)} /> : null}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Card withBorder radius="lg" padding="lg" component="section" aria-label={t('client.facts')}>
          <Title order={2} size="h4" mb="sm">
            {t('client.facts')}
          </Title>
          <QuickFacts client={client} />
        </Card>
        <Card withBorder radius="lg" padding="lg" component="section" aria-label={t('client.contacts')}>
          <Title order={2} size="h4" mb="sm">
            {t('client.contacts')}
          </Title>
          <Stack gap={4}>
            {client.emails.map((e) => (
              <Text key={e.id} component="a" href={`mailto:${e.address}`} c="teal.9">
                {e.address}
              </Text>
            ))}
            {client.phones.map((p) => (
              <Text key={p.id} component="a" href={`tel:${p.number}`}>
                {p.number}
              </Text>
            ))}
            {client.addresses.map((a) => (
              <Text key={a.id}>
                {a.street}, {a.postalCode} {a.city}
              </Text>
            ))}
          </Stack>
        </Card>
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        {can(me, 'cases:view') ? <ClientCases clientId={clientId} /> : null}
        <Relations clientId={clientId} canEdit={can(me, 'clients:edit')} />
        <Consents clientId={clientId} canEdit={can(me, 'clients:edit')} />
        {can(me, 'documents:view') ? (
          <Documents
            clientId={clientId}
            canCreate={can(me, 'documents:create') && can(me, 'documents:edit')}
          />
        ) : null}
      </SimpleGrid>
      {can(me, 'clients:edit') ? <Merge clientId={clientId} /> : null}
      <ClientActivities clientId={clientId} />
      {can(me, 'audit:view') ? (
        <Section title={t('trash.audit.title')}>
          <AuditTrail entity="client" id={clientId} />
        </Section>
      ) : null}
    </Stack>
  );
}
