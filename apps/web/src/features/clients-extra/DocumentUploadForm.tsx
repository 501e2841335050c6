// Uploading a new document onto a client or a case: its title and category, then the file. The
// server finds the file's type in its content (PDF, images, office).
import { Button, Input, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiErrorOf, FormError } from '../../components/FormError';
import { errorMessage } from '../../components/States';
import { api } from '../../lib/api';
import { DOCUMENT_CATEGORIES, type TDocument } from './types';
import { uploadVersion } from './upload';

/** Where a new document belongs, and the list query that shows it afterwards. */
export type TUploadTarget = { owner: { clientId: string } | { caseId: string }; listKey: readonly unknown[] };

export function DocumentUploadForm({ owner, listKey }: TUploadTarget) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const fileId = useId();
  const [title, setTitle] = useState('');
  const [category, setCategory] = useState('other');
  const [file, setFile] = useState<File | null>(null);
  const [missing, setMissing] = useState(false);
  const [round, setRound] = useState(0); // a new key empties the file input
  // A file refused after its document was made is retried onto that document, not a new one.
  const [pendingId, setPendingId] = useState<string | null>(null);
  const upload = useMutation({
    mutationFn: async (f: File) => {
      const body = { ...owner, title: title.trim(), category };
      const id = pendingId ?? (await api<TDocument>('/documents', { method: 'POST', body })).id;
      setPendingId(id);
      return uploadVersion(id, f);
    },
    onSuccess: () => {
      setPendingId(null);
      setTitle('');
      setFile(null);
      setRound((r) => r + 1);
    },
    onSettled: () => client.invalidateQueries({ queryKey: listKey }),
  });
  const err = apiErrorOf(upload.error);
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
          error={
            missing && !file
              ? t('errors.required')
              : err && !err.fields.length
                ? errorMessage(err, t)
                : undefined
          }
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
      {err?.fields.length ? <FormError error={upload.error} fields={['title', 'category']} /> : null}
      <Button type="submit" loading={upload.isPending} w="fit-content">
        {t('client.upload')}
      </Button>
    </Stack>
  );
}
