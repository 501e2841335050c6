// A new appointment: a planned interaction with a client (and optionally one of the client's
// cases) at a date and time in this browser's time zone. Checked as the user types against the
// server's own body schema; a planned one needs its time, and the calendar always names the client.
import { ZCreateActivity } from '@kontor/contracts';
import { Button, Group, NativeSelect, Stack, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../components/FormError';
import { api, queryString } from '../../lib/api';
import { useSchemaForm } from '../../lib/form';
import { can, useMe } from '../../lib/session';
import { ClientPicker, type TPicked } from '../clients-extra/ClientPicker';
import { calendarKeys } from './calendar-data';

const ZAppointment = ZCreateActivity.required({ clientId: true, plannedAt: true });

type TValues = {
  clientId: TPicked | null;
  subject: string;
  plannedAt: string;
  caseId: string;
};

/** The local date and time typed (YYYY-MM-DDTHH:mm) as an instant; undefined until complete. */
function instantOf(local: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(local)) return undefined;
  const at = new Date(local);
  return Number.isNaN(at.getTime()) ? undefined : at.toISOString();
}

function CaseSelect({
  clientId,
  value,
  onChange,
  error,
}: {
  clientId: string;
  value: string;
  onChange: (caseId: string) => void;
  error?: string;
}) {
  const { t } = useTranslation();
  const cases = useQuery({
    queryKey: ['cases', 'of-client', clientId],
    queryFn: () =>
      api<{ items: { id: string; number: string; title?: string }[] }>(
        `/cases${queryString({ clientId, open: 'true', limit: 100 })}`,
      ),
  });
  const data = [
    { value: '', label: t('calendar.form.noCase') },
    ...(cases.data?.items ?? []).map((c) => ({ value: c.id, label: c.number })),
  ];
  return (
    <NativeSelect
      label={t('calendar.form.case')}
      value={value}
      data={data}
      disabled={cases.isPending}
      onChange={(e) => onChange(e.currentTarget.value)}
      error={error}
    />
  );
}

type TProps = { ownerId: string; defaultAt: string; onDone: (subject: string) => void; onCancel: () => void };

export function AppointmentForm({ ownerId, defaultAt, onDone, onCancel }: TProps) {
  const { t } = useTranslation();
  const me = useMe();
  const client = useQueryClient();
  const toBody = (v: TValues) => ({
    kind: 'planned' as const,
    clientId: v.clientId?.id,
    subject: v.subject,
    plannedAt: instantOf(v.plannedAt),
    ...(v.caseId && { caseId: v.caseId }),
    ...(ownerId !== 'me' && { ownerId }),
  });
  const save = useMutation({
    mutationFn: (body: ReturnType<typeof toBody>) => api('/activities', { method: 'POST', body }),
    onSuccess: async (_, body) => {
      await Promise.all([
        client.invalidateQueries({ queryKey: calendarKeys.all }),
        client.invalidateQueries({ queryKey: ['desk', 'appointments'] }),
      ]);
      onDone(body.subject);
    },
  });
  const form = useSchemaForm<TValues>(
    ZAppointment,
    { clientId: null, subject: '', plannedAt: defaultAt, caseId: '' },
    toBody,
    save.error,
  );
  const v = form.values;
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (form.submit()) save.mutate(toBody(v));
  };
  return (
    <form onSubmit={submit} aria-label={t('calendar.form.title')} noValidate>
      <Stack gap="sm">
        <ClientPicker
          label={t('calendar.form.client')}
          excludeId=""
          value={v.clientId}
          onChange={(picked) => {
            form.set('clientId', picked);
            form.set('caseId', '');
          }}
          error={form.error('clientId')}
        />
        <TextInput
          label={t('calendar.form.subject')}
          value={v.subject}
          onChange={(e) => form.set('subject', e.currentTarget.value)}
          error={form.error('subject')}
        />
        <TextInput
          type="datetime-local"
          label={t('calendar.form.when')}
          value={v.plannedAt}
          onChange={(e) => form.set('plannedAt', e.currentTarget.value)}
          error={form.error('plannedAt')}
        />
        {v.clientId && can(me, 'cases:view') ? (
          <CaseSelect
            clientId={v.clientId.id}
            value={v.caseId}
            onChange={(caseId) => form.set('caseId', caseId)}
            error={form.error('caseId')}
          />
        ) : null}
        <FormError error={save.error} fields={['clientId', 'subject', 'plannedAt', 'caseId']} />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onCancel}>
            {t('calendar.form.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('calendar.form.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
