// A won case's commission (F4/F5) on the case page: the lines proposed from the rates with their
// terms and totals; for editors proposing again, confirming, correcting, adding and splitting
// lines, the lender's payments and the cancellation that starts clawbacks.
import { Alert, Badge, Button, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CardList, Section } from '../../components/Section';
import { EmptyState, ErrorState, LoadingState } from '../../components/States';
import { ApiError } from '../../lib/api';
import { formatDate, formatMoney } from '../../lib/format';
import { can, useMe } from '../../lib/session';
import { CancellationForm } from './CancellationForm';
import { CasePayments } from './CasePayments';
import {
  caseCommissionKeys,
  caseCommissionPost,
  fetchCaseCommission,
  type TCaseCommission,
  type TLine,
} from './commissions-api';
import { AddLineForm, CorrectLineForm, SplitLineForm } from './LineForms';
import { refusalText } from './refusal';
import { TermsText } from './TermsText';

export function CaseCommission({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const me = useMe();
  const mayEdit = can(me, 'commissions:edit');
  const q = useQuery({
    queryKey: caseCommissionKeys.all(caseId),
    queryFn: () => fetchCaseCommission(caseId),
    retry: (n, e) => !(e instanceof ApiError && e.status === 404) && n < 2,
  });
  const missing = q.error instanceof ApiError && q.error.status === 404;
  return (
    <Section title={t('commissions.case.title')}>
      {q.isPending ? (
        <LoadingState />
      ) : missing ? (
        <Stack gap="sm">
          <EmptyState>{t('commissions.case.none')}</EmptyState>
          {mayEdit ? <ProposeConfirm caseId={caseId} commission={null} /> : null}
        </Stack>
      ) : q.isError ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      ) : (
        <CommissionBody caseId={caseId} commission={q.data} mayEdit={mayEdit} />
      )}
    </Section>
  );
}

function CommissionBody({
  caseId,
  commission,
  mayEdit,
}: {
  caseId: string;
  commission: TCaseCommission;
  mayEdit: boolean;
}) {
  const { t } = useTranslation();
  const currency = commission.paid.currency;
  const income = commission.lines.filter((l) => l.kind === 'income');
  const sum = (lines: TLine[]) => lines.reduce((s, l) => s + l.amount.minor, 0);
  const incomeMinor = sum(income);
  const payouts = sum(commission.lines.filter((l) => l.kind !== 'income'));
  return (
    <Stack gap="md">
      <Group gap="xs" wrap="wrap">
        <Text size="sm">{t('commissions.case.wonOn', { date: formatDate(commission.wonOn) })}</Text>
        {commission.cancelledOn ? (
          <Badge color="red" variant="light">
            {t('commissions.case.cancelledOn', { date: formatDate(commission.cancelledOn) })}
          </Badge>
        ) : null}
      </Group>
      <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm" aria-label={t('commissions.case.totals')}>
        <Total label={t('commissions.case.income')} value={formatMoney(incomeMinor, currency)} />
        <Total label={t('commissions.case.payouts')} value={formatMoney(payouts, currency)} />
        {commission.firmKeeps ? (
          <Total
            label={t('commissions.case.firmKeeps')}
            value={formatMoney(commission.firmKeeps.minor, commission.firmKeeps.currency)}
          />
        ) : null}
        <Total label={t('commissions.case.paid')} value={formatMoney(commission.paid.minor, currency)} />
      </SimpleGrid>
      <CardList label={t('commissions.case.lines')}>
        {commission.lines.map((line) => (
          <LineItem key={line.id} caseId={caseId} line={line} mayEdit={mayEdit} />
        ))}
      </CardList>
      {mayEdit ? (
        <>
          <ProposeConfirm caseId={caseId} commission={commission} />
          <AddLineForm caseId={caseId} currency={currency} />
        </>
      ) : null}
      <CasePayments
        caseId={caseId}
        mayEdit={mayEdit}
        openMinor={incomeMinor - commission.paid.minor}
        currency={currency}
      />
      {mayEdit ? <CancellationForm caseId={caseId} commission={commission} /> : null}
    </Stack>
  );
}

function Total({ label, value }: { label: string; value: string }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={600}>{value}</Text>
    </Stack>
  );
}

