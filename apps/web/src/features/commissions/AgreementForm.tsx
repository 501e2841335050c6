// A partner's or tipster's agreement: per lead source, a fixed sum or a share of the income or of
// the advisor's commission, with payout terms and validity.
import { LEAD_SOURCES, SHARE_KINDS, ZAgreementBody } from '@kontor/contracts';
import { NativeSelect, SimpleGrid, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSchemaForm } from '../../lib/form';
import { amountText, moneyOf } from './amount';
import { recipientsQuery, type TAgreement } from './commissions-api';
import { RateFormShell } from './RateFormShell';
import { useSaveRate } from './RateSection';
import { decimalOf, orNull, TermsFields, termsBody, termsValues } from './TermsFields';

function initialOf(r: TAgreement | null) {
  const share = r?.share;
  return {
    recipientId: r?.recipientId ?? '',
    leadSource: r?.leadSource ?? '',
    'share.kind': share?.kind ?? 'percent_of_income',
    'share.percent': share && share.kind !== 'fixed' ? share.percent : '',
    'share.amount': share?.kind === 'fixed' ? amountText(share.amount.minor, share.amount.currency) : '',
    'share.currency': share?.kind === 'fixed' ? share.amount.currency : 'EUR',
    ...termsValues(r),
  };
}
type TValues = ReturnType<typeof initialOf>;

const toBody = (v: TValues) => ({
  recipientId: v.recipientId,
  leadSource: orNull(v.leadSource),
  share:
    v['share.kind'] === 'fixed'
      ? { kind: 'fixed', amount: moneyOf(v['share.amount'], v['share.currency']) }
      : { kind: v['share.kind'], percent: decimalOf(v['share.percent']) },
  ...termsBody(v),
});

export function AgreementForm({ rate, done }: { rate: TAgreement | null; done: () => void }) {
  const { t } = useTranslation();
  const recipients = useQuery(recipientsQuery);
  const save = useSaveRate('agreements', rate?.id, done);
  const form = useSchemaForm(ZAgreementBody, initialOf(rate), toBody, save.error);
  const v = form.values;
  type TKey =
    | 'recipientId'
    | 'leadSource'
    | 'share.kind'
    | 'share.percent'
    | 'share.amount'
    | 'share.currency';
  const field = (key: TKey, path: string = key) => ({
    value: v[key],
    onChange: (e: { currentTarget: { value: string } }) => form.set(key, e.currentTarget.value),
    error: form.error(path),
  });
  const partners = (recipients.data ?? []).filter((r) => r.kind !== 'user');
  return (
    <RateFormShell
      label={rate ? t('commissions.rates.editAgreement') : t('commissions.rates.newAgreement')}
      onSubmit={() => form.submit() && save.mutate(toBody(v))}
      onCancel={done}
      error={save.error}
      fields={['recipientId', 'leadSource', 'share', 'terms', 'validFrom', 'validTo']}
      pending={save.isPending}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
        <NativeSelect
          label={t('commissions.rates.partner')}
          required
          data={[
            { value: '', label: t('commissions.case.chooseRecipient') },
            ...partners.map((r) => ({
              value: r.id,
              label: `${r.name} (${t(`commissions.recipientKinds.${r.kind}`)})`,
            })),
          ]}
          {...field('recipientId')}
        />
        <NativeSelect
          label={t('commissions.rates.leadSource')}
          data={[
            { value: '', label: t('commissions.rates.anySource') },
            ...LEAD_SOURCES.map((s) => ({ value: s, label: t(`commissions.rates.leadSources.${s}`) })),
          ]}
          {...field('leadSource')}
        />
        <NativeSelect
          label={t('commissions.rates.shareKind')}
          data={SHARE_KINDS.map((k) => ({ value: k, label: t(`commissions.rates.shareKinds.${k}`) }))}
          {...field('share.kind', 'share')}
        />
        {v['share.kind'] === 'fixed' ? (
          <>
            <TextInput
              label={t('commissions.rates.amountIn', { currency: v['share.currency'] })}
              required
              inputMode="decimal"
              {...field('share.amount')}
            />
            <TextInput
              label={t('commissions.rates.currency')}
              maxLength={3}
              {...field('share.currency', 'share.amount.currency')}
            />
          </>
        ) : (
          <TextInput
            label={t('commissions.rates.percent')}
            required
            inputMode="decimal"
            {...field('share.percent')}
          />
        )}
      </SimpleGrid>
      <TermsFields form={form} />
    </RateFormShell>
  );
}
