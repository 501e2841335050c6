// One stage in the stage editor: name (its key follows), kind, required fields, sub-statuses, and
// the buttons that move or remove it, each named after the stage for screen readers.
import { Button, Card, Group, MultiSelect, NativeSelect, SimpleGrid, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { STAGE_KINDS, type TStageKind } from './admin-api';
import { renamed, type TStageDraft } from './pipeline-draft';
import type { TRowErrors } from './StageEditor';
import { SubStatusEditor } from './SubStatusEditor';

type TProps = TRowErrors & {
  stage: TStageDraft;
  index: number;
  count: number;
  fieldChoices: { value: string; label: string }[];
  onChange: (stage: TStageDraft) => void;
  onMove: (by: -1 | 1) => void;
  onRemove: () => void;
};

export function StageRow({
  stage,
  index,
  count,
  fieldChoices,
  onChange,
  onMove,
  onRemove,
  ...errors
}: TProps) {
  const { t } = useTranslation();
  const { errorAt, touch } = errors;
  const at = `stages.${index}`;
  const title = t('admin.pipelines.stageOf', { n: index + 1 });
  const name = { name: stage.name.trim() || title };
  // Required fields the tenant no longer has still show, so saving does not drop them silently.
  const choices = [
    ...fieldChoices,
    ...stage.requiredFields
      .filter((f) => !fieldChoices.some((c) => c.value === f))
      .map((f) => ({ value: f, label: f })),
  ];
  return (
    <Card component="li" withBorder padding="sm" aria-label={title}>
      <Group justify="space-between" wrap="wrap" gap="xs" mb="xs">
        <Text fw={600}>{title}</Text>
        <Group gap="xs" wrap="wrap">
          <Button
            size="compact-sm"
            variant="default"
            disabled={index === 0}
            onClick={() => onMove(-1)}
            aria-label={t('admin.pipelines.moveUp', name)}
          >
            ↑
          </Button>
          <Button
            size="compact-sm"
            variant="default"
            disabled={index === count - 1}
            onClick={() => onMove(1)}
            aria-label={t('admin.pipelines.moveDown', name)}
          >
            ↓
          </Button>
          <Button
            size="compact-sm"
            variant="subtle"
            color="red"
            disabled={count <= 1}
            onClick={onRemove}
            aria-label={t('admin.pipelines.removeStage', name)}
          >
            {t('admin.pipelines.remove')}
          </Button>
        </Group>
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <TextInput
          label={t('admin.pipelines.stageName')}
          required
          value={stage.name}
          onChange={(e) => {
            touch(`${at}.name`);
            touch(`${at}.key`);
            onChange(renamed(stage, 'name', e.currentTarget.value));
          }}
          error={errorAt(`${at}.name`)}
        />
        <TextInput
          label={t('admin.pipelines.stageKey')}
          required
          value={stage.key}
          onChange={(e) => {
            touch(`${at}.key`);
            onChange({ ...stage, key: e.currentTarget.value, keyEdited: true });
          }}
          error={errorAt(`${at}.key`)}
        />
        <NativeSelect
          label={t('admin.pipelines.stageKind')}
          value={stage.kind}
          onChange={(e) => onChange({ ...stage, kind: e.currentTarget.value as TStageKind })}
          data={STAGE_KINDS.map((k) => ({ value: k, label: t(`admin.pipelines.stageKinds.${k}`) }))}
          error={errorAt(`${at}.kind`)}
        />
      </SimpleGrid>
      <MultiSelect
        mt="xs"
        label={t('admin.pipelines.requiredFields')}
        description={t('admin.pipelines.requiredHint')}
        data={choices}
        value={stage.requiredFields}
        onChange={(requiredFields) => onChange({ ...stage, requiredFields })}
        searchable
        clearable
        error={errorAt(`${at}.requiredFields`)}
      />
      <SubStatusEditor
        prefix={`${at}.fields`}
        fields={stage.fields}
        onChange={(fields) => onChange({ ...stage, fields })}
        {...errors}
      />
    </Card>
  );
}
