// Changing a case's lines by hand: correct one with a reason, add one, split one by weights.
// Each form checks the server's own schema as the user types and keeps what was typed on refusal.
import { ZAddLineBody, ZCorrectLineBody, ZSplitLineBody } from '@kontor/contracts';
import { ActionIcon, Button, Group, NativeSelect, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSchemaForm } from '../../lib/form';
import { amountText, moneyOf } from './amount';
import { bind } from './bind';
import {
  caseCommissionKeys,
  caseCommissionPost,
  correctLine,
  recipientsQuery,
  splitLine,
  type TCaseCommission,
  type TLine,
} from './commissions-api';
import { RefusalOf } from './RefusalOf';

function useLineMutation(
  caseId: string,
  send: (body: unknown) => Promise<TCaseCommission>,
  onDone?: () => void,
) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (data) => {
      client.setQueryData(caseCommissionKeys.all(caseId), data);
      onDone?.();
    },
  });
}

export function CorrectLineForm({
  caseId,
  line,
  onDone,
}: {
  caseId: string;
  line: TLine;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const save = useLineMutation(caseId, (body) => correctLine(caseId, line.id, body), onDone);
  const toBody = (v: { amount: string; reason: string }) => ({
    amount: moneyOf(v.amount, line.amount.currency),
    reason: v.reason,
  });
  const form = useSchemaForm(
    ZCorrectLineBody,
    { amount: amountText(line.amount.minor, line.amount.currency), reason: '' },
    toBody,
    save.error,
  );
  return (
    <Stack
      component="form"
      gap="xs"
      aria-label={t('commissions.case.correct')}
      onSubmit={(e) => {
        e.preventDefault();
        if (form.submit()) save.mutate(toBody(form.values));
      }}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
        <TextInput
          label={t('commissions.case.amountIn', { currency: line.amount.currency })}
          inputMode="decimal"
          {...bind(form, 'amount')}
        />
        <TextInput label={t('commissions.case.reasonLabel')} required {...bind(form, 'reason')} />
      </SimpleGrid>
      <RefusalOf error={save.error} fields={['amount', 'reason']} />
      <Button type="submit" size="sm" loading={save.isPending} w="fit-content">
        {t('commissions.case.saveCorrection')}
      </Button>
    </Stack>
  );
}

function useRecipientOptions() {
  const { t } = useTranslation();
  const q = useQuery(recipientsQuery);
  return [
    { value: '', label: t('commissions.case.chooseRecipient') },
    ...(q.data ?? []).map((r) => ({
      value: r.id,
      label: `${r.name} (${t(`commissions.recipientKinds.${r.kind}`)})`,
    })),
  ];
}

const EMPTY_LINE = { recipientId: '', label: '', amount: '', reason: '' };

export function AddLineForm({ caseId, currency }: { caseId: string; currency: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const options = useRecipientOptions();
  const save = useLineMutation(
    caseId,
    (body) => caseCommissionPost(caseId, 'lines', body),
    () => {
      form.reset();
      setOpen(false);
    },
  );
  const toBody = (v: typeof EMPTY_LINE) => ({ ...v, amount: moneyOf(v.amount, currency) });
  const form = useSchemaForm(ZAddLineBody, EMPTY_LINE, toBody, save.error);
  if (!open)
    return (
      <Button variant="subtle" w="fit-content" onClick={() => setOpen(true)}>
        {t('commissions.case.addLine')}
      </Button>
    );
  return (
    <Stack
      component="form"
      gap="xs"
      aria-label={t('commissions.case.addLine')}
      onSubmit={(e) => {
        e.preventDefault();
        if (form.submit()) save.mutate(toBody(form.values));
      }}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
        <NativeSelect
          label={t('commissions.case.recipient')}
          required
          data={options}
          {...bind(form, 'recipientId')}
        />
        <TextInput label={t('commissions.case.lineLabel')} required {...bind(form, 'label')} />
        <TextInput
          label={t('commissions.case.amountIn', { currency })}
          inputMode="decimal"
          required
          {...bind(form, 'amount')}
        />
        <TextInput label={t('commissions.case.reasonLabel')} required {...bind(form, 'reason')} />
      </SimpleGrid>
      <RefusalOf error={save.error} fields={Object.keys(EMPTY_LINE)} />
      <Group gap="xs">
        <Button type="submit" size="sm" loading={save.isPending}>
          {t('commissions.case.addLine')}
        </Button>
        <Button size="sm" variant="default" onClick={() => setOpen(false)}>
          {t('commissions.cancel')}
        </Button>
      </Group>
    </Stack>
  );
}

type TShareRow = { recipientId: string; weight: string };

export function SplitLineForm({ caseId, line, onDone }: { caseId: string; line: TLine; onDone: () => void }) {
  const { t } = useTranslation();
  const options = useRecipientOptions();
  const save = useLineMutation(caseId, (body) => splitLine(caseId, line.id, body), onDone);
  const initial = {
    shares: [
      { recipientId: line.recipientId ?? '', weight: '1' },
      { recipientId: '', weight: '1' },
    ] as TShareRow[],
    reason: '',
  };
  const toBody = (v: typeof initial) => ({
    shares: v.shares.map((s) => ({
      recipientId: s.recipientId,
      weight: /^\d+$/.test(s.weight) ? Number(s.weight) : 0,
    })),
    reason: v.reason,
  });
  const form = useSchemaForm(ZSplitLineBody, initial, toBody, save.error);
  const shares = form.values.shares;
  const setShare = (i: number, patch: Partial<TShareRow>) =>
    form.set(
      'shares',
      shares.map((s, j) => (j === i ? { ...s, ...patch } : s)),
    );
  return (
    <Stack
      component="form"
      gap="xs"
      aria-label={t('commissions.case.split')}
      onSubmit={(e) => {
        e.preventDefault();
        if (form.submit()) save.mutate(toBody(form.values));
      }}
    >
      {shares.map((s, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their place
        <Group key={i} gap="xs" align="flex-end" wrap="wrap">
          <NativeSelect
            style={{ flex: '1 1 12rem' }}
            label={t('commissions.case.shareRecipient', { n: i + 1 })}
            data={options}
            value={s.recipientId}
            onChange={(e) => setShare(i, { recipientId: e.currentTarget.value })}
            error={form.error(`shares.${i}.recipientId`)}
          />
          <TextInput
            w="6rem"
            label={t('commissions.case.weight')}
            inputMode="numeric"
            value={s.weight}
            onChange={(e) => setShare(i, { weight: e.currentTarget.value })}
            error={form.error(`shares.${i}.weight`)}
          />
          {shares.length > 2 ? (
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={t('commissions.case.removeShare', { n: i + 1 })}
              onClick={() =>
                form.set(
                  'shares',
                  shares.filter((_, j) => j !== i),
                )
              }
            >
              ×
            </ActionIcon>
          ) : null}
        </Group>
      ))}
      {shares.length < 10 ? (
        <Button
          size="compact-sm"
          variant="subtle"
          w="fit-content"
          onClick={() => form.set('shares', [...shares, { recipientId: '', weight: '1' }])}
        >
          {t('commissions.case.addShare')}
        </Button>
      ) : null}
      <TextInput
        label={t('commissions.case.reasonLabel')}
        required
        value={form.values.reason}
        onChange={(e) => form.set('reason', e.currentTarget.value)}
        error={form.error('reason') ?? form.error('shares')}
      />
      <RefusalOf error={save.error} fields={['shares', 'reason']} conflict="split" />
      <Button type="submit" size="sm" loading={save.isPending} w="fit-content">
        {t('commissions.case.saveSplit')}
      </Button>
    </Stack>
  );
}
