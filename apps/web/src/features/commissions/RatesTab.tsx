// The rates tab (commissions:manage): income rates, advisor and override rates by rate group,
// partner and tipster agreements, and the rate groups themselves.
import { Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../lib/format';
import { AgreementForm } from './AgreementForm';
import {
  rateGroupsQuery,
  recipientsQuery,
  type TAgreement,
  type TGroupRate,
  type TIncomeRate,
} from './commissions-api';
import { GroupRateForm } from './GroupRateForm';
import { IncomeRateForm, tiersText } from './IncomeRateForm';
import { RateGroups } from './RateGroups';
import { RateSection } from './RateSection';

export function RatesTab() {
  const { t } = useTranslation();
  const groups = useQuery(rateGroupsQuery);
  const recipients = useQuery(recipientsQuery);
  const any = t('commissions.rates.any');
  const kindOf = (k: string | null) => (k ? t(`cases.productKinds.${k}`) : any);
  const groupName = (id: string) => groups.data?.find((g) => g.id === id)?.name ?? '—';
  const recipientName = (id: string) => recipients.data?.find((r) => r.id === id)?.name ?? '—';
  return (
    <Stack>
      <RateSection<TIncomeRate>
        kind="income-rates"
        title={t('commissions.rates.incomeRates')}
        summary={(r) => (
          <>
            <Text fw={500}>
              {r.lender ?? any} · {kindOf(r.productKind)} · {r.product ?? any}
            </Text>
            <Text size="sm">{tiersText(r, t)}</Text>
          </>
        )}
        form={(r, done) => <IncomeRateForm rate={r} done={done} />}
      />
      <RateSection<TGroupRate>
        kind="group-rates"
        title={t('commissions.rates.groupRates')}
        summary={(r) => (
          <Text fw={500}>
            {t(`commissions.rates.groupKinds.${r.kind}`)} · {groupName(r.rateGroupId)} ·{' '}
            {kindOf(r.productKind)}
            {r.product ? ` · ${r.product}` : ''} · {r.percent} %
          </Text>
        )}
        form={(r, done) => <GroupRateForm rate={r} done={done} />}
      />
      <RateSection<TAgreement>
        kind="agreements"
        title={t('commissions.rates.agreements')}
        summary={(r) => (
          <Text fw={500}>
            {recipientName(r.recipientId)} ·{' '}
            {r.leadSource
              ? t(`commissions.rates.leadSources.${r.leadSource}`)
              : t('commissions.rates.anySource')}{' '}
            · {t(`commissions.rates.shareKinds.${r.share.kind}`)}{' '}
            {r.share.kind === 'fixed'
              ? formatMoney(r.share.amount.minor, r.share.amount.currency)
              : `${r.share.percent} %`}
          </Text>
        )}
        form={(r, done) => <AgreementForm rate={r} done={done} />}
      />
      <RateGroups />
    </Stack>
  );
}
