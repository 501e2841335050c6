// The commissions screens as tabs; a tab shows only where the user holds its permission (the
// server decides every request all the same).
import { Stack, Tabs, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { can, useMe } from '../../lib/session';
import { BalancesTab } from './BalancesTab';
import { ExportsTab } from './ExportsTab';
import { RatesTab } from './RatesTab';
import { RecipientsTab } from './RecipientsTab';
import { StatementRunTab } from './StatementRunTab';
import { StatementsTab } from './StatementsTab';

export function CommissionsPage() {
  const { t } = useTranslation();
  const me = useMe();
  // Running statements and the rates need commissions:manage on the server (route-permissions.txt).
  const mayRun = can(me, 'commissions:manage');
  const mayExport = can(me, 'commissions:export');
  return (
    <Stack>
      <Title order={1}>{t('commissions.title')}</Title>
      <Tabs defaultValue={mayRun ? 'run' : 'statements'} keepMounted={false}>
        <Tabs.List>
          {mayRun ? <Tabs.Tab value="run">{t('commissions.tabs.run')}</Tabs.Tab> : null}
          <Tabs.Tab value="statements">{t('commissions.tabs.statements')}</Tabs.Tab>
          <Tabs.Tab value="balances">{t('commissions.tabs.balances')}</Tabs.Tab>
          {mayRun ? <Tabs.Tab value="rates">{t('commissions.tabs.rates')}</Tabs.Tab> : null}
          <Tabs.Tab value="recipients">{t('commissions.tabs.recipients')}</Tabs.Tab>
          {mayExport ? <Tabs.Tab value="exports">{t('commissions.tabs.exports')}</Tabs.Tab> : null}
        </Tabs.List>
        {mayRun ? (
          <Tabs.Panel value="run" pt="md">
            <StatementRunTab />
          </Tabs.Panel>
        ) : null}
        <Tabs.Panel value="statements" pt="md">
          <StatementsTab />
        </Tabs.Panel>
        <Tabs.Panel value="balances" pt="md">
          <BalancesTab />
        </Tabs.Panel>
        {mayRun ? (
          <Tabs.Panel value="rates" pt="md">
            <RatesTab />
          </Tabs.Panel>
        ) : null}
        <Tabs.Panel value="recipients" pt="md">
          <RecipientsTab />
        </Tabs.Panel>
        {mayExport ? (
          <Tabs.Panel value="exports" pt="md">
            <ExportsTab />
          </Tabs.Panel>
        ) : null}
      </Tabs>
    </Stack>
  );
}
