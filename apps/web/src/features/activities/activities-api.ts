// Activities as the API returns them, the queries that show them, and what to refresh after a change
// so a recorded call appears at once on the client's timeline, the case's list and the desk.
import type { TActivityKind, TDirection } from '@kontor/contracts';
import { type QueryClient, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, queryString } from '../../lib/api';

export type TActivity = {
  id: string;
  kind: TActivityKind;
  clientId: string;
  caseId: string | null;
  replyToId: string | null;
  subject: string;
  body: string;
  direction: TDirection | null;
  occurredAt: string | null;
  plannedAt: string | null;
  at: string;
  done: boolean;
  ownerId: string;
  createdAt: string;
};

/**
 * What the desk and the calendar show as an appointment: what is planned or met in person, and
 * anything still open; calls and notes already made are history, on the timeline.
 */
export function isAppointment(a: Pick<TActivity, 'kind' | 'done'>): boolean {
  return a.kind === 'planned' || a.kind === 'meeting' || !a.done;
}

export const activityKeys = {
  ofCase: (caseId: string) => ['activities', 'case', caseId],
  one: (id: string) => ['activities', 'one', id],
  chain: (id: string) => ['activities', 'chain', id],
};

export const caseActivitiesQuery = (caseId: string) => ({
  queryKey: activityKeys.ofCase(caseId),
  queryFn: () =>
    api<{ items: TActivity[]; nextCursor: string | null }>(
      `/activities${queryString({ caseId, limit: 100 })}`,
    ),
});

/** Everything that lists activities: client timelines, case lists, chains and the desk. */
export function refreshActivities(client: QueryClient): Promise<unknown> {
  return Promise.all([
    client.invalidateQueries({
      predicate: (q) => q.queryKey[0] === 'client' && q.queryKey[2] === 'timeline',
    }),
    client.invalidateQueries({ queryKey: ['activities'] }),
    client.invalidateQueries({ queryKey: ['desk', 'appointments'] }),
  ]);
}

/** Marking done, moving to the trash: small changes to one activity that refresh every list. */
export function useActivityChange() {
  const client = useQueryClient();
  const done = useMutation({
    mutationFn: (id: string) =>
      api<TActivity>(`/activities/${id}`, { method: 'PATCH', body: { done: true } }),
    onSuccess: () => refreshActivities(client),
  });
  const remove = useMutation({
    mutationFn: (id: string) => api<{ trashId: string }>(`/activities/${id}`, { method: 'DELETE' }),
    onSuccess: () => refreshActivities(client),
  });
  return { done, remove };
}

/** `2026-12-02T10:30` for a datetime-local input, in this browser's time zone. */
export function localInputOf(iso: string | null | undefined): string {
  const d = iso ? new Date(iso) : new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** The instant of a datetime-local input's value; what was typed when it is no time, so the schema says so. */
export function instantOf(local: string): string {
  const d = new Date(local);
  return local && !Number.isNaN(d.getTime()) ? d.toISOString() : local;
}
