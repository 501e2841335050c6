// The ordered stages of a pipeline: add, rename, remove and move up or down (buttons, so the
// keyboard and screen readers can reorder too). Each stage's own inputs are in StageRow.
import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { moved, newStage, replaced, type TStageDraft, without } from './pipeline-draft';
import { StageRow } from './StageRow';

export type TRowErrors = {
  /** The problem to show at a field path such as `stages.2.name`. */
  errorAt: (path: string) => string | undefined;
  /** Marks a field path as typed in, so its problem shows from now on. */
  touch: (path: string) => void;
};

type TProps = TRowErrors & {
  stages: TStageDraft[];
  onChange: (stages: TStageDraft[]) => void;
  fieldChoices: { value: string; label: string }[];
  listError?: string;
};

export function StageEditor({ stages, onChange, fieldChoices, listError, ...errors }: TProps) {
  const { t } = useTranslation();
  // New stages go before the first won or lost stage: open stages come first.
  const add = () => {
    const at = stages.findIndex((s) => s.kind !== 'open');
    const next = [...stages];
    next.splice(at < 0 ? stages.length : at, 0, newStage('open'));
    onChange(next);
  };
  return (
    <Stack gap="xs" component="fieldset" m={0} p={0} style={{ border: 0 }}>
      <Title order={3} size="h5" component="legend">
        {t('admin.pipelines.stages')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('admin.pipelines.stagesHint')}
      </Text>
      <Stack component="ol" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
        {stages.map((stage, i) => (
          <StageRow
            key={stage.uid}
            stage={stage}
            index={i}
            count={stages.length}
            fieldChoices={fieldChoices}
            onChange={(row) => onChange(replaced(stages, i, row))}
            onMove={(by) => onChange(moved(stages, i, by))}
            onRemove={() => onChange(without(stages, i))}
            {...errors}
          />
        ))}
      </Stack>
      {listError ? (
        <Text size="sm" c="red" role="alert">
          {listError}
        </Text>
      ) : null}
      <Group>
        <Button variant="light" size="compact-sm" onClick={add} disabled={stages.length >= 50}>
          {t('admin.pipelines.addStage')}
        </Button>
      </Group>
    </Stack>
  );
}
