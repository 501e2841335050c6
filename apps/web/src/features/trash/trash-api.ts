// The trash's requests, shared by its page and its items.
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, queryString } from '../../lib/api';

export type TPage<T> = { items: T[]; nextCursor: string | null };

export type TTrashItem = {
  id: string;
  entity: string;
  entityId: string;
  label: string;
  deletedAt: string;
  deletedBy: string | null;
  purgeableFrom: string;
};

export function useTrash() {
  return useInfiniteQuery({
    queryKey: ['trash'],
    queryFn: ({ pageParam }) =>
      api<TPage<TTrashItem>>(`/trash${queryString({ limit: 50, cursor: pageParam })}`),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** Restore or purge; afterwards every list may have changed, so the trash and the records reload. */
export function useTrashAction() {
  const client = useQueryClient();
  const settled = () => client.invalidateQueries();
  const restore = useMutation({
    mutationFn: (item: TTrashItem) => api(`/trash/${item.id}/restore`, { method: 'POST' }),
    onSettled: settled,
  });
  const purge = useMutation({
    mutationFn: (item: TTrashItem) => api(`/trash/${item.id}`, { method: 'DELETE' }),
    onSettled: settled,
  });
  return { restore, purge };
}
