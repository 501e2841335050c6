// The co-executors of a case: who else works on it. Adding or removing one sends the whole list
// (PATCH coExecutorIds); only who may edit cases and see the firm's users is offered the change.
import { ActionIcon, Button, Group, NativeSelect, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../components/FormError';
import { CardList } from '../../components/Section';
import { EmptyState } from '../../components/States';
import { can, useMe } from '../../lib/session';
import { useUsers } from '../../lib/users';
import { usePatchCase } from './queries';
import type { TCase } from './types';

export function CoExecutors({ kase }: { kase: TCase }) {
  const { t } = useTranslation();
  const me = useMe();
  const { users, nameOf, allowed } = useUsers();
  const patch = usePatchCase(kase.id);
  const [picked, setPicked] = useState('');
  const editable = can(me, 'cases:edit');
  const ids = kase.coExecutorIds;
  const candidates = users.filter(
    (u) => u.status === 'active' && !ids.includes(u.id) && u.id !== kase.executorId,
  );
  const save = (next: string[]) => patch.mutate({ coExecutorIds: next }, { onSuccess: () => setPicked('') });
  return (
    <Stack gap="sm">
      {ids.length === 0 ? (
        <EmptyState>{t('cases.noCoExecutors')}</EmptyState>
      ) : (
        <CardList label={t('cases.coExecutors')}>
          {ids.map((id) => (
            <Group component="li" key={id} justify="space-between" wrap="nowrap" gap="xs">
              <Text size="sm">{nameOf(id)}</Text>
              {editable ? (
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={t('cases.removeCoExecutor', { name: nameOf(id) })}
                  disabled={patch.isPending}
                  onClick={() => save(ids.filter((x) => x !== id))}
                >
                  ×
                </ActionIcon>
              ) : null}
            </Group>
          ))}
        </CardList>
      )}
      {editable && allowed && candidates.length > 0 ? (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            if (picked) save([...ids, picked]);
          }}
        >
          <Group align="flex-end" gap="xs" wrap="wrap">
            <NativeSelect
              label={t('cases.coExecutor')}
              value={picked}
              onChange={(e) => setPicked(e.currentTarget.value)}
              data={[
                { value: '', label: '—' },
                ...candidates.map((u) => ({ value: u.id, label: u.displayName })),
              ]}
              style={{ flex: 1, minWidth: 180 }}
            />
            <Button type="submit" disabled={!picked} loading={patch.isPending}>
              {t('cases.addCoExecutor')}
            </Button>
          </Group>
        </form>
      ) : null}
      <FormError error={patch.error} fields={[]} />
    </Stack>
  );
}
