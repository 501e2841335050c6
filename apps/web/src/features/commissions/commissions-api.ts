// The commission endpoints the screens use, with the shapes the server answers
// (apps/server/src/features/commissions/commissions.routes.ts).
import { queryOptions } from '@tanstack/react-query';
import { api, queryString } from '../../lib/api';

export type TMoney = { minor: number; currency: string };
export type TDeliveryStatus = 'pending' | 'sent' | 'failed' | 'no_address';

export type TStatement = {
  id: string;
  number: string;
  recipientId: string;
  recipientName: string;
  periodStart: string;
  periodEnd: string;
  issuedOn: string;
  net: TMoney;
  vat: TMoney;
  gross: TMoney;
  heldBack: TMoney;
  delivery: { status: TDeliveryStatus; attempts: number; lastError: string | null };
};
export type TStatementPage = { items: TStatement[]; nextCursor: string | null };

export type TRunBody = { periodStart: string; periodEnd: string; issuedOn?: string };
export type TRunResult = {
  id: string;
  created: number;
  existing: number;
  statements: { id: string; number: string }[];
};

export type TBalance = {
  recipientId: string;
  recipientName: string;
  asOf: string;
  earned: TMoney;
  payable: TMoney;
  paid: TMoney;
  heldBack: TMoney;
  clawedBack: TMoney;
};

export type TExportFormat = 'datev' | 'csv';

const BASE = '/commissions';

export const statementKeys = { all: ['commissions', 'statements'] as const };

export function fetchStatements(params: { cursor?: string; runId?: string; limit?: number }) {
  return api<TStatementPage>(`${BASE}/statements${queryString(params)}`);
}

export const balancesQuery = queryOptions({
  queryKey: ['commissions', 'balances'],
  queryFn: () => api<{ items: TBalance[] }>(`${BASE}/balances`),
});

export function runStatements(body: TRunBody): Promise<TRunResult> {
  return api<TRunResult>(`${BASE}/statement-runs`, { method: 'POST', body });
}

export function resendStatement(id: string): Promise<{ queued: boolean }> {
  return api(`${BASE}/statements/${id}/send`, { method: 'POST' });
}

/** Download addresses: plain links, the session cookie goes along. */
export function statementFileUrl(id: string, kind: 'pdf' | 'xlsx'): string {
  return `/api/v1${BASE}/statements/${encodeURIComponent(id)}/${kind}`;
}

export function exportUrl(q: { from: string; to: string; format: TExportFormat }): string {
  return `/api/v1${BASE}/exports${queryString(q)}`;
}
