// Proposing a won case's lines (F4), in the order of the worked example in issue 4:
//   1. income = the income rate applied to the case amount;
//   2. the partner or tipster: a fixed sum or a percentage of the income;
//   3. the fixed extra lines (e.g. a helping colleague);
//   4. the advisor: the rate group's percentage of the REST = income − partner − extras;
//      a partner paid "a percentage of the advisor's share" is taken out of that share, capped at it;
//   5. lead overrides: each lead above the advisor with an override rate gets its percentage of the
//      case INCOME, paid from the firm's part (the advisor's share does not shrink when a lead is added);
//   6. the firm keeps income − all payouts.
// Every line is rounded once; a reserve is the line's reserve percentage of it, rounded once.
import type { TLineKind } from '@kontor/contracts';
import type { TProductKind } from '../pipelines';
import { addMonthsClamped } from './dates';
import { CommissionError } from './errors';
import { percentOf, splitByWeights, sumMinor } from './money';
import {
  assertTerms,
  incomeFromRate,
  selectGroupRate,
  selectIncomeRate,
  selectPartnerAgreement,
  type TGroupRate,
  type TIncomeRate,
  type TPartnerAgreement,
  type TPayoutTerms,
} from './rates';

export { LINE_KINDS, type TLineKind } from '@kontor/contracts';

/** One proposed commission line of a case. */
export type TCommissionLine = {
  kind: TLineKind;
  /** The lender on the income line, otherwise the person or firm paid. */
  recipientId: string;
  currency: string;
  amountMinor: number;
  /** The part of `amountMinor` held back until `liabilityEndsOn`. */
  reserveMinor: number;
  /** The rate or agreement the line came from; null for lines entered by hand. */
  rateId: string | null;
  label: string | null;
  terms: TPayoutTerms;
  /** Date of win + liability months: from this day on, no clawback and the reserve is released. */
  liabilityEndsOn: string;
};

/** Someone paid by rate group: the advisor, or a lead above them. */
export type TParticipant = { recipientId: string; rateGroupId: string };

/** A fixed sum added by hand when proposing, e.g. for a helping colleague. */
export type TExtraLine = { recipientId: string; label: string; amountMinor: number; terms: TPayoutTerms };

export type TWonCase = {
  amountMinor: number;
  currency: string;
  productKind: TProductKind;
  lenderId: string;
  productId: string | null;
  wonOn: string;
  advisor: TParticipant;
  /** The leads above the advisor up the unit hierarchy, nearest first. */
  leads: readonly TParticipant[];
  partner: { partnerId: string; leadSource: string | null } | null;
  extraLines: readonly TExtraLine[];
};

/** The rate tables the proposal chooses from. */
export type TRateBook = {
  incomeRates: readonly TIncomeRate[];
  advisorRates: readonly TGroupRate[];
  overrideRates: readonly TGroupRate[];
  partnerAgreements: readonly TPartnerAgreement[];
};

export type TProposal = { income: TCommissionLine; payouts: TCommissionLine[]; firmKeepsMinor: number };

function makeLine(
  won: TWonCase,
  kind: TLineKind,
  recipientId: string,
  amountMinor: number,
  source: { terms: TPayoutTerms; rateId: string | null; label: string | null },
): TCommissionLine {
  assertTerms(source.terms);
  return {
    kind,
    recipientId,
    currency: won.currency,
    amountMinor,
    reserveMinor: percentOf(amountMinor, source.terms.reservePercent),
    rateId: source.rateId,
    label: source.label,
    terms: source.terms,
    liabilityEndsOn: addMonthsClamped(won.wonOn, source.terms.liabilityMonths),
  };
}

// The partner's amount before the advisor is known (fixed or % of income); 0 for % of the advisor's share.
function partnerBeforeAdvisor(agreement: TPartnerAgreement, incomeMinor: number, currency: string): number {
  const share = agreement.share;
  if (share.kind === 'percent_of_income') return percentOf(incomeMinor, share.percent);
  if (share.kind === 'percent_of_advisor') return 0;
  if (share.currency !== currency) {
    throw new CommissionError('currency_mismatch', `agreement ${agreement.id} is in ${share.currency}`, {
      agreementId: agreement.id,
    });
  }
  return share.amountMinor;
}

