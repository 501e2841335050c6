// What one may do with an activity on the timeline or a case's list: mark a planned one done,
// answer it, see the whole conversation, change it, or move it to the trash (after asking).
import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState, errorMessage, LoadingState } from '../../components/States';
import { api } from '../../lib/api';
import { can, useMe } from '../../lib/session';
import { ActivityChain } from './ActivityChain';
import { activityKeys, type TActivity, useActivityChange } from './activities-api';
import { RecordActivity } from './RecordActivity';

type TMode = 'reply' | 'edit' | 'chain' | 'delete' | null;
type TProps = { id: string; kind: string; done: boolean };

function WithActivity({ id, children }: { id: string; children: (a: TActivity) => React.ReactNode }) {
  const q = useQuery({ queryKey: activityKeys.one(id), queryFn: () => api<TActivity>(`/activities/${id}`) });
  if (q.isPending) return <LoadingState />;
  if (q.isError) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  return <>{children(q.data)}</>;
}

export function ActivityActions({ id, kind, done }: TProps) {
  const { t } = useTranslation();
  const me = useMe();
  const [mode, setMode] = useState<TMode>(null);
  const change = useActivityChange();
  const close = () => setMode(null);
  const titles = {
    reply: t('activities.replyTitle'),
    edit: t('activities.editTitle'),
    chain: t('activities.chainTitle'),
    delete: t('activities.deleteTitle'),
  };
  const failed = change.done.error ?? change.remove.error;
  return (
    <>
      <Group gap={4} wrap="wrap">
        {kind === 'planned' && !done && can(me, 'activities:edit') ? (
          <Button
            size="compact-xs"
            variant="light"
            loading={change.done.isPending}
            onClick={() => change.done.mutate(id)}
          >
            {t('activities.markDone')}
          </Button>
        ) : null}
        {can(me, 'activities:create') ? (
          <Button size="compact-xs" variant="subtle" onClick={() => setMode('reply')}>
            {t('activities.reply')}
          </Button>
        ) : null}
        <Button size="compact-xs" variant="subtle" onClick={() => setMode('chain')}>
          {t('activities.showChain')}
        </Button>
        {can(me, 'activities:edit') ? (
          <Button size="compact-xs" variant="subtle" onClick={() => setMode('edit')}>
            {t('activities.edit')}
          </Button>
        ) : null}
        {can(me, 'activities:delete') ? (
          <Button size="compact-xs" variant="subtle" color="red" onClick={() => setMode('delete')}>
            {t('activities.delete')}
          </Button>
        ) : null}
      </Group>
      {failed && !mode ? (
        <Alert color="red" variant="light" role="alert" mt={4}>
          {errorMessage(failed, t)}
        </Alert>
      ) : null}
      <Modal
        opened={mode !== null}
        onClose={close}
        title={mode ? titles[mode] : ''}
        size="lg"
        closeButtonProps={{ 'aria-label': t('activities.close') }}
      >
        {mode === 'chain' ? <ActivityChain id={id} /> : null}
        {mode === 'reply' || mode === 'edit' ? (
          <WithActivity id={id}>
            {(a) => (
              <RecordActivity
                clientId={a.clientId}
                replyTo={mode === 'reply' ? a : undefined}
                editing={mode === 'edit' ? a : undefined}
                onDone={close}
              />
            )}
          </WithActivity>
        ) : null}
        {mode === 'delete' ? (
          <Stack>
            <Text>{t('activities.deleteText')}</Text>
            {change.remove.error ? (
              <Alert color="red" variant="light" role="alert">
                {errorMessage(change.remove.error, t)}
              </Alert>
            ) : null}
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                {t('activities.cancel')}
              </Button>
              <Button
                color="red"
                loading={change.remove.isPending}
                onClick={() => change.remove.mutate(id, { onSuccess: close })}
              >
                {t('activities.delete')}
              </Button>
            </Group>
          </Stack>
        ) : null}
      </Modal>
    </>
  );
}
