// Documents of the client (and of its cases): the list with each version to download, and
// uploading a new one. The server finds the file's type in its content (PDF, images, office).
import { Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Section } from '../../components/Section';
import { EmptyState, ErrorState, LoadingState } from '../../components/States';
import { api, queryString } from '../../lib/api';
import { DocumentList } from './DocumentList';
import { DocumentUploadForm } from './DocumentUploadForm';
import type { TDocumentSummary, TPage } from './types';

export function Documents({ clientId, canCreate }: { clientId: string; canCreate: boolean }) {
  const { t } = useTranslation();
  const q = useQuery({
    queryKey: ['client', clientId, 'documents'],
    queryFn: () => api<TPage<TDocumentSummary>>(`/documents${queryString({ clientId, limit: 100 })}`),
  });
  return (
    <Section title={t('client.documents')}>
      <Stack gap="md">
        {q.isPending ? (
          <LoadingState />
        ) : q.isError ? (
          <ErrorState error={q.error} onRetry={() => void q.refetch()} />
        ) : q.data.items.length === 0 ? (
          <EmptyState>{t('client.noDocuments')}</EmptyState>
        ) : (
          <DocumentList items={q.data.items} />
        )}
        {canCreate ? (
          <DocumentUploadForm owner={{ clientId }} listKey={['client', clientId, 'documents']} />
        ) : null}
      </Stack>
    </Section>
  );
}