function refuseOverspend(remainingMinor: number, what: string): void {
  if (remainingMinor < 0) {
    throw new CommissionError('payouts_exceed_income', `${what} exceed the case's income`, {
      remainingMinor,
    });
  }
}

/** Proposes the income line, the payout lines and what the firm keeps for a won case. */
export function proposeLines(won: TWonCase, book: TRateBook): TProposal {
  const incomeRate = selectIncomeRate(book.incomeRates, won);
  const incomeMinor = incomeFromRate(incomeRate, won.amountMinor);
  const income = makeLine(won, 'income', won.lenderId, incomeMinor, {
    ...incomeRate,
    rateId: incomeRate.id,
    label: null,
  });

  const partner = won.partner;
  const agreement = partner
    ? selectPartnerAgreement(book.partnerAgreements, { ...partner, wonOn: won.wonOn })
    : null;
  let partnerMinor = agreement ? partnerBeforeAdvisor(agreement, incomeMinor, won.currency) : 0;
  const extras = won.extraLines.map((extra) =>
    makeLine(won, 'extra', extra.recipientId, extra.amountMinor, { ...extra, rateId: null }),
  );
  const restMinor = sumMinor([incomeMinor, -partnerMinor, ...extras.map((e) => -e.amountMinor)]);
  refuseOverspend(restMinor, 'the partner and extra lines');

  const advisorRate = selectGroupRate(book.advisorRates, { ...won, ...won.advisor });
  if (!advisorRate) {
    throw new CommissionError('no_rate', `no advisor rate for rate group ${won.advisor.rateGroupId}`, {
      rateGroupId: won.advisor.rateGroupId,
      wonOn: won.wonOn,
    });
  }
  let advisorMinor = percentOf(restMinor, advisorRate.percent);
  if (agreement?.share.kind === 'percent_of_advisor') {
    partnerMinor = Math.min(percentOf(advisorMinor, agreement.share.percent), advisorMinor);
    advisorMinor -= partnerMinor;
  }

  const payouts: TCommissionLine[] = [];
  if (partner && agreement) {
    const source = { terms: agreement.terms, rateId: agreement.id, label: null };
    payouts.push(makeLine(won, 'partner', partner.partnerId, partnerMinor, source));
  }
  payouts.push(...extras);
  const advisorSource = { terms: advisorRate.terms, rateId: advisorRate.id, label: null };
  payouts.push(makeLine(won, 'advisor', won.advisor.recipientId, advisorMinor, advisorSource));
  for (const lead of won.leads) {
    const rate = selectGroupRate(book.overrideRates, { ...won, ...lead });
    if (!rate) continue; // not every lead has an override
    const source = { terms: rate.terms, rateId: rate.id, label: null };
    payouts.push(
      makeLine(won, 'lead_override', lead.recipientId, percentOf(incomeMinor, rate.percent), source),
    );
  }

  const firmKeepsMinor = sumMinor([incomeMinor, ...payouts.map((p) => -p.amountMinor)]);
  refuseOverspend(firmKeepsMinor, 'the payouts');
  return { income, payouts, firmKeepsMinor };
}

/**
 * Splits a line among several recipients by whole-number weights (e.g. 50/50, 1:2): the amounts
 * and the reserves each sum exactly to the original's (largest remainder).
 */
export function splitLine(
  line: TCommissionLine,
  shares: readonly { recipientId: string; weight: number }[],
): TCommissionLine[] {
  const weights = shares.map((s) => s.weight);
  const amounts = splitByWeights(line.amountMinor, weights);
  const reserves = splitByWeights(line.reserveMinor, weights);
  return shares.map((share, i) => ({
    ...line,
    recipientId: share.recipientId,
    amountMinor: amounts[i]!,
    reserveMinor: reserves[i]!,
  }));
}
