// An income rate of a lender or product provider: by product kind and product, a percentage or a
// fixed sum per tier of the financed amount, with payout terms and validity.
import { PRODUCT_KINDS, ZIncomeRateBody } from '@kontor/contracts';
import { ActionIcon, Button, Group, NativeSelect, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useSchemaForm } from '../../lib/form';
import { formatMoney } from '../../lib/format';
import { amountText, moneyOf } from './amount';
import type { TIncomeRate, TTier } from './commissions-api';
import { RateFormShell } from './RateFormShell';
import { useSaveRate } from './RateSection';
import { decimalOf, orNull, TermsFields, termsBody, termsValues } from './TermsFields';

type TTierRow = { from: string; kind: 'percent' | 'fixed'; value: string };

function initialOf(r: TIncomeRate | null) {
  const currency = r?.currency ?? 'EUR';
  const tiers: TTierRow[] = (r?.tiers ?? [{ fromAmountMinor: 0, percent: '1.00' }]).map((tier) => ({
    from: amountText(tier.fromAmountMinor, currency),
    kind: tier.percent !== undefined ? 'percent' : 'fixed',
    value: tier.percent ?? amountText(tier.amountMinor ?? 0, currency),
  }));
  return {
    currency,
    lender: r?.lender ?? '',
    productKind: r?.productKind ?? '',
    product: r?.product ?? '',
    tiers,
    ...termsValues(r),
  };
}
type TValues = ReturnType<typeof initialOf>;

function toBody(v: TValues) {
  return {
    currency: v.currency,
    lender: orNull(v.lender),
    productKind: orNull(v.productKind),
    product: orNull(v.product),
    tiers: v.tiers.map((row) => {
      const fromAmountMinor = moneyOf(row.from, v.currency).minor;
      return row.kind === 'percent'
        ? { fromAmountMinor, percent: decimalOf(row.value) }
        : { fromAmountMinor, amountMinor: moneyOf(row.value, v.currency).minor };
    }),
    ...termsBody(v),
  };
}

export function IncomeRateForm({ rate, done }: { rate: TIncomeRate | null; done: () => void }) {
  const { t } = useTranslation();
  const save = useSaveRate('income-rates', rate?.id, done);
  const form = useSchemaForm(ZIncomeRateBody, initialOf(rate), toBody, save.error);
  const v = form.values;
  const setTier = (i: number, patch: Partial<TTierRow>) =>
    form.set(
      'tiers',
      v.tiers.map((row, j) => (j === i ? { ...row, ...patch } : row)),
    );
  const text = (key: 'currency' | 'lender' | 'product') => ({
    value: v[key],
    onChange: (e: { currentTarget: { value: string } }) => form.set(key, e.currentTarget.value),
    error: form.error(key),
  });
  return (
    <RateFormShell
      label={rate ? t('commissions.rates.editIncome') : t('commissions.rates.newIncome')}
      onSubmit={() => form.submit() && save.mutate(toBody(v))}
      onCancel={done}
      error={save.error}
      fields={['currency', 'lender', 'productKind', 'product', 'tiers', 'terms', 'validFrom', 'validTo']}
      pending={save.isPending}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
        <TextInput
          label={t('commissions.rates.lender')}
          description={t('commissions.rates.anyHint')}
          {...text('lender')}
        />
        <NativeSelect
          label={t('commissions.rates.productKind')}
          data={[
            { value: '', label: t('commissions.rates.any') },
            ...PRODUCT_KINDS.map((k) => ({ value: k, label: t(`cases.productKinds.${k}`) })),
          ]}
          value={v.productKind}
          onChange={(e) => form.set('productKind', e.currentTarget.value)}
          error={form.error('productKind')}
        />
        <TextInput
          label={t('commissions.rates.product')}
          description={t('commissions.rates.anyHint')}
          {...text('product')}
        />
        <TextInput label={t('commissions.rates.currency')} required maxLength={3} {...text('currency')} />
      </SimpleGrid>
      <Stack gap={4} role="group" aria-label={t('commissions.rates.tiers')}>
        <Text size="sm" fw={500}>
          {t('commissions.rates.tiers')}
        </Text>
        {v.tiers.map((row, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: tiers have no identity but their place
          <Group key={i} gap="xs" align="flex-end" wrap="wrap">
            <TextInput
              w="9rem"
              label={t('commissions.rates.tierFrom', { currency: v.currency })}
              inputMode="decimal"
              value={row.from}
              onChange={(e) => setTier(i, { from: e.currentTarget.value })}
            />
            <NativeSelect
              w="9rem"
              label={t('commissions.rates.tierKind')}
              data={[
                { value: 'percent', label: t('commissions.rates.tierPercent') },
                { value: 'fixed', label: t('commissions.rates.tierFixed') },
              ]}
              value={row.kind}
              onChange={(e) => setTier(i, { kind: e.currentTarget.value as TTierRow['kind'] })}
            />
            <TextInput
              w="9rem"
              label={
                row.kind === 'percent'
                  ? t('commissions.rates.percent')
                  : t('commissions.rates.amountIn', { currency: v.currency })
              }
              inputMode="decimal"
              value={row.value}
              onChange={(e) => setTier(i, { value: e.currentTarget.value })}
            />
            {v.tiers.length > 1 ? (
              <ActionIcon
                variant="subtle"
                color="red"
                aria-label={t('commissions.rates.removeTier', { n: i + 1 })}
                onClick={() =>
                  form.set(
                    'tiers',
                    v.tiers.filter((_, j) => j !== i),
                  )
                }
              >
                ×
              </ActionIcon>
            ) : null}
          </Group>
        ))}
        {form.error('tiers') ? (
          <Text size="xs" c="red" role="alert">
            {form.error('tiers')}
          </Text>
        ) : null}
        <Button
          size="compact-sm"
          variant="subtle"
          w="fit-content"
          onClick={() => form.set('tiers', [...v.tiers, { from: '', kind: 'percent', value: '' }])}
        >
          {t('commissions.rates.addTier')}
        </Button>
      </Stack>
      <TermsFields form={form} />
    </RateFormShell>
  );
}

/** The tiers in one line: "from 0,00 €: 1.00 %; from 100.000,00 €: 500,00 €". */
export function tiersText(rate: TIncomeRate, t: TFunction) {
  return rate.tiers
    .map((tier: TTier) =>
      t('commissions.rates.tierText', {
        from: formatMoney(tier.fromAmountMinor, rate.currency),
        value:
          tier.percent !== undefined
            ? `${tier.percent} %`
            : formatMoney(tier.amountMinor ?? 0, rate.currency),
      }),
    )
    .join('; ');
}
