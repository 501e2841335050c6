// The user's menu: language (saved to their profile) and sign-out.
import { ActionIcon, Avatar, Menu, NativeSelect } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate } from '@tanstack/react-router';
import { useTranslation } from 'react-i18next';
import { currentLocale, isLocale, LOCALES, setLocale } from '../i18n';
import { api } from '../lib/api';
import { signOut, useMe } from '../lib/session';

export function AccountMenu() {
  const me = useMe();
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const initials = me.user.displayName
    .split(/\s+/)
    .map((w) => w[0] ?? '')
    .join('')
    .slice(0, 2)
    .toUpperCase();

  const changeLanguage = async (value: string) => {
    if (!isLocale(value)) return;
    await setLocale(value);
    await api('/me', { method: 'PATCH', body: { locale: value } });
    queryClient.setQueryData(['me'], { ...me, user: { ...me.user, locale: value } });
  };

  const leave = async () => {
    await signOut().catch(() => undefined);
    queryClient.clear();
    await navigate({ to: '/sign-in' });
  };

  return (
    <Menu position="bottom-end" withinPortal closeOnItemClick={false}>
      <Menu.Target>
        <ActionIcon variant="subtle" size="lg" radius="xl" aria-label={t('shell.account')}>
          <Avatar size="sm" radius="xl" color="teal">
            {initials}
          </Avatar>
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown miw={220}>
        <Menu.Label>
          {me.user.displayName} · {me.tenant.name}
        </Menu.Label>
        <NativeSelect
          mx="xs"
          my={4}
          label={t('shell.language')}
          value={currentLocale()}
          onChange={(e) => void changeLanguage(e.currentTarget.value)}
          data={LOCALES.map((l) => ({ value: l, label: t(`languages.${l}`) }))}
        />
        <Menu.Divider />
        <Menu.Item component={Link} to="/settings/security">
          {t('shell.security')}
        </Menu.Item>
        <Menu.Item onClick={() => void leave()}>{t('shell.signOut')}</Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
