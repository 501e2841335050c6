// The documents as a list; each one's versions are fetched when opened (GET /documents/{id}).
import { Anchor, Button, Group, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CardList } from '../../components/Section';
import { ErrorState, LoadingState } from '../../components/States';
import { api } from '../../lib/api';
import { formatDateTime, formatNumber } from '../../lib/format';
import type { TDocument, TDocumentSummary, TDocumentVersion } from './types';
import { contentUrl } from './upload';

function VersionLink({ documentId, v }: { documentId: string; v: TDocumentVersion }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" wrap="wrap">
      <Anchor
        href={contentUrl(documentId, v.version)}
        download={v.originalName}
        style={{ overflowWrap: 'anywhere' }}
      >
        {t('client.download', { version: v.version })}: {v.originalName}
      </Anchor>
      <Text size="xs" c="dimmed">
        {formatNumber(Math.ceil(v.sizeBytes / 1024))} KB · {formatDateTime(v.uploadedAt)}
      </Text>
    </Group>
  );
}

function Versions({ documentId }: { documentId: string }) {
  const q = useQuery({
    queryKey: ['documents', documentId],
    queryFn: () => api<TDocument>(`/documents/${documentId}`),
  });
  if (q.isPending) return <LoadingState />;
  if (q.isError) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  return (
    <Stack gap={2}>
      {q.data.versions.map((v) => (
        <VersionLink key={v.version} documentId={documentId} v={v} />
      ))}
    </Stack>
  );
}

function DocumentItem({ doc }: { doc: TDocumentSummary }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <li>
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Text fw={500} style={{ overflowWrap: 'anywhere' }}>
          {doc.title}
        </Text>
        <Text size="xs" c="dimmed">
          {t(`client.categories.${doc.category}`)}
        </Text>
      </Group>
      {doc.latest ? (
        <VersionLink documentId={doc.id} v={doc.latest} />
      ) : (
        <Text size="sm">{t('client.noFile')}</Text>
      )}
      {doc.versionCount > 1 ? (
        <Button variant="subtle" size="compact-sm" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
          {t('client.versions', { count: doc.versionCount })}
        </Button>
      ) : null}
      {open ? <Versions documentId={doc.id} /> : null}
    </li>
  );
}

export function DocumentList({ items }: { items: TDocumentSummary[] }) {
  const { t } = useTranslation();
  return (
    <CardList label={t('client.documents')}>
      {items.map((d) => (
        <DocumentItem key={d.id} doc={d} />
      ))}
    </CardList>
  );
}
