// Password reset: ask for the link (firm and e-mail), or, arriving from the link, set a new one.

import { ZPasswordResetConfirm, ZPasswordResetRequest } from '@kontor/contracts';
import { Alert, Button, Center, Paper, PasswordInput, Stack, TextInput, Title } from '@mantine/core';
import { useSearch } from '@tanstack/react-router';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AnchorLink } from '../components/links';
import { errorMessage } from '../components/States';
import { api } from '../lib/api';
import { useSchemaForm } from '../lib/form';

export function ResetPasswordPage() {
  const { t } = useTranslation();
  const { token, tenant: tenantFromLink } = useSearch({ from: '/reset-password' });
  const [state, setState] = useState<'form' | 'busy' | 'done'>('form');
  const [error, setError] = useState<unknown>(null);
  // Checked as one types against the very schema the server checks the request with.
  const form = useSchemaForm(
    token ? ZPasswordResetConfirm : ZPasswordResetRequest,
    { tenant: tenantFromLink ?? localStorage.getItem('kontor.tenant') ?? '', email: '', password: '' },
    (v) => (token ? { tenant: v.tenant, token, password: v.password } : { tenant: v.tenant, email: v.email }),
    error,
  );
  const { tenant, email, password } = form.values;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!form.submit()) return;
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
                  onChange={(e) => form.set('tenant', e.currentTarget.value)}
                  required
                  error={form.error('tenant')}
                />
                {token ? (
                  <PasswordInput
                    label={t('reset.newPassword')}
                    autoComplete="new-password"
                    value={password}
                    onChange={(e) => form.set('password', e.currentTarget.value)}
                    required
                    error={form.error('password')}
                  />
                ) : (
                  <TextInput
                    label={t('signIn.email')}
                    type="email"
                    autoComplete="username"
                    value={email}
                    onChange={(e) => form.set('email', e.currentTarget.value)}
                    required
                    error={form.error('email')}
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
