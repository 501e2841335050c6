// Turning TOTP on: the server makes a key, the user adds it to an app and proves it with a code.
import { ZTotpVerifyBody } from '@kontor/contracts';
import { Alert, Anchor, Button, Group, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Section } from '../../components/Section';
import { errorMessage } from '../../components/States';
import { ApiError, api } from '../../lib/api';
import { useSchemaForm } from '../../lib/form';

type TEnrolment = { secret: string; otpauthUri: string };

/** Groups of four, as authenticator apps show keys: easier to type without losing one's place. */
export function groupSecret(secret: string): string {
  return secret.match(/.{1,4}/g)?.join(' ') ?? secret;
}

// Apps show "123 456"; the spaces are not part of the code.
const toBody = (v: { code: string }) => ({ code: v.code.replace(/\s/g, '') });

export function TotpEnrol({ onVerified }: { onVerified: (codes: string[]) => Promise<void> }) {
  const { t } = useTranslation();
  const [enrolment, setEnrolment] = useState<TEnrolment | null>(null);
  const start = useMutation({
    mutationFn: () => api<TEnrolment>('/me/totp/enrol', { method: 'POST' }),
    onSuccess: setEnrolment,
  });
  if (!enrolment)
    return (
      <Stack align="flex-start">
        {start.error ? (
          <Alert color="red" variant="light" role="alert">
            {errorMessage(start.error, t)}
          </Alert>
        ) : null}
        <Button onClick={() => start.mutate()} loading={start.isPending}>
          {t('security.enrol')}
        </Button>
      </Stack>
    );
  return (
    <Section title={t('security.enrolTitle')}>
      <Stack>
        <Text>{t('security.step1')}</Text>
        {/* A text area, not an input: the key wraps on a phone instead of hiding its end. */}
        <Textarea
          label={t('security.secret')}
          autosize
          minRows={1}
          description={t('security.secretHint')}
          readOnly
          value={groupSecret(enrolment.secret)}
          styles={{ input: { fontFamily: 'monospace', letterSpacing: '0.05em' } }}
          onFocus={(e) => e.currentTarget.select()}
        />
        <Anchor href={enrolment.otpauthUri} style={{ overflowWrap: 'anywhere' }}>
          {t('security.openLink')}
        </Anchor>
        <VerifyForm onVerified={onVerified} onCancel={() => setEnrolment(null)} />
      </Stack>
    </Section>
  );
}

function VerifyForm({
  onVerified,
  onCancel,
}: {
  onVerified: (codes: string[]) => Promise<void>;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  // A code the server refused stays refused until the user types again.
  const [wrong, setWrong] = useState(false);
  const verify = useMutation({
    mutationFn: (body: { code: string }) =>
      api<{ recoveryCodes: string[] }>('/me/totp/verify', { method: 'POST', body }),
    onSuccess: (r) => onVerified(r.recoveryCodes),
    onError: (e) => setWrong(e instanceof ApiError && e.fieldMessage('code') !== undefined),
  });
  // Checked as the user types against the server's own schema (ZTotpVerifyBody); the server's
  // refusal is said in our own words, which tell what to do about it.
  const form = useSchemaForm(ZTotpVerifyBody, { code: '' }, toBody);
  const error = verify.error;
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (form.submit()) verify.mutate(toBody(form.values));
  };
  const fieldError = form.error('code')
    ? t('security.codeDigits')
    : wrong
      ? t('security.codeWrong')
      : undefined;
  return (
    <form onSubmit={submit} noValidate aria-label={t('security.enrolTitle')}>
      <Stack>
        <Text>{t('security.step2')}</Text>
        <TextInput
          label={t('security.code')}
          description={t('security.codeHint')}
          required
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={7}
          maw={220}
          value={form.values.code}
          onChange={(e) => {
            form.set('code', e.currentTarget.value);
            setWrong(false);
          }}
          error={fieldError}
        />
        {error && !wrong ? (
          <Alert color="red" variant="light" role="alert">
            {errorMessage(error, t)}
          </Alert>
        ) : null}
        <Group>
          <Button type="submit" loading={verify.isPending}>
            {t('security.verify')}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t('security.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
