// Editing a client's master data on the client 360 (PATCH /clients/{id}): checked as the user
// types against the server's own schema (ZUpdateClient), with the tenant's custom fields.
import { ZUpdateClient } from '@kontor/contracts';
import { Button, Card, Group, Stack, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../components/FormError';
import { ErrorState, LoadingState } from '../../components/States';
import { currentLocale } from '../../i18n';
import { api } from '../../lib/api';
import { useSchemaForm } from '../../lib/form';
import { ClientFormFields } from './ClientFormFields';
import { shownFields, type TClientMaster, type TClientValues, updateBody, valuesOf } from './client-form';
import { type TCustomField, useClientFields } from './fields';

type TProps = { client: TClientMaster & { id: string }; onDone: () => void };

export function EditClient({ client, onDone }: TProps) {
  const { t } = useTranslation();
  const fields = useClientFields();
  return (
    <Card withBorder radius="lg" padding="lg" component="section" aria-label={t('client.editTitle')}>
      <Title order={2} size="h4" mb="sm">
        {t('client.editTitle')}
      </Title>
      {fields.isPending ? (
        <LoadingState />
      ) : fields.isError ? (
        <ErrorState error={fields.error} onRetry={() => void fields.refetch()} />
      ) : (
        <EditForm client={client} defs={fields.data} onDone={onDone} />
      )}
    </Card>
  );
}

function EditForm({ client, defs, onDone }: TProps & { defs: TCustomField[] }) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const queryClient = useQueryClient();
  const toBody = (v: TClientValues) => updateBody(v, client, defs, locale);
  const save = useMutation({
    mutationFn: (body: unknown) => api(`/clients/${client.id}`, { method: 'PATCH', body }),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['client', client.id] });
      await queryClient.invalidateQueries({ queryKey: ['clients'] });
      onDone();
    },
  });
  const form = useSchemaForm(ZUpdateClient, valuesOf(client, defs, locale), toBody, save.error);
  return (
    <form
      noValidate
      aria-label={t('client.editTitle')}
      onSubmit={(e) => {
        e.preventDefault();
        if (form.submit()) save.mutate(toBody(form.values));
      }}
    >
      <Stack gap="md">
        <FormError error={save.error} fields={shownFields(defs)} />
        <ClientFormFields form={form} defs={defs} serverError={save.error} kindFixed />
        <Group justify="flex-end" gap="xs">
          <Button variant="default" onClick={onDone}>
            {t('client.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {t('client.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
