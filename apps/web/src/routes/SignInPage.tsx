// Sign-in: firm, e-mail, password, and the second factor when the account has one. Fields are
// checked as the user types with the server's own schema; the server's answer is shown in words.
import { ZLoginBody } from '@kontor/contracts';
import {
  Alert,
  Anchor,
  Button,
  Center,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import type { TFunction } from 'i18next';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LanguagePicker } from '../components/LanguagePicker';
import { AnchorLink } from '../components/links';
import { errorMessage } from '../components/States';
import { ApiError } from '../lib/api';
import { meQuery, signIn, type TSignIn } from '../lib/session';

type TField = 'tenant' | 'email' | 'password' | 'totp' | 'recoveryCode';

function fieldProblem(field: TField, value: string, t: TFunction) {
  if (value === '') return field === 'totp' || field === 'recoveryCode' ? undefined : t('errors.required');
  const result = ZLoginBody.shape[field].safeParse(value);
  if (result.success) return undefined;
  if (field === 'totp') return t('errors.digits');
  if (field === 'email') return t('errors.email');
  return t('errors.tooShort', { min: field === 'recoveryCode' ? 6 : 1 });
}

export function SignInPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { next } = useSearch({ from: '/sign-in' });
  const [values, setValues] = useState<Record<TField, string>>({
    tenant: localStorage.getItem('kontor.tenant') ?? '',
    email: '',
    password: '',
    totp: '',
    recoveryCode: '',
  });
  const [touched, setTouched] = useState<Partial<Record<TField, boolean>>>({});
  const [secondFactor, setSecondFactor] = useState<'none' | 'totp' | 'recovery'>('none');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const problem = (field: TField) => (touched[field] ? fieldProblem(field, values[field], t) : undefined);
  const serverProblem = (field: TField) =>
    error instanceof ApiError ? error.fieldMessage(field) : undefined;
  const input = (field: TField) => ({
    value: values[field],
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => {
      const value = e.currentTarget.value;
      setValues((v) => ({ ...v, [field]: value }));
      setTouched((s) => ({ ...s, [field]: true }));
    },
    error: problem(field) ?? serverProblem(field),
  });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTouched({
      tenant: true,
      email: true,
      password: true,
      totp: secondFactor === 'totp',
      recoveryCode: secondFactor === 'recovery',
    });
    const fields: TField[] = ['tenant', 'email', 'password'];
    if (fields.some((f) => fieldProblem(f, values[f], t))) return;
    const body: TSignIn = {
      tenant: values.tenant.trim(),
      email: values.email.trim(),
      password: values.password,
    };
    if (secondFactor === 'totp' && values.totp) body.totp = values.totp.trim();
    if (secondFactor === 'recovery' && values.recoveryCode) body.recoveryCode = values.recoveryCode.trim();
    setBusy(true);
    setError(null);
    try {
      await signIn(body);
      localStorage.setItem('kontor.tenant', body.tenant);
      await queryClient.invalidateQueries({ queryKey: ['me'] });
      await queryClient.fetchQuery(meQuery);
      await navigate({ to: next ?? '/' });
    } catch (caught) {
      if (caught instanceof ApiError && caught.code === 'second_factor_required' && secondFactor === 'none') {
        setSecondFactor('totp');
      } else setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Center mih="100dvh" p="md" bg="gray.0">
      <Paper withBorder shadow="sm" p={{ base: 'md', sm: 'xl' }} radius="lg" w="100%" maw={420}>
        <form onSubmit={submit} noValidate aria-labelledby="sign-in-title">
          <Stack gap="md">
            <div>
              <Text fw={800} c="teal.9" size="xl">
                Kontor
              </Text>
              <Title order={1} size="h3" id="sign-in-title">
                {t('signIn.title')}
              </Title>
            </div>
            {error ? (
              <Alert color="red" variant="light" role="alert">
                {errorMessage(error, t)}
              </Alert>
            ) : null}
            <TextInput
              label={t('signIn.tenant')}
              description={t('signIn.tenantHint')}
              autoComplete="organization"
              required
              {...input('tenant')}
            />
            <TextInput
              label={t('signIn.email')}
              type="email"
              autoComplete="username"
              required
              {...input('email')}
            />
            <PasswordInput
              label={t('signIn.password')}
              autoComplete="current-password"
              required
              {...input('password')}
            />
            {secondFactor !== 'none' ? (
              <Alert color="teal" variant="light">
                {t('signIn.secondFactor')}
              </Alert>
            ) : null}
            {secondFactor === 'totp' ? (
              <TextInput
                label={t('signIn.totp')}
                description={t('signIn.totpHint')}
                inputMode="numeric"
                autoComplete="one-time-code"
                maxLength={6}
                autoFocus
                {...input('totp')}
              />
            ) : null}
            {secondFactor === 'recovery' ? (
              <TextInput label={t('signIn.recoveryCode')} autoFocus {...input('recoveryCode')} />
            ) : null}
            {secondFactor !== 'none' ? (
              <Anchor
                component="button"
                type="button"
                size="sm"
                onClick={() => setSecondFactor(secondFactor === 'totp' ? 'recovery' : 'totp')}
              >
                {secondFactor === 'totp' ? t('signIn.useRecoveryCode') : t('signIn.useTotp')}
              </Anchor>
            ) : null}
            <Button type="submit" loading={busy} fullWidth size="md">
              {t('signIn.submit')}
            </Button>
            <AnchorLink to="/reset-password" size="sm" ta="center">
              {t('signIn.forgot')}
            </AnchorLink>
            <LanguagePicker />
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
