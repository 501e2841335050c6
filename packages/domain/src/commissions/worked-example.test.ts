// The worked example of issue 4, figure by figure, in cents.
import { describe, expect, it } from 'vitest';
import { EARNED_AT_ONCE, monthEnds, netByKind, PAID_WHEN_PAID_12, runStatements } from './fixtures';
import { proposeLines, type TRateBook, type TWonCase } from './proposal';
import type { TCaseLedger, TSettlementLine } from './settlement';

const book: TRateBook = {
  incomeRates: [
    {
      id: 'bank-mortgage',
      currency: 'EUR',
      lenderId: 'bank',
      productKind: 'mortgage',
      productId: null,
      validFrom: '2026-01-01',
      validTo: null,
      tiers: [{ fromAmountMinor: 0, value: { kind: 'percent', percent: '1.00' } }],
      terms: PAID_WHEN_PAID_12,
    },
  ],
  advisorRates: [
    {
      id: 'standard-mortgage',
      rateGroupId: 'standard',
      productKind: 'mortgage',
      productId: null,
      percent: '80',
      validFrom: '2026-01-01',
      validTo: null,
      terms: { ...PAID_WHEN_PAID_12, reservePercent: '10' },
    },
  ],
  overrideRates: [],
  partnerAgreements: [
    {
      id: 'tipster-estate-agent',
      partnerId: 'tipster',
      leadSource: 'estate_agent',
      share: { kind: 'percent_of_income', percent: '10' },
      validFrom: '2026-01-01',
      validTo: null,
      terms: PAID_WHEN_PAID_12,
    },
  ],
};

const won: TWonCase = {
  amountMinor: 300_000_00,
  currency: 'EUR',
  productKind: 'mortgage',
  lenderId: 'bank',
  productId: null,
  wonOn: '2026-03-10',
  advisor: { recipientId: 'advisor', rateGroupId: 'standard' },
  leads: [],
  partner: { partnerId: 'tipster', leadSource: 'estate_agent' },
  extraLines: [
    { recipientId: 'colleague', label: 'helping colleague', amountMinor: 200_00, terms: EARNED_AT_ONCE },
  ],
};

const proposal = proposeLines(won, book);
const lines: TSettlementLine[] = proposal.payouts.map((line) => ({
  ...line,
  id: line.kind,
  caseId: 'case-1',
}));
const paidInTwoParts: TCaseLedger = {
  caseId: 'case-1',
  currency: 'EUR',
  wonOn: '2026-03-10',
  incomeMinor: proposal.income.amountMinor,
  payments: [
    { paidOn: '2026-04-02', amountMinor: 1_500_00 },
    { paidOn: '2026-05-05', amountMinor: 1_500_00 },
  ],
  cancelledOn: null,
};

describe('worked example of issue 4', () => {
  it('proposes income 3,000.00, tipster 300.00, colleague 200.00, advisor 2,000.00 (reserve 200.00), firm 500.00', () => {
    expect(proposal.income).toMatchObject({ kind: 'income', recipientId: 'bank', amountMinor: 3_000_00 });
    expect(
      proposal.payouts.map((l) => [l.kind, l.recipientId, l.amountMinor, l.reserveMinor, l.terms.payoutMode]),
    ).toEqual([
      ['partner', 'tipster', 300_00, 0, 'when_paid'],
      ['extra', 'colleague', 200_00, 0, 'when_earned'],
      ['advisor', 'advisor', 2_000_00, 200_00, 'when_paid'],
    ]);
    expect(proposal.payouts.find((l) => l.kind === 'advisor')?.liabilityEndsOn).toBe('2027-03-10');
    expect(proposal.firmKeepsMinor).toBe(500_00);
  });

  const months = monthEnds('2026-03', '2027-04');

  it('pays the advisor 900.00 in April and May, then the 200.00 reserve in March 2027, nothing else', () => {
    const statements = runStatements('advisor', months, lines, [paidInTwoParts]);
    const nonEmpty = statements.filter((s) => s.entries.length > 0).map((s) => [s.periodEnd, netByKind(s)]);
    expect(nonEmpty).toEqual([
      ['2026-04-30', [['payout', 900_00]]],
      ['2026-05-31', [['payout', 900_00]]],
      ['2027-03-31', [['reserve_release', 200_00]]],
    ]);
    expect(statements.reduce((sum, s) => sum + s.totals.netMinor, 0)).toBe(2_000_00);
  });

  it('pays the tipster 150.00 in April and May', () => {
    const statements = runStatements('tipster', months, lines, [paidInTwoParts]);
    const nonEmpty = statements
      .filter((s) => s.entries.length > 0)
      .map((s) => [s.periodEnd, s.totals.netMinor]);
    expect(nonEmpty).toEqual([
      ['2026-04-30', 150_00],
      ['2026-05-31', 150_00],
    ]);
  });

  it('pays the helping colleague 200.00 at once, on the March statement', () => {
    const statements = runStatements('colleague', months, lines, [paidInTwoParts]);
    expect(
      statements.filter((s) => s.entries.length > 0).map((s) => [s.periodEnd, s.totals.netMinor]),
    ).toEqual([['2026-03-31', 200_00]]);
  });

  describe('cancelled on 2026-09-10, after both payments (pro rata, 6 of 12 months not served)', () => {
    const cancelled: TCaseLedger = { ...paidInTwoParts, cancelledOn: '2026-09-10' };

    it('claws back 1,000.00 from the advisor and releases the 200.00 reserve against it: net −800.00', () => {
      const statements = runStatements('advisor', months, lines, [cancelled]);
      const nonEmpty = statements.filter((s) => s.entries.length > 0);
      expect(nonEmpty.map((s) => [s.periodEnd, netByKind(s), s.totals.netMinor])).toEqual([
        ['2026-04-30', [['payout', 900_00]], 900_00],
        ['2026-05-31', [['payout', 900_00]], 900_00],
        [
          '2026-09-30',
          [
            ['reserve_release', 200_00],
            ['clawback', -1_000_00],
          ],
          -800_00,
        ],
      ]);
    });

    it('claws back 150.00 from the tipster', () => {
      const statements = runStatements('tipster', months, lines, [cancelled]);
      const september = statements.find((s) => s.periodEnd === '2026-09-30');
      expect(september && netByKind(september)).toEqual([['clawback', -150_00]]);
      expect(statements.reduce((sum, s) => sum + s.totals.netMinor, 0)).toBe(150_00);
    });
  });
});
