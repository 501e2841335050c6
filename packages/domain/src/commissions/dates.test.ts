import { describe, expect, it } from 'vitest';
import { addMonthsClamped, assertIsoDate, wholeMonthsBetween } from './dates';

describe('addMonthsClamped', () => {
  it.each([
    ['2026-03-10', 12, '2027-03-10'],
    ['2026-03-10', 0, '2026-03-10'],
    ['2026-01-31', 1, '2026-02-28'],
    ['2028-01-31', 1, '2028-02-29'],
    ['2026-08-31', 6, '2027-02-28'],
    ['2026-11-30', 3, '2027-02-28'],
    ['2026-12-15', 1, '2027-01-15'],
    ['2026-03-10', 120, '2036-03-10'],
  ])('%s + %s months → %s', (date, months, expected) => {
    expect(addMonthsClamped(date, months)).toBe(expected);
  });

  it.each([-1, 1.5])('refuses %s months', (months) => {
    expect(() => addMonthsClamped('2026-01-01', months)).toThrow(
      expect.objectContaining({ code: 'invalid_date' }),
    );
  });
});

describe('wholeMonthsBetween (months completed)', () => {
  it.each([
    ['2026-03-10', '2026-09-10', 6],
    ['2026-03-10', '2026-09-09', 5],
    ['2026-03-10', '2026-09-11', 6],
    ['2026-03-10', '2026-03-10', 0],
    ['2026-03-10', '2027-03-10', 12],
    ['2026-01-31', '2026-02-28', 1],
    ['2026-01-31', '2026-02-27', 0],
    ['2026-03-10', '2026-01-01', 0],
  ])('%s → %s: %s', (from, to, months) => {
    expect(wholeMonthsBetween(from, to)).toBe(months);
  });
});

describe('assertIsoDate', () => {
  it.each(['2026-02-29', '2026-13-01', '2026-00-10', '26-01-01', '2026-1-1', '2026-04-31', ''])(
    'refuses %j',
    (text) => {
      expect(() => assertIsoDate(text)).toThrow(expect.objectContaining({ code: 'invalid_date' }));
    },
  );

  it.each(['2028-02-29', '2026-12-31', '2000-02-29'])('accepts %s', (text) => {
    expect(() => assertIsoDate(text)).not.toThrow();
  });
});
