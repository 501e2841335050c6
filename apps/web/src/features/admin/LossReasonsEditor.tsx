// The pipeline's loss reasons (key and name): a move to a lost stage names one of them.
import { Button, Group, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { newLossReason, renamed, replaced, type TLossDraft, without } from './pipeline-draft';
import type { TRowErrors } from './StageEditor';

type TProps = TRowErrors & {
  reasons: TLossDraft[];
  onChange: (reasons: TLossDraft[]) => void;
  listError?: string;
};

export function LossReasonsEditor({ reasons, onChange, errorAt, touch, listError }: TProps) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs" component="fieldset" m={0} p={0} style={{ border: 0 }}>
      <Title order={3} size="h5" component="legend">
        {t('admin.pipelines.lossReasons')}
      </Title>
      <Text size="sm" c="dimmed">
        {t('admin.pipelines.lossReasonsHint')}
      </Text>
      {reasons.map((reason, i) => {
        const at = `lossReasons.${i}`;
        const name = { name: reason.name.trim() || t('admin.pipelines.unnamed') };
        return (
          <Group key={reason.uid} gap="xs" align="flex-start" wrap="nowrap">
            <SimpleGrid cols={{ base: 1, sm: 2 }} style={{ flex: 1 }}>
              <TextInput
                label={t('admin.pipelines.lossReasonName')}
                required
                value={reason.name}
                onChange={(e) => {
                  touch(`${at}.name`);
                  touch(`${at}.key`);
                  onChange(replaced(reasons, i, renamed(reason, 'name', e.currentTarget.value)));
                }}
                error={errorAt(`${at}.name`)}
              />
              <TextInput
                label={t('admin.pipelines.lossReasonKey')}
                required
                value={reason.key}
                onChange={(e) => {
                  touch(`${at}.key`);
                  const row = { ...reason, key: e.currentTarget.value, keyEdited: true };
                  onChange(replaced(reasons, i, row));
                }}
                error={errorAt(`${at}.key`)}
              />
            </SimpleGrid>
            <Button
              mt={24}
              size="compact-sm"
              variant="subtle"
              color="red"
              onClick={() => onChange(without(reasons, i))}
              aria-label={t('admin.pipelines.removeLossReason', name)}
            >
              ×
            </Button>
          </Group>
        );
      })}
      {listError ? (
        <Text size="sm" c="red" role="alert">
          {listError}
        </Text>
      ) : null}
      <Group>
        <Button
          variant="light"
          size="compact-sm"
          onClick={() => onChange([...reasons, newLossReason()])}
          disabled={reasons.length >= 50}
        >
          {t('admin.pipelines.addLossReason')}
        </Button>
      </Group>
    </Stack>
  );
}
