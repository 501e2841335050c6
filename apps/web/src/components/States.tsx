// Loading, empty and error states, the same everywhere.
import { Alert, Button, Center, Loader, Stack, Text, VisuallyHidden } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../lib/api';

export function LoadingState() {
  const { t } = useTranslation();
  return (
    <Center py="xl" role="status" aria-live="polite">
      <Loader size="sm" />
      <VisuallyHidden>{t('app.loading')}</VisuallyHidden>
    </Center>
  );
}

export function EmptyState({ children }: { children?: React.ReactNode }) {
  const { t } = useTranslation();
  return (
    <Text c="dimmed" ta="center" py="lg">
      {children ?? t('app.empty')}
    </Text>
  );
}

/** What went wrong in the user's words; the server's text only where no translation fits. */
export function errorMessage(error: unknown, t: TFunction): string {
  if (error instanceof ApiError) {
    const known = [
      'network',
      'invalid_credentials',
      'second_factor_required',
      'rate_limited',
      'validation_failed',
      'forbidden',
      'not_found',
      'unauthenticated',
    ];
    if (known.includes(error.code)) return t(`errors.${error.code}`);
    if (error.status < 500 && error.message) return error.message;
  }
  return t('errors.generic', { requestId: '—' });
}

export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <Stack align="center" py="xl">
      <Alert color="red" variant="light" role="alert" maw={520}>
        {errorMessage(error, t)}
      </Alert>
      {onRetry ? (
        <Button variant="light" onClick={onRetry}>
          {t('app.retry')}
        </Button>
      ) : null}
    </Stack>
  );
}
