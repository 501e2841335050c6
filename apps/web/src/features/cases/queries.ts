// The cases feature's queries and the stage move, shared by the board, the list and the case page.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, queryString } from '../../lib/api';
import { can, useMe } from '../../lib/session';
import type { TBoard, TCaseWithHistory, TPage, TPipeline, TUser } from './types';

export function usePipelines() {
  return useQuery({
    queryKey: ['pipelines'],
    queryFn: () => api<TPage<TPipeline>>('/pipelines'),
    staleTime: 60_000,
  });
}

export function useBoard(pipelineId: string | null) {
  return useQuery({
    queryKey: ['cases', 'board', pipelineId],
    queryFn: () => api<TBoard>(`/cases/board${queryString({ pipelineId, perStage: 50 })}`),
    enabled: pipelineId !== null,
  });
}

export function useCase(caseId: string) {
  return useQuery({
    queryKey: ['cases', 'one', caseId],
    queryFn: () => api<TCaseWithHistory>(`/cases/${caseId}`),
  });
}

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

export type TMoveInput = { caseId: string; stage: string; lossReason?: string };

/** A stage move; every view of cases is refetched after it, whether it was refused or not. */
export function useMoveStage() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ caseId, stage, lossReason }: TMoveInput) =>
      api(`/cases/${caseId}/stage`, { method: 'POST', body: { stage, lossReason } }),
    onSettled: () => client.invalidateQueries({ queryKey: ['cases'] }),
  });
}
