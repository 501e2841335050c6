// Password reset: ask for the link (firm and e-mail), or, arriving from the link, set a new one.
import { Alert, Button, Center, Paper, PasswordInput, Stack, TextInput, Title } from '@mantine/core';
import { useSearch } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../components/links';
import { errorMessage } from '../components/States';
import { ApiError, api } from '../lib/api';

export function ResetPasswordPage() {
  const { t } = useTranslation();
  const { token, tenant: tenantFromLink } = useSearch({ from: '/reset-password' });
  const [tenant, setTenant] = useState(tenantFromLink ?? localStorage.getItem('kontor.tenant') ?? '');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [state, setState] = useState<'form' | 'busy' | 'done'>('form');
  const [error, setError] = useState<unknown>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setState('busy');
    setError(null);
    try {
      if (token)
        await api('/auth/password-reset/confirm', { method: 'POST', body: { tenant, token, password } });
      else await api('/auth/password-reset', { method: 'POST', body: { tenant, email } });
      setState('done');
    } catch (caught) {
      setError(caught);
      setState('form');
    }
  };
  const fieldError = (field: string) => (error instanceof ApiError ? error.fieldMessage(field) : undefined);

  return (
    <Center mih="100dvh" p="md" bg="gray.0">
      <Paper withBorder shadow="sm" p={{ base: 'md', sm: 'xl' }} radius="lg" w="100%" maw={420}>
        <form onSubmit={submit} aria-labelledby="reset-title">
          <Stack gap="md">
            <Title order={1} size="h3" id="reset-title">
              {t('reset.title')}
            </Title>
            {state === 'done' ? (
              <Alert color="teal" variant="light" role="status">
                {token ? t('reset.done') : t('reset.sent')}
              </Alert>
            ) : (
              <>
                {error ? (
                  <Alert color="red" variant="light" role="alert">
                    {errorMessage(error, t)}
                  </Alert>
                ) : null}
                {token ? null : <div>{t('reset.intro')}</div>}
                <TextInput
                  label={t('signIn.tenant')}
                  value={tenant}
                  onChange={(e) => setTenant(e.currentTarget.value)}
                  required
                  error={fieldError('tenant')}
                />
                {token ? (
                  <PasswordInput
                    label={t('reset.newPassword')}
                    autoComplete="new-password"
                    value={password}
                    onChange={(e) => setPassword(e.currentTarget.value)}
                    required
                    error={fieldError('password')}
                  />
                ) : (
                  <TextInput
                    label={t('signIn.email')}
                    type="email"
                    autoComplete="username"
                    value={email}
                    onChange={(e) => setEmail(e.currentTarget.value)}
                    required
                    error={fieldError('email')}
                  />
                )}
                <Button type="submit" loading={state === 'busy'}>
                  {token ? t('reset.confirm') : t('reset.submit')}
                </Button>
              </>
            )}
            <AnchorLink to="/sign-in" search={{}} size="sm" ta="center">
              {t('reset.back')}
            </AnchorLink>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
