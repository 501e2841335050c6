// Test data shared by the commission tests (not exported from the package).
import type { TPayoutTerms } from './rates';
import type { TCaseLedger, TSettledEntry, TSettlementLine } from './settlement';
import { computeStatement, type TStatementDraft, type TVatTreatment } from './statement';

export const EARNED_AT_ONCE: TPayoutTerms = {
  payoutMode: 'when_earned',
  liabilityMonths: 0,
  clawbackMode: 'full',
  reservePercent: '0',
};

export const PAID_WHEN_PAID_12: TPayoutTerms = {
  payoutMode: 'when_paid',
  liabilityMonths: 12,
  clawbackMode: 'pro_rata',
  reservePercent: '0',
};

export const EXEMPT: TVatTreatment = { mode: 'exempt', note: '§ 4 Nr. 8 UStG' };

/** The last day of every month from `first` ('YYYY-MM') through `last`. */
export function monthEnds(first: string, last: string): string[] {
  const ends: string[] = [];
  let [year, month] = first.split('-').map(Number) as [number, number];
  for (;;) {
    const day = new Date(Date.UTC(year, month, 0)).getUTCDate();
    const label = `${year}-${String(month).padStart(2, '0')}`;
    ends.push(`${label}-${day}`);
    if (label === last) return ends;
    [year, month] = month === 12 ? [year + 1, 1] : [year, month + 1];
  }
}

/** Runs one recipient's statements on the given dates in order, each settling the ones before. */
export function runStatements(
  recipientId: string,
  dates: readonly string[],
  lines: readonly TSettlementLine[],
  ledgers: readonly TCaseLedger[],
  vat: TVatTreatment = EXEMPT,
): TStatementDraft[] {
  const settled: TSettledEntry[] = [];
  return dates.map((periodEnd) => {
    const own = lines.filter((l) => l.recipientId === recipientId);
    const draft = computeStatement({
      recipientId,
      currency: 'EUR',
      periodEnd,
      vat,
      lines: own,
      ledgers,
      settled,
    });
    settled.push(...draft.entries);
    return draft;
  });
}

/** A statement's entries as [kind, net] pairs, for compact assertions. */
export function netByKind(draft: TStatementDraft): [string, number][] {
  return draft.entries.map((e) => [e.kind, e.netMinor]);
}
