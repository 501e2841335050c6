// The shapes of the client extras as this feature reads them (see apps/server/src/features/clients
// and apps/server/src/features/documents).
import type { TMoney, TStageRef } from '../cases/types';

export type TPage<T> = { items: T[]; nextCursor: string | null };

export const STATUSES = ['new', 'qualified', 'unqualified', 'regular', 'lost'] as const;
export const TYPES = ['private', 'business', 'partner_referred'] as const;
export const SOURCES = ['partner', 'hotline', 'website', 'portal', 'campaign', 'import'] as const;
export const RELATION_KINDS = ['household_member', 'employer', 'representative', 'guarantor'] as const;
export const CONSENT_CHANNELS = ['email', 'phone', 'sms', 'post', 'messenger', 'any'] as const;
export const LEGAL_BASES = ['consent', 'contract', 'legal_obligation', 'legitimate_interest'] as const;
export const DOCUMENT_CATEGORIES = [
  'contract',
  'id_document',
  'income_proof',
  'bank_statement',
  'property',
  'offer',
  'correspondence',
  'other',
] as const;

export type TClientRow = {
  id: string;
  displayName: string;
  status: string;
  clientType: string;
  source: string | null;
  ownerId: string;
  tags: string[];
  createdAt: string;
  emails: { address: string }[];
  phones: { number: string }[];
};

export type TClientCase = {
  id: string;
  number: string;
  productKind: string;
  amount: TMoney | null;
  stage: TStageRef;
};

export type TRelation = {
  id: string;
  kind: string;
  direction: 'outgoing' | 'incoming';
  label: string;
  relatedClient: { id: string | null; displayName: string | null };
  note: string;
  createdAt: string;
};

export type TConsent = {
  id: string;
  purpose: string;
  channel: string;
  granted: boolean;
  legalBasis: string;
  source: string;
  wordingVersion: string;
  recordedAt: string;
};
export type TConsentLog = { items: TConsent[]; current: TConsent[] };

export type TDocumentVersion = {
  version: number;
  sizeBytes: number;
  mediaType: string;
  originalName: string;
  comment: string;
  uploadedAt: string;
};
export type TDocumentSummary = {
  id: string;
  title: string;
  category: string;
  caseId: string | null;
  currentVersion: number;
  versionCount: number;
  latest: TDocumentVersion | null;
  updatedAt: string;
};
export type TDocument = TDocumentSummary & { versions: TDocumentVersion[] };

export type TSearchHit = { type: 'client' | 'case' | 'partner'; id: string; title: string; subtitle: string };

/** The client list's filter; `q` is the search text as typed; `custom` by custom-field key. */
export type TClientFilter = {
  q: string;
  status: string;
  clientType: string;
  source: string;
  ownerId: string;
  unitId: string;
  tag: string;
  sort: string;
  custom: Record<string, string>;
};
export const EMPTY_FILTER: TClientFilter = {
  q: '',
  status: '',
  clientType: '',
  source: '',
  ownerId: '',
  unitId: '',
  tag: '',
  sort: '-createdAt',
  custom: {},
};

/** The server's list query of a filter (without the paging). */
export function filterQuery(f: TClientFilter) {
  return {
    q: f.q.trim(),
    status: f.status,
    clientType: f.clientType,
    source: f.source,
    ownerId: f.ownerId,
    unitId: f.unitId,
    tag: f.tag.trim(),
    sort: f.sort,
    // The server reads `custom.<key>=value` (equality; a multi-choice field contains the value).
    ...Object.fromEntries(
      Object.entries(f.custom ?? {})
        .filter(([, v]) => v.trim() !== '')
        .map(([k, v]) => [`custom.${k}`, v.trim()]),
    ),
  };
}
