// The inputs of a client's master data, shared by the new-client form and the edit form on the
// client 360: name, first e-mail and phone, status, type, source and the tenant's custom fields.
import { NativeSelect, SegmentedControl, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../lib/api';
import type { TSchemaForm } from '../../lib/form';
import { CustomFieldInputs } from '../cases/CustomFieldInputs';
import type { TClientValues } from './client-form';
import type { TCustomField } from './fields';
import { SOURCES, STATUSES, TYPES } from './types';

type TProps = {
  form: TSchemaForm<TClientValues>;
  defs: TCustomField[];
  serverError: unknown;
  /** The kind is chosen when the client is created and fixed afterwards. */
  kindFixed?: boolean;
};

export function ClientFormFields({ form, defs, serverError, kindFixed }: TProps) {
  const { t } = useTranslation();
  const v = form.values;
  const api = serverError instanceof ApiError ? serverError : null;
  type TText = 'firstName' | 'lastName' | 'companyName' | 'emails' | 'phones';
  // The server names a contact's problem by its path (phones.0.number); the schema's own show first.
  const contactPath: Partial<Record<TText, string>> = { emails: 'address', phones: 'number' };
  const text = (field: TText) => ({
    value: v[field],
    autoComplete: 'off',
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => form.set(field, e.currentTarget.value),
    error: form.error(field) ?? (contactPath[field] ? api?.fieldMessage(contactPath[field]) : undefined),
  });
  // What an empty choice means: no source; on a new client, the type that suits its kind.
  const blank: Record<string, string | undefined> = {
    source: t('newClient.noSource'),
    clientType: kindFixed ? undefined : t('newClient.typeByKind'),
  };
  const select = (field: 'status' | 'clientType' | 'source', options: readonly string[], group: string) => (
    <NativeSelect
      label={t(`clients.${field === 'clientType' ? 'type' : field}`)}
      value={v[field]}
      onChange={(e) => form.set(field, e.currentTarget.value)}
      error={form.error(field)}
      data={[
        ...(blank[field] ? [{ value: '', label: blank[field] }] : []),
        ...options.map((o) => ({ value: o, label: t(`clients.${group}.${o}`) })),
      ]}
    />
  );
  return (
    <Stack gap="md">
      {kindFixed ? null : (
        <SegmentedControl
          aria-label={t('newClient.kind')}
          value={v.kind}
          onChange={(kind) => form.set('kind', kind as TClientValues['kind'])}
          data={[
            { value: 'person', label: t('newClient.person') },
            { value: 'company', label: t('newClient.company') },
          ]}
        />
      )}
      {v.kind === 'person' ? (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label={t('newClient.firstName')} {...text('firstName')} />
          <TextInput label={t('newClient.lastName')} required {...text('lastName')} />
        </SimpleGrid>
      ) : (
        <TextInput label={t('newClient.companyName')} required {...text('companyName')} />
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label={t('newClient.email')} type="email" {...text('emails')} />
        <TextInput label={t('newClient.phone')} type="tel" {...text('phones')} />
      </SimpleGrid>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        {select('status', STATUSES, 'statuses')}
        {select('clientType', TYPES, 'types')}
        {select('source', SOURCES, 'sources')}
      </SimpleGrid>
      {defs.length > 0 ? (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <CustomFieldInputs
            defs={defs}
            values={v.custom}
            onChange={(key, value) => form.set('custom', { ...v.custom, [key]: value })}
            error={form.error}
          />
        </SimpleGrid>
      ) : null}
    </Stack>
  );
}
