// Relations (B6): household members, employers, representatives, guarantors, read from both
// ends; a related client outside the user's scope is shown without a name or link.
import { Button, NativeSelect, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../components/FormError';
import { AnchorLink } from '../../components/links';
import { QueryListSection } from '../../components/Section';
import { ApiError, api } from '../../lib/api';
import { ClientPicker, type TPicked } from './ClientPicker';
import { RELATION_KINDS, type TRelation } from './types';

function RelationForm({ clientId }: { clientId: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [related, setRelated] = useState<TPicked | null>(null);
  const [kind, setKind] = useState<string>('household_member');
  const [direction, setDirection] = useState('outgoing');
  const [note, setNote] = useState('');
  const [missing, setMissing] = useState(false);
  // A new key empties the picker's own text after a relation is added.
  const [round, setRound] = useState(0);
  const create = useMutation({
    mutationFn: (body: { relatedClientId: string; kind: string; direction: string; note: string }) =>
      api<TRelation>(`/clients/${clientId}/relations`, { method: 'POST', body }),
    onSuccess: () => {
      setRelated(null);
      setNote('');
      setRound((r) => r + 1);
      return client.invalidateQueries({ queryKey: ['client', clientId, 'relations'] });
    },
  });
  const err = create.error instanceof ApiError ? create.error : null;
  return (
    <Stack
      component="form"
      gap="sm"
      aria-label={t('client.addRelation')}
      onSubmit={(e) => {
        e.preventDefault();
        setMissing(!related);
        if (related) create.mutate({ relatedClientId: related.id, kind, direction, note });
      }}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <ClientPicker
          key={round}
          label={t('client.relatedClient')}
          excludeId={clientId}
          value={related}
          onChange={setRelated}
          error={missing && !related ? t('errors.required') : err?.fieldMessage('relatedClientId')}
        />
        <NativeSelect
          label={t('client.relationKind')}
          value={kind}
          onChange={(e) => setKind(e.currentTarget.value)}
          error={err?.fieldMessage('kind')}
          data={RELATION_KINDS.map((k) => ({ value: k, label: t(`client.relationKinds.${k}`) }))}
        />
        <NativeSelect
          label={t('client.direction')}
          value={direction}
          onChange={(e) => setDirection(e.currentTarget.value)}
          data={[
            { value: 'outgoing', label: t('client.directions.outgoing') },
            { value: 'incoming', label: t('client.directions.incoming') },
          ]}
        />
        <TextInput
          label={t('client.note')}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
          error={err?.fieldMessage('note')}
        />
      </SimpleGrid>
      <FormError error={create.error} fields={['kind', 'note', 'relatedClientId']} />
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
