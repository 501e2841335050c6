// The current stage's sub-statuses as selects (PATCH stageValues), and what the next stage still
// needs from the case, so the broker sees what is missing before trying to move it.
import { List, NativeSelect, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../components/FormError';
import { EmptyState } from '../../components/States';
import { can, useMe } from '../../lib/session';
import { useCaseCustomFields, usePatchCase } from './queries';
import { fieldLabel } from './refusal';
import type { TCase, TPipeline, TPipelineStage, TStageField } from './types';

/** The values the server checks required fields against (its caseValues in move-case-stage.ts). */
function caseValues(c: TCase): Record<string, unknown> {
  return {
    ...c.custom,
    ...c.stageValues,
    amount: c.amount,
    purpose: c.purpose,
    term: c.termMonths,
    lender: c.lender,
    product: c.product,
    propertyValue: c.propertyValue,
    platformReference: c.platformReference,
  };
}

const isFilled = (v: unknown) =>
  v !== null &&
  v !== undefined &&
  (typeof v !== 'string' || v.trim() !== '') &&
  (!Array.isArray(v) || v.length > 0);

/** The stage a forward move goes to: the next open one, else the won one. */
function nextStage(pipeline: TPipeline, current: string): TPipelineStage | undefined {
  const stages = [...pipeline.stages].sort((a, b) => a.position - b.position);
  const at = stages.findIndex((s) => s.key === current);
  if (at < 0 || stages[at]?.kind !== 'open') return undefined;
  const later = stages.slice(at + 1);
  return later.find((s) => s.kind === 'open') ?? later.find((s) => s.kind === 'won');
}

function missingFor(kase: TCase, stage: TPipelineStage | undefined, current: TPipelineStage | undefined) {
  const values = caseValues(kase);
  const required = (stage?.requiredFields ?? []).filter((k) => !isFilled(values[k]));
  const unfinished = (current?.fields ?? [])
    .filter((f) => f.finalToLeave && values[f.key] !== f.options.at(-1)?.key)
    .map((f) => f.key);
  return [...new Set([...required, ...unfinished])];
}

function FieldSelect({ kase, field, editable }: { kase: TCase; field: TStageField; editable: boolean }) {
  const { t } = useTranslation();
  const patch = usePatchCase(kase.id);
  const value = kase.stageValues[field.key] ?? '';
  const last = field.options.at(-1);
  return (
    <Stack gap={4}>
      <NativeSelect
        label={field.label}
        value={value}
        disabled={!editable || patch.isPending}
        description={field.finalToLeave && last ? t('cases.finalToLeave', { option: last.label }) : undefined}
        onChange={(e) =>
          patch.mutate({ stageValues: { ...kase.stageValues, [field.key]: e.currentTarget.value } })
        }
        data={[
          ...(value === '' ? [{ value: '', label: t('cases.notSet'), disabled: true }] : []),
          ...field.options.map((o) => ({ value: o.key, label: o.label })),
        ]}
      />
      <FormError error={patch.error} fields={[]} />
    </Stack>
  );
}

export function StageFields({ kase, pipeline }: { kase: TCase; pipeline: TPipeline }) {
  const { t } = useTranslation();
  const me = useMe();
  const custom = useCaseCustomFields();
  const current = pipeline.stages.find((s) => s.key === kase.stage.key);
  const next = nextStage(pipeline, kase.stage.key);
  const fields = current?.fields ?? [];
  const labelOf = (key: string) =>
    fields.find((f) => f.key === key)?.label ??
    custom.data?.items.find((d) => d.key === key)?.label ??
    fieldLabel(key, t);
  const missing = missingFor(kase, next, current);
  return (
    <Stack gap="sm">
      {fields.length === 0 ? <EmptyState>{t('cases.noStageFields')}</EmptyState> : null}
      {fields.map((f) => (
        <FieldSelect key={f.key} kase={kase} field={f} editable={can(me, 'cases:edit')} />
      ))}
      {next && missing.length > 0 ? (
        <div>
          <Text size="sm" fw={600}>
            {t('cases.neededFor', { stage: next.name })}
          </Text>
          <List size="sm" aria-label={t('cases.neededFor', { stage: next.name })}>
            {missing.map((k) => (
              <List.Item key={k}>{labelOf(k)}</List.Item>
            ))}
          </List>
        </div>
      ) : next ? (
        <Text size="sm" c="teal.9">
          {t('cases.readyFor', { stage: next.name })}
        </Text>
      ) : null}
    </Stack>
  );
}
