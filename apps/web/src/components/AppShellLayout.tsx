// The frame of the signed-in app: header with navigation toggle, global search and account menu;
// the navigation (a drawer on a phone); the page.
import { AppShell, Burger, Group, ScrollArea, Text, VisuallyHidden } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { Outlet, useRouterState } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { GlobalSearch } from '../features/search/GlobalSearch';
import { can, useMe } from '../lib/session';
import { AccountMenu } from './AccountMenu';
import { NavLinkLink } from './links';

type TNavItem = {
  to: '/' | '/clients' | '/cases' | '/calendar' | '/commissions' | '/admin' | '/trash';
  label: string;
  /** Shown to whoever holds any of these. */
  permissions?: string[];
};

export function AppShellLayout() {
  const me = useMe();
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure(false);
  const path = useRouterState({ select: (s) => s.location.pathname });
  const items: TNavItem[] = [
    { to: '/', label: t('nav.desk') },
    { to: '/clients', label: t('nav.clients'), permissions: ['clients:view'] },
    { to: '/cases', label: t('nav.cases'), permissions: ['cases:view'] },
    { to: '/calendar', label: t('nav.calendar'), permissions: ['activities:view'] },
    { to: '/commissions', label: t('nav.commissions'), permissions: ['commissions:view'] },
    {
      to: '/admin',
      label: t('nav.admin'),
      permissions: [
        'org:view',
        'users:view',
        'roles:view',
        'substitutes:view',
        'api_keys:manage',
        'settings:manage',
      ],
    },
    { to: '/trash', label: t('trash.title'), permissions: ['trash:view'] },
  ];
  const active = (to: string) => (to === '/' ? path === '/' : path.startsWith(to));
  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 230, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding={{ base: 'sm', sm: 'lg' }}
    >
      <AppShell.Header>
        <Group h="100%" px="md" gap="sm" wrap="nowrap">
          <Burger
            opened={opened}
            onClick={toggle}
            hiddenFrom="sm"
            size="sm"
            aria-label={t('shell.openNavigation')}
          />
          <Text fw={700} size="lg" c="teal.9" visibleFrom="xs">
            Kontor
          </Text>
          <GlobalSearch />
          <Group ml="auto" gap="xs" wrap="nowrap">
            <AccountMenu />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label={t('shell.navigation')}>
        <VisuallyHidden>
          <h2>{t('shell.navigation')}</h2>
        </VisuallyHidden>
        <ScrollArea>
          {items
            .filter((item) => !item.permissions || item.permissions.some((p) => can(me, p)))
            .map((item) => (
              <NavLinkLink
                key={item.to}
                to={item.to}
                label={item.label}
                active={active(item.to)}
                onClick={close}
              />
            ))}
        </ScrollArea>
        <Text size="xs" c="dimmed" mt="auto" p="xs">
          {me.tenant.name}
        </Text>
      </AppShell.Navbar>
      <AppShell.Main>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
