// The organisation's units as a tree: create, rename, move under another parent, and delete an
// empty one (the server refuses a unit that still has users and says so).
import { Badge, Button, Card, Group, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CardList, Section } from '../../components/Section';
import { EmptyState, ErrorState, errorMessage, LoadingState } from '../../components/States';
import { api } from '../../lib/api';
import { can, useMe } from '../../lib/session';
import { AuditButton } from '../trash/AuditButton';
import { adminKeys, flattenTree, type TUnit, unitsQuery } from './admin-api';
import { UnitForm } from './UnitForm';

export function UnitsTab() {
  const { t } = useTranslation();
  const me = useMe();
  const query = useQuery(unitsQuery);
  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => query.refetch()} />;
  const units = query.data;
  return (
    <Stack>
      {can(me, 'org:create') ? (
        <Section title={t('admin.units.new')}>
          <UnitForm units={units} />
        </Section>
      ) : null}
      <Section title={t('admin.units.title')}>
        {units.length === 0 ? (
          <EmptyState>{t('admin.units.empty')}</EmptyState>
        ) : (
          <CardList label={t('admin.units.title')}>
            {flattenTree(units).map(({ unit, depth }) => (
              <UnitRow key={unit.id} unit={unit} depth={depth} units={units} />
            ))}
          </CardList>
        )}
      </Section>
    </Stack>
  );
}

function UnitRow({ unit, depth, units }: { unit: TUnit; depth: number; units: TUnit[] }) {
  const { t } = useTranslation();
  const me = useMe();
  const client = useQueryClient();
  const [editing, setEditing] = useState(false);
  const remove = useMutation({
    mutationFn: () => api(`/units/${unit.id}`, { method: 'DELETE' }),
    onSuccess: () => client.invalidateQueries({ queryKey: adminKeys.units }),
  });
  const confirmDelete = () => {
    if (window.confirm(t('admin.units.confirmDelete', { name: unit.name }))) remove.mutate();
  };
  const name = { name: unit.name };
  // Indentation shows the tree; capped so deep trees still fit a phone.
  return (
    <Card component="li" withBorder padding="sm" ml={`${Math.min(depth, 4) * 16}px`} aria-label={unit.name}>
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Group gap="xs" wrap="wrap">
          <Text fw={600}>{unit.name}</Text>
          <Badge variant="light">{t(`admin.units.kinds.${unit.kind}`)}</Badge>
          {unit.branchKind ? (
            <Badge variant="outline">{t(`admin.units.branchKinds.${unit.branchKind}`)}</Badge>
          ) : null}
        </Group>
        <Group gap="xs">
          {can(me, 'org:edit') && !editing ? (
            <Button
              size="compact-sm"
              variant="light"
              onClick={() => setEditing(true)}
              aria-label={t('admin.units.editOf', name)}
            >
              {t('admin.edit')}
            </Button>
          ) : null}
          <AuditButton entity="unit" id={unit.id} name={unit.name} />
          {can(me, 'org:delete') ? (
            <Button
              size="compact-sm"
              variant="subtle"
              color="red"
              loading={remove.isPending}
              onClick={confirmDelete}
              aria-label={t('admin.units.deleteOf', name)}
            >
              {t('admin.delete')}
            </Button>
          ) : null}
        </Group>
      </Group>
      {remove.isError ? (
        <Text size="sm" c="red" role="alert">
          {errorMessage(remove.error, t)}
        </Text>
      ) : null}
      {editing ? (
        <Stack mt="sm">
          <UnitForm units={units} unit={unit} onDone={() => setEditing(false)} />
        </Stack>
      ) : null}
    </Card>
  );
}
