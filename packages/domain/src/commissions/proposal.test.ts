import { describe, expect, it } from 'vitest';
import { EARNED_AT_ONCE, PAID_WHEN_PAID_12 } from './fixtures';
import { proposeLines, splitLine, type TRateBook, type TWonCase } from './proposal';
import type { TGroupRate, TPartnerShare } from './rates';

const OPEN = { validFrom: '2026-01-01', validTo: null };

function groupRate(id: string, rateGroupId: string, percent: string): TGroupRate {
  return { id, rateGroupId, productKind: null, productId: null, percent, ...OPEN, terms: PAID_WHEN_PAID_12 };
}

// Income 1.00 % of 300,000.00 = 3,000.00; advisors of group "standard" get 80 % of the rest.
function book(share: TPartnerShare | null = null, overrideRates: TGroupRate[] = []): TRateBook {
  return {
    incomeRates: [
      {
        id: 'income',
        currency: 'EUR',
        lenderId: 'bank',
        productKind: null,
        productId: null,
        ...OPEN,
        tiers: [{ fromAmountMinor: 0, value: { kind: 'percent', percent: '1.00' } }],
        terms: PAID_WHEN_PAID_12,
      },
    ],
    advisorRates: [groupRate('advisor', 'standard', '80')],
    overrideRates,
    partnerAgreements: share
      ? [
          {
            id: 'agreement',
            partnerId: 'tipster',
            leadSource: null,
            share,
            ...OPEN,
            terms: PAID_WHEN_PAID_12,
          },
        ]
      : [],
  };
}

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
  extraLines: [],
};

function amounts(proposal: ReturnType<typeof proposeLines>): Record<string, number> {
  const byRecipient = Object.fromEntries(proposal.payouts.map((l) => [l.recipientId, l.amountMinor]));
  return { ...byRecipient, firm: proposal.firmKeepsMinor };
}

describe('partner and tipster shares', () => {
  it.each([
    ['10 % of income', { kind: 'percent_of_income', percent: '10' }, 300_00, 2_160_00, 540_00],
    ['a fixed 250.00', { kind: 'fixed', amountMinor: 250_00, currency: 'EUR' }, 250_00, 2_200_00, 550_00],
    ["25 % of the advisor's share", { kind: 'percent_of_advisor', percent: '25' }, 600_00, 1_800_00, 600_00],
    ["100 % of the advisor's share", { kind: 'percent_of_advisor', percent: '100' }, 2_400_00, 0, 600_00],
    [
      "150 % of the advisor's share, capped",
      { kind: 'percent_of_advisor', percent: '150' },
      2_400_00,
      0,
      600_00,
    ],
    [
      "12.345 % of the advisor's share",
      { kind: 'percent_of_advisor', percent: '12.345' },
      296_28,
      2_103_72,
      600_00,
    ],
  ] as [string, TPartnerShare, number, number, number][])('%s', (_what, share, tipster, advisor, firm) => {
    expect(amounts(proposeLines(won, book(share)))).toEqual({ tipster, advisor, firm });
  });

  it('no partner on the case, or no agreement with them: no partner line', () => {
    const expected = { advisor: 2_400_00, firm: 600_00 };
    expect(
      amounts(proposeLines({ ...won, partner: null }, book({ kind: 'percent_of_income', percent: '10' }))),
    ).toEqual(expected);
    expect(amounts(proposeLines(won, book()))).toEqual(expected);
  });

  it('a fixed sum in another currency is refused', () => {
    const share = { kind: 'fixed', amountMinor: 250_00, currency: 'PLN' } as const;
    expect(() => proposeLines(won, book(share))).toThrow(
      expect.objectContaining({ code: 'currency_mismatch' }),
    );
  });
});

