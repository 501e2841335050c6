// The sub-statuses of one stage (e.g. contract signing: not started / in progress / done): label
// and key, 2 to 20 options in order (the last one means done), and whether it must be final before
// the case may leave the stage.
import { Button, Card, Checkbox, Group, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  newOption,
  newSubStatus,
  renamed,
  replaced,
  type TOptionDraft,
  type TSubStatusDraft,
  without,
} from './pipeline-draft';
import type { TRowErrors } from './StageEditor';

type TProps = TRowErrors & {
  /** Where the list sits in the body, e.g. `stages.1.fields`. */
  prefix: string;
  fields: TSubStatusDraft[];
  onChange: (fields: TSubStatusDraft[]) => void;
};

export function SubStatusEditor({ prefix, fields, onChange, ...errors }: TProps) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" mt="sm">
      <Text size="sm" fw={600}>
        {t('admin.pipelines.subStatuses')}
      </Text>
      {fields.map((field, i) => (
        <SubStatusRow
          key={field.uid}
          at={`${prefix}.${i}`}
          field={field}
          onChange={(row) => onChange(replaced(fields, i, row))}
          onRemove={() => onChange(without(fields, i))}
          {...errors}
        />
      ))}
      <Group>
        <Button
          variant="subtle"
          size="compact-sm"
          onClick={() => onChange([...fields, newSubStatus()])}
          disabled={fields.length >= 20}
        >
          {t('admin.pipelines.addSubStatus')}
        </Button>
      </Group>
    </Stack>
  );
}

type TRowProps = TRowErrors & {
  at: string;
  field: TSubStatusDraft;
  onChange: (field: TSubStatusDraft) => void;
  onRemove: () => void;
};

function SubStatusRow({ at, field, onChange, onRemove, errorAt, touch }: TRowProps) {
  const { t } = useTranslation();
  const name = { name: field.label.trim() || t('admin.pipelines.unnamed') };
  const setOptions = (options: TOptionDraft[]) => {
    touch(`${at}.options`);
    onChange({ ...field, options });
  };
  return (
    <Card withBorder padding="xs" bg="var(--mantine-color-default-hover)">
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t('admin.pipelines.subStatusLabel')}
          required
          value={field.label}
          onChange={(e) => {
            touch(`${at}.label`);
            touch(`${at}.key`);
            onChange(renamed(field, 'label', e.currentTarget.value));
          }}
          error={errorAt(`${at}.label`)}
        />
        <TextInput
          label={t('admin.pipelines.subStatusKey')}
          required
          value={field.key}
          onChange={(e) => {
            touch(`${at}.key`);
            onChange({ ...field, key: e.currentTarget.value, keyEdited: true });
          }}
          error={errorAt(`${at}.key`)}
        />
      </SimpleGrid>
      <Text size="sm" mt="xs">
        {t('admin.pipelines.options')}
      </Text>
      <Stack gap={4}>
        {field.options.map((option, j) => {
          const n = { n: j + 1 };
          const path = `${at}.options.${j}`;
          return (
            <Group key={option.uid} gap="xs" align="flex-start" wrap="wrap">
              <TextInput
                style={{ flex: '1 1 10rem' }}
                label={t('admin.pipelines.optionLabel', n)}
                value={option.label}
                onChange={(e) => {
                  touch(`${path}.label`);
                  touch(`${path}.key`);
                  setOptions(replaced(field.options, j, renamed(option, 'label', e.currentTarget.value)));
                }}
                error={errorAt(`${path}.label`)}
              />
              <TextInput
                style={{ flex: '1 1 8rem' }}
                label={t('admin.pipelines.optionKey', n)}
                value={option.key}
                onChange={(e) => {
                  touch(`${path}.key`);
                  const row = { ...option, key: e.currentTarget.value, keyEdited: true };
                  setOptions(replaced(field.options, j, row));
                }}
                error={errorAt(`${path}.key`)}
              />
              <Button
                mt={24}
                size="compact-sm"
                variant="subtle"
                color="red"
                disabled={field.options.length <= 2}
                onClick={() => setOptions(without(field.options, j))}
                aria-label={t('admin.pipelines.removeOption', n)}
              >
                ×
              </Button>
            </Group>
          );
        })}
      </Stack>
      {errorAt(`${at}.options`) ? (
        <Text size="sm" c="red" role="alert">
          {errorAt(`${at}.options`)}
        </Text>
      ) : null}
      <Group justify="space-between" wrap="wrap" mt="xs">
        <Checkbox
          label={t('admin.pipelines.finalToLeave')}
          checked={field.finalToLeave}
          onChange={(e) => onChange({ ...field, finalToLeave: e.currentTarget.checked })}
        />
        <Group gap="xs">
          <Button
            size="compact-sm"
            variant="subtle"
            onClick={() => setOptions([...field.options, newOption()])}
            disabled={field.options.length >= 20}
          >
            {t('admin.pipelines.addOption')}
          </Button>
          <Button
            size="compact-sm"
            variant="subtle"
            color="red"
            onClick={onRemove}
            aria-label={t('admin.pipelines.removeSubStatus', name)}
          >
            {t('admin.pipelines.remove')}
          </Button>
        </Group>
      </Group>
    </Card>
  );
}
