// Opening a case for a client: the product kind and its pipeline (the firm's default for the kind
// unless another is picked), the amount typed in the user's notation, owner and executor. Checked
// as the user types against the server's own schema (ZCreateCase); a refusal keeps what was typed.
import { PRODUCT_KINDS, ZCreateCase } from '@kontor/contracts';
import { Button, Group, NativeSelect, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../components/FormError';
import { AnchorLink } from '../../components/links';
import { Section } from '../../components/Section';
import { currentLocale } from '../../i18n';
import { api } from '../../lib/api';
import { useSchemaForm } from '../../lib/form';
import { useMe } from '../../lib/session';
import { useUsers } from '../../lib/users';
import { ClientPicker, type TPicked } from '../clients-extra/ClientPicker';
import { fractionDigits, moneyExample, parseMoneyInput } from './money-input';
import { usePipelines } from './queries';

const CURRENCIES = ['EUR', 'CHF', 'PLN', 'CZK', 'GBP', 'USD'];

type TValues = {
  client: TPicked | null;
  productKind: string;
  pipelineId: string;
  amount: string;
  currency: string;
  termMonths: string;
  purpose: string;
  lender: string;
  product: string;
  ownerId: string;
  executorId: string;
};

// What the server is sent: empty inputs are left out, an unreadable amount is sent as typed so the
// schema refuses it (never a guess).
function toBody(v: TValues, locale: string) {
  const minor = parseMoneyInput(v.amount, locale, fractionDigits(locale, v.currency));
  const term = v.termMonths.trim();
  const text = (s: string) => (s.trim() === '' ? undefined : s.trim());
  return {
    clientId: v.client?.id,
    productKind: v.productKind,
    ...(v.pipelineId ? { pipelineId: v.pipelineId } : {}),
    ...(typeof minor === 'number' ? { amount: { minor, currency: v.currency } } : {}),
    ...(minor === undefined ? { amount: v.amount } : {}),
    ...(term === '' ? {} : { termMonths: /^\d+$/.test(term) ? Number(term) : term }),
    ...(text(v.purpose) ? { purpose: text(v.purpose) } : {}),
    ...(text(v.lender) ? { lender: text(v.lender) } : {}),
    ...(text(v.product) ? { product: text(v.product) } : {}),
    ...(v.ownerId ? { ownerId: v.ownerId } : {}),
    ...(v.executorId ? { executorId: v.executorId } : {}),
  };
}

function useClientHead(clientId: string | undefined) {
  return useQuery({
    queryKey: ['client', clientId],
    queryFn: () => api<{ id: string; displayName: string }>(`/clients/${clientId}`),
    enabled: Boolean(clientId),
  });
}

export function NewCasePage() {
  const { clientId } = useSearch({ from: '/signed-in/cases/new' });
  const head = useClientHead(clientId);
  // The form starts once the client from the link is known, so it is part of the form from the start.
  if (clientId && head.isPending) return null;
  const client = head.data ? { id: head.data.id, name: head.data.displayName } : null;
  return <NewCaseForm client={client} />;
}

function NewCaseForm({ client }: { client: TPicked | null }) {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const locale = currentLocale();
  const pipelines = usePipelines();
  const { users, allowed: mayPickUsers } = useUsers();
  const create = useMutation({
    mutationFn: (body: unknown) => api<{ id: string }>('/cases', { method: 'POST', body }),
    onSuccess: async (created) => {
      await queryClient.invalidateQueries({ queryKey: ['client'] });
      await navigate({ to: '/cases/$caseId', params: { caseId: created.id } });
    },
  });
  const form = useSchemaForm(
    ZCreateCase,
    {
      client,
      productKind: 'mortgage',
      pipelineId: '',
      amount: '',
      currency: 'EUR',
      termMonths: '',
      purpose: '',
      lender: '',
      product: '',
      ownerId: '',
      executorId: '',
    } satisfies TValues,
    (v) => toBody(v, locale),
    create.error,
  );
  const v = form.values;
  const example = moneyExample(locale, fractionDigits(locale, v.currency));
  const ofKind = (pipelines.data?.items ?? []).filter((p) => p.productKind === v.productKind);
  const people = users.filter((u) => u.status === 'active');
  // The empty choice is the server's default (yourself as owner, the owner as executor).
  const person = (field: 'ownerId' | 'executorId', label: string, fallback: string) => (
    <NativeSelect
      label={label}
      value={v[field]}
      onChange={(e) => form.set(field, e.currentTarget.value)}
      error={form.error(field)}
      data={[
        { value: '', label: fallback },
        ...people
          .filter((u) => field === 'executorId' || u.id !== me.user.id)
          .map((u) => ({ value: u.id, label: u.displayName })),
      ]}
    />
  );
  const text = (field: 'purpose' | 'lender' | 'product', label: string) => (
    <TextInput
      label={label}
      value={v[field]}
      onChange={(e) => form.set(field, e.currentTarget.value)}
      error={form.error(field)}
    />
  );
  return (
    <Stack gap="lg" maw={860}>
      <AnchorLink to="/cases" size="sm">
        {t('cases.allCases')}
      </AnchorLink>
      <Title order={1}>{t('cases.newCase')}</Title>
      <Section title={t('cases.details')}>
        <Stack
          component="form"
          gap="sm"
          aria-label={t('cases.newCase')}
          onSubmit={(e) => {
            e.preventDefault();
            if (form.submit()) create.mutate(toBody(v, locale));
          }}
        >
          <ClientPicker
            label={t('cases.client')}
            excludeId=""
            value={v.client}
            onChange={(picked) => form.set('client', picked)}
            error={form.error('clientId')}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <NativeSelect
              label={t('cases.productKind')}
              value={v.productKind}
              onChange={(e) => {
                form.set('productKind', e.currentTarget.value);
                form.set('pipelineId', '');
              }}
              error={form.error('productKind')}
              data={PRODUCT_KINDS.map((k) => ({ value: k, label: t(`cases.productKinds.${k}`) }))}
            />
            <NativeSelect
              label={t('cases.pipeline')}
              value={v.pipelineId}
              onChange={(e) => form.set('pipelineId', e.currentTarget.value)}
              error={form.error('pipelineId')}
              data={[
                { value: '', label: t('cases.defaultPipeline') },
                ...ofKind.map((p) => ({ value: p.id, label: p.name })),
              ]}
            />
            <TextInput
              label={t('cases.fields.amount')}
              inputMode="decimal"
              description={t('cases.moneyHint', { example })}
              value={v.amount}
              onChange={(e) => form.set('amount', e.currentTarget.value)}
              error={
                parseMoneyInput(v.amount, locale, fractionDigits(locale, v.currency)) === undefined
                  ? t('cases.moneyInvalid', { example })
                  : form.error('amount')
              }
            />
            <NativeSelect
              label={t('cases.currency')}
              value={v.currency}
              onChange={(e) => form.set('currency', e.currentTarget.value)}
              data={CURRENCIES}
            />
            <TextInput
              label={t('cases.termInMonths')}
              inputMode="numeric"
              value={v.termMonths}
              onChange={(e) => form.set('termMonths', e.currentTarget.value)}
              error={form.error('termMonths')}
            />
            {text('purpose', t('cases.fields.purpose'))}
            {text('lender', t('cases.fields.lender'))}
            {text('product', t('cases.fields.product'))}
            {mayPickUsers ? person('ownerId', t('cases.owner'), me.user.displayName) : null}
            {mayPickUsers ? person('executorId', t('cases.executor'), t('cases.sameAsOwner')) : null}
          </SimpleGrid>
          {mayPickUsers ? null : (
            <Text size="sm" c="dimmed">
              {t('cases.youOwnIt')}
            </Text>
          )}
          <FormError
            error={create.error}
            fields={[
              'clientId',
              'productKind',
              'pipelineId',
              'amount',
              'termMonths',
              'purpose',
              'lender',
              'product',
              'ownerId',
              'executorId',
            ]}
          />
          <Group justify="flex-end">
            <Button type="submit" loading={create.isPending}>
              {t('cases.createCase')}
            </Button>
          </Group>
        </Stack>
      </Section>
    </Stack>
  );
}
