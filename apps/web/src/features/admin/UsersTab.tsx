// The users within scope: a table on wide screens, cards on a phone; creating one, and changing
// or moving one in a dialog.
import {
  Badge,
  Button,
  Card,
  Divider,
  Group,
  Modal,
  Stack,
  Table,
  Text,
  VisuallyHidden,
} from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CardList, Section } from '../../components/Section';
import { EmptyState, ErrorState, LoadingState } from '../../components/States';
import { can, useMe } from '../../lib/session';
import { AuditButton } from '../trash/AuditButton';
import { rolesQuery, type TUnit, type TUser, unitsQuery, usersQuery } from './admin-api';
import { CreateUserForm } from './CreateUserForm';
import { MoveUserForm, UserEditForm } from './UserEditForm';

export function UsersTab() {
  const { t } = useTranslation();
  const me = useMe();
  const users = useQuery(usersQuery);
  // Units and roles are read only where the user may see them; without them the names are left out.
  const units = useQuery({ ...unitsQuery, enabled: can(me, 'org:view') });
  const roles = useQuery({ ...rolesQuery, enabled: can(me, 'roles:view') });
  const [editing, setEditing] = useState<TUser | null>(null);
  if (users.isPending) return <LoadingState />;
  if (users.isError) return <ErrorState error={users.error} onRetry={() => users.refetch()} />;
  const unitList = units.data ?? [];
  const mayCreate = can(me, 'users:create') && roles.data !== undefined;
  return (
    <Stack>
      {mayCreate ? (
        <Section title={t('admin.users.new')}>
          <CreateUserForm units={unitList} roles={roles.data ?? []} />
        </Section>
      ) : null}
      <Section title={t('admin.users.title')}>
        <UserList
          users={users.data}
          units={unitList}
          onEdit={can(me, 'users:edit') ? setEditing : undefined}
        />
      </Section>
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing ? t('admin.users.editOf', { name: editing.displayName }) : ''}
      >
        {editing ? (
          <Stack>
            <UserEditForm key={editing.id} user={editing} onDone={() => setEditing(null)} />
            <Divider />
            <MoveUserForm
              key={`m${editing.id}`}
              user={editing}
              units={unitList}
              onDone={() => setEditing(null)}
            />
          </Stack>
        ) : null}
      </Modal>
    </Stack>
  );
}

type TListProps = { users: TUser[]; units: TUnit[]; onEdit?: (u: TUser) => void };

function UserList({ users, units, onEdit }: TListProps) {
  const { t } = useTranslation();
  const phone = useMediaQuery('(max-width: 48em)');
  if (users.length === 0) return <EmptyState>{t('admin.users.empty')}</EmptyState>;
  const unitName = (id: string | null) => units.find((u) => u.id === id)?.name ?? '—';
  const edit = (u: TUser) => (
    <Group gap={4} wrap="nowrap">
      {onEdit ? (
        <Button
          size="compact-sm"
          variant="light"
          onClick={() => onEdit(u)}
          aria-label={t('admin.users.editOf', { name: u.displayName })}
        >
          {t('admin.edit')}
        </Button>
      ) : null}
      <AuditButton entity="user" id={u.id} name={u.displayName} />
    </Group>
  );
  const status = (u: TUser) => (
    <Badge color={u.status === 'active' ? 'teal' : 'gray'} variant="light">
      {t(`admin.users.statuses.${u.status}`)}
    </Badge>
  );
  if (phone) {
    return (
      <CardList label={t('admin.users.title')}>
        {users.map((u) => (
          <Card component="li" key={u.id} withBorder padding="sm" aria-label={u.displayName}>
            <Group justify="space-between" wrap="nowrap">
              <Text fw={600}>{u.displayName}</Text>
              {status(u)}
            </Group>
            <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
              {u.email}
            </Text>
            <Text size="sm" c="dimmed">
              {unitName(u.unitId)} · {u.roles.map((r) => r.name).join(', ')}
            </Text>
            <Group mt="xs">{edit(u)}</Group>
          </Card>
        ))}
      </CardList>
    );
  }
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped highlightOnHover aria-label={t('admin.users.title')}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('admin.users.displayName')}</Table.Th>
            <Table.Th>{t('admin.users.email')}</Table.Th>
            <Table.Th>{t('admin.users.unit')}</Table.Th>
            <Table.Th>{t('admin.users.roles')}</Table.Th>
            <Table.Th>{t('admin.users.status')}</Table.Th>
            <Table.Th>
              <VisuallyHidden>{t('admin.rowActions')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {users.map((u) => (
            <Table.Tr key={u.id}>
              <Table.Td>{u.displayName}</Table.Td>
              <Table.Td>{u.email}</Table.Td>
              <Table.Td>{unitName(u.unitId)}</Table.Td>
              <Table.Td>{u.roles.map((r) => r.name).join(', ')}</Table.Td>
              <Table.Td>{status(u)}</Table.Td>
              <Table.Td>{edit(u)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
