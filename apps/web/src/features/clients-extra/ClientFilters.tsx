// The client list's filter bar: search, status, type, source, owner (for who may see users), unit,
// tag, the tenant's custom fields and sort. The whole filter is one value, so that it can be saved
// and applied at once.
import { Button, Card, Group, NativeSelect, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { can, useMe } from '../../lib/session';
import { useUsers } from '../../lib/users';
import { unitsQuery } from '../admin/admin-api';
import { type TCustomField, useClientFields } from './fields';
import { EMPTY_FILTER, SOURCES, STATUSES, type TClientFilter, TYPES } from './types';

// The field types the list filters on by equality; amounts and numbers are left to sorting.
const FILTERABLE = new Set(['text', 'choice', 'multi_choice', 'yes_no', 'date']);

function CustomFilter({
  def,
  value,
  onChange,
}: {
  def: TCustomField;
  value: string;
  onChange: (value: string) => void;
}) {
  const { t } = useTranslation();
  const change = (e: { currentTarget: { value: string } }) => onChange(e.currentTarget.value);
  if (def.type === 'text' || def.type === 'date')
    return (
      <TextInput
        label={def.label}
        type={def.type === 'date' ? 'date' : 'text'}
        value={value}
        onChange={change}
        w={160}
      />
    );
  const options =
    def.type === 'yes_no'
      ? [
          { value: 'true', label: t('clients.yes') },
          { value: 'false', label: t('clients.no') },
        ]
      : def.options.map((o) => ({ value: o, label: o }));
  return (
    <NativeSelect
      label={def.label}
      value={value}
      onChange={change}
      data={[{ value: '', label: t('clients.any') }, ...options]}
      maw="100%"
    />
  );
}

type TProps = { value: TClientFilter; onChange: (f: TClientFilter) => void };

export function ClientFilters({ value, onChange }: TProps) {
  const { t } = useTranslation();
  const me = useMe();
  const { users, allowed } = useUsers();
  // A unit's clients are those whose owner belongs to it (the server's unitId filter).
  const units = useQuery({ ...unitsQuery, enabled: can(me, 'org:view') });
  const fields = useClientFields();
  const custom = (fields.data ?? []).filter((d) => FILTERABLE.has(d.type));
  const any = { value: '', label: t('clients.any') };
  const set = (key: keyof TClientFilter) => (e: { currentTarget: { value: string } }) =>
    onChange({ ...value, [key]: e.currentTarget.value });
  return (
    <Card withBorder radius="lg" padding="md" component="section" aria-label={t('clients.filters')}>
      <Group align="end" gap="sm" wrap="wrap">
        <TextInput
          type="search"
          label={t('clients.searchLabel')}
          value={value.q}
          onChange={set('q')}
          flex="1 1 220px"
          maw="100%"
        />
        <NativeSelect
          label={t('clients.status')}
          value={value.status}
          onChange={set('status')}
          data={[any, ...STATUSES.map((s) => ({ value: s, label: t(`clients.statuses.${s}`) }))]}
        />
        <NativeSelect
          label={t('clients.type')}
          value={value.clientType}
          onChange={set('clientType')}
          data={[any, ...TYPES.map((s) => ({ value: s, label: t(`clients.types.${s}`) }))]}
        />
        <NativeSelect
          label={t('clients.source')}
          value={value.source}
          onChange={set('source')}
          data={[any, ...SOURCES.map((s) => ({ value: s, label: t(`clients.sources.${s}`) }))]}
        />
        {allowed ? (
          <NativeSelect
            label={t('clients.owner')}
            value={value.ownerId}
            onChange={set('ownerId')}
            data={[any, ...users.map((u) => ({ value: u.id, label: u.displayName }))]}
            maw="100%"
          />
        ) : null}
        {can(me, 'org:view') ? (
          <NativeSelect
            label={t('clients.unit')}
            value={value.unitId}
            onChange={set('unitId')}
            data={[any, ...(units.data ?? []).map((u) => ({ value: u.id, label: u.name }))]}
            maw="100%"
          />
        ) : null}
        <TextInput label={t('clients.tag')} value={value.tag} onChange={set('tag')} w={140} />
        {custom.map((d) => (
          <CustomFilter
            key={d.key}
            def={d}
            value={value.custom[d.key] ?? ''}
            onChange={(v) => onChange({ ...value, custom: { ...value.custom, [d.key]: v } })}
          />
        ))}
        <NativeSelect
          label={t('clients.sort')}
          value={value.sort}
          onChange={set('sort')}
          data={[
            { value: '-createdAt', label: `${t('clients.createdAt')} ↓` },
            { value: 'createdAt', label: `${t('clients.createdAt')} ↑` },
            { value: 'displayName', label: `${t('clients.name')} A–Z` },
            { value: '-displayName', label: `${t('clients.name')} Z–A` },
          ]}
        />
        <Button variant="subtle" onClick={() => onChange(EMPTY_FILTER)}>
          {t('clients.reset')}
        </Button>
      </Group>
    </Card>
  );
}