describe('lead overrides: % of the case income, from the firm’s part', () => {
  const overrides = [groupRate('team', 'team_lead', '5'), groupRate('branch', 'branch_lead', '2.5')];
  const leads = [
    { recipientId: 'team-lead', rateGroupId: 'team_lead' },
    { recipientId: 'branch-lead', rateGroupId: 'branch_lead' },
    { recipientId: 'region-lead', rateGroupId: 'no_override' },
  ];

  it('pays each lead with an override rate; the advisor keeps 2,400.00', () => {
    const proposal = proposeLines({ ...won, partner: null, leads }, book(null, overrides));
    expect(proposal.payouts.map((l) => [l.kind, l.recipientId, l.amountMinor])).toEqual([
      ['advisor', 'advisor', 2_400_00],
      ['lead_override', 'team-lead', 150_00],
      ['lead_override', 'branch-lead', 75_00],
    ]);
    expect(proposal.firmKeepsMinor).toBe(375_00);
  });

  it('overrides beyond the firm’s part are refused', () => {
    const greedy = [groupRate('team', 'team_lead', '25')];
    expect(() => proposeLines({ ...won, partner: null, leads }, book(null, greedy))).toThrow(
      expect.objectContaining({ code: 'payouts_exceed_income' }),
    );
  });
});

describe('extra lines and reserves', () => {
  it('a fixed extra line comes off the rest before the advisor’s percentage', () => {
    const extraLines = [
      { recipientId: 'colleague', label: 'helping', amountMinor: 500_00, terms: EARNED_AT_ONCE },
    ];
    expect(amounts(proposeLines({ ...won, partner: null, extraLines }, book()))).toEqual({
      colleague: 500_00,
      advisor: 2_000_00,
      firm: 500_00,
    });
  });

  it.each([
    [1_234_55, '10', 123_46], // 123.455 → 123.46
    [1_234_54, '10', 123_45],
    [2_000_00, '0', 0],
    [2_000_00, '100', 2_000_00],
  ])('a line of %s with reserve %s %% holds back %s', (amountMinor, reservePercent, reserve) => {
    const terms = { ...EARNED_AT_ONCE, reservePercent, liabilityMonths: 6 };
    const extraLines = [{ recipientId: 'colleague', label: 'helping', amountMinor, terms }];
    const line = proposeLines({ ...won, partner: null, extraLines }, book()).payouts[0]!;
    expect([line.reserveMinor, line.liabilityEndsOn]).toEqual([reserve, '2026-09-10']);
  });

  it('extra lines beyond the income are refused', () => {
    const extraLines = [
      { recipientId: 'colleague', label: 'x', amountMinor: 3_000_01, terms: EARNED_AT_ONCE },
    ];
    expect(() => proposeLines({ ...won, partner: null, extraLines }, book())).toThrow(
      expect.objectContaining({ code: 'payouts_exceed_income' }),
    );
  });

  it('the liability end is clamped to the month’s last day', () => {
    const proposal = proposeLines({ ...won, wonOn: '2026-08-31' }, book());
    expect(proposal.payouts[0]?.liabilityEndsOn).toBe('2027-08-31');
    const sixMonths = {
      ...book(),
      advisorRates: [
        { ...groupRate('a', 'standard', '80'), terms: { ...PAID_WHEN_PAID_12, liabilityMonths: 6 } },
      ],
    };
    expect(proposeLines({ ...won, wonOn: '2026-08-31' }, sixMonths).payouts[0]?.liabilityEndsOn).toBe(
      '2027-02-28',
    );
  });

  it('no advisor rate for the advisor’s group is an error', () => {
    const advisor = { recipientId: 'advisor', rateGroupId: 'unknown' };
    expect(() => proposeLines({ ...won, advisor }, book())).toThrow(
      expect.objectContaining({ code: 'no_rate' }),
    );
  });
});

describe('splitting a line among recipients', () => {
  const advisorLine = {
    ...proposeLines({ ...won, partner: null }, book()).payouts[0]!,
    amountMinor: 2_000_00,
    reserveMinor: 200_00,
  };

  it.each([
    [
      [1, 1, 1],
      [666_67, 666_67, 666_66],
      [66_67, 66_67, 66_66],
    ],
    [
      [50, 50],
      [1_000_00, 1_000_00],
      [100_00, 100_00],
    ],
    [
      [2, 1],
      [1_333_33, 666_67],
      [133_33, 66_67],
    ],
  ])('weights %j → amounts %j, reserves %j', (weights, parts, reserves) => {
    const split = splitLine(
      advisorLine,
      weights.map((weight, i) => ({ recipientId: `a${i}`, weight })),
    );
    expect(split.map((l) => l.amountMinor)).toEqual(parts);
    expect(split.map((l) => l.reserveMinor)).toEqual(reserves);
    expect(split.every((l) => l.kind === 'advisor' && l.terms === advisorLine.terms)).toBe(true);
  });
});
