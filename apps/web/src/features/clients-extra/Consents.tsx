// Consents (B10): the current state per purpose and channel, and recording a grant or a
// withdrawal. The log is evidence: records are never edited, a withdrawal is a new record.
import {
  Badge,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../components/FormError';
import { QueryListSection } from '../../components/Section';
import { ApiError, api } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { CONSENT_CHANNELS, LEGAL_BASES, type TConsent, type TConsentLog } from './types';

const EMPTY = {
  purpose: 'marketing',
  channel: 'email',
  granted: true,
  legalBasis: 'consent',
  source: '',
  wordingVersion: '',
};

function ConsentForm({ clientId }: { clientId: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [form, setForm] = useState(EMPTY);
  const record = useMutation({
    mutationFn: (body: typeof EMPTY) =>
      api<TConsent>(`/clients/${clientId}/consents`, { method: 'POST', body }),
    onSuccess: () => {
      setForm(EMPTY);
      return client.invalidateQueries({ queryKey: ['client', clientId] });
    },
  });
  const err = record.error instanceof ApiError ? record.error : null;
  const field = (name: keyof typeof EMPTY) => err?.fieldMessage(name);
  // The value is read now: React clears currentTarget before a deferred updater runs.
  const set = (name: keyof typeof EMPTY) => (e: { currentTarget: { value: string } }) => {
    const value = e.currentTarget.value;
    setForm((f) => ({ ...f, [name]: value }));
  };
  return (
    <Stack
      component="form"
      gap="sm"
      aria-label={t('client.recordConsent')}
      onSubmit={(e) => {
        e.preventDefault();
        record.mutate(form);
      }}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput
          label={t('client.purpose')}
          required
          value={form.purpose}
          onChange={set('purpose')}
          error={field('purpose')}
        />
        <NativeSelect
          label={t('client.channel')}
          value={form.channel}
          onChange={set('channel')}
          error={field('channel')}
          data={CONSENT_CHANNELS.map((c) => ({ value: c, label: t(`client.channels.${c}`) }))}
        />
        <NativeSelect
          label={t('client.legalBasis')}
          value={form.legalBasis}
          onChange={set('legalBasis')}
          error={field('legalBasis')}
          data={LEGAL_BASES.map((b) => ({ value: b, label: t(`client.legalBases.${b}`) }))}
        />
        <TextInput
          label={t('client.consentSource')}
          required
          value={form.source}
          onChange={set('source')}
          error={field('source')}
        />
        <TextInput
          label={t('client.wordingVersion')}
          required
          value={form.wordingVersion}
          onChange={set('wordingVersion')}
          error={field('wordingVersion')}
        />
        <Checkbox
          label={t('client.consentGiven')}
          checked={form.granted}
          onChange={(e) => {
            const granted = e.currentTarget.checked;
            setForm((f) => ({ ...f, granted }));
          }}
          mt="lg"
        />
      </SimpleGrid>
      <FormError error={record.error} fields={Object.keys(EMPTY)} />
      <Button type="submit" loading={record.isPending} w="fit-content">
        {t('client.recordConsent')}
      </Button>
    </Stack>
  );
}

export function Consents({ clientId, canEdit }: { clientId: string; canEdit: boolean }) {
  const { t } = useTranslation();
  const q = useQuery({
    queryKey: ['client', clientId, 'consents'],
    queryFn: () => api<TConsentLog>(`/clients/${clientId}/consents`),
    select: (d) => d.current,
  });
  const title = t('client.consents');
  return (
    <QueryListSection
      title={title}
      query={q}
      empty={t('client.noConsents')}
      item={(c) => (
        <li key={c.id}>
          <Group justify="space-between" wrap="wrap" gap="xs">
            <Text fw={500}>
              {c.purpose} · {t(`client.channels.${c.channel}`)}
            </Text>
            <Badge color={c.granted ? 'teal' : 'gray'} variant="light">
              {c.granted ? t('client.granted') : t('client.withdrawn')}
            </Badge>
          </Group>
          <Text size="xs" c="dimmed">
            {t(`client.legalBases.${c.legalBasis}`)} · {c.source} · {c.wordingVersion} ·{' '}
            {formatDateTime(c.recordedAt)}
          </Text>
        </li>
      )}
    >
      {canEdit ? <ConsentForm clientId={clientId} /> : null}
    </QueryListSection>
  );
}
