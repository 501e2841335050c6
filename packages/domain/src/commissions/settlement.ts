// Where one line stands on a date (F5), as cumulative figures that only depend on that date:
//   payout          (amount − reserve) × paid share of income; 'when_earned' lines at once
//   reserve         reserve × paid share, held until the liability period ends, then released;
//                   released at once against a clawback when the case is cancelled within it
//   clawback        cancelled on D with liabilityEndsOn > D: 'full' takes back all earned
//                   (payout + reserve), 'pro_rata' earned × months not served / liability months,
//                   where months served are whole months completed from the date of win to D
// A statement pays the growth of each figure since the last statement, so rounding each cumulative
// figure once never loses or pays twice a cent across partial payments.
import { ENTRY_KINDS, type TEntryKind } from '@kontor/contracts';
import { addMonthsClamped, assertIsoDate, wholeMonthsBetween } from './dates';
import { CommissionError } from './errors';
import { minorToBigInt, proportionOf, sumMinor } from './money';
import type { TPayoutTerms } from './rates';

/** Money received from the lender for a case; partial payments add up. */
export type TLenderPayment = { paidOn: string; amountMinor: number };

/** What is known of a case's money: its income (what the lender owes), payments and cancellation. */
export type TCaseLedger = {
  caseId: string;
  currency: string;
  wonOn: string;
  incomeMinor: number;
  payments: readonly TLenderPayment[];
  cancelledOn: string | null;
};

/** A confirmed payout line, as statements see it. */
export type TSettlementLine = {
  id: string;
  caseId: string;
  recipientId: string;
  currency: string;
  amountMinor: number;
  reserveMinor: number;
  terms: TPayoutTerms;
};

export { ENTRY_KINDS, type TEntryKind } from '@kontor/contracts';

/** An entry of an earlier (final) statement. */
export type TSettledEntry = { lineId: string; kind: TEntryKind; netMinor: number };

/** A line's cumulative position on a date. `due` per kind is what statements up to then must have paid. */
export type TLinePosition = {
  earnedMinor: number;
  heldBackMinor: number;
  due: Record<TEntryKind, number>;
};

/** The sum of a case's payments up to and including `asOf`. */
export function paidUpTo(ledger: TCaseLedger, asOf: string): number {
  const counted = ledger.payments.filter((p) => {
    assertIsoDate(p.paidOn, 'paidOn');
    if (minorToBigInt(p.amountMinor, 'payment') <= 0n) {
      throw new CommissionError('invalid_amount', 'a payment must be positive', { caseId: ledger.caseId });
    }
    return p.paidOn <= asOf;
  });
  return sumMinor(counted.map((p) => p.amountMinor));
}

/** Finds a case's ledger; every line must have one. */
export function ledgerFor(ledgers: readonly TCaseLedger[], caseId: string): TCaseLedger {
  const ledger = ledgers.find((l) => l.caseId === caseId);
  if (!ledger) throw new CommissionError('unknown_case', `no ledger for case ${caseId}`, { caseId });
  return ledger;
}

function assertBelongs(line: TSettlementLine, ledger: TCaseLedger): void {
  if (line.caseId !== ledger.caseId) {
    throw new CommissionError('invalid_line', `line ${line.id} is not of case ${ledger.caseId}`);
  }
  if (line.currency !== ledger.currency) {
    throw new CommissionError('currency_mismatch', `line ${line.id} is in ${line.currency}`, {
      lineId: line.id,
    });
  }
  assertIsoDate(ledger.wonOn, 'wonOn');
  if (ledger.cancelledOn !== null) {
    assertIsoDate(ledger.cancelledOn, 'cancelledOn');
    if (ledger.cancelledOn < ledger.wonOn) {
      throw new CommissionError('invalid_date', 'a case cannot be cancelled before it was won', {
        caseId: ledger.caseId,
      });
    }
  }
}

