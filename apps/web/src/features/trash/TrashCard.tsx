// One deleted record in the trash, and the confirmation before purging one for good.
import { Badge, Button, Card, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/format';
import { useUsers } from '../../lib/users';
import type { TTrashItem } from './trash-api';

type TCardProps = {
  item: TTrashItem;
  busy: boolean;
  onRestore?: (item: TTrashItem) => void;
  onPurge?: (item: TTrashItem) => void;
};

export function TrashCard({ item, busy, onRestore, onPurge }: TCardProps) {
  const { t } = useTranslation();
  const { nameOf } = useUsers();
  const when = formatDateTime(item.deletedAt);
  return (
    <Card component="li" withBorder radius="md" padding="md" aria-label={item.label}>
      <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
        <Stack gap={4} style={{ minWidth: 0, flex: '1 1 240px' }}>
          <Group gap="xs" wrap="wrap">
            <Badge variant="light">{t(`trash.entity.${item.entity}`, { defaultValue: item.entity })}</Badge>
            <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
              {item.label}
            </Text>
          </Group>
          <Text size="sm" c="dimmed">
            {item.deletedBy
              ? t('trash.deleted', { when, name: nameOf(item.deletedBy) })
              : t('trash.deletedUnknown', { when })}
          </Text>
          <Text size="xs" c="dimmed">
            {t('trash.purgeableFrom', { date: formatDateTime(item.purgeableFrom) })}
          </Text>
        </Stack>
        <Group gap="xs">
          {onRestore ? (
            <Button size="sm" loading={busy} onClick={() => onRestore(item)}>
              {t('trash.restore')}
            </Button>
          ) : null}
          {onPurge ? (
            <Button size="sm" variant="subtle" color="red" onClick={() => onPurge(item)}>
              {t('trash.purge')}
            </Button>
          ) : null}
        </Group>
      </Group>
    </Card>
  );
}

type TDialogProps = {
  item: TTrashItem | null;
  busy: boolean;
  onClose: () => void;
  onConfirm: (item: TTrashItem) => void;
};

export function PurgeDialog({ item, busy, onClose, onConfirm }: TDialogProps) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={item !== null}
      onClose={onClose}
      title={t('trash.purgeTitle', { label: item?.label ?? '' })}
    >
      <Stack>
        <Text>{t('trash.purgeText')}</Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t('trash.cancel')}
          </Button>
          <Button color="red" loading={busy} onClick={() => item && onConfirm(item)}>
            {t('trash.purge')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
