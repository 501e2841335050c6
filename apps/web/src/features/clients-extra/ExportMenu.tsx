// The client list's export: the current filter and sort as CSV or a spreadsheet, built and audited
// by the server (GET /clients/export). Only offered to who holds clients:export.
import { Alert, Button, Group, Menu, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../components/States';
import { queryString } from '../../lib/api';
import { downloadFile } from './download';
import { filterQuery, type TClientFilter } from './types';

type TFormat = 'csv' | 'xlsx';

export function ExportMenu({ filter }: { filter: TClientFilter }) {
  const { t } = useTranslation();
  const run = useMutation({
    mutationFn: (format: TFormat) =>
      downloadFile(`/clients/export${queryString({ ...filterQuery(filter), format })}`, `clients.${format}`),
  });
  return (
    <Group gap="sm" wrap="wrap">
      <Menu position="bottom-end">
        <Menu.Target>
          <Button variant="default" loading={run.isPending} aria-busy={run.isPending}>
            {t('clients.export')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item onClick={() => run.mutate('csv')}>{t('clients.exportCsv')}</Menu.Item>
          <Menu.Item onClick={() => run.mutate('xlsx')}>{t('clients.exportXlsx')}</Menu.Item>
        </Menu.Dropdown>
      </Menu>
      {run.isPending ? (
        <Text size="sm" c="dimmed" role="status">
          {t('clients.exportBusy')}
        </Text>
      ) : null}
      {run.isError ? (
        <Alert color="red" variant="light" role="alert" py={4}>
          {errorMessage(run.error, t)}
        </Alert>
      ) : null}
    </Group>
  );
}
