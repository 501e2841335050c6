// A new client, with the duplicate warning: the server answers 409 duplicate_client with the
// likely duplicates and why; the user opens one of them or creates this client anyway. What was
// typed stays in the form through every answer; it is checked as the user types against the
// server's own schema (ZCreateClient), with the tenant's custom fields.
import { ZCreateClient } from '@kontor/contracts';
import { Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../components/FormError';
import { ErrorState, LoadingState } from '../components/States';
import { ClientFormFields } from '../features/clients-extra/ClientFormFields';
import { createBody, emptyValues, shownFields } from '../features/clients-extra/client-form';
import { type TCustomField, useClientFields } from '../features/clients-extra/fields';
import { currentLocale } from '../i18n';
import { ApiError, api } from '../lib/api';
import { useSchemaForm } from '../lib/form';

type TCandidate = { id: string | null; displayName: string | null; score: number; reasons: string[] };

export function NewClientPage() {
  const fields = useClientFields();
  // The form starts once the custom fields are known, so their inputs are part of it from the start.
  if (fields.isPending) return <LoadingState />;
  if (fields.isError) return <ErrorState error={fields.error} onRetry={() => void fields.refetch()} />;
  return <NewClientForm defs={fields.data} />;
}

function NewClientForm({ defs }: { defs: TCustomField[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const locale = currentLocale();
  const [candidates, setCandidates] = useState<TCandidate[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const toBody = (v: ReturnType<typeof emptyValues>) => createBody(v, defs, locale);
  const form = useSchemaForm(ZCreateClient, emptyValues(defs, locale), toBody, error);

  const create = async (allowDuplicate: boolean) => {
    setBusy(true);
    setError(null);
    try {
      const created = await api<{ id: string }>(`/clients${allowDuplicate ? '?allowDuplicate=true' : ''}`, {
        method: 'POST',
        body: toBody(form.values),
      });
      await queryClient.invalidateQueries({ queryKey: ['clients'] });
      await navigate({ to: '/clients/$clientId', params: { clientId: created.id } });
    } catch (caught) {
      if (caught instanceof ApiError && caught.code === 'duplicate_client') {
        setCandidates((caught.problem.candidates as TCandidate[] | undefined) ?? []);
      } else setError(caught);
    } finally {
      setBusy(false);
    }
  };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setCandidates(null);
    if (form.submit()) void create(false);
  };

  return (
    <Stack gap="md" maw={720}>
      <Title order={1}>{t('newClient.title')}</Title>
      <Card withBorder radius="lg" padding="lg">
        <form onSubmit={submit} noValidate aria-label={t('newClient.title')}>
          <Stack gap="md">
            <FormError error={error} fields={shownFields(defs)} />
            <ClientFormFields form={form} defs={defs} serverError={error} />
            <Button type="submit" loading={busy && !candidates} w="fit-content">
              {t('newClient.create')}
            </Button>
          </Stack>
        </form>
      </Card>
      {candidates ? (
        <Duplicates candidates={candidates} busy={busy} onCreate={() => void create(true)} />
      ) : null}
    </Stack>
  );
}

function Duplicates({
  candidates,
  busy,
  onCreate,
}: {
  candidates: TCandidate[];
  busy: boolean;
  onCreate: () => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Card
      withBorder
      radius="lg"
      padding="lg"
      component="section"
      aria-label={t('newClient.duplicates')}
      bg="yellow.0"
    >
      <Title order={2} size="h4">
        {t('newClient.duplicates')}
      </Title>
      <Text c="dimmed" mb="sm">
        {t('newClient.duplicatesIntro')}
      </Text>
      <Stack gap="xs">
        {candidates.map((c, i) => (
          <Group key={c.id ?? `hidden-${i}`} justify="space-between" wrap="wrap">
            <div>
              <Text fw={600}>{c.displayName ?? t('newClient.notVisible')}</Text>
              <Group gap={4}>
                <Badge variant="light" color="yellow">
                  {t('newClient.score', { score: Math.round(c.score * 100) })}
                </Badge>
                {c.reasons.map((r) => (
                  <Badge key={r} variant="outline" color="gray">
                    {t(`newClient.reasons.${r}`, { defaultValue: r })}
                  </Badge>
                ))}
              </Group>
            </div>
            {c.id ? (
              <Button
                variant="light"
                onClick={() => void navigate({ to: '/clients/$clientId', params: { clientId: c.id! } })}
              >
                {t('newClient.openExisting')}
              </Button>
            ) : null}
          </Group>
        ))}
      </Stack>
      <Button mt="md" color="yellow" variant="filled" onClick={onCreate} loading={busy}>
        {t('newClient.createAnyway')}
      </Button>
    </Card>
  );
}
