import { describe, expect, it } from 'vitest';
import { PAID_WHEN_PAID_12 } from './fixtures';
import {
  assertTerms,
  incomeFromRate,
  selectGroupRate,
  selectIncomeRate,
  selectPartnerAgreement,
  type TGroupRate,
  type TIncomeRate,
  type TIncomeTier,
  type TPartnerAgreement,
} from './rates';

const OPEN = { validFrom: '2026-01-01', validTo: null };

function incomeRate(id: string, over: Partial<TIncomeRate> = {}): TIncomeRate {
  return {
    id,
    currency: 'EUR',
    lenderId: null,
    productKind: null,
    productId: null,
    ...OPEN,
    tiers: [{ fromAmountMinor: 0, value: { kind: 'percent', percent: '1.00' } }],
    terms: PAID_WHEN_PAID_12,
    ...over,
  };
}

const query = {
  currency: 'EUR',
  lenderId: 'bank',
  productKind: 'mortgage' as const,
  productId: 'p1',
  wonOn: '2026-03-10',
};

describe('income tiers by case amount (a tier applies to the whole amount)', () => {
  // Listed out of order on purpose: the tier is found by amount, not by position.
  const tiers: TIncomeTier[] = [
    { fromAmountMinor: 1_000_000_00, value: { kind: 'fixed', amountMinor: 12_000_00 } },
    { fromAmountMinor: 0, value: { kind: 'percent', percent: '0.8' } },
    { fromAmountMinor: 100_000_00, value: { kind: 'percent', percent: '1.00' } },
  ];
  const rate = incomeRate('tiered', { tiers });

  it.each([
    [0, 0],
    [99_999_99, 80_000], // 799.99992 → 800.00
    [100_000_00, 1_000_00],
    [999_999_99, 1_000_000], // 9,999.9999 → 10,000.00
    [1_000_000_00, 12_000_00],
    [5_000_000_00, 12_000_00],
  ])('amount %s → income %s', (amount, income) => {
    expect(incomeFromRate(rate, amount)).toBe(income);
  });

  it('an amount below the first tier has no rate', () => {
    const from50k = incomeRate('from-50k', {
      tiers: [{ fromAmountMinor: 50_000_00, value: tiers[1]!.value }],
    });
    expect(() => incomeFromRate(from50k, 49_999_99)).toThrow(expect.objectContaining({ code: 'no_rate' }));
  });

  it('two tiers from the same amount are refused', () => {
    const doubled = incomeRate('doubled', { tiers: [tiers[1]!, { ...tiers[1]! }] });
    expect(() => incomeFromRate(doubled, 100)).toThrow(expect.objectContaining({ code: 'invalid_rate' }));
  });
});

describe('validity: validFrom inclusive, validTo exclusive', () => {
  const rates = [
    incomeRate('old', { validFrom: '2026-01-01', validTo: '2026-04-01' }),
    incomeRate('new', { validFrom: '2026-04-01', validTo: null }),
  ];

  it.each([
    ['2026-01-01', 'old'],
    ['2026-03-31', 'old'],
    ['2026-04-01', 'new'],
    ['2036-01-01', 'new'],
  ])('won on %s → %s', (wonOn, id) => {
    expect(selectIncomeRate(rates, { ...query, wonOn }).id).toBe(id);
  });

  it('won before any rate was valid: no rate', () => {
    expect(() => selectIncomeRate(rates, { ...query, wonOn: '2025-12-31' })).toThrow(
      expect.objectContaining({ code: 'no_rate' }),
    );
  });

  it.each([
    ['2026-04-01', '2026-04-01'],
    ['2026-04-01', '2026-03-01'],
    ['2026-02-30', null],
  ])('refuses validity %s – %s', (validFrom, validTo) => {
    const broken = incomeRate('broken', { validFrom, validTo });
    expect(() => selectIncomeRate([broken], query)).toThrow();
  });
});

describe('most specific income rate wins (product 4, lender 2, kind 1)', () => {
  const rates = [
    incomeRate('any'),
    incomeRate('kind', { productKind: 'mortgage' }),
    incomeRate('lender', { lenderId: 'bank' }),
    incomeRate('lender+kind', { lenderId: 'bank', productKind: 'mortgage' }),
    incomeRate('product', { productId: 'p1' }),
    incomeRate('pln', { currency: 'PLN', productId: 'p1', lenderId: 'bank', productKind: 'mortgage' }),
  ];

  it.each([
    ['bank', 'mortgage', 'p1', 'product'],
    ['bank', 'mortgage', 'p2', 'lender+kind'],
    ['bank', 'consumer_loan', null, 'lender'],
    ['other', 'mortgage', null, 'kind'],
    ['other', 'leasing', null, 'any'],
  ] as const)('lender %s, %s, product %s → %s', (lenderId, productKind, productId, id) => {
    expect(selectIncomeRate(rates, { ...query, lenderId, productKind, productId }).id).toBe(id);
  });

  it('rates of another currency never apply', () => {
    expect(() => selectIncomeRate(rates.slice(1, 5), { ...query, currency: 'PLN', productId: 'p2' })).toThrow(
      expect.objectContaining({ code: 'no_rate' }),
    );
  });
});

