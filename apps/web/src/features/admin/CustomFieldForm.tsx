// Defining a custom field: for clients or cases, label (its key follows), type, options for the
// choice types, required. Checked as the user types with the server's own schema.
import { CHOICE_FIELD_TYPES, ZCreateCustomField } from '@kontor/contracts';
import { Button, Checkbox, Group, NativeSelect, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../components/FormError';
import { api } from '../../lib/api';
import { useSchemaForm } from '../../lib/form';
import {
  adminKeys,
  CUSTOM_FIELD_ENTITIES,
  CUSTOM_FIELD_TYPES,
  snakeKey,
  type TCustomField,
  type TCustomFieldEntity,
  type TCustomFieldType,
} from './admin-api';

type TValues = {
  entity: TCustomFieldEntity;
  key: string;
  keyEdited: boolean;
  label: string;
  type: TCustomFieldType;
  options: string;
  required: boolean;
};

const INITIAL: TValues = {
  entity: 'client',
  key: '',
  keyEdited: false,
  label: '',
  type: 'text',
  options: '',
  required: false,
};

const hasOptions = (type: TCustomFieldType) => CHOICE_FIELD_TYPES.includes(type);

// Options are typed one per line; blank lines are no options.
function toBody(v: TValues) {
  const options = hasOptions(v.type)
    ? v.options
        .split('\n')
        .map((o) => o.trim())
        .filter((o) => o !== '')
    : [];
  return { entity: v.entity, key: v.key, label: v.label, type: v.type, options, required: v.required };
}

export function CustomFieldForm() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const save = useMutation({
    mutationFn: (body: unknown) => api<TCustomField>('/custom-fields', { method: 'POST', body }),
    onSuccess: async () => {
      await client.invalidateQueries({ queryKey: adminKeys.customFields });
      // The next field is most likely for the same records.
      form.reset({ ...INITIAL, entity: form.values.entity });
    },
  });
  const form = useSchemaForm<TValues>(ZCreateCustomField, INITIAL, toBody, save.error);
  const v = form.values;
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (form.submit()) save.mutate(toBody(v));
  };
  return (
    <form onSubmit={submit} aria-label={t('admin.customFields.new')} noValidate>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect
            label={t('admin.customFields.entity')}
            value={v.entity}
            onChange={(e) => form.set('entity', e.currentTarget.value as TCustomFieldEntity)}
            data={CUSTOM_FIELD_ENTITIES.map((k) => ({
              value: k,
              label: t(`admin.customFields.entities.${k}`),
            }))}
            error={form.error('entity')}
          />
          <NativeSelect
            label={t('admin.customFields.type')}
            value={v.type}
            onChange={(e) => form.set('type', e.currentTarget.value as TCustomFieldType)}
            data={CUSTOM_FIELD_TYPES.map((k) => ({ value: k, label: t(`admin.customFields.types.${k}`) }))}
            error={form.error('type')}
          />
          <TextInput
            label={t('admin.customFields.label')}
            required
            value={v.label}
            onChange={(e) => {
              const label = e.currentTarget.value;
              form.set('label', label);
              if (!v.keyEdited) form.set('key', snakeKey(label));
            }}
            error={form.error('label')}
          />
          <TextInput
            label={t('admin.customFields.key')}
            description={t('admin.customFields.keyHint')}
            required
            value={v.key}
            onChange={(e) => {
              form.set('key', e.currentTarget.value);
              form.set('keyEdited', true);
            }}
            error={form.error('key')}
          />
        </SimpleGrid>
        {hasOptions(v.type) ? (
          <Textarea
            label={t('admin.customFields.options')}
            required
            autosize
            minRows={3}
            value={v.options}
            onChange={(e) => form.set('options', e.currentTarget.value)}
            error={form.error('options')}
          />
        ) : null}
        <Checkbox
          label={t('admin.customFields.required')}
          checked={v.required}
          onChange={(e) => form.set('required', e.currentTarget.checked)}
        />
        <FormError error={save.error} fields={['entity', 'key', 'label', 'type', 'options', 'required']} />
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>
            {t('admin.customFields.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
