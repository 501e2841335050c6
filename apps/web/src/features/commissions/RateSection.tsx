// One kind of rate as a list: what each says and when it is valid; for managers new, edit and
// delete (after a confirmation; it goes to the trash, lines computed with it keep their terms).
import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { QueryListSection } from '../../components/Section';
import { errorMessage } from '../../components/States';
import { formatDate } from '../../lib/format';
import { deleteRate, rateQuery, saveRate, type TRateKind, type TTerms } from './commissions-api';
import { TermsText } from './TermsText';

type TRate = { id: string; terms: TTerms; validFrom: string; validTo: string | null };

export function RateSection<T extends TRate>({
  kind,
  title,
  summary,
  form,
}: {
  kind: TRateKind;
  title: string;
  summary: (rate: T) => React.ReactNode;
  form: (rate: T | null, done: () => void) => React.ReactNode;
}) {
  const { t } = useTranslation();
  const client = useQueryClient();
  const q = useQuery(rateQuery<T>(kind));
  const [editing, setEditing] = useState<string | null>(null);
  const [deleting, setDeleting] = useState<T | null>(null);
  const remove = useMutation({
    mutationFn: (id: string) => deleteRate(kind, id),
    onSuccess: () => {
      setDeleting(null);
      return client.invalidateQueries({ queryKey: ['commissions', kind] });
    },
  });
  const done = () => setEditing(null);
  const list = { ...q, data: q.data?.items };
  return (
    <>
      <QueryListSection
        title={title}
        query={list}
        empty={t('commissions.rates.empty')}
        item={(rate) => (
          <li key={rate.id}>
            <Stack gap={2}>
              <Group justify="space-between" wrap="wrap" gap="xs" align="flex-start">
                <Stack gap={0} style={{ flex: '1 1 16rem' }}>
                  {summary(rate)}
                  <Text size="xs" c="dimmed">
                    {t('commissions.rates.validity', {
                      from: formatDate(rate.validFrom),
                      to: rate.validTo ? formatDate(rate.validTo) : t('commissions.rates.openEnd'),
                    })}
                    {' · '}
                    <TermsText terms={rate.terms} />
                  </Text>
                </Stack>
                <Group gap={4}>
                  <Button size="compact-sm" variant="subtle" onClick={() => setEditing(rate.id)}>
                    {t('commissions.edit')}
                  </Button>
                  <Button size="compact-sm" variant="subtle" color="red" onClick={() => setDeleting(rate)}>
                    {t('commissions.delete')}
                  </Button>
                </Group>
              </Group>
              {editing === rate.id ? form(rate, done) : null}
            </Stack>
          </li>
        )}
      >
        {editing === 'new' ? (
          form(null, done)
        ) : (
          <Button variant="light" w="fit-content" onClick={() => setEditing('new')}>
            {t('commissions.rates.new')}
          </Button>
        )}
      </QueryListSection>
      <Modal
        opened={deleting !== null}
        onClose={() => setDeleting(null)}
        title={t('commissions.rates.deleteTitle')}
      >
        <Stack>
          <Text size="sm">{t('commissions.rates.deleteBody')}</Text>
          {remove.error ? (
            <Alert color="red" variant="light" role="alert">
              {errorMessage(remove.error, t)}
            </Alert>
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setDeleting(null)}>
              {t('commissions.cancel')}
            </Button>
            <Button
              color="red"
              loading={remove.isPending}
              onClick={() => deleting && remove.mutate(deleting.id)}
            >
              {t('commissions.rates.moveToTrash')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

/** Saving a rate of `kind`: refreshes its list and closes the form. */
export function useSaveRate(kind: TRateKind, id: string | undefined, done: () => void) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: unknown) => saveRate(kind, body, id),
    onSuccess: () => {
      done();
      return client.invalidateQueries({ queryKey: ['commissions', kind] });
    },
  });
}
