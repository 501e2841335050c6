// Adding or changing a recipient: who it is (a user of the firm with a rate group, or a partner or
// tipster), what statements print (address, tax number, VAT id, VAT treatment) and how they go out.
import { LOCALES, ZRecipientBody, ZRecipientPatch } from '@kontor/contracts';
import { Checkbox, NativeSelect, SimpleGrid, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSchemaForm } from '../../lib/form';
import { useUsers } from '../../lib/users';
import { rateGroupsQuery, recipientsQuery, saveRecipient, type TRecipient } from './commissions-api';
import { RateFormShell } from './RateFormShell';
import { decimalOf, orNull } from './TermsFields';

function initialOf(r: TRecipient | null) {
  return {
    kind: r?.kind ?? 'partner',
    userId: r?.userId ?? '',
    name: r?.name ?? '',
    email: r?.email ?? '',
    locale: r?.locale ?? 'de',
    addressLines: (r?.addressLines ?? []).join('\n'),
    taxNumber: r?.taxNumber ?? '',
    vatId: r?.vatId ?? '',
    'vat.mode': r?.vat.mode ?? 'exempt',
    'vat.note': r?.vat.mode === 'exempt' ? r.vat.note : '',
    'vat.ratePercent': r?.vat.mode === 'added' ? r.vat.ratePercent : '19',
    selfBilling: r?.selfBilling ?? true,
    showsClientData: r?.showsClientData ?? false,
    rateGroupId: r?.rateGroupId ?? '',
    creditorAccount: r?.creditorAccount ?? '',
  };
}
type TValues = ReturnType<typeof initialOf>;
type TText = Exclude<keyof TValues, 'selfBilling' | 'showsClientData'>;

function fieldsOf(v: TValues) {
  return {
    name: v.name,
    email: orNull(v.email),
    locale: v.locale,
    addressLines: v.addressLines
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean),
    taxNumber: orNull(v.taxNumber),
    vatId: orNull(v.vatId),
    vat:
      v['vat.mode'] === 'added'
        ? { mode: 'added', ratePercent: decimalOf(v['vat.ratePercent']) }
        : { mode: 'exempt', note: v['vat.note'] },
    selfBilling: v.selfBilling,
    showsClientData: v.showsClientData,
    rateGroupId: orNull(v.rateGroupId),
    creditorAccount: orNull(v.creditorAccount),
  };
}

export function RecipientForm({ recipient, done }: { recipient: TRecipient | null; done: () => void }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const { users } = useUsers();
  const groups = useQuery(rateGroupsQuery);
  // A new recipient names its kind (and user); a change sends what may change.
  const toBody = (v: TValues) =>
    recipient
      ? fieldsOf(v)
      : { kind: v.kind, ...(v.kind === 'user' && { userId: v.userId }), ...fieldsOf(v) };
  const save = useMutation({
    mutationFn: (body: unknown) => saveRecipient(body, recipient?.id),
    onSuccess: () => {
      done();
      return client.invalidateQueries({ queryKey: recipientsQuery.queryKey });
    },
  });
  const form = useSchemaForm(
    recipient ? ZRecipientPatch : ZRecipientBody,
    initialOf(recipient),
    toBody,
    save.error,
  );
  const v = form.values;
  const field = (key: TText) => ({
    value: v[key],
    onChange: (e: { currentTarget: { value: string } }) => form.set(key, e.currentTarget.value),
    error: form.error(key),
  });
  const kind = recipient?.kind ?? v.kind;
  return (
    <RateFormShell
      label={
        recipient
          ? t('commissions.recipients.edit', { name: recipient.name })
          : t('commissions.recipients.new')
      }
      onSubmit={() => form.submit() && save.mutate(toBody(v))}
      onCancel={done}
      error={save.error}
      fields={Object.keys(v).concat('vat')}
      pending={save.isPending}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
        {recipient ? null : (
          <NativeSelect
            label={t('commissions.recipients.kind')}
            data={['partner', 'tipster', 'user'].map((k) => ({
              value: k,
              label: t(`commissions.recipientKinds.${k}`),
            }))}
            {...field('kind')}
          />
        )}
        {!recipient && kind === 'user' ? (
          <NativeSelect
            label={t('commissions.recipients.user')}
            required
            data={[
              { value: '', label: t('commissions.recipients.chooseUser') },
              ...users.map((u) => ({ value: u.id, label: u.displayName })),
            ]}
            {...field('userId')}
          />
        ) : null}
        <TextInput label={t('commissions.recipients.name')} required {...field('name')} />
        <TextInput label={t('commissions.recipients.email')} type="email" {...field('email')} />
        <NativeSelect
          label={t('commissions.recipients.locale')}
          data={LOCALES.map((l) => ({ value: l, label: t(`commissions.locales.${l}`) }))}
          {...field('locale')}
        />
        {kind === 'user' ? (
          <NativeSelect
            label={t('commissions.rates.rateGroup')}
            data={[
              { value: '', label: t('commissions.recipients.noRateGroup') },
              ...(groups.data ?? []).map((g) => ({ value: g.id, label: g.name })),
            ]}
            {...field('rateGroupId')}
          />
        ) : null}
        <Textarea
          label={t('commissions.recipients.address')}
          description={t('commissions.recipients.addressHint')}
          autosize
          minRows={2}
          {...field('addressLines')}
        />
        <TextInput label={t('commissions.recipients.taxNumber')} {...field('taxNumber')} />
        <TextInput label={t('commissions.recipients.vatId')} {...field('vatId')} />
        <NativeSelect
          label={t('commissions.recipients.vatMode')}
          data={[
            { value: 'exempt', label: t('commissions.recipients.vatModes.exempt') },
            { value: 'added', label: t('commissions.recipients.vatModes.added') },
          ]}
          {...field('vat.mode')}
        />
        {v['vat.mode'] === 'exempt' ? (
          <TextInput
            label={t('commissions.recipients.vatNote')}
            description={t('commissions.recipients.vatNoteHint')}
            {...field('vat.note')}
          />
        ) : (
          <TextInput
            label={t('commissions.recipients.vatRate')}
            inputMode="decimal"
            {...field('vat.ratePercent')}
          />
        )}
        <TextInput
          label={t('commissions.recipients.creditorAccount')}
          inputMode="numeric"
          {...field('creditorAccount')}
        />
        <Checkbox
          mt="lg"
          label={t('commissions.recipients.selfBillingLabel')}
          checked={v.selfBilling}
          onChange={(e) => form.set('selfBilling', e.currentTarget.checked)}
        />
        <Checkbox
          mt="lg"
          label={t('commissions.recipients.showsClientData')}
          checked={v.showsClientData}
          onChange={(e) => form.set('showsClientData', e.currentTarget.checked)}
        />
      </SimpleGrid>
    </RateFormShell>
  );
}
