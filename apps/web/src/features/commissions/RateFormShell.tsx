// The frame of every rate form: a labelled form, the refusal no input shows, save and cancel.
import { Button, Group, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../components/FormError';

export function RateFormShell({
  label,
  onSubmit,
  onCancel,
  error,
  fields,
  pending,
  children,
}: {
  label: string;
  onSubmit: () => void;
  onCancel: () => void;
  error: unknown;
  fields: string[];
  pending: boolean;
  children: React.ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Stack
      component="form"
      gap="xs"
      aria-label={label}
      p="sm"
      style={{ border: '1px solid var(--mantine-color-default-border)', borderRadius: 8 }}
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      {children}
      <FormError error={error} fields={fields} />
      <Group gap="xs">
        <Button type="submit" size="sm" loading={pending}>
          {t('commissions.save')}
        </Button>
        <Button size="sm" variant="default" onClick={onCancel}>
          {t('commissions.cancel')}
        </Button>
      </Group>
    </Stack>
  );
}
