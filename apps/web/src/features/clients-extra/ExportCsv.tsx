// CSV export of the current filter, built in the browser from the paged list: the server has no
// export endpoint yet. Only offered to who holds clients:export.
import { Alert, Button, Group, Loader, Text } from '@mantine/core';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../components/States';
import { currentLocale } from '../../i18n';
import { formatDate } from '../../lib/format';
import { useUsers } from '../../lib/users';
import { csvSeparator, downloadText, fetchAllClients, toCsv } from './csv';
import type { TClientFilter, TClientRow } from './types';

type TState =
  | { phase: 'idle' }
  | { phase: 'loading'; loaded: number }
  | { phase: 'done'; count: number }
  | { phase: 'error'; error: unknown };

function useCsvRows() {
  const { t } = useTranslation();
  const { nameOf } = useUsers();
  return (rows: TClientRow[]) => [
    [
      t('clients.name'),
      t('clients.status'),
      t('clients.type'),
      t('clients.source'),
      t('clients.owner'),
      t('clients.tags'),
      t('clients.email'),
      t('clients.phone'),
      t('clients.createdAt'),
    ],
    ...rows.map((c) => [
      c.displayName,
      t(`clients.statuses.${c.status}`),
      t(`clients.types.${c.clientType}`),
      c.source ? t(`clients.sources.${c.source}`) : '',
      nameOf(c.ownerId),
      c.tags.join(', '),
      c.emails[0]?.address ?? '',
      c.phones[0]?.number ?? '',
      formatDate(c.createdAt),
    ]),
  ];
}

export function ExportCsv({ filter }: { filter: TClientFilter }) {
  const { t } = useTranslation();
  const [state, setState] = useState<TState>({ phase: 'idle' });
  const abort = useRef<AbortController | null>(null);
  const csvRows = useCsvRows();
  const run = async () => {
    abort.current = new AbortController();
    setState({ phase: 'loading', loaded: 0 });
    try {
      const rows = await fetchAllClients(
        filter,
        (loaded) => setState({ phase: 'loading', loaded }),
        abort.current.signal,
      );
      const stamp = new Date().toISOString().slice(0, 10);
      downloadText(
        toCsv(csvRows(rows), csvSeparator(currentLocale())),
        `clients-${stamp}.csv`,
        'text/csv;charset=utf-8',
      );
      setState({ phase: 'done', count: rows.length });
    } catch (error) {
      setState((error as Error).name === 'AbortError' ? { phase: 'idle' } : { phase: 'error', error });
    }
  };
  return (
    <Group gap="sm" wrap="wrap">
      {state.phase === 'loading' ? (
        <Group gap="xs" role="status" aria-live="polite">
          <Loader size="xs" />
          <Text size="sm">{t('clients.exporting', { count: state.loaded })}</Text>
          <Button variant="subtle" size="compact-sm" onClick={() => abort.current?.abort()}>
            {t('clients.cancelExport')}
          </Button>
        </Group>
      ) : (
        <Button variant="default" onClick={() => void run()}>
          {t('clients.exportCsv')}
        </Button>
      )}
      {state.phase === 'done' ? (
        <Text size="sm" role="status">
          {t('clients.exported', { count: state.count })}
        </Text>
      ) : null}
      {state.phase === 'error' ? (
        <Alert color="red" variant="light" role="alert" py={4}>
          {errorMessage(state.error, t)}
        </Alert>
      ) : null}
    </Group>
  );
}
