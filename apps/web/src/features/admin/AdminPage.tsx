// The administration screens as tabs; a tab shows only where the user holds the permission its
// list route needs (route-permissions.txt). The server decides every request all the same.
import { Stack, Tabs, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { EmptyState } from '../../components/States';
import { can, useMe } from '../../lib/session';
import { ApiKeysTab } from './ApiKeysTab';
import { CustomFieldsTab } from './CustomFieldsTab';
import { PipelinesTab } from './PipelinesTab';
import { RolesTab } from './RolesTab';
import { SubstitutesTab } from './SubstitutesTab';
import { UnitsTab } from './UnitsTab';
import { UsersTab } from './UsersTab';

const TABS = [
  { value: 'units', permission: 'org:view', Panel: UnitsTab },
  { value: 'users', permission: 'users:view', Panel: UsersTab },
  { value: 'roles', permission: 'roles:view', Panel: RolesTab },
  { value: 'substitutes', permission: 'substitutes:view', Panel: SubstitutesTab },
  { value: 'apiKeys', permission: 'api_keys:manage', Panel: ApiKeysTab },
  { value: 'pipelines', permission: 'cases:view', Panel: PipelinesTab },
  // Open to every signed-in user; defining fields needs settings:manage (checked in the tab).
  { value: 'customFields', permission: null, Panel: CustomFieldsTab },
] as const;

export function AdminPage() {
  const { t } = useTranslation();
  const me = useMe();
  const tabs = TABS.filter((tab) => tab.permission === null || can(me, tab.permission));
  return (
    <Stack>
      <Title order={1}>{t('admin.title')}</Title>
      {tabs.length === 0 ? (
        <EmptyState>{t('admin.nothing')}</EmptyState>
      ) : (
        <Tabs defaultValue={tabs[0]?.value} keepMounted={false}>
          <Tabs.List>
            {tabs.map((tab) => (
              <Tabs.Tab key={tab.value} value={tab.value}>
                {t(`admin.tabs.${tab.value}`)}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          {tabs.map(({ value, Panel }) => (
            <Tabs.Panel key={value} value={value} pt="md">
              <Panel />
            </Tabs.Panel>
          ))}
        </Tabs>
      )}
    </Stack>
  );
}
