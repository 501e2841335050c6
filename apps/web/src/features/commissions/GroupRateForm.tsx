// An advisor or lead-override rate of a rate group, optionally for one product kind or product.
import { GROUP_RATE_KINDS, PRODUCT_KINDS, ZGroupRateBody } from '@kontor/contracts';
import { NativeSelect, SimpleGrid, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSchemaForm } from '../../lib/form';
import { rateGroupsQuery, type TGroupRate } from './commissions-api';
import { RateFormShell } from './RateFormShell';
import { useSaveRate } from './RateSection';
import { decimalOf, orNull, TermsFields, termsBody, termsValues } from './TermsFields';

function initialOf(r: TGroupRate | null) {
  return {
    kind: r?.kind ?? 'advisor',
    rateGroupId: r?.rateGroupId ?? '',
    productKind: r?.productKind ?? '',
    product: r?.product ?? '',
    percent: r?.percent ?? '',
    ...termsValues(r),
  };
}
type TValues = ReturnType<typeof initialOf>;

const toBody = (v: TValues) => ({
  kind: v.kind,
  rateGroupId: v.rateGroupId,
  productKind: orNull(v.productKind),
  product: orNull(v.product),
  percent: decimalOf(v.percent),
  ...termsBody(v),
});

export function GroupRateForm({ rate, done }: { rate: TGroupRate | null; done: () => void }) {
  const { t } = useTranslation();
  const groups = useQuery(rateGroupsQuery);
  const save = useSaveRate('group-rates', rate?.id, done);
  const form = useSchemaForm(ZGroupRateBody, initialOf(rate), toBody, save.error);
  const v = form.values;
  const field = (key: 'kind' | 'rateGroupId' | 'productKind' | 'product' | 'percent') => ({
    value: v[key],
    onChange: (e: { currentTarget: { value: string } }) => form.set(key, e.currentTarget.value),
    error: form.error(key),
  });
  return (
    <RateFormShell
      label={rate ? t('commissions.rates.editGroup') : t('commissions.rates.newGroup')}
      onSubmit={() => form.submit() && save.mutate(toBody(v))}
      onCancel={done}
      error={save.error}
      fields={['kind', 'rateGroupId', 'productKind', 'product', 'percent', 'terms', 'validFrom', 'validTo']}
      pending={save.isPending}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
        <NativeSelect
          label={t('commissions.rates.groupKind')}
          data={GROUP_RATE_KINDS.map((k) => ({ value: k, label: t(`commissions.rates.groupKinds.${k}`) }))}
          {...field('kind')}
        />
        <NativeSelect
          label={t('commissions.rates.rateGroup')}
          required
          data={[
            { value: '', label: t('commissions.rates.chooseGroup') },
            ...(groups.data ?? []).map((g) => ({ value: g.id, label: g.name })),
          ]}
          {...field('rateGroupId')}
        />
        <NativeSelect
          label={t('commissions.rates.productKind')}
          data={[
            { value: '', label: t('commissions.rates.any') },
            ...PRODUCT_KINDS.map((k) => ({ value: k, label: t(`cases.productKinds.${k}`) })),
          ]}
          {...field('productKind')}
        />
        <TextInput
          label={t('commissions.rates.product')}
          description={t('commissions.rates.anyHint')}
          {...field('product')}
        />
        <TextInput
          label={t('commissions.rates.percent')}
          required
          inputMode="decimal"
          {...field('percent')}
        />
      </SimpleGrid>
      <TermsFields form={form} />
    </RateFormShell>
  );
}
