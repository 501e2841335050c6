// Rate groups: advisors who share rates. Listed, and a new one named.
import { ZRateGroupBody } from '@kontor/contracts';
import { Button, Group, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../components/FormError';
import { QueryListSection } from '../../components/Section';
import { useSchemaForm } from '../../lib/form';
import { bind } from './bind';
import { createRateGroup, rateGroupsQuery } from './commissions-api';

export function RateGroups() {
  const { t } = useTranslation();
  const client = useQueryClient();
  const q = useQuery(rateGroupsQuery);
  const create = useMutation({
    mutationFn: createRateGroup,
    onSuccess: () => {
      form.reset();
      return client.invalidateQueries({ queryKey: rateGroupsQuery.queryKey });
    },
  });
  const form = useSchemaForm(ZRateGroupBody, { name: '' }, (v) => v, create.error);
  return (
    <QueryListSection
      title={t('commissions.rates.rateGroups')}
      query={q}
      empty={t('commissions.rates.noGroups')}
      item={(g) => (
        <li key={g.id}>
          <Text>{g.name}</Text>
        </li>
      )}
    >
      <form
        aria-label={t('commissions.rates.createGroup')}
        onSubmit={(e) => {
          e.preventDefault();
          if (form.submit()) create.mutate(form.values);
        }}
      >
        <Group align="flex-end" gap="xs" wrap="wrap">
          <TextInput
            style={{ flex: '1 1 14rem' }}
            label={t('commissions.rates.groupName')}
            required
            {...bind(form, 'name')}
          />
          <Button type="submit" loading={create.isPending}>
            {t('commissions.rates.createGroup')}
          </Button>
        </Group>
        <FormError error={create.error} fields={['name']} />
      </form>
    </QueryListSection>
  );
}
