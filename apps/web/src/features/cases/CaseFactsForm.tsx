// Editing a case's facts: amounts typed in the user's notation and sent as integer minor units,
// checked as the user types against the server's own schema (ZUpdateCase), with the tenant's
// custom fields. What was typed stays in the form whatever the server answers.

import { ZUpdateCase } from '@kontor/contracts';
import { Button, Group, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../components/FormError';
import { currentLocale } from '../../i18n';
import { useSchemaForm } from '../../lib/form';
import { CustomFieldInputs } from './CustomFieldInputs';
import { customToBody, customToInput, type TCustomInput } from './custom-values';
import { formatMoneyInput, fractionDigits, moneyExample, parseMoneyInput } from './money-input';
import { useCaseCustomFields, usePatchCase } from './queries';
import type { TCase, TCustomField, TMoney } from './types';

const CURRENCIES = ['EUR', 'CHF', 'PLN', 'CZK', 'GBP', 'USD'];
const FIELDS = ['amount', 'termMonths', 'purpose', 'lender', 'product', 'propertyValue', 'platformReference'];

type TValues = {
  amount: string;
  currency: string;
  termMonths: string;
  purpose: string;
  lender: string;
  product: string;
  propertyValue: string;
  platformReference: string;
  custom: TCustomInput;
};

const moneyText = (m: TMoney | null, locale: string) =>
  m ? formatMoneyInput(m.minor, locale, fractionDigits(locale, m.currency)) : '';

function initialValues(kase: TCase, defs: TCustomField[], locale: string): TValues {
  return {
    amount: moneyText(kase.amount, locale),
    currency: kase.amount?.currency ?? kase.propertyValue?.currency ?? 'EUR',
    termMonths: kase.termMonths === null ? '' : String(kase.termMonths),
    purpose: kase.purpose,
    lender: kase.lender ?? '',
    product: kase.product ?? '',
    propertyValue: moneyText(kase.propertyValue, locale),
    platformReference: kase.platformReference ?? '',
    custom: customToInput(defs, kase.custom, locale),
  };
}

// An amount the locale cannot read is sent as typed, so the schema refuses it (never a guess).
function money(text: string, currency: string, locale: string): unknown {
  const minor = parseMoneyInput(text, locale, fractionDigits(locale, currency));
  return typeof minor === 'number' ? { minor, currency } : minor === null ? null : text;
}

function toBody(v: TValues, defs: TCustomField[], locale: string) {
  const orNull = (s: string) => (s.trim() === '' ? null : s);
  const term = v.termMonths.trim();
  return {
    amount: money(v.amount, v.currency, locale),
    termMonths: term === '' ? null : /^\d+$/.test(term) ? Number(term) : term,
    purpose: v.purpose,
    lender: orNull(v.lender),
    product: orNull(v.product),
    propertyValue: money(v.propertyValue, v.currency, locale),
    platformReference: orNull(v.platformReference),
    ...(defs.length > 0 ? { custom: customToBody(defs, v.custom, locale, v.currency) } : {}),
  };
}

export function CaseFactsForm({ kase, onDone }: { kase: TCase; onDone: () => void }) {
  const fields = useCaseCustomFields();
  const defs = [...(fields.data?.items ?? [])].sort((a, b) => a.position - b.position);
  // The form starts once the definitions are known, so their values are part of it from the start.
  if (fields.isPending) return null;
  return <FactsForm key={defs.length} kase={kase} defs={defs} onDone={onDone} />;
}

function FactsForm({ kase, defs, onDone }: { kase: TCase; defs: TCustomField[]; onDone: () => void }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const patch = usePatchCase(kase.id);
  const form = useSchemaForm(
    ZUpdateCase,
    initialValues(kase, defs, locale),
    (v) => toBody(v, defs, locale),
    patch.error,
  );
  const v = form.values;
  const digits = fractionDigits(locale, v.currency);
  const example = moneyExample(locale, digits);
  const moneyError = (field: 'amount' | 'propertyValue') =>
    parseMoneyInput(v[field], locale, digits) === undefined
      ? t('cases.moneyInvalid', { example })
      : form.error(field);
  const text = (field: 'purpose' | 'lender' | 'product' | 'platformReference', label: string) => (
    <TextInput
      label={label}
      value={v[field]}
      onChange={(e) => form.set(field, e.currentTarget.value)}
      error={form.error(field)}
    />
  );
  return (
    <Stack
      component="form"
      gap="sm"
      aria-label={t('cases.editDetails')}
      onSubmit={(e) => {
        e.preventDefault();
        if (form.submit()) patch.mutate(toBody(v, defs, locale) as never, { onSuccess: onDone });
      }}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <TextInput
          label={t('cases.fields.amount')}
          inputMode="decimal"
          description={t('cases.moneyHint', { example })}
          value={v.amount}
          onChange={(e) => form.set('amount', e.currentTarget.value)}
          error={moneyError('amount')}
        />
        <NativeSelect
          label={t('cases.currency')}
          value={v.currency}
          onChange={(e) => form.set('currency', e.currentTarget.value)}
          data={[...new Set([v.currency, ...CURRENCIES])]}
        />
        <TextInput
          label={t('cases.fields.propertyValue')}
          inputMode="decimal"
          value={v.propertyValue}
          onChange={(e) => form.set('propertyValue', e.currentTarget.value)}
          error={moneyError('propertyValue')}
        />
        <TextInput
          label={t('cases.termInMonths')}
          inputMode="numeric"
          value={v.termMonths}
          onChange={(e) => form.set('termMonths', e.currentTarget.value)}
          error={
            v.termMonths.trim() !== '' && !/^\d+$/.test(v.termMonths.trim())
              ? t('cases.numberInvalid')
              : form.error('termMonths')
          }
        />
        {text('purpose', t('cases.fields.purpose'))}
        {text('lender', t('cases.fields.lender'))}
        {text('product', t('cases.fields.product'))}
        {text('platformReference', t('cases.fields.platformReference'))}
        <CustomFieldInputs
          defs={defs}
          values={v.custom}
          onChange={(key, value) => form.set('custom', { ...v.custom, [key]: value })}
          error={form.error}
        />
      </SimpleGrid>
      <FormError error={patch.error} fields={[...FIELDS, ...defs.map((d) => `custom.${d.key}`)]} />
      <Group justify="flex-end" gap="xs">
        <Button variant="default" onClick={onDone}>
          {t('cases.cancel')}
        </Button>
        <Button type="submit" loading={patch.isPending}>
          {t('cases.saveDetails')}
        </Button>
      </Group>
    </Stack>
  );
}
