// Documents of a case: the list with every version, and uploading a new one onto the case, with
// the client screen's list and upload form.
import { Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { EmptyState, ErrorState, LoadingState } from '../../components/States';
import { api, queryString } from '../../lib/api';
import { can, useMe } from '../../lib/session';
import { DocumentList } from '../clients-extra/DocumentList';
import { DocumentUploadForm } from '../clients-extra/DocumentUploadForm';
import type { TDocumentSummary, TPage } from '../clients-extra/types';

const keyOf = (caseId: string) => ['documents', 'case', caseId];

export function CaseDocuments({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const q = useQuery({
    queryKey: keyOf(caseId),
    queryFn: () => api<TPage<TDocumentSummary>>(`/documents${queryString({ caseId, limit: 100 })}`),
  });
  return (
    <Stack gap="md">
      {q.isPending ? (
        <LoadingState />
      ) : q.isError ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      ) : q.data.items.length === 0 ? (
        <EmptyState>{t('cases.noDocuments')}</EmptyState>
      ) : (
        <DocumentList items={q.data.items} />
      )}
      {can(me, 'documents:create') && can(me, 'documents:edit') ? (
        <DocumentUploadForm owner={{ caseId }} listKey={keyOf(caseId)} />
      ) : null}
    </Stack>
  );
}