// Paid share of income as a fraction part/whole, capped at 1. 'when_earned' lines and cases without
// income (nothing to wait for) count as fully paid.
function paidShare(line: TSettlementLine, ledger: TCaseLedger, asOf: string): [number, number] {
  if (line.terms.payoutMode === 'when_earned' || ledger.incomeMinor <= 0) return [1, 1];
  return [Math.min(paidUpTo(ledger, asOf), ledger.incomeMinor), ledger.incomeMinor];
}

function clawbackOf(earnedMinor: number, terms: TPayoutTerms, wonOn: string, cancelledOn: string): number {
  if (terms.clawbackMode === 'full') return earnedMinor;
  const notServed = terms.liabilityMonths - wholeMonthsBetween(wonOn, cancelledOn);
  return proportionOf(earnedMinor, notServed, terms.liabilityMonths);
}

const NOTHING: TLinePosition = {
  earnedMinor: 0,
  heldBackMinor: 0,
  due: { payout: 0, reserve_release: 0, clawback: 0 },
};

/** Where a line stands on `asOf`: earned, held back, and the cumulative amount due per entry kind. */
export function linePositionAsOf(line: TSettlementLine, ledger: TCaseLedger, asOf: string): TLinePosition {
  assertIsoDate(asOf, 'asOf');
  assertBelongs(line, ledger);
  if (asOf < ledger.wonOn) return NOTHING;
  const liabilityEndsOn = addMonthsClamped(ledger.wonOn, line.terms.liabilityMonths);
  const [part, whole] = paidShare(line, ledger, asOf);
  const payout = proportionOf(sumMinor([line.amountMinor, -line.reserveMinor]), part, whole);
  const reserve = proportionOf(line.reserveMinor, part, whole);
  const earnedMinor = sumMinor([payout, reserve]);
  const cancelledOn = ledger.cancelledOn;
  const clawedBack = cancelledOn !== null && cancelledOn <= asOf && cancelledOn < liabilityEndsOn;
  const released = clawedBack || asOf >= liabilityEndsOn ? reserve : 0;
  const clawback = clawedBack ? -clawbackOf(earnedMinor, line.terms, ledger.wonOn, cancelledOn) : 0;
  return {
    earnedMinor,
    heldBackMinor: reserve - released,
    due: { payout, reserve_release: released, clawback },
  };
}

/** The key of `settledByLine`'s map. */
export function settledKey(lineId: string, kind: TEntryKind): string {
  return `${lineId}\u0000${kind}`;
}

/** What earlier statements settled, per line and entry kind (keys from `settledKey`). */
export function settledByLine(settled: readonly TSettledEntry[]): Map<string, number> {
  const sums = new Map<string, number>();
  for (const entry of settled) {
    const key = settledKey(entry.lineId, entry.kind);
    sums.set(key, sumMinor([sums.get(key) ?? 0, entry.netMinor]));
  }
  return sums;
}

/** A recipient's balance (F7): earned, held back, clawed back, due, settled on statements, and still open. */
export type TBalance = {
  earnedMinor: number;
  heldBackMinor: number;
  clawedBackMinor: number;
  dueMinor: number;
  settledMinor: number;
  openMinor: number;
};

/** Sums the positions of a recipient's lines on `asOf` against what statements already settled. */
export function balanceAsOf(
  lines: readonly TSettlementLine[],
  ledgers: readonly TCaseLedger[],
  settled: readonly TSettledEntry[],
  asOf: string,
): TBalance {
  const positions = lines.map((line) => linePositionAsOf(line, ledgerFor(ledgers, line.caseId), asOf));
  const lineIds = new Set(lines.map((l) => l.id));
  const dueMinor = sumMinor(positions.flatMap((p) => ENTRY_KINDS.map((kind) => p.due[kind])));
  const settledMinor = sumMinor(settled.filter((e) => lineIds.has(e.lineId)).map((e) => e.netMinor));
  return {
    earnedMinor: sumMinor(positions.map((p) => p.earnedMinor)),
    heldBackMinor: sumMinor(positions.map((p) => p.heldBackMinor)),
    clawedBackMinor: -sumMinor(positions.map((p) => p.due.clawback)),
    dueMinor,
    settledMinor,
    openMinor: sumMinor([dueMinor, -settledMinor]),
  };
}