describe('ambiguity is an error', () => {
  it.each([
    [
      'two lender rates valid on the same day',
      [{ lenderId: 'bank' }, { lenderId: 'bank', validFrom: '2026-03-01' }],
    ],
    ['two catch-all rates', [{}, {}]],
    ['two product rates of different lenders', [{ productId: 'p1', lenderId: null }, { productId: 'p1' }]],
  ] as [string, Partial<TIncomeRate>[]][])('%s', (_what, overrides) => {
    const rates = overrides.map((o, i) => incomeRate(`r${i}`, o));
    expect(() => selectIncomeRate(rates, query)).toThrow(
      expect.objectContaining({
        code: 'ambiguous_rate',
        details: expect.objectContaining({ rateIds: ['r0', 'r1'] }),
      }),
    );
  });

  it('no tie when one of them has expired on the date of win', () => {
    const rates = [incomeRate('expired', { validTo: '2026-03-10' }), incomeRate('current')];
    expect(selectIncomeRate(rates, query).id).toBe('current');
  });

  it('no tie when a more specific rate exists above the tie', () => {
    const rates = [incomeRate('a'), incomeRate('b'), incomeRate('lender', { lenderId: 'bank' })];
    expect(selectIncomeRate(rates, query).id).toBe('lender');
  });
});

describe('advisor and override rates by rate group', () => {
  function groupRate(id: string, over: Partial<TGroupRate>): TGroupRate {
    const base = { rateGroupId: 'standard', productKind: null, productId: null, percent: '80' };
    return { id, ...base, ...OPEN, terms: PAID_WHEN_PAID_12, ...over };
  }
  const rates = [
    groupRate('standard-any', {}),
    groupRate('standard-mortgage', { productKind: 'mortgage' }),
    groupRate('standard-p1', { productId: 'p1' }),
    groupRate('senior-any', { rateGroupId: 'senior' }),
  ];

  it.each([
    ['standard', 'mortgage', 'p1', 'standard-p1'],
    ['standard', 'mortgage', null, 'standard-mortgage'],
    ['standard', 'insurance', null, 'standard-any'],
    ['senior', 'mortgage', 'p1', 'senior-any'],
    ['junior', 'mortgage', null, null],
  ] as const)('group %s, %s, product %s → %s', (rateGroupId, productKind, productId, id) => {
    const rate = selectGroupRate(rates, { rateGroupId, productKind, productId, wonOn: '2026-03-10' });
    expect(rate?.id ?? null).toBe(id);
  });

  it('two rates of the same group and kind on the same date are ambiguous', () => {
    const tied = [...rates, groupRate('standard-mortgage-2', { productKind: 'mortgage', percent: '75' })];
    const q = {
      rateGroupId: 'standard',
      productKind: 'mortgage' as const,
      productId: null,
      wonOn: '2026-03-10',
    };
    expect(() => selectGroupRate(tied, q)).toThrow(expect.objectContaining({ code: 'ambiguous_rate' }));
  });
});

describe('partner agreements by lead source', () => {
  function agreement(id: string, over: Partial<TPartnerAgreement>): TPartnerAgreement {
    const share = { kind: 'percent_of_income', percent: '10' } as const;
    return { id, partnerId: 'tipster', leadSource: null, share, ...OPEN, terms: PAID_WHEN_PAID_12, ...over };
  }
  const agreements = [agreement('general', {}), agreement('estate', { leadSource: 'estate_agent' })];

  it.each([
    ['tipster', 'estate_agent', 'estate'],
    ['tipster', 'website', 'general'],
    ['tipster', null, 'general'],
    ['someone-else', 'estate_agent', null],
  ])('partner %s, source %s → %s', (partnerId, leadSource, id) => {
    const found = selectPartnerAgreement(agreements, { partnerId, leadSource, wonOn: '2026-03-10' });
    expect(found?.id ?? null).toBe(id);
  });

  it('two general agreements of one partner are ambiguous', () => {
    const tied = [...agreements, agreement('general-2', {})];
    expect(() =>
      selectPartnerAgreement(tied, { partnerId: 'tipster', leadSource: null, wonOn: '2026-03-10' }),
    ).toThrow(expect.objectContaining({ code: 'ambiguous_rate' }));
  });
});

describe('payout terms', () => {
  it.each([
    [{ reservePercent: '100.01' }, false],
    [{ reservePercent: '100' }, true],
    [{ reservePercent: '10%' }, false],
    [{ liabilityMonths: -1 }, false],
    [{ liabilityMonths: 0.5 }, false],
    [{ liabilityMonths: 60 }, true],
  ])('%j valid: %s', (over, valid) => {
    const check = () => assertTerms({ ...PAID_WHEN_PAID_12, ...over });
    if (valid) expect(check).not.toThrow();
    else expect(check).toThrow();
  });
});
