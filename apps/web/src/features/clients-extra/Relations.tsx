// Relations (B6): household members, employers, representatives, guarantors, read from both
// ends; a related client outside the user's scope is shown without a name or link.
import { ZCreateRelation } from '@kontor/contracts';
import { Button, NativeSelect, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../components/FormError';
import { AnchorLink } from '../../components/links';
import { QueryListSection } from '../../components/Section';
import { api } from '../../lib/api';
import { useSchemaForm } from '../../lib/form';
import { ClientPicker, type TPicked } from './ClientPicker';
import { RELATION_KINDS, type TRelation } from './types';

type TValues = { relatedClientId: TPicked | null; kind: string; direction: string; note: string };
const EMPTY: TValues = { relatedClientId: null, kind: 'household_member', direction: 'outgoing', note: '' };
const toBody = (v: TValues) => ({ ...v, relatedClientId: v.relatedClientId?.id });

// Checked as the user types against the server's own schema; what was typed stays on a refusal.
function RelationForm({ clientId }: { clientId: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  // A new key empties the picker's own text after a relation is added.
  const [round, setRound] = useState(0);
  const create = useMutation({
    mutationFn: (body: ReturnType<typeof toBody>) =>
      api<TRelation>(`/clients/${clientId}/relations`, { method: 'POST', body }),
    onSuccess: () => {
      form.reset();
      setRound((r) => r + 1);
      return client.invalidateQueries({ queryKey: ['client', clientId, 'relations'] });
    },
  });
  const form = useSchemaForm(ZCreateRelation, EMPTY, toBody, create.error);
  const v = form.values;
  return (
    <Stack
      component="form"
      gap="sm"
      aria-label={t('client.addRelation')}
      onSubmit={(e) => {
        e.preventDefault();
        if (form.submit()) create.mutate(toBody(v));
      }}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <ClientPicker
          key={round}
          label={t('client.relatedClient')}
          excludeId={clientId}
          value={v.relatedClientId}
          onChange={(picked) => form.set('relatedClientId', picked)}
          error={form.error('relatedClientId')}
        />
        <NativeSelect
          label={t('client.relationKind')}
          value={v.kind}
          onChange={(e) => form.set('kind', e.currentTarget.value)}
          error={form.error('kind')}
          data={RELATION_KINDS.map((k) => ({ value: k, label: t(`client.relationKinds.${k}`) }))}
        />
        <NativeSelect
          label={t('client.direction')}
          value={v.direction}
          onChange={(e) => form.set('direction', e.currentTarget.value)}
          error={form.error('direction')}
          data={[
            { value: 'outgoing', label: t('client.directions.outgoing') },
            { value: 'incoming', label: t('client.directions.incoming') },
          ]}
        />
        <TextInput
          label={t('client.note')}
          value={v.note}
          onChange={(e) => form.set('note', e.currentTarget.value)}
          error={form.error('note')}
        />
      </SimpleGrid>
      <FormError error={create.error} fields={['kind', 'direction', 'note', 'relatedClientId']} />
      <Button type="submit" loading={create.isPending} w="fit-content">
        {t('client.addRelation')}
      </Button>
    </Stack>
  );
}

export function Relations({ clientId, canEdit }: { clientId: string; canEdit: boolean }) {
  const { t } = useTranslation();
  const q = useQuery({
    queryKey: ['client', clientId, 'relations'],
    queryFn: () => api<{ items: TRelation[] }>(`/clients/${clientId}/relations`),
    select: (d) => d.items,
  });
  const title = t('client.relations');
  return (
    <QueryListSection
      title={title}
      query={q}
      empty={t('client.noRelations')}
      item={(r) => (
        <li key={r.id}>
          <Text size="xs" c="dimmed">
            {t(`client.relationKinds.${r.label}`, { defaultValue: r.label })}
          </Text>
          {r.relatedClient.id ? (
            <AnchorLink to="/clients/$clientId" params={{ clientId: r.relatedClient.id }} fw={500}>
              {r.relatedClient.displayName}
            </AnchorLink>
          ) : (
            <Text fs="italic">{t('client.hiddenClient')}</Text>
          )}
          {r.note ? <Text size="sm">{r.note}</Text> : null}
        </li>
      )}
    >
      {canEdit ? <RelationForm clientId={clientId} /> : null}
    </QueryListSection>
  );
}
