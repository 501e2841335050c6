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

// --- A case's commission (GET/POST /cases/{id}/commission…) ---

export type TTerms = {
  payoutMode: 'when_earned' | 'when_paid';
  liabilityMonths: number;
  clawbackMode: 'full' | 'pro_rata';
  reservePercent: string;
};
export type TLineKind = 'income' | 'partner' | 'extra' | 'advisor' | 'lead_override';
export type TLine = {
  id: string;
  caseId: string;
  kind: TLineKind;
  status: 'proposed' | 'confirmed';
  recipientId: string | null;
  recipientName: string | null;
  lender: string | null;
  amount: TMoney;
  reserve: TMoney;
  rateId: string | null;
  label: string | null;
  terms: TTerms;
  liabilityEndsOn: string;
  correctionReason: string | null;
};
export type TCaseCommission = {
  caseId: string;
  wonOn: string;
  partnerId: string | null;
  leadSource: string | null;
  cancelledOn: string | null;
  lines: TLine[];
  firmKeeps: TMoney | null;
  paid: TMoney;
};
export type TPayment = { id: string; caseId: string; paidOn: string; amount: TMoney; note: string };

export const caseCommissionKeys = {
  all: (caseId: string) => ['commissions', 'case', caseId] as const,
  payments: (caseId: string) => ['commissions', 'case', caseId, 'payments'] as const,
};

const casePath = (caseId: string) => `/cases/${encodeURIComponent(caseId)}/commission`;

export function fetchCaseCommission(caseId: string) {
  return api<TCaseCommission>(casePath(caseId));
}
export function fetchPayments(caseId: string) {
  return api<{ items: TPayment[] }>(`${casePath(caseId)}/payments`);
}

type TCaseAction = 'proposal' | 'confirm' | 'lines' | 'cancellation';
export function caseCommissionPost(caseId: string, action: TCaseAction, body?: unknown) {
  return api<TCaseCommission>(`${casePath(caseId)}/${action}`, { method: 'POST', body: body ?? {} });
}
export function correctLine(caseId: string, lineId: string, body: unknown) {
  return api<TCaseCommission>(`${casePath(caseId)}/lines/${encodeURIComponent(lineId)}`, {
    method: 'PATCH',
    body,
  });
}
export function splitLine(caseId: string, lineId: string, body: unknown) {
  return api<TCaseCommission>(`${casePath(caseId)}/lines/${encodeURIComponent(lineId)}/split`, {
    method: 'POST',
    body,
  });
}
export function recordPayment(caseId: string, body: unknown) {
  return api<TPayment>(`${casePath(caseId)}/payments`, { method: 'POST', body });
}

// --- Recipients, rate groups and rates (commission-rates.routes.ts) ---

export type TVat = { mode: 'exempt'; note: string } | { mode: 'added'; ratePercent: string };
export type TRecipient = {
  id: string;
  kind: 'user' | 'partner' | 'tipster';
  userId: string | null;
  name: string;
  email: string | null;
  locale: 'de' | 'en' | 'pl' | 'ru';
  addressLines: string[];
  taxNumber: string | null;
  vatId: string | null;
  vat: TVat;
  selfBilling: boolean;
  showsClientData: boolean;
  rateGroupId: string | null;
  creditorAccount: string | null;
};
export type TRateGroup = { id: string; name: string };
type TValidity = { id: string; terms: TTerms; validFrom: string; validTo: string | null };
export type TTier = { fromAmountMinor: number; percent?: string; amountMinor?: number };
export type TIncomeRate = TValidity & {
  currency: string;
  lender: string | null;
  productKind: string | null;
  product: string | null;
  tiers: TTier[];
};
export type TGroupRate = TValidity & {
  kind: 'advisor' | 'override';
  rateGroupId: string;
  productKind: string | null;
  product: string | null;
  percent: string;
};
export type TShare =
  | { kind: 'fixed'; amount: TMoney }
  | { kind: 'percent_of_income' | 'percent_of_advisor'; percent: string };
export type TAgreement = TValidity & { recipientId: string; leadSource: string | null; share: TShare };

export const recipientsQuery = queryOptions({
  queryKey: ['commissions', 'recipients'],
  queryFn: () => api<{ items: TRecipient[] }>(`${BASE}/recipients`),
  select: (d) => d.items,
});
export const rateGroupsQuery = queryOptions({
  queryKey: ['commissions', 'rate-groups'],
  queryFn: () => api<{ items: TRateGroup[] }>(`${BASE}/rate-groups`),
  select: (d) => d.items,
});

export type TRateKind = 'income-rates' | 'group-rates' | 'agreements';
export function rateQuery<T>(kind: TRateKind) {
  return queryOptions({
    queryKey: ['commissions', kind],
    queryFn: () => api<{ items: T[] }>(`${BASE}/${kind}`),
  });
}
export function saveRate<T>(kind: TRateKind, body: unknown, id?: string) {
  return id
    ? api<T>(`${BASE}/${kind}/${encodeURIComponent(id)}`, { method: 'PUT', body })
    : api<T>(`${BASE}/${kind}`, { method: 'POST', body });
}
export function deleteRate(kind: TRateKind, id: string) {
  return api<{ trashId: string }>(`${BASE}/${kind}/${encodeURIComponent(id)}`, { method: 'DELETE' });
}
export function createRateGroup(body: unknown) {
  return api<TRateGroup>(`${BASE}/rate-groups`, { method: 'POST', body });
}
export function saveRecipient(body: unknown, id?: string) {
  return id
    ? api<TRecipient>(`${BASE}/recipients/${encodeURIComponent(id)}`, { method: 'PATCH', body })
    : api<TRecipient>(`${BASE}/recipients`, { method: 'POST', body });
}
