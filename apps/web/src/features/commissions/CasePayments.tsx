// The lender's payments for a case, received in full or in part, and recording one.
import { ZPaymentBody } from '@kontor/contracts';
import { Button, Group, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { CardList } from '../../components/Section';
import { EmptyState, ErrorState, LoadingState } from '../../components/States';
import { useSchemaForm } from '../../lib/form';
import { formatDate, formatMoney } from '../../lib/format';
import { amountText, moneyOf } from './amount';
import { bind } from './bind';
import { caseCommissionKeys, fetchPayments, recordPayment } from './commissions-api';
import { RefusalOf } from './RefusalOf';

const today = () => new Date().toISOString().slice(0, 10);

export function CasePayments({
  caseId,
  mayEdit,
  openMinor,
  currency,
}: {
  caseId: string;
  mayEdit: boolean;
  openMinor: number;
  currency: string;
}) {
  const { t } = useTranslation();
  const q = useQuery({ queryKey: caseCommissionKeys.payments(caseId), queryFn: () => fetchPayments(caseId) });
  const title = t('commissions.payments.title');
  const items = q.data?.items ?? [];
  return (
    <Stack gap="xs" component="section" aria-label={title}>
      <Title order={3} size="h5">
        {title}
      </Title>
      {q.isPending ? (
        <LoadingState />
      ) : q.isError ? (
        <ErrorState error={q.error} onRetry={() => void q.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState>{t('commissions.payments.empty')}</EmptyState>
      ) : (
        <CardList label={title}>
          {items.map((p) => (
            <li key={p.id}>
              <Group justify="space-between" wrap="wrap" gap="xs">
                <Text size="sm">{formatDate(p.paidOn)}</Text>
                <Text size="sm" fw={600}>
                  {formatMoney(p.amount.minor, p.amount.currency)}
                </Text>
              </Group>
              {p.note ? (
                <Text size="xs" c="dimmed">
                  {p.note}
                </Text>
              ) : null}
            </li>
          ))}
        </CardList>
      )}
      <Text size="sm">
        {openMinor > 0
          ? t('commissions.payments.open', { amount: formatMoney(openMinor, currency) })
          : t('commissions.payments.settled')}
      </Text>
      {mayEdit ? <PaymentForm caseId={caseId} openMinor={openMinor} currency={currency} /> : null}
    </Stack>
  );
}

const EMPTY = { paidOn: '', amount: '', note: '' };

function PaymentForm({
  caseId,
  openMinor,
  currency,
}: {
  caseId: string;
  openMinor: number;
  currency: string;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const save = useMutation({
    mutationFn: recordPayment.bind(null, caseId),
    onSuccess: () => {
      form.reset({ ...EMPTY, paidOn: today() });
      return client.invalidateQueries({ queryKey: caseCommissionKeys.all(caseId) });
    },
  });
  const toBody = (v: typeof EMPTY) => ({ ...v, amount: moneyOf(v.amount, currency) });
  const form = useSchemaForm(ZPaymentBody, { ...EMPTY, paidOn: today() }, toBody, save.error);
  return (
    <Stack
      component="form"
      gap="xs"
      aria-label={t('commissions.payments.record')}
      onSubmit={(e) => {
        e.preventDefault();
        if (form.submit()) save.mutate(toBody(form.values));
      }}
    >
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
        <TextInput type="date" label={t('commissions.payments.paidOn')} required {...bind(form, 'paidOn')} />
        <TextInput
          label={t('commissions.case.amountIn', { currency })}
          inputMode="decimal"
          required
          {...bind(form, 'amount')}
        />
        <TextInput label={t('commissions.payments.note')} {...bind(form, 'note')} />
      </SimpleGrid>
      <RefusalOf error={save.error} fields={Object.keys(EMPTY)} />
      <Group gap="xs" wrap="wrap">
        <Button type="submit" size="sm" loading={save.isPending}>
          {t('commissions.payments.record')}
        </Button>
        {openMinor > 0 ? (
          <Button
            size="sm"
            variant="subtle"
            onClick={() => form.set('amount', amountText(openMinor, currency))}
          >
            {t('commissions.payments.fillOpen')}
          </Button>
        ) : null}
      </Group>
    </Stack>
  );
}
