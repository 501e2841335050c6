// Merging a duplicate into this client (B4): its cases, relations, consents and new contacts move
// over and the duplicate goes to the trash (restorable). Asked twice, since it is a big change.
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Section } from '../../components/Section';
import { errorMessage } from '../../components/States';
import { ApiError, api } from '../../lib/api';
import { ClientPicker, type TPicked } from './ClientPicker';

type TMergeResult = { trashId: string; moved: Record<string, number> };

export function Merge({ clientId }: { clientId: string }) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const [duplicate, setDuplicate] = useState<TPicked | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [round, setRound] = useState(0);
  const merge = useMutation({
    mutationFn: (d: TPicked) =>
      api<TMergeResult>(`/clients/${clientId}/merge`, { method: 'POST', body: { duplicateId: d.id } }),
    onSuccess: (_, d) => {
      setDone(d.name);
      setDuplicate(null);
      setConfirming(false);
      setRound((r) => r + 1);
      // Cases, documents, relations and contacts of the duplicate are this client's now.
      void client.invalidateQueries({ queryKey: ['client', clientId] });
      void client.invalidateQueries({ queryKey: ['clients'] });
    },
  });
  const err = merge.error instanceof ApiError ? merge.error : null;
  return (
    <Section title={t('client.merge')}>
      <Stack gap="sm">
        <Text size="sm">{t('client.mergeIntro')}</Text>
        {done ? (
          <Alert color="teal" variant="light" role="status">
            {t('client.merged', { name: done })}
          </Alert>
        ) : null}
        <ClientPicker
          key={round}
          label={t('client.mergeSearch')}
          excludeId={clientId}
          value={duplicate}
          onChange={(d) => {
            setDuplicate(d);
            setConfirming(false);
            setDone(null);
          }}
          error={err?.fieldMessage('duplicateId')}
        />
        {merge.isError && !err?.fieldMessage('duplicateId') ? (
          <Alert color="red" variant="light" role="alert">
            {errorMessage(merge.error, t)}
          </Alert>
        ) : null}
        {duplicate && !confirming ? (
          <Button variant="light" color="orange" w="fit-content" onClick={() => setConfirming(true)}>
            {t('client.mergeOpen', { name: duplicate.name })}
          </Button>
        ) : null}
        {duplicate && confirming ? (
          <Stack gap="xs" role="group" aria-label={t('client.merge')}>
            <Text size="sm" fw={500}>
              {t('client.mergeConfirm', { name: duplicate.name })}
            </Text>
            <Group gap="sm" wrap="wrap">
              <Button color="orange" loading={merge.isPending} onClick={() => merge.mutate(duplicate)}>
                {t('client.mergeDo')}
              </Button>
              <Button variant="default" onClick={() => setConfirming(false)}>
                {t('client.cancel')}
              </Button>
            </Group>
          </Stack>
        ) : null}
      </Stack>
    </Section>
  );
}
