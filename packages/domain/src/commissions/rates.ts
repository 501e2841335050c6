// Rates and how one is chosen for a case (F1–F3). Every rate is valid from `validFrom` (inclusive)
// to `validTo` (exclusive, null = open-ended), so a successor starts on the day its predecessor ends
// without gap or overlap. The rate valid on the case's date of win applies. Of several valid rates
// the most specific wins; two equally specific ones are an error, never a silent pick.

import type { TClawbackMode, TPayoutMode } from '@kontor/contracts';
import type { TProductKind } from '../pipelines';
import { assertIsoDate } from './dates';
import { CommissionError } from './errors';
import { minorToBigInt, parseDecimal, percentOf } from './money';

export { CLAWBACK_MODES, PAYOUT_MODES, type TClawbackMode, type TPayoutMode } from '@kontor/contracts';

/** How a line is paid and how long it stays liable; every rate carries its own. */
export type TPayoutTerms = {
  payoutMode: TPayoutMode;
  /** 0 = never clawed back, nothing held. */
  liabilityMonths: number;
  clawbackMode: TClawbackMode;
  /** Percent of the line held back until the liability period ends, e.g. '10'. */
  reservePercent: string;
};

/** Valid from `validFrom` (inclusive) until `validTo` (exclusive); null = open-ended. */
export type TValidity = { validFrom: string; validTo: string | null };

export type TRateValue = { kind: 'percent'; percent: string } | { kind: 'fixed'; amountMinor: number };

/** A tier applies to the whole case amount from `fromAmountMinor` up (step tiers, not marginal ones). */
export type TIncomeTier = { fromAmountMinor: number; value: TRateValue };

/** What a lender or product provider pays the firm; null in a dimension means "any". */
export type TIncomeRate = TValidity & {
  id: string;
  currency: string;
  lenderId: string | null;
  productKind: TProductKind | null;
  productId: string | null;
  tiers: readonly TIncomeTier[];
  terms: TPayoutTerms;
};

/** An advisor rate or a lead's override rate, by rate group; null in a dimension means "any". */
export type TGroupRate = TValidity & {
  id: string;
  rateGroupId: string;
  productKind: TProductKind | null;
  productId: string | null;
  percent: string;
  terms: TPayoutTerms;
};

export type TPartnerShare =
  | { kind: 'fixed'; amountMinor: number; currency: string }
  | { kind: 'percent_of_income'; percent: string }
  /** Paid out of the advisor's share and capped at it. */
  | { kind: 'percent_of_advisor'; percent: string };

/** A partner's or tipster's agreement; `leadSource` null applies to every source. */
export type TPartnerAgreement = TValidity & {
  id: string;
  partnerId: string;
  leadSource: string | null;
  share: TPartnerShare;
  terms: TPayoutTerms;
};

/** Refuses terms that cannot be computed with (negative months, reserve over 100 %). */
export function assertTerms(terms: TPayoutTerms): void {
  const reserve = parseDecimal(terms.reservePercent);
  const liability = terms.liabilityMonths;
  if (
    !Number.isSafeInteger(liability) ||
    liability < 0 ||
    reserve.units > 100n * 10n ** BigInt(reserve.scale)
  ) {
    throw new CommissionError('invalid_rate', 'liability months must be ≥ 0 and the reserve at most 100 %', {
      terms,
    });
  }
}

/** Whether `on` lies in [validFrom, validTo). */
export function isValidOn(validity: TValidity, on: string): boolean {
  assertIsoDate(validity.validFrom, 'validFrom');
  if (validity.validTo !== null) {
    assertIsoDate(validity.validTo, 'validTo');
    if (validity.validTo <= validity.validFrom) {
      throw new CommissionError('invalid_rate', 'validTo must be after validFrom', { ...validity });
    }
  }
  return validity.validFrom <= on && (validity.validTo === null || on < validity.validTo);
}

// Scores one dimension: a rate naming nothing matches with 0, naming the wanted value with its weight.
function dimension(named: string | null, wanted: string | null, weight: number): number | null {
  if (named === null) return 0;
  return named === wanted ? weight : null;
}

