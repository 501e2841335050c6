// The firm's custom fields, listed for clients and for cases with their type and options; those
// with `settings:manage` define new ones and move old ones to the trash (values stay on records).
import { Badge, Button, Card, Group, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { QueryListSection, Section } from '../../components/Section';
import { errorMessage } from '../../components/States';
import { api } from '../../lib/api';
import { can, useMe } from '../../lib/session';
import { adminKeys, CUSTOM_FIELD_ENTITIES, customFieldsQuery, type TCustomField } from './admin-api';
import { CustomFieldForm } from './CustomFieldForm';

export function CustomFieldsTab() {
  const { t } = useTranslation();
  const me = useMe();
  const query = useQuery(customFieldsQuery);
  const manage = can(me, 'settings:manage');
  return (
    <Stack>
      {manage ? (
        <Section title={t('admin.customFields.new')}>
          <CustomFieldForm />
        </Section>
      ) : null}
      {CUSTOM_FIELD_ENTITIES.map((entity) => (
        <QueryListSection
          key={entity}
          title={`${t('admin.customFields.title')}: ${t(`admin.customFields.entities.${entity}`)}`}
          query={{ ...query, data: query.data?.filter((f) => f.entity === entity) }}
          empty={t('admin.customFields.empty')}
          item={(f) => <CustomFieldCard key={f.id} field={f} manage={manage} />}
        />
      ))}
    </Stack>
  );
}

function CustomFieldCard({ field, manage }: { field: TCustomField; manage: boolean }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const remove = useMutation({
    mutationFn: () => api(`/custom-fields/${field.id}`, { method: 'DELETE' }),
    onSuccess: () => client.invalidateQueries({ queryKey: adminKeys.customFields }),
  });
  const confirmDelete = () => {
    if (window.confirm(t('admin.customFields.confirmDelete', { name: field.label }))) remove.mutate();
  };
  return (
    <Card component="li" withBorder padding="sm" aria-label={field.label}>
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Group gap="xs" wrap="wrap">
          <Text fw={600}>{field.label}</Text>
          <Text size="sm" c="dimmed" ff="monospace">
            {field.key}
          </Text>
          <Badge variant="light">{t(`admin.customFields.types.${field.type}`)}</Badge>
          {field.required ? (
            <Badge variant="outline" color="dark">
              {t('admin.customFields.requiredBadge')}
            </Badge>
          ) : null}
        </Group>
        {manage ? (
          <Button
            size="compact-sm"
            variant="subtle"
            color="red"
            loading={remove.isPending}
            onClick={confirmDelete}
            aria-label={t('admin.customFields.deleteOf', { name: field.label })}
          >
            {t('admin.delete')}
          </Button>
        ) : null}
      </Group>
      {field.options.length > 0 ? (
        <Group gap={4} wrap="wrap" mt={4}>
          {field.options.map((o) => (
            <Badge key={o} variant="default" tt="none">
              {o}
            </Badge>
          ))}
        </Group>
      ) : null}
      {remove.isError ? (
        <Text size="sm" c="red" role="alert">
          {errorMessage(remove.error, t)}
        </Text>
      ) : null}
    </Card>
  );
}
