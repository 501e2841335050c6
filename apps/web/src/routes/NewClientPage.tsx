// A new client, with the duplicate warning: the server answers 409 duplicate_client with the
// likely duplicates and why; the user opens one of them or creates this client anyway. What was
// typed stays in the form through every answer.
import {
  Alert,
  Badge,
  Button,
  Card,
  Group,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate } from '@tanstack/react-router';
import type { TFunction } from 'i18next';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../components/States';
import { ApiError, api } from '../lib/api';

type TCandidate = { id: string | null; displayName: string | null; score: number; reasons: string[] };
type TForm = {
  kind: 'person' | 'company';
  firstName: string;
  lastName: string;
  companyName: string;
  email: string;
  phone: string;
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function problems(form: TForm, t: TFunction): Partial<Record<keyof TForm, string>> {
  const out: Partial<Record<keyof TForm, string>> = {};
  if (form.kind === 'person' && !form.lastName.trim()) out.lastName = t('errors.required');
  if (form.kind === 'company' && !form.companyName.trim()) out.companyName = t('errors.required');
  if (form.email.trim() && !EMAIL.test(form.email.trim())) out.email = t('errors.email');
  if (form.phone.trim() && form.phone.trim().length < 3) out.phone = t('errors.tooShort', { min: 3 });
  return out;
}

function body(form: TForm) {
  const contact = {
    ...(form.email.trim() ? { emails: [{ address: form.email.trim() }] } : {}),
    ...(form.phone.trim() ? { phones: [{ number: form.phone.trim() }] } : {}),
  };
  return form.kind === 'person'
    ? {
        kind: 'person',
        lastName: form.lastName.trim(),
        ...(form.firstName.trim() ? { firstName: form.firstName.trim() } : {}),
        ...contact,
      }
    : { kind: 'company', companyName: form.companyName.trim(), ...contact };
}

export function NewClientPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [form, setForm] = useState<TForm>({
    kind: 'person',
    firstName: '',
    lastName: '',
    companyName: '',
    email: '',
    phone: '',
  });
  const [touched, setTouched] = useState<Partial<Record<keyof TForm, boolean>>>({});
  const [candidates, setCandidates] = useState<TCandidate[] | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const local = problems(form, t);

  const field = (key: Exclude<keyof TForm, 'kind'>) => ({
    value: form[key],
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => {
      const value = e.currentTarget.value;
      setForm((f) => ({ ...f, [key]: value }));
      setTouched((s) => ({ ...s, [key]: true }));
      setCandidates(null);
    },
    error:
      (touched[key] ? local[key] : undefined) ??
      (error instanceof ApiError ? error.fieldMessage(key) : undefined),
  });

  const create = async (allowDuplicate: boolean) => {
    setBusy(true);
    setError(null);
    try {
      const created = await api<{ id: string }>(`/clients${allowDuplicate ? '?allowDuplicate=true' : ''}`, {
        method: 'POST',
        body: body(form),
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
    setTouched({ lastName: true, companyName: true, email: true, phone: true });
    if (Object.keys(local).length === 0) void create(false);
  };

  return (
    <Stack gap="md" maw={720}>
      <Title order={1}>{t('newClient.title')}</Title>
      <Card withBorder radius="lg" padding="lg">
        <form onSubmit={submit} noValidate aria-label={t('newClient.title')}>
          <Stack gap="md">
            {error ? (
              <Alert color="red" variant="light" role="alert">
                {errorMessage(error, t)}
              </Alert>
            ) : null}
            <SegmentedControl
              aria-label={t('newClient.kind')}
              value={form.kind}
              onChange={(kind) => setForm((f) => ({ ...f, kind: kind as TForm['kind'] }))}
              data={[
                { value: 'person', label: t('newClient.person') },
                { value: 'company', label: t('newClient.company') },
              ]}
            />
            {form.kind === 'person' ? (
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextInput label={t('newClient.firstName')} autoComplete="off" {...field('firstName')} />
                <TextInput
                  label={t('newClient.lastName')}
                  required
                  autoComplete="off"
                  {...field('lastName')}
                />
              </SimpleGrid>
            ) : (
              <TextInput
                label={t('newClient.companyName')}
                required
                autoComplete="off"
                {...field('companyName')}
              />
            )}
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <TextInput label={t('newClient.email')} type="email" autoComplete="off" {...field('email')} />
              <TextInput label={t('newClient.phone')} type="tel" autoComplete="off" {...field('phone')} />
            </SimpleGrid>
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
