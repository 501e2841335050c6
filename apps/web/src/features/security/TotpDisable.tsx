// Turning the second factor off: the password proves it is the user and not a stolen session.
import { ZTotpDisableBody } from '@kontor/contracts';
import { Alert, Button, Group, PasswordInput, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Section } from '../../components/Section';
import { errorMessage } from '../../components/States';
import { ApiError, api } from '../../lib/api';
import { useSchemaForm } from '../../lib/form';

export function TotpDisable({ onDone }: { onDone: () => Promise<void> }) {
  const { t } = useTranslation();
  // A password the server refused stays refused until the user types again.
  const [wrong, setWrong] = useState(false);
  const disable = useMutation({
    mutationFn: (body: { password: string }) => api('/me/totp/disable', { method: 'POST', body }),
    onSuccess: onDone,
    onError: (e) => setWrong(e instanceof ApiError && e.fieldMessage('password') !== undefined),
  });
  // Checked against the server's own schema (ZTotpDisableBody); an empty box asks for the password.
  const form = useSchemaForm(ZTotpDisableBody, { password: '' }, (v) => v);
  const error = disable.error;
  const problem = form.error('password');
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (form.submit()) disable.mutate(form.values);
  };
  return (
    <Section title={t('security.disableTitle')}>
      <form onSubmit={submit} noValidate aria-label={t('security.disableTitle')}>
        <Stack>
          <Text size="sm">{t('security.disableIntro')}</Text>
          <PasswordInput
            label={t('security.password')}
            required
            autoComplete="current-password"
            value={form.values.password}
            onChange={(e) => {
              form.set('password', e.currentTarget.value);
              setWrong(false);
            }}
            error={
              problem && !form.values.password
                ? t('security.passwordRequired')
                : (problem ?? (wrong ? t('security.passwordWrong') : undefined))
            }
          />
          {error && !wrong ? (
            <Alert color="red" variant="light" role="alert">
              {errorMessage(error, t)}
            </Alert>
          ) : null}
          <Group>
            <Button type="submit" color="red" loading={disable.isPending}>
              {t('security.disable')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Section>
  );
}
