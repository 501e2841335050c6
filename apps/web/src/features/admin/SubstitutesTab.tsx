// Who stands in for whom, from when to when; naming a deputy and ending a substitution.
import { Badge, Button, Card, Group, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { CardList, Section } from '../../components/Section';
import { EmptyState, ErrorState, errorMessage, LoadingState } from '../../components/States';
import { api } from '../../lib/api';
import { formatDate } from '../../lib/format';
import { can, useMe } from '../../lib/session';
import { adminKeys, substitutesQuery, type TSubstitute, type TUser, usersQuery } from './admin-api';
import { SubstituteForm } from './SubstituteForm';

export function SubstitutesTab() {
  const { t } = useTranslation();
  const me = useMe();
  const query = useQuery(substitutesQuery);
  // Names need users:view; without it only the signed-in user is known by name.
  const users = useQuery({ ...usersQuery, enabled: can(me, 'users:view') });
  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => query.refetch()} />;
  const people: TUser[] = users.data ?? [];
  const nameOf = (id: string) =>
    people.find((u) => u.id === id)?.displayName ?? (id === me.user.id ? me.user.displayName : '—');
  return (
    <Stack>
      {can(me, 'substitutes:create') && users.data ? (
        <Section title={t('admin.substitutes.new')}>
          <SubstituteForm users={people} />
        </Section>
      ) : null}
      <Section title={t('admin.substitutes.title')}>
        {query.data.length === 0 ? (
          <EmptyState>{t('admin.substitutes.empty')}</EmptyState>
        ) : (
          <CardList label={t('admin.substitutes.title')}>
            {query.data.map((s) => (
              <SubstituteCard key={s.id} item={s} nameOf={nameOf} />
            ))}
          </CardList>
        )}
      </Section>
    </Stack>
  );
}

function SubstituteCard({ item, nameOf }: { item: TSubstitute; nameOf: (id: string) => string }) {
  const { t } = useTranslation();
  const me = useMe();
  const client = useQueryClient();
  const end = useMutation({
    mutationFn: () => api(`/substitutes/${item.id}`, { method: 'DELETE' }),
    onSuccess: () => client.invalidateQueries({ queryKey: adminKeys.substitutes }),
  });
  const names = { absent: nameOf(item.userId), deputy: nameOf(item.substituteId) };
  const label = t('admin.substitutes.entry', names);
  return (
    <Card component="li" withBorder padding="sm" aria-label={label}>
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Stack gap={2}>
          <Text fw={600}>{label}</Text>
          <Text size="sm">
            {formatDate(item.startsOn)} – {formatDate(item.endsOn)}
          </Text>
          {item.note ? (
            <Text size="sm" c="dimmed">
              {item.note}
            </Text>
          ) : null}
        </Stack>
        <Group gap="xs">
          {item.active ? <Badge color="teal">{t('admin.substitutes.active')}</Badge> : null}
          {can(me, 'substitutes:delete') ? (
            <Button
              size="compact-sm"
              variant="subtle"
              color="red"
              loading={end.isPending}
              onClick={() => end.mutate()}
              aria-label={t('admin.substitutes.endOf', names)}
            >
              {t('admin.substitutes.end')}
            </Button>
          ) : null}
        </Group>
      </Group>
      {end.isError ? (
        <Text size="sm" c="red" role="alert">
          {errorMessage(end.error, t)}
        </Text>
      ) : null}
    </Card>
  );
}
