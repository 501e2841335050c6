import { describe, expect, it } from 'vitest';
import { EARNED_AT_ONCE, PAID_WHEN_PAID_12, runStatements } from './fixtures';
import type { TClawbackMode } from './rates';
import {
  balanceAsOf,
  ledgerFor,
  linePositionAsOf,
  type TCaseLedger,
  type TSettlementLine,
} from './settlement';

// The advisor's line of the worked example: 2,000.00 with a 200.00 reserve, liable 12 months.
const advisorLine: TSettlementLine = {
  id: 'advisor-line',
  caseId: 'case',
  recipientId: 'advisor',
  currency: 'EUR',
  amountMinor: 2_000_00,
  reserveMinor: 200_00,
  terms: { ...PAID_WHEN_PAID_12, reservePercent: '10' },
};

const ledger: TCaseLedger = {
  caseId: 'case',
  currency: 'EUR',
  wonOn: '2026-03-10',
  incomeMinor: 3_000_00,
  payments: [{ paidOn: '2026-04-02', amountMinor: 3_000_00 }],
  cancelledOn: null,
};

function paidOn(amounts: number[]): TCaseLedger {
  const dates = ['2026-04-02', '2026-05-05', '2026-06-03'];
  return { ...ledger, payments: amounts.map((amountMinor, i) => ({ paidOn: dates[i]!, amountMinor })) };
}

describe('"paid when paid": payable in proportion to the income received', () => {
  const line = { ...advisorLine, amountMinor: 1_000_00, reserveMinor: 0 };

  it.each([
    [
      [1_000_00, 1_000_00, 1_000_00],
      [333_33, 333_34, 333_33],
    ],
    [
      [1, 1, 2_999_98],
      [0, 1, 999_99],
    ],
    [
      [1_500_00, 750_00, 750_00],
      [500_00, 250_00, 250_00],
    ],
    [
      [1_000_01, 1_000_01, 999_98],
      [333_34, 333_33, 333_33],
    ],
    [
      [2_000_00, 2_000_00, 1],
      [666_67, 333_33, 0],
    ], // the lender paid more than the income: capped
  ])('payments %j → statements %j, summing exactly to the line', (payments, nets) => {
    const statements = runStatements(
      'advisor',
      ['2026-04-30', '2026-05-31', '2026-06-30'],
      [line],
      [paidOn(payments)],
    );
    expect(statements.map((s) => s.totals.netMinor)).toEqual(nets);
    expect(nets.reduce((a, b) => a + b, 0)).toBe(1_000_00);
  });

  it('the reserve is never part of a payment: thirds of 1,800.00, then 200.00 after 12 months', () => {
    const dates = ['2026-04-30', '2026-05-31', '2026-06-30', '2027-03-31'];
    const statements = runStatements(
      'advisor',
      dates,
      [advisorLine],
      [paidOn([1_000_00, 1_000_00, 1_000_00])],
    );
    expect(statements.map((s) => s.entries.map((e) => [e.kind, e.netMinor]))).toEqual([
      [['payout', 600_00]],
      [['payout', 600_00]],
      [['payout', 600_00]],
      [['reserve_release', 200_00]],
    ]);
  });

  it('"when earned" is payable at once, before any money arrives', () => {
    const position = linePositionAsOf(
      { ...line, terms: EARNED_AT_ONCE },
      { ...ledger, payments: [] },
      '2026-03-10',
    );
    expect(position.due).toEqual({ payout: 1_000_00, reserve_release: 0, clawback: 0 });
  });

  it('nothing is due before the date of win', () => {
    const position = linePositionAsOf({ ...line, terms: EARNED_AT_ONCE }, ledger, '2026-03-09');
    expect(position).toEqual({
      earnedMinor: 0,
      heldBackMinor: 0,
      due: { payout: 0, reserve_release: 0, clawback: 0 },
    });
  });
});

describe('reserve release timing (first statement on or after won date + liability months)', () => {
  it.each([
    ['2026-04-30', 0, 200_00],
    ['2027-03-09', 0, 200_00],
    ['2027-03-10', 200_00, 0],
    ['2027-03-31', 200_00, 0],
  ])('on %s released %s, held %s', (asOf, released, held) => {
    const position = linePositionAsOf(advisorLine, ledger, asOf);
    expect([position.due.reserve_release, position.heldBackMinor]).toEqual([released, held]);
  });

  it('of a half-paid "when paid" line only the reserve on the paid half is released', () => {
    const position = linePositionAsOf(advisorLine, paidOn([1_500_00]), '2027-03-31');
    expect([position.due.payout, position.due.reserve_release]).toEqual([900_00, 100_00]);
  });

  it('without a liability period the reserve is released at once', () => {
    const terms = { ...EARNED_AT_ONCE, reservePercent: '10' };
    expect(linePositionAsOf({ ...advisorLine, terms }, ledger, '2026-03-10').due.reserve_release).toBe(
      200_00,
    );
  });
});

