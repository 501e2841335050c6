// The cancellation of a won case: from its date, lines still liable are clawed back (F5).
import { ZCancelBody } from '@kontor/contracts';
import { Button, Group, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSchemaForm } from '../../lib/form';
import { bind } from './bind';
import { caseCommissionKeys, caseCommissionPost, type TCaseCommission } from './commissions-api';
import { RefusalOf } from './RefusalOf';
import { fieldRefusal } from './refusal';

export function CancellationForm({ caseId, commission }: { caseId: string; commission: TCaseCommission }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [open, setOpen] = useState(false);
  const save = useMutation({
    mutationFn: (body: unknown) => caseCommissionPost(caseId, 'cancellation', body),
    onSuccess: (data) => {
      client.setQueryData(caseCommissionKeys.all(caseId), data);
      setOpen(false);
    },
  });
  const initial = { cancelledOn: commission.cancelledOn ?? '', reason: '' };
  const form = useSchemaForm(ZCancelBody, initial, (v) => v, save.error);
  // The server's "before the date of win" in the user's words, while the field still shows it.
  const serverOr = (shown: string | undefined) =>
    shown ? (fieldRefusal(save.error, 'cancelledOn', t) ?? shown) : undefined;
  if (!open)
    return (
      <Button variant="subtle" color="red" w="fit-content" onClick={() => setOpen(true)}>
        {commission.cancelledOn ? t('commissions.cancellation.change') : t('commissions.cancellation.record')}
      </Button>
    );
  return (
    <Stack
      component="form"
      gap="xs"
      aria-label={t('commissions.cancellation.record')}
      onSubmit={(e) => {
        e.preventDefault();
        if (form.submit()) save.mutate(form.values);
      }}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
        <TextInput
          type="date"
          label={t('commissions.cancellation.date')}
          description={t('commissions.cancellation.hint')}
          required
          value={form.values.cancelledOn}
          onChange={(e) => form.set('cancelledOn', e.currentTarget.value)}
          error={serverOr(form.error('cancelledOn'))}
        />
        <TextInput label={t('commissions.case.reasonLabel')} required {...bind(form, 'reason')} />
      </SimpleGrid>
      <RefusalOf error={save.error} fields={['cancelledOn', 'reason']} />
      <Group gap="xs">
        <Button type="submit" size="sm" color="red" loading={save.isPending}>
          {t('commissions.cancellation.save')}
        </Button>
        <Button size="sm" variant="default" onClick={() => setOpen(false)}>
          {t('commissions.cancel')}
        </Button>
      </Group>
    </Stack>
  );
}
