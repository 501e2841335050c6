// Who is signed in (GET /me), signing in and out, and what the user may do. The server decides
// every request; the app only hides what would be refused.
import { queryOptions, useQuery } from '@tanstack/react-query';
import { isLocale, setLocale } from '../i18n';
import { ApiError, api } from './api';

export type TMe = {
  user: {
    id: string;
    email: string;
    displayName: string;
    locale: string;
    timeZone: string;
    secondFactor: boolean;
  };
  tenant: { id: string; slug: string; name: string };
  unit: { id: string; name: string; kind: string } | null;
  roles: { id: string; key: string | null; name: string }[];
  permissions: { permission: string; scope: string }[];
};

export const meQuery = queryOptions({
  queryKey: ['me'],
  queryFn: async (): Promise<TMe | null> => {
    try {
      const me = await api<TMe>('/me');
      if (isLocale(me.user.locale)) await setLocale(me.user.locale);
      return me;
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return null;
      throw error;
    }
  },
  staleTime: 60_000,
});

export function useMe(): TMe {
  const { data } = useQuery(meQuery);
  if (!data) throw new Error('useMe outside the signed-in part of the app');
  return data;
}

/** Whether the user holds `module:action` in any scope. */
export function can(me: TMe, permission: string): boolean {
  return me.permissions.some((p) => p.permission === permission);
}

export type TSignIn = {
  tenant: string;
  email: string;
  password: string;
  totp?: string;
  recoveryCode?: string;
};

export function signIn(body: TSignIn): Promise<{ userId: string; tenantId: string; csrfToken: string }> {
  return api('/auth/login', { method: 'POST', body });
}

export function signOut(): Promise<void> {
  return api('/auth/logout', { method: 'POST' });
}
