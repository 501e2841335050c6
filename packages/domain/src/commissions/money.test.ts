import { describe, expect, it } from 'vitest';
import { divideHalfUp, parseDecimal, percentOf, proportionOf, splitByWeights, sumMinor } from './money';

describe('parseDecimal', () => {
  it.each([
    ['1.00', 100n, 2],
    ['12.5', 125n, 1],
    ['80', 80n, 0],
    ['0.001', 1n, 3],
    ['100', 100n, 0],
  ])('%s → %s / 10^%s', (text, units, scale) => {
    expect(parseDecimal(text)).toEqual({ units, scale });
  });

  it.each(['', '1.', '.5', '-1', '1e2', '1,5', ' 1', '12.5%', 'NaN', '0x10'])('refuses %j', (text) => {
    expect(() => parseDecimal(text)).toThrow(expect.objectContaining({ code: 'invalid_decimal' }));
  });
});

describe('half-up rounding (halves away from zero)', () => {
  it.each([
    [5n, 10n, 1n],
    [4n, 10n, 0n],
    [15n, 10n, 2n],
    [14n, 10n, 1n],
    [-5n, 10n, -1n],
    [-4n, 10n, 0n],
    [-15n, 10n, -2n],
    [-14n, 10n, -1n],
    [0n, 7n, 0n],
  ])('%s / %s → %s', (numerator, denominator, rounded) => {
    expect(divideHalfUp(numerator, denominator)).toBe(rounded);
  });

  it.each([
    [300_000_00, '1.00', 3_000_00],
    [1, '50', 1], // 0.5 cent up
    [-1, '50', -1], // −0.5 cent away from zero
    [3, '50', 2],
    [-3, '50', -2],
    [1, '49.999', 0],
    [12_345, '12.5', 1_543], // 1,543.125
    [12_348, '12.5', 1_544], // 1,543.5
    [-12_348, '12.5', -1_544],
    [2_500_00, '80', 2_000_00],
    [0, '80', 0],
    [1_000_01, '33.333333333333', 33_334], // 33,333.666…
  ])('%s × %s %% → %s', (amount, percent, expected) => {
    expect(percentOf(amount, percent)).toBe(expected);
  });

  it.each([
    [1_800_00, 1_500_00, 3_000_00, 900_00],
    [100, 1, 3, 33],
    [200, 1, 3, 67],
    [-200, 1, 3, -67],
    [1, 1, 2, 1],
    [-1, 1, 2, -1],
    [7, 0, 3, 0],
  ])('%s × %s / %s → %s', (amount, part, whole, expected) => {
    expect(proportionOf(amount, part, whole)).toBe(expected);
  });
});

describe('splitByWeights (largest remainder)', () => {
  it.each([
    [100, [1, 1, 1], [34, 33, 33]],
    [-100, [1, 1, 1], [-34, -33, -33]],
    [200_00, [1, 1], [100_00, 100_00]],
    [5, [1, 2], [2, 3]],
    [10, [0, 1], [0, 10]],
    [7, [3, 3, 1], [3, 3, 1]],
    [1, [1, 1, 1], [1, 0, 0]],
    [2_000_00, [50, 30, 20], [1_000_00, 600_00, 400_00]],
  ])('%s by %j → %j', (amount, weights, parts) => {
    expect(splitByWeights(amount, weights)).toEqual(parts);
    expect(parts.reduce((a, b) => a + b, 0)).toBe(amount);
  });

  it.each([[[0, 0]], [[-1, 2]], [[0.5, 1]]])('refuses weights %j', (weights) => {
    expect(() => splitByWeights(100, weights)).toThrow(expect.objectContaining({ code: 'invalid_amount' }));
  });
});

describe('safe integers only', () => {
  it.each([
    ['a fraction of a cent', () => percentOf(1.5, '1')],
    ['NaN', () => percentOf(Number.NaN, '1')],
    ['a result beyond 2^53', () => percentOf(Number.MAX_SAFE_INTEGER, '200')],
    ['a sum beyond 2^53', () => sumMinor([Number.MAX_SAFE_INTEGER, 1])],
    ['a zero whole', () => proportionOf(100, 1, 0)],
  ])('refuses %s', (_what, compute) => {
    expect(compute).toThrow(expect.objectContaining({ code: 'invalid_amount' }));
  });
});
