// Turning the second factor off: the password proves it is the user and not a stolen session.
import { Alert, Button, Group, PasswordInput, Stack, Text } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Section } from '../../components/Section';
import { errorMessage } from '../../components/States';
import { ApiError, api } from '../../lib/api';

export function TotpDisable({ onDone }: { onDone: () => Promise<void> }) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const [required, setRequired] = useState(false);
  const disable = useMutation({
    mutationFn: () => api('/me/totp/disable', { method: 'POST', body: { password } }),
    onSuccess: onDone,
  });
  const error = disable.error;
  const wrong = error instanceof ApiError && error.fieldMessage('password') !== undefined;
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (!password) return setRequired(true);
    disable.mutate();
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
            value={password}
            onChange={(e) => {
              setPassword(e.currentTarget.value);
              setRequired(false);
            }}
            error={
              required ? t('security.passwordRequired') : wrong ? t('security.passwordWrong') : undefined
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
