// Documents of the client (and of its cases): the list with each version to download, and
// uploading a new one. The server finds the file's type in its content (PDF, images, office).
import { Alert, Button, Input, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Section } from '../../components/Section';
import { EmptyState, ErrorState, errorMessage, LoadingState } from '../../components/States';
import { ApiError, api, queryString } from '../../lib/api';
import { DocumentList } from './DocumentList';
import { DOCUMENT_CATEGORIES, type TDocument, type TDocumentSummary, type TPage } from './types';
import { uploadVersion } from './upload';

function UploadForm({ clientId }: { clientId: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [title, setTitle] = useState('');
  const [category, setCategory] = useState('other');
  const [file, setFile] = useState<File | null>(null);
  const [missing, setMissing] = useState(false);
  // A native file input (keyboard and screen readers know it); a new key empties it.
  const [round, setRound] = useState(0);
  const fileId = useId();
  // When the file is refused after the document was made, a retry uploads to that document
  // instead of making a second, empty one.
  const [pendingId, setPendingId] = useState<string | null>(null);
  const upload = useMutation({
    mutationFn: async (f: File) => {
      const id =
        pendingId ??
        (
          await api<TDocument>('/documents', {
            method: 'POST',
            body: { clientId, title: title.trim(), category },
          })
        ).id;
      setPendingId(id);
      return uploadVersion(id, f);
    },
    onSuccess: () => {
      setPendingId(null);
      setTitle('');
      setFile(null);
      setRound((r) => r + 1);
    },
    onSettled: () => client.invalidateQueries({ queryKey: ['client', clientId, 'documents'] }),
  });
  const err = upload.error instanceof ApiError ? upload.error : null;
  const fileError = err && !err.fields.length ? errorMessage(err, t) : undefined;
  return (
    <Stack
      component="form"
      gap="sm"
      aria-label={t('client.upload')}
      onSubmit={(e) => {
        e.preventDefault();
        setMissing(!file || !title.trim());
        if (file && title.trim()) upload.mutate(file);
      }}
    >
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
        <TextInput
          label={t('client.docTitle')}
          required
          value={title}
          disabled={pendingId !== null}
          onChange={(e) => setTitle(e.currentTarget.value)}
          error={missing && !title.trim() ? t('errors.required') : err?.fieldMessage('title')}
        />
        <NativeSelect
          label={t('client.category')}
          value={category}
          disabled={pendingId !== null}
          onChange={(e) => setCategory(e.currentTarget.value)}
          error={err?.fieldMessage('category')}
          data={DOCUMENT_CATEGORIES.map((c) => ({ value: c, label: t(`client.categories.${c}`) }))}
        />
        <Input.Wrapper
          label={t('client.file')}
          required
          labelProps={{ htmlFor: fileId }}
          error={missing && !file ? t('errors.required') : fileError}
        >
          <input
            key={round}
            id={fileId}
            type="file"
            accept="application/pdf,image/*,.docx,.xlsx,.odt,.ods"
            onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)}
            style={{ display: 'block', maxWidth: '100%', paddingBlock: 6 }}
          />
        </Input.Wrapper>
      </SimpleGrid>
      {err?.fields.length && !err.fieldMessage('title') && !err.fieldMessage('category') ? (
        <Alert color="red" variant="light" role="alert">
          {errorMessage(err, t)}
        </Alert>
      ) : null}
      <Button type="submit" loading={upload.isPending} w="fit-content">
        {t('client.upload')}
      </Button>
    </Stack>
  );
}

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
        {canCreate ? <UploadForm clientId={clientId} /> : null}
      </Stack>
    </Section>
  );
}
