// The cases feature's queries and the stage move, shared by the board, the list and the case page.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, queryString } from '../../lib/api';
import type { TBoard, TCaseWithHistory, TPage, TPipeline } from './types';

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
