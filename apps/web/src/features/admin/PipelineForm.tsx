// Creating a pipeline and changing one: name, key, product kind, control mode, default, its stages
// and loss reasons. Checked as the user types against the server's own schema (@kontor/contracts);
// the server's refusals (a taken key, no won stage, a key used twice) show at their fields.
import { ZCreatePipelineBody, ZUpdatePipelineBody } from '@kontor/contracts';
import { Button, Checkbox, Group, NativeSelect, Radio, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../components/FormError';
import { api } from '../../lib/api';
import { useSchemaForm } from '../../lib/form';
import {
  adminKeys,
  CASE_FIELDS,
  CONTROL_MODES,
  customFieldsQuery,
  PRODUCT_KINDS,
  snakeKey,
  type TControlMode,
  type TPipeline,
  type TProductKind,
} from './admin-api';
import { LossReasonsEditor } from './LossReasonsEditor';
import { createBody, draftOf, emptyDraft, type TPipelineDraft, updateBody } from './pipeline-draft';
import { StageEditor } from './StageEditor';
import { useRowErrors } from './use-row-errors';

type TProps = { pipeline?: TPipeline; onDone?: () => void };

// Field errors the inputs below show; FormError says the rest.
const SHOWN = ['name', 'key', 'productKind', 'controlMode', 'isDefault', 'stages', 'lossReasons'];

export function PipelineForm({ pipeline, onDone }: TProps) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const save = useMutation({
    mutationFn: (body: unknown) =>
      pipeline
        ? api<TPipeline>(`/pipelines/${pipeline.id}`, { method: 'PATCH', body })
        : api<TPipeline>('/pipelines', { method: 'POST', body }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: adminKeys.pipelines });
      if (!pipeline) form.reset(emptyDraft());
      onDone?.();
    },
  });
  const schema = pipeline ? ZUpdatePipelineBody : ZCreatePipelineBody;
  const toBody = pipeline ? updateBody : createBody;
  const form = useSchemaForm<TPipelineDraft>(
    schema,
    pipeline ? draftOf(pipeline) : emptyDraft(),
    toBody,
    save.error,
  );
  const rows = useRowErrors(schema, toBody(form.values), save.error);
  const setList = <K extends 'stages' | 'lossReasons'>(key: K, list: TPipelineDraft[K]) => {
    rows.listsChanged();
    form.set(key, list);
  };
  const fieldChoices = useFieldChoices();
  const v = form.values;
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    rows.submitted();
    if (form.submit()) save.mutate(toBody(v));
  };
  const label = pipeline ? t('admin.pipelines.editOf', { name: pipeline.name }) : t('admin.pipelines.new');
  return (
    <form onSubmit={submit} aria-label={label} noValidate>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('admin.pipelines.name')}
            required
            value={v.name}
            onChange={(e) => {
              const name = e.currentTarget.value;
              form.set('name', name);
              if (!v.keyEdited) form.set('key', snakeKey(name));
            }}
            error={form.error('name')}
          />
          {pipeline ? null : (
            <TextInput
              label={t('admin.pipelines.key')}
              description={t('admin.pipelines.keyHint')}
              required
              value={v.key}
              onChange={(e) => {
                form.set('key', e.currentTarget.value);
                form.set('keyEdited', true);
              }}
              error={form.error('key')}
            />
          )}
          {pipeline ? null : (
            <NativeSelect
              label={t('admin.pipelines.productKind')}
              value={v.productKind}
              onChange={(e) => form.set('productKind', e.currentTarget.value as TProductKind)}
              data={PRODUCT_KINDS.map((k) => ({ value: k, label: t(`cases.productKinds.${k}`) }))}
              error={form.error('productKind')}
            />
          )}
        </SimpleGrid>
        <Radio.Group
          label={t('admin.pipelines.controlMode')}
          value={v.controlMode}
          onChange={(mode) => form.set('controlMode', mode as TControlMode)}
          error={form.error('controlMode')}
        >
          <Stack gap="xs" mt="xs">
            {CONTROL_MODES.map((mode) => (
              <Radio
                key={mode}
                value={mode}
                label={t(`admin.pipelines.controlModes.${mode}`)}
                description={t(`admin.pipelines.controlModeHelp.${mode}`)}
              />
            ))}
          </Stack>
        </Radio.Group>
        <Checkbox
          label={t('admin.pipelines.isDefault')}
          checked={v.isDefault}
          // The server refuses taking the default away: another pipeline must take it.
          disabled={pipeline?.isDefault === true}
          description={pipeline?.isDefault ? t('admin.pipelines.defaultLocked') : undefined}
          onChange={(e) => form.set('isDefault', e.currentTarget.checked)}
          error={form.error('isDefault')}
        />
        <StageEditor
          stages={v.stages}
          onChange={(stages) => setList('stages', stages)}
          errorAt={rows.errorAt}
          touch={rows.touch}
          fieldChoices={fieldChoices}
          listError={rows.listError('stages')}
        />
        <LossReasonsEditor
          reasons={v.lossReasons}
          onChange={(reasons) => setList('lossReasons', reasons)}
          errorAt={rows.errorAt}
          touch={rows.touch}
          listError={rows.listError('lossReasons')}
        />
        <FormError error={save.error} fields={[...SHOWN, 'kind', 'label', 'options', 'requiredFields']} />
        <Group justify="flex-end">
          {onDone ? (
            <Button variant="default" onClick={onDone}>
              {t('admin.cancel')}
            </Button>
          ) : null}
          <Button type="submit" loading={save.isPending}>
            {pipeline ? t('admin.save') : t('admin.pipelines.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** What a stage may require: the case's own fields and the firm's case custom fields. */
function useFieldChoices(): { value: string; label: string }[] {
  const { t } = useTranslation();
  const custom = useQuery(customFieldsQuery);
  return [
    ...CASE_FIELDS.map((f) => ({ value: f, label: t(`admin.pipelines.caseFields.${f}`) })),
    ...(custom.data ?? [])
      .filter((f) => f.entity === 'case')
      .map((f) => ({ value: f.key, label: t('admin.pipelines.customField', { label: f.label }) })),
  ];
}