function LineItem({ caseId, line, mayEdit }: { caseId: string; line: TLine; mayEdit: boolean }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<'correct' | 'split' | null>(null);
  const who = line.kind === 'income' ? line.lender : (line.recipientName ?? line.label);
  const toggle = (which: 'correct' | 'split') => setOpen((o) => (o === which ? null : which));
  return (
    <li>
      <Stack
        gap={4}
        p="sm"
        style={{ border: '1px solid var(--mantine-color-default-border)', borderRadius: 8 }}
      >
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Group gap="xs" wrap="wrap">
            <Badge variant="light">{t(`commissions.lineKinds.${line.kind}`)}</Badge>
            <Text fw={500}>{who ?? '—'}</Text>
            <Badge color={line.status === 'confirmed' ? 'teal' : 'yellow'} variant="outline">
              {t(`commissions.case.status.${line.status}`)}
            </Badge>
          </Group>
          <Text fw={600}>{formatMoney(line.amount.minor, line.amount.currency)}</Text>
        </Group>
        {line.label && line.kind !== 'income' && line.recipientName ? (
          <Text size="sm">{line.label}</Text>
        ) : null}
        <Text size="xs" c="dimmed">
          <TermsText terms={line.terms} />
          {' · '}
          {t('commissions.case.reserve', { amount: formatMoney(line.reserve.minor, line.reserve.currency) })}
          {' · '}
          {t('commissions.case.liableUntil', { date: formatDate(line.liabilityEndsOn) })}
        </Text>
        {line.correctionReason ? (
          <Text size="xs">{t('commissions.case.reason', { reason: line.correctionReason })}</Text>
        ) : null}
        {mayEdit ? (
          <Group gap="xs">
            <Button
              size="compact-sm"
              variant="subtle"
              onClick={() => toggle('correct')}
              aria-expanded={open === 'correct'}
            >
              {t('commissions.case.correct')}
            </Button>
            {line.kind !== 'income' ? (
              <Button
                size="compact-sm"
                variant="subtle"
                onClick={() => toggle('split')}
                aria-expanded={open === 'split'}
              >
                {t('commissions.case.split')}
              </Button>
            ) : null}
          </Group>
        ) : null}
        {open === 'correct' ? (
          <CorrectLineForm caseId={caseId} line={line} onDone={() => setOpen(null)} />
        ) : null}
        {open === 'split' ? <SplitLineForm caseId={caseId} line={line} onDone={() => setOpen(null)} /> : null}
      </Stack>
    </li>
  );
}

/** Propose again (replaces the proposed lines) and confirm; each refusal shows beside its button. */
function ProposeConfirm({ caseId, commission }: { caseId: string; commission: TCaseCommission | null }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const onSuccess = (data: TCaseCommission) => client.setQueryData(caseCommissionKeys.all(caseId), data);
  const propose = useMutation({ mutationFn: () => caseCommissionPost(caseId, 'proposal'), onSuccess });
  const confirm = useMutation({ mutationFn: () => caseCommissionPost(caseId, 'confirm'), onSuccess });
  const lines = commission?.lines ?? [];
  const anyConfirmed = lines.some((l) => l.status === 'confirmed');
  const anyProposed = lines.some((l) => l.status === 'proposed');
  const proposeError = refusalText(propose.error, t, 'propose');
  const confirmError = refusalText(confirm.error, t, 'confirm');
  return (
    <Stack gap="xs">
      <Group gap="sm" wrap="wrap">
        {!anyConfirmed ? (
          <Button variant="light" loading={propose.isPending} onClick={() => propose.mutate()}>
            {commission ? t('commissions.case.proposeAgain') : t('commissions.case.propose')}
          </Button>
        ) : null}
        {anyProposed ? (
          <Button loading={confirm.isPending} onClick={() => confirm.mutate()}>
            {t('commissions.case.confirm')}
          </Button>
        ) : null}
      </Group>
      {proposeError ? (
        <Alert color="red" variant="light" role="alert" title={t('commissions.case.proposeRefused')}>
          {proposeError}
        </Alert>
      ) : null}
      {confirmError ? (
        <Alert color="red" variant="light" role="alert">
          {confirmError}
        </Alert>
      ) : null}
    </Stack>
  );
}
