// The firm's users, for names wherever records carry user ids (cards, comments, the trash, the
// audit trail) and for pickers.
import { useQuery } from '@tanstack/react-query';
import { api, queryString } from './api';
import { can, useMe } from './session';

export type TUser = { id: string; email: string; displayName: string; status: 'active' | 'disabled' };
type TPage<T> = { items: T[]; nextCursor: string | null };

/**
 * The firm's users by id, for names of owners and executors. Only who may view users gets them;
 * everyone else sees themselves by name and others as a placeholder (the card carries ids only).
 */
export function useUsers() {
  const me = useMe();
  const allowed = can(me, 'users:view');
  const q = useQuery({
    queryKey: ['users', 'all'],
    queryFn: () => api<TPage<TUser>>(`/users${queryString({ limit: 200 })}`),
    enabled: allowed,
    staleTime: 60_000,
  });
  const byId = new Map<string, TUser>((q.data?.items ?? []).map((u) => [u.id, u]));
  const nameOf = (id: string) => byId.get(id)?.displayName ?? (id === me.user.id ? me.user.displayName : '—');
  return { query: q, users: q.data?.items ?? [], nameOf, allowed };
}
