// The user's menu: language (saved to their profile) and sign-out.
import { ActionIcon, Avatar, Button, Divider, NativeSelect, Popover, Stack, Text } from '@mantine/core';
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

  // A popover dialog, not a menu: a menu may hold only menu items, and this one holds a select.
  return (
    <Popover position="bottom-end" withinPortal trapFocus returnFocus>
      <Popover.Target>
        <ActionIcon variant="subtle" size="lg" radius="xl" aria-label={t('shell.account')}>
          <Avatar size="sm" radius="xl" color="teal">
            {initials}
          </Avatar>
        </ActionIcon>
      </Popover.Target>
      <Popover.Dropdown miw={240} aria-label={t('shell.account')}>
        <Stack gap="xs">
          <Text size="sm" fw={600}>
            {me.user.displayName}
            <Text span c="dimmed" size="sm" display="block">
              {me.tenant.name}
            </Text>
          </Text>
          <NativeSelect
            label={t('shell.language')}
            value={currentLocale()}
            onChange={(e) => void changeLanguage(e.currentTarget.value)}
            data={LOCALES.map((l) => ({ value: l, label: t(`languages.${l}`) }))}
          />
          <Divider />
          <Button component={Link} to="/settings/security" variant="subtle" justify="flex-start">
            {t('shell.security')}
          </Button>
          <Button variant="subtle" color="red" justify="flex-start" onClick={() => void leave()}>
            {t('shell.signOut')}
          </Button>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
