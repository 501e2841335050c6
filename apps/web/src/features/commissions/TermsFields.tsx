// The payout terms and the validity every rate carries, as inputs. The form's values use the
// body's own dotted paths ("terms.reservePercent") as keys, so each input's problem shows as the
// user types it.
import { CLAWBACK_MODES, PAYOUT_MODES } from '@kontor/contracts';
import { NativeSelect, SimpleGrid, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TSchemaForm } from '../../lib/form';
import type { TTerms } from './commissions-api';

export type TTermsValues = {
  'terms.payoutMode': string;
  'terms.liabilityMonths': string;
  'terms.clawbackMode': string;
  'terms.reservePercent': string;
  validFrom: string;
  validTo: string;
};

export function termsValues(
  r?: { terms: TTerms; validFrom: string; validTo: string | null } | null,
): TTermsValues {
  return {
    'terms.payoutMode': r?.terms.payoutMode ?? 'when_earned',
    'terms.liabilityMonths': String(r?.terms.liabilityMonths ?? 0),
    'terms.clawbackMode': r?.terms.clawbackMode ?? 'full',
    'terms.reservePercent': r?.terms.reservePercent ?? '0',
    validFrom: r?.validFrom ?? new Date().toISOString().slice(0, 10),
    validTo: r?.validTo ?? '',
  };
}

/** A decimal typed with a comma or a point, as the string the schema wants ("1,25" → "1.25"). */
export const decimalOf = (text: string) => text.trim().replace(',', '.');
/** A whole number typed, or NaN so the schema reports it. */
export const integerOf = (text: string) => (/^\d+$/.test(text.trim()) ? Number(text.trim()) : Number.NaN);
/** An optional text: empty is null. */
export const orNull = (text: string) => (text.trim() === '' ? null : text.trim());

export function termsBody(v: TTermsValues) {
  return {
    terms: {
      payoutMode: v['terms.payoutMode'],
      liabilityMonths: integerOf(v['terms.liabilityMonths']),
      clawbackMode: v['terms.clawbackMode'],
      reservePercent: decimalOf(v['terms.reservePercent']),
    },
    validFrom: v.validFrom,
    validTo: orNull(v.validTo),
  };
}

export function TermsFields<V extends TTermsValues>({ form }: { form: TSchemaForm<V> }) {
  const { t } = useTranslation();
  const f = form as unknown as TSchemaForm<TTermsValues>;
  const input = (key: keyof TTermsValues) => ({
    value: f.values[key],
    onChange: (e: { currentTarget: { value: string } }) => f.set(key, e.currentTarget.value),
    error: f.error(key),
  });
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
      <NativeSelect
        label={t('commissions.terms.payoutMode')}
        data={PAYOUT_MODES.map((m) => ({ value: m, label: t(`commissions.terms.payoutModes.${m}`) }))}
        {...input('terms.payoutMode')}
      />
      <TextInput
        label={t('commissions.terms.liabilityMonths')}
        inputMode="numeric"
        {...input('terms.liabilityMonths')}
      />
      <NativeSelect
        label={t('commissions.terms.clawbackMode')}
        data={CLAWBACK_MODES.map((m) => ({ value: m, label: t(`commissions.terms.clawbackModes.${m}`) }))}
        {...input('terms.clawbackMode')}
      />
      <TextInput
        label={t('commissions.terms.reservePercent')}
        inputMode="decimal"
        {...input('terms.reservePercent')}
      />
      <TextInput type="date" required label={t('commissions.rates.validFrom')} {...input('validFrom')} />
      <TextInput
        type="date"
        label={t('commissions.rates.validTo')}
        description={t('commissions.rates.validToHint')}
        {...input('validTo')}
      />
    </SimpleGrid>
  );
}
