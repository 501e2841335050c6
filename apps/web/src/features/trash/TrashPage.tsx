// The trash: what was deleted, when and by whom; restore it, or (administrators) purge it for good.
import { Alert, Button, Center, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CardList } from '../../components/Section';
import { EmptyState, ErrorState, errorMessage, LoadingState } from '../../components/States';
import { ApiError } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { can, useMe } from '../../lib/session';
import { PurgeDialog, TrashCard } from './TrashCard';
import { type TTrashItem, useTrash, useTrashAction } from './trash-api';

type TNotice = { kind: 'done' | 'refused'; text: string };

export function TrashPage() {
  const { t } = useTranslation();
  const me = useMe();
  const q = useTrash();
  const { restore, purge } = useTrashAction();
  const [notice, setNotice] = useState<TNotice | null>(null);
  const [purging, setPurging] = useState<TTrashItem | null>(null);

  const refused = (item: TTrashItem, error: unknown) => {
    // The server names the date in its message; the item already carries it in the user's words.
    const text =
      error instanceof ApiError && error.code === 'retention_not_reached'
        ? t('trash.tooEarly', { label: item.label, date: formatDateTime(item.purgeableFrom) })
        : errorMessage(error, t);
    setNotice({ kind: 'refused', text });
  };
  const onRestore = (item: TTrashItem) =>
    restore.mutate(item, {
      onSuccess: () => setNotice({ kind: 'done', text: t('trash.restored', { label: item.label }) }),
      onError: (e) => refused(item, e),
    });
  const onPurge = (item: TTrashItem) =>
    purge.mutate(item, {
      onSuccess: () => setNotice({ kind: 'done', text: t('trash.purged', { label: item.label }) }),
      onError: (e) => refused(item, e),
      onSettled: () => setPurging(null),
    });

  const items = q.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Stack maw={860} w="100%">
      <Title order={1}>{t('trash.title')}</Title>
      <Text c="dimmed">{t('trash.intro')}</Text>
      {notice ? (
        <Alert
          color={notice.kind === 'done' ? 'green' : 'red'}
          variant="light"
          role={notice.kind === 'done' ? 'status' : 'alert'}
          withCloseButton
          closeButtonLabel={t('trash.dismiss')}
          onClose={() => setNotice(null)}
        >
          {notice.text}
        </Alert>
      ) : null}
      {q.isPending ? (
        <LoadingState />
      ) : q.isError ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState>{t('trash.empty')}</EmptyState>
      ) : (
        <CardList label={t('trash.list')}>
          {items.map((item) => (
            <TrashCard
              key={item.id}
              item={item}
              busy={restore.isPending && restore.variables?.id === item.id}
              onRestore={can(me, 'trash:edit') ? onRestore : undefined}
              onPurge={can(me, 'trash:manage') ? setPurging : undefined}
            />
          ))}
        </CardList>
      )}
      {q.hasNextPage ? (
        <Center>
          <Button variant="default" loading={q.isFetchingNextPage} onClick={() => void q.fetchNextPage()}>
            {t('trash.more')}
          </Button>
        </Center>
      ) : null}
      <PurgeDialog
        item={purging}
        busy={purge.isPending}
        onClose={() => setPurging(null)}
        onConfirm={onPurge}
      />
    </Stack>
  );
}