describe('clawback after a cancellation (line 2,000.00, reserve 200.00, fully paid, 12 months)', () => {
  it.each([
    ['full', '2026-09-10', -2_000_00, 200_00],
    ['full', '2026-03-10', -2_000_00, 200_00],
    ['full', '2027-03-09', -2_000_00, 200_00],
    ['pro_rata', '2026-09-10', -1_000_00, 200_00], // 6 of 12 months not served
    ['pro_rata', '2026-09-11', -1_000_00, 200_00], // the 7th month is not completed
    ['pro_rata', '2026-09-09', -1_166_67, 200_00], // 7 of 12: 1,166.666…
    ['pro_rata', '2026-03-10', -2_000_00, 200_00], // cancelled on the day of win
    ['pro_rata', '2027-03-09', -166_67, 200_00], // 1 of 12
    ['pro_rata', '2027-03-10', 0, 200_00], // liability over: nothing, the reserve is simply released
    ['full', '2027-03-10', 0, 200_00],
    ['full', '2028-01-15', 0, 200_00],
  ] as [TClawbackMode, string, number, number][])(
    '%s, cancelled %s → clawback %s, release %s',
    (mode, cancelledOn, clawback, release) => {
      const line = { ...advisorLine, terms: { ...advisorLine.terms, clawbackMode: mode } };
      const position = linePositionAsOf(line, { ...ledger, cancelledOn }, '2028-12-31');
      expect(position.due).toEqual({ payout: 1_800_00, reserve_release: release, clawback });
    },
  );

  it('a full clawback of a half-paid line takes back what was earned: net −900.00 after 900.00 paid', () => {
    const line = { ...advisorLine, terms: { ...advisorLine.terms, clawbackMode: 'full' as const } };
    const half = { ...paidOn([1_500_00]), cancelledOn: '2026-06-15' };
    const statements = runStatements('advisor', ['2026-04-30', '2026-06-30'], [line], [half]);
    expect(statements.map((s) => s.totals.netMinor)).toEqual([900_00, -900_00]);
    expect(statements[1]?.entries.map((e) => [e.kind, e.netMinor])).toEqual([
      ['reserve_release', 100_00],
      ['clawback', -1_000_00],
    ]);
  });

  it('a cancellation after the liability period changes nothing on later statements', () => {
    const dates = ['2026-04-30', '2027-03-31', '2027-06-30'];
    const statements = runStatements(
      'advisor',
      dates,
      [advisorLine],
      [{ ...ledger, cancelledOn: '2027-05-02' }],
    );
    expect(statements.map((s) => s.totals.netMinor)).toEqual([1_800_00, 200_00, 0]);
  });

  it('a negative correction line is clawed back as a negative (halves away from zero)', () => {
    const correction = { ...advisorLine, amountMinor: -1_01, reserveMinor: 0 };
    const position = linePositionAsOf(correction, { ...ledger, cancelledOn: '2026-09-10' }, '2026-09-30');
    expect(position.due).toEqual({ payout: -1_01, reserve_release: 0, clawback: 51 }); // −50.5 → −51, negated
  });
});

describe('balance (F7)', () => {
  const half = paidOn([1_500_00, 1_500_00]);

  it.each([
    ['2026-04-30', [], { earnedMinor: 1_000_00, heldBackMinor: 100_00, dueMinor: 900_00, openMinor: 900_00 }],
    [
      '2026-05-31',
      [900_00],
      { earnedMinor: 2_000_00, heldBackMinor: 200_00, dueMinor: 1_800_00, openMinor: 900_00 },
    ],
    [
      '2027-03-31',
      [900_00, 900_00],
      { earnedMinor: 2_000_00, heldBackMinor: 0, dueMinor: 2_000_00, openMinor: 200_00 },
    ],
  ])('on %s after statements %j', (asOf, settledNets, expected) => {
    const settled = settledNets.map((netMinor) => ({
      lineId: advisorLine.id,
      kind: 'payout' as const,
      netMinor,
    }));
    expect(balanceAsOf([advisorLine], [half], settled, asOf)).toMatchObject(expected);
  });

  it('shows what was clawed back', () => {
    const cancelled = { ...half, cancelledOn: '2026-09-10' };
    expect(balanceAsOf([advisorLine], [cancelled], [], '2026-09-30')).toMatchObject({
      clawedBackMinor: 1_000_00,
      heldBackMinor: 0,
      dueMinor: 1_000_00,
    });
  });
});

describe('refused input', () => {
  it.each([
    [
      'a zero payment',
      [advisorLine, { ...ledger, payments: [{ paidOn: '2026-04-02', amountMinor: 0 }] }],
      'invalid_amount',
    ],
    [
      'a payment date that is no date',
      [advisorLine, { ...ledger, payments: [{ paidOn: '2026-04-31', amountMinor: 1 }] }],
      'invalid_date',
    ],
    [
      'a cancellation before the win',
      [advisorLine, { ...ledger, cancelledOn: '2026-03-09' }],
      'invalid_date',
    ],
    ['a line in another currency', [{ ...advisorLine, currency: 'PLN' }, ledger], 'currency_mismatch'],
    ['a line of another case', [{ ...advisorLine, caseId: 'other' }, ledger], 'invalid_line'],
  ] as [string, [TSettlementLine, TCaseLedger], string][])('%s', (_what, [line, caseLedger], code) => {
    expect(() => linePositionAsOf(line, caseLedger, '2026-12-31')).toThrow(expect.objectContaining({ code }));
  });

  it('a line without its case ledger', () => {
    expect(() => ledgerFor([ledger], 'missing')).toThrow(expect.objectContaining({ code: 'unknown_case' }));
  });
});
