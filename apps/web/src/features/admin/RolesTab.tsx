// The roles: built-in ones to read, tenant-defined ones to create and change (with roles:manage).
import { Badge, Button, Card, Group, Modal, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CardList, Section } from '../../components/Section';
import { EmptyState, ErrorState, LoadingState } from '../../components/States';
import { can, useMe } from '../../lib/session';
import { rolesQuery, type TRole } from './admin-api';
import { GrantMatrix } from './GrantMatrix';
import { RoleForm } from './RoleForm';

type TOpen = { mode: 'new' } | { mode: 'edit' | 'view'; role: TRole } | null;

export function RolesTab() {
  const { t } = useTranslation();
  const me = useMe();
  const phone = useMediaQuery('(max-width: 48em)');
  const query = useQuery(rolesQuery);
  const [open, setOpen] = useState<TOpen>(null);
  if (query.isPending) return <LoadingState />;
  if (query.isError) return <ErrorState error={query.error} onRetry={() => query.refetch()} />;
  const mayManage = can(me, 'roles:manage');
  const close = () => setOpen(null);
  const title =
    open === null
      ? ''
      : open.mode === 'new'
        ? t('admin.roles.new')
        : t(open.mode === 'edit' ? 'admin.roles.editOf' : 'admin.roles.viewOf', { name: open.role.name });
  return (
    <Stack>
      {mayManage ? (
        <Group>
          <Button onClick={() => setOpen({ mode: 'new' })}>{t('admin.roles.new')}</Button>
        </Group>
      ) : null}
      <Section title={t('admin.roles.title')}>
        {query.data.length === 0 ? (
          <EmptyState>{t('admin.roles.empty')}</EmptyState>
        ) : (
          <CardList label={t('admin.roles.title')}>
            {query.data.map((role) => (
              <RoleCard
                key={role.id}
                role={role}
                onOpen={(mode) => setOpen({ mode: mayManage && !role.builtin ? mode : 'view', role })}
              />
            ))}
          </CardList>
        )}
      </Section>
      <Modal opened={open !== null} onClose={close} title={title} size="xl" fullScreen={phone}>
        {open?.mode === 'view' ? (
          <Stack>
            {open.role.description ? <Text size="sm">{open.role.description}</Text> : null}
            <GrantMatrix grants={open.role.grants} />
          </Stack>
        ) : open ? (
          <RoleForm role={open.mode === 'edit' ? open.role : undefined} onDone={close} />
        ) : null}
      </Modal>
    </Stack>
  );
}

function RoleCard({ role, onOpen }: { role: TRole; onOpen: (mode: 'edit' | 'view') => void }) {
  const { t } = useTranslation();
  const me = useMe();
  const editable = can(me, 'roles:manage') && !role.builtin;
  const name = { name: role.name };
  return (
    <Card component="li" withBorder padding="sm" aria-label={role.name}>
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Stack gap={2}>
          <Group gap="xs">
            <Text fw={600}>{role.name}</Text>
            {role.builtin ? <Badge variant="light">{t('admin.roles.builtin')}</Badge> : null}
          </Group>
          <Text size="sm" c="dimmed">
            {t('admin.roles.grantCount', { count: role.grants.length })}
          </Text>
        </Stack>
        <Button
          size="compact-sm"
          variant="light"
          onClick={() => onOpen(editable ? 'edit' : 'view')}
          aria-label={t(editable ? 'admin.roles.editOf' : 'admin.roles.viewOf', name)}
        >
          {editable ? t('admin.edit') : t('admin.view')}
        </Button>
      </Group>
    </Card>
  );
}
