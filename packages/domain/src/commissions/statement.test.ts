import { describe, expect, it } from 'vitest';
import { EARNED_AT_ONCE, EXEMPT, PAID_WHEN_PAID_12 } from './fixtures';
import type { TCaseLedger, TSettlementLine } from './settlement';
import { computeStatement, type TStatementInput, type TVatTreatment, vatOf } from './statement';

const VAT_19: TVatTreatment = { mode: 'added', ratePercent: '19' };

describe('VAT per entry, half-up once (away from zero for clawbacks)', () => {
  it.each([
    [EXEMPT, 1_000_00, 0],
    [VAT_19, 1_000_00, 190_00],
    [VAT_19, -800_00, -152_00],
    [{ mode: 'added', ratePercent: '7' }, 1_234_57, 86_42], // 86.4199
    [VAT_19, 50, 10], // 9.5 → 10
    [VAT_19, -50, -10],
    [VAT_19, 3, 1], // 0.57
    [VAT_19, -1_000_05, -190_01], // −190.0095
    [{ mode: 'added', ratePercent: '23' }, 1_000_00, 230_00],
  ] as [TVatTreatment, number, number][])('%j on %s → %s', (vat, net, expected) => {
    expect(vatOf(net, vat)).toBe(expected);
  });
});

// Two cases, one line each for the same recipient: one paid when earned, one when the lender pays.
const lines: TSettlementLine[] = [
  {
    id: 'l1',
    caseId: 'c1',
    recipientId: 'r',
    currency: 'EUR',
    amountMinor: 3,
    reserveMinor: 0,
    terms: EARNED_AT_ONCE,
  },
  {
    id: 'l2',
    caseId: 'c2',
    recipientId: 'r',
    currency: 'EUR',
    amountMinor: 1_000_00,
    reserveMinor: 0,
    terms: PAID_WHEN_PAID_12,
  },
  {
    id: 'l3',
    caseId: 'c1',
    recipientId: 'r',
    currency: 'EUR',
    amountMinor: 3,
    reserveMinor: 0,
    terms: EARNED_AT_ONCE,
  },
];
const ledgers: TCaseLedger[] = [
  {
    caseId: 'c1',
    currency: 'EUR',
    wonOn: '2026-03-10',
    incomeMinor: 100_00,
    payments: [],
    cancelledOn: null,
  },
  {
    caseId: 'c2',
    currency: 'EUR',
    wonOn: '2026-03-20',
    incomeMinor: 4_000_00,
    payments: [{ paidOn: '2026-03-25', amountMinor: 1_000_00 }],
    cancelledOn: null,
  },
];
const input: TStatementInput = {
  recipientId: 'r',
  currency: 'EUR',
  periodEnd: '2026-03-31',
  vat: VAT_19,
  lines,
  ledgers,
  settled: [],
};

describe('computeStatement', () => {
  it('lists one entry per line with something new; totals are sums of the entries', () => {
    const draft = computeStatement(input);
    expect(
      draft.entries.map((e) => [e.lineId, e.caseId, e.kind, e.netMinor, e.vatMinor, e.grossMinor]),
    ).toEqual([
      ['l1', 'c1', 'payout', 3, 1, 4],
      ['l2', 'c2', 'payout', 250_00, 47_50, 297_50],
      ['l3', 'c1', 'payout', 3, 1, 4],
    ]);
    // Per entry: 1 + 47.50 + 1 cents; VAT on the net total (250.06) would have been 47.51.
    expect(draft.totals).toEqual({ netMinor: 250_06, vatMinor: 47_52, grossMinor: 297_58 });
  });

  it('an exempt recipient gets no VAT and the note to print', () => {
    const draft = computeStatement({ ...input, vat: EXEMPT });
    expect(draft.totals).toEqual({ netMinor: 250_06, vatMinor: 0, grossMinor: 250_06 });
    expect(draft.vat).toEqual({ mode: 'exempt', note: '§ 4 Nr. 8 UStG' });
  });

  it('computing again with its own entries settled yields nothing new', () => {
    const first = computeStatement(input);
    const again = computeStatement({ ...input, settled: first.entries });
    expect(again.entries).toEqual([]);
    expect(again.totals).toEqual({ netMinor: 0, vatMinor: 0, grossMinor: 0 });
  });

  it('computing twice without settling gives the same statement (pure)', () => {
    expect(computeStatement(input)).toEqual(computeStatement(input));
  });

  it('the next period pays only what is new', () => {
    const march = computeStatement(input);
    const paid = ledgers.map((l) =>
      l.caseId === 'c2'
        ? { ...l, payments: [...l.payments, { paidOn: '2026-04-10', amountMinor: 3_000_00 }] }
        : l,
    );
    const april = computeStatement({
      ...input,
      periodEnd: '2026-04-30',
      ledgers: paid,
      settled: march.entries,
    });
    expect(april.entries.map((e) => [e.lineId, e.netMinor, e.vatMinor])).toEqual([['l2', 750_00, 142_50]]);
  });

  it('a statement dated before anything happened is empty', () => {
    expect(computeStatement({ ...input, periodEnd: '2026-03-01' }).entries).toEqual([]);
  });

  it.each([
    ['a line of another recipient', { lines: [{ ...lines[0]!, recipientId: 'x' }] }, 'invalid_line'],
    ['a line in another currency', { lines: [{ ...lines[0]!, currency: 'PLN' }] }, 'currency_mismatch'],
    ['a line without its case', { ledgers: [ledgers[1]!] }, 'unknown_case'],
    ['a period end that is no date', { periodEnd: '2026-02-30' }, 'invalid_date'],
  ] as [string, Partial<TStatementInput>, string][])('refuses %s', (_what, change, code) => {
    expect(() => computeStatement({ ...input, ...change })).toThrow(expect.objectContaining({ code }));
  });
});
