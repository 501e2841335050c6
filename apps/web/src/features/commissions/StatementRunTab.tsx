// Run the statements of a period, then follow their e-mail delivery until none is pending.
import { Alert, Button, Group, List, Loader, Progress, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorState, errorMessage } from '../../components/States';
import { ApiError } from '../../lib/api';
import {
  fetchStatements,
  runStatements,
  statementKeys,
  type TRunBody,
  type TRunResult,
} from './commissions-api';
import { DeliveryBadge } from './DeliveryBadge';

const today = () => new Date().toISOString().slice(0, 10);
const firstOfMonth = () => `${today().slice(0, 8)}01`;

export function StatementRunTab() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  // The form keeps its values across errors: nothing typed is lost.
  const [form, setForm] = useState<TRunBody>({
    periodStart: firstOfMonth(),
    periodEnd: today(),
    issuedOn: today(),
  });
  const run = useMutation({
    mutationFn: (body: TRunBody) => runStatements({ ...body, issuedOn: body.issuedOn || undefined }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['commissions'] }),
  });
  const fieldError = (field: string) =>
    run.error instanceof ApiError ? run.error.fieldMessage(field) : undefined;
  const generalError = run.error && !(run.error instanceof ApiError && run.error.fields.length > 0);
  // The value is read at once: React clears the event's currentTarget before the updater runs.
  const set = (key: keyof TRunBody) => (e: React.ChangeEvent<HTMLInputElement>) => {
    const value = e.currentTarget.value;
    setForm((f) => ({ ...f, [key]: value }));
  };

  return (
    <Stack maw={560}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          run.mutate(form);
        }}
      >
        <Stack>
          <TextInput
            type="date"
            required
            label={t('commissions.run.periodStart')}
            value={form.periodStart}
            onChange={set('periodStart')}
            error={fieldError('periodStart')}
          />
          <TextInput
            type="date"
            required
            label={t('commissions.run.periodEnd')}
            value={form.periodEnd}
            onChange={set('periodEnd')}
            error={fieldError('periodEnd')}
          />
          <TextInput
            type="date"
            label={t('commissions.run.issuedOn')}
            description={t('commissions.run.issuedOnHint')}
            value={form.issuedOn ?? ''}
            onChange={set('issuedOn')}
            error={fieldError('issuedOn')}
          />
          <Group>
            <Button type="submit" loading={run.isPending}>
              {t('commissions.run.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
      {run.isPending ? (
        <Stack gap={4} role="status" aria-live="polite">
          <Text size="sm">{t('commissions.run.running')}</Text>
          <Progress value={100} animated striped aria-label={t('commissions.run.running')} />
        </Stack>
      ) : null}
      {generalError ? (
        <Alert color="red" role="alert">
          {errorMessage(run.error, t)}
        </Alert>
      ) : null}
      {run.data ? <RunResult result={run.data} /> : null}
    </Stack>
  );
}

function RunResult({ result }: { result: TRunResult }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      <Alert color="green" role="status" title={t('commissions.run.done')}>
        <Text size="sm">{t('commissions.run.created', { count: result.created })}</Text>
        <Text size="sm">{t('commissions.run.existing', { count: result.existing })}</Text>
        {result.statements.length > 0 ? (
          <List size="sm" aria-label={t('commissions.run.numbers')}>
            {result.statements.map((s) => (
              <List.Item key={s.id}>{s.number}</List.Item>
            ))}
          </List>
        ) : null}
      </Alert>
      {result.created > 0 ? <DeliveryProgress runId={result.id} /> : null}
    </Stack>
  );
}

/** Polls the run's statements while any mail is still pending. */
function DeliveryProgress({ runId }: { runId: string }) {
  const { t } = useTranslation();
  const query = useQuery({
    queryKey: [...statementKeys.all, 'run', runId],
    queryFn: () => fetchStatements({ runId, limit: 200 }),
    refetchInterval: (q) =>
      q.state.data?.items.some((s) => s.delivery.status === 'pending') === false ? false : 1_500,
  });
  if (query.isError) return <ErrorState error={query.error} onRetry={() => query.refetch()} />;
  const items = query.data?.items ?? [];
  const pending = items.filter((s) => s.delivery.status === 'pending').length;
  const done = items.length - pending;
  const label =
    pending > 0 ? t('commissions.run.mailing', { done, total: items.length }) : t('commissions.run.mailed');
  return (
    <Stack gap="xs" role="status" aria-live="polite">
      <Group gap="xs">
        {pending > 0 || !query.data ? <Loader size="xs" /> : null}
        <Text size="sm">{label}</Text>
      </Group>
      <Progress value={items.length ? (done / items.length) * 100 : 0} aria-label={label} />
      <List size="sm" listStyleType="none">
        {items.map((s) => (
          <List.Item key={s.id}>
            <Group gap="xs">
              <Text size="sm">
                {s.number} · {s.recipientName}
              </Text>
              <DeliveryBadge status={s.delivery.status} />
            </Group>
          </List.Item>
        ))}
      </List>
    </Stack>
  );
}