// Sum of dimension scores, or null as soon as one dimension does not match.
function score(...parts: (number | null)[]): number | null {
  let total = 0;
  for (const part of parts) {
    if (part === null) return null;
    total += part;
  }
  return total;
}

function mostSpecific<T extends TValidity & { id: string }>(
  what: string,
  rates: readonly T[],
  on: string,
  specificity: (rate: T) => number | null,
): T | null {
  assertIsoDate(on, 'date of win');
  let best: T[] = [];
  let bestScore = -1;
  for (const rate of rates) {
    const rateScore = isValidOn(rate, on) ? specificity(rate) : null;
    if (rateScore === null || rateScore < bestScore) continue;
    if (rateScore > bestScore) [best, bestScore] = [[], rateScore];
    best.push(rate);
  }
  if (best.length > 1) {
    const rateIds = best.map((r) => r.id);
    throw new CommissionError('ambiguous_rate', `${what}: rates ${rateIds.join(', ')} tie on ${on}`, {
      rateIds,
      on,
    });
  }
  return best[0] ?? null;
}

export type TIncomeRateQuery = {
  currency: string;
  lenderId: string | null;
  productKind: TProductKind;
  productId: string | null;
  wonOn: string;
};

/**
 * The income rate for a case. Weights make a product beat a lender beat a product kind
 * (product 4, lender 2, kind 1, summed), so two rates tie only when they name the same dimensions.
 */
export function selectIncomeRate(rates: readonly TIncomeRate[], query: TIncomeRateQuery): TIncomeRate {
  const rate = mostSpecific('income rate', rates, query.wonOn, (r) =>
    r.currency !== query.currency
      ? null
      : score(
          dimension(r.productId, query.productId, 4),
          dimension(r.lenderId, query.lenderId, 2),
          dimension(r.productKind, query.productKind, 1),
        ),
  );
  if (!rate) throw new CommissionError('no_rate', `no income rate valid on ${query.wonOn}`, { ...query });
  return rate;
}

/** The income a rate gives for a case amount: the highest tier starting at or below it, on the whole amount. */
export function incomeFromRate(rate: TIncomeRate, amountMinor: number): number {
  minorToBigInt(amountMinor);
  if (new Set(rate.tiers.map((t) => t.fromAmountMinor)).size !== rate.tiers.length) {
    throw new CommissionError('invalid_rate', `rate ${rate.id} has two tiers from the same amount`);
  }
  let tier: TIncomeTier | undefined;
  for (const candidate of rate.tiers) {
    if (
      candidate.fromAmountMinor <= amountMinor &&
      candidate.fromAmountMinor > (tier?.fromAmountMinor ?? -1)
    ) {
      tier = candidate;
    }
  }
  if (!tier) throw new CommissionError('no_rate', `rate ${rate.id} has no tier for ${amountMinor}`);
  if (tier.value.kind === 'percent') return percentOf(amountMinor, tier.value.percent);
  minorToBigInt(tier.value.amountMinor, 'fixed income');
  return tier.value.amountMinor;
}

export type TGroupRateQuery = {
  rateGroupId: string;
  productKind: TProductKind;
  productId: string | null;
  wonOn: string;
};

/** An advisor's or lead's rate by rate group: a product beats a product kind beats "any"; null if none. */
export function selectGroupRate(rates: readonly TGroupRate[], query: TGroupRateQuery): TGroupRate | null {
  return mostSpecific(`rate group ${query.rateGroupId}`, rates, query.wonOn, (r) =>
    r.rateGroupId !== query.rateGroupId
      ? null
      : score(dimension(r.productId, query.productId, 2), dimension(r.productKind, query.productKind, 1)),
  );
}

export type TPartnerQuery = { partnerId: string; leadSource: string | null; wonOn: string };

/** A partner's agreement for the case's lead source, a source-specific one beating a general one; null if none. */
export function selectPartnerAgreement(
  agreements: readonly TPartnerAgreement[],
  query: TPartnerQuery,
): TPartnerAgreement | null {
  return mostSpecific(`partner ${query.partnerId}`, agreements, query.wonOn, (a) =>
    a.partnerId !== query.partnerId ? null : dimension(a.leadSource, query.leadSource, 1),
  );
}
