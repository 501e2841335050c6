// Run the statements of a period, then follow their e-mail delivery until none is pending. The run
// is one synchronous request (a big firm's takes ~20 s): while it lasts an honest indicator shows
// the period and the seconds gone, never a made-up percentage. The run lives in the query client,
// so the user may leave the tab or page and find it (and its result) on coming back.
import { ZRunBody } from '@kontor/contracts';
import { Alert, Button, Group, List, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useMutationState, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../components/States';
import { useSchemaForm } from '../../lib/form';
import { formatDate } from '../../lib/format';
import { runStatements, type TRunBody, type TRunResult } from './commissions-api';
import { DeliveryProgress } from './DeliveryProgress';

const RUN_KEY = ['commissions', 'statement-run'];
const today = () => new Date().toISOString().slice(0, 10);
const firstOfMonth = () => `${today().slice(0, 8)}01`;
const toBody = (v: TRunBody): TRunBody => ({ ...v, issuedOn: v.issuedOn || undefined });

export function StatementRunTab() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const run = useMutation({
    mutationKey: RUN_KEY,
    mutationFn: (body: TRunBody) => runStatements(body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['commissions'] }),
  });
  // Runs started before this tab was (re)mounted: the latest one's state, whichever observer started it.
  const runs = useMutationState({
    filters: { mutationKey: RUN_KEY },
    select: (m) => ({
      status: m.state.status,
      body: m.state.variables as TRunBody | undefined,
      startedAt: m.state.submittedAt,
      data: m.state.data as TRunResult | undefined,
      error: m.state.error,
    }),
  });
  const latest = runs.at(-1);
  const pending = latest?.status === 'pending';
  const form = useSchemaForm(
    ZRunBody,
    { periodStart: firstOfMonth(), periodEnd: today(), issuedOn: today() },
    toBody,
    latest?.error,
  );
  const field = (key: keyof TRunBody) => ({
    value: form.values[key] ?? '',
    onChange: (e: { currentTarget: { value: string } }) => form.set(key, e.currentTarget.value),
    error: form.error(key),
  });
  const generalError = latest?.status === 'error' && !form.error('periodStart') && !form.error('periodEnd');
  return (
    <Stack maw={560}>
      <form
        aria-label={t('commissions.run.submit')}
        onSubmit={(e) => {
          e.preventDefault();
          if (!pending && form.submit()) run.mutate(toBody(form.values));
        }}
      >
        <Stack>
          <TextInput
            type="date"
            required
            label={t('commissions.run.periodStart')}
            {...field('periodStart')}
          />
          <TextInput type="date" required label={t('commissions.run.periodEnd')} {...field('periodEnd')} />
          <TextInput
            type="date"
            label={t('commissions.run.issuedOn')}
            description={t('commissions.run.issuedOnHint')}
            {...field('issuedOn')}
          />
          <Group>
            <Button type="submit" loading={pending} disabled={pending}>
              {t('commissions.run.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
      {pending && latest?.body ? <RunningIndicator body={latest.body} startedAt={latest.startedAt} /> : null}
      {generalError ? (
        <Alert color="red" role="alert">
          {errorMessage(latest.error, t)}
        </Alert>
      ) : null}
      {latest?.status === 'success' && latest.data ? <RunResult result={latest.data} /> : null}
    </Stack>
  );
}

/** The run is one request: no share of it can be known, only that it goes on and for how long. */
function RunningIndicator({ body, startedAt }: { body: TRunBody; startedAt: number }) {
  const { t } = useTranslation();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, []);
  const seconds = Math.max(0, Math.floor((now - startedAt) / 1_000));
  const period = t('commissions.run.period', {
    from: formatDate(body.periodStart),
    to: formatDate(body.periodEnd),
  });
  return (
    <Stack gap={4} role="status" aria-live="polite">
      <Text size="sm">{t('commissions.run.runningFor', { period, count: seconds })}</Text>
      {/* An indeterminate bar: it moves, it claims no percentage. */}
      <div
        role="progressbar"
        aria-label={t('commissions.run.running')}
        aria-valuetext={t('commissions.run.seconds', { count: seconds })}
        className="kontor-indeterminate"
        style={{
          height: 8,
          borderRadius: 4,
          background:
            'linear-gradient(90deg, var(--mantine-color-blue-1) 0%, var(--mantine-color-blue-6) 50%, var(--mantine-color-blue-1) 100%)',
          backgroundSize: '200% 100%',
          animation: 'kontor-indeterminate 1.4s linear infinite',
        }}
      />
      <style>
        {'@keyframes kontor-indeterminate{from{background-position:200% 0}to{background-position:0 0}}'}
      </style>
      <Text size="xs" c="dimmed">
        {t('commissions.run.mayLeave')}
      </Text>
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
