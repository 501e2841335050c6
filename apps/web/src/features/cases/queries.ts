// The cases feature's queries and the stage move, shared by the board, the list and the case page.

import type { TUpdateCase } from '@kontor/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, queryString } from '../../lib/api';
import type { TBoard, TCase, TCaseWithHistory, TCustomField, TPage, TPipeline } from './types';

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

/** A change to the case (facts, people, sub-statuses); the case is refetched after it. */
export function usePatchCase(caseId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: TUpdateCase) => api<TCase>(`/cases/${caseId}`, { method: 'PATCH', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['cases'] }),
  });
}

export function useCaseCustomFields() {
  return useQuery({
    queryKey: ['custom-fields', 'case'],
    queryFn: () => api<TPage<TCustomField>>(`/custom-fields${queryString({ entity: 'case' })}`),
    staleTime: 60_000,
  });
}
