// Consents (B10): the current state per purpose and channel, and recording a grant or a
// withdrawal. The log is evidence: records are never edited, a withdrawal is a new record.
import { ZRecordConsent } from '@kontor/contracts';
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
import { useTranslation } from 'react-i18next';
import { FormError } from '../../components/FormError';
import { QueryListSection } from '../../components/Section';
import { api } from '../../lib/api';
import { useSchemaForm } from '../../lib/form';
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
type TValues = typeof EMPTY;
const FIELDS = Object.keys(EMPTY);

// Checked as the user types against the server's own schema; what was typed stays on a refusal.
function ConsentForm({ clientId }: { clientId: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const record = useMutation({
    mutationFn: (body: TValues) => api<TConsent>(`/clients/${clientId}/consents`, { method: 'POST', body }),
    onSuccess: () => {
      form.reset();
      return client.invalidateQueries({ queryKey: ['client', clientId] });
    },
  });
  const form = useSchemaForm(ZRecordConsent, EMPTY, (v) => v, record.error);
  // The value is read now: React clears currentTarget before a deferred updater runs.
  const input = (name: Exclude<keyof TValues, 'granted'>) => ({
    value: form.values[name],
    onChange: (e: { currentTarget: { value: string } }) => form.set(name, e.currentTarget.value),
    error: form.error(name),
  });
  return (
    // noValidate: the schema's problems show under the fields, not the browser's bubbles.
    <form
      noValidate
      aria-label={t('client.recordConsent')}
      onSubmit={(e) => {
        e.preventDefault();
        if (form.submit()) record.mutate(form.values);
      }}
    >
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput label={t('client.purpose')} required {...input('purpose')} />
          <NativeSelect
            label={t('client.channel')}
            {...input('channel')}
            data={CONSENT_CHANNELS.map((c) => ({ value: c, label: t(`client.channels.${c}`) }))}
          />
          <NativeSelect
            label={t('client.legalBasis')}
            {...input('legalBasis')}
            data={LEGAL_BASES.map((b) => ({ value: b, label: t(`client.legalBases.${b}`) }))}
          />
          <TextInput label={t('client.consentSource')} required {...input('source')} />
          <TextInput label={t('client.wordingVersion')} required {...input('wordingVersion')} />
          <Checkbox
            label={t('client.consentGiven')}
            checked={form.values.granted}
            onChange={(e) => form.set('granted', e.currentTarget.checked)}
            mt="lg"
          />
        </SimpleGrid>
        <FormError error={record.error} fields={FIELDS} />
        <Button type="submit" loading={record.isPending} w="fit-content">
          {t('client.recordConsent')}
        </Button>
      </Stack>
    </form>
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
