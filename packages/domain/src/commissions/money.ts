// Exact money and rate arithmetic. Amounts are integer minor units (cents) held in `number`s that
// must stay safe integers; every product and quotient is done in bigint and rounded exactly once.
import { CommissionError } from './errors';

/** An exact non-negative decimal: value = units / 10^scale ('12.5' → 125n, 1). */
export type TDecimal = { readonly units: bigint; readonly scale: number };

// Up to 15 integer and 12 fraction digits: beyond any real rate, yet nothing is silently cut off.
const DECIMAL_TEXT = /^(\d{1,15})(?:\.(\d{1,12}))?$/;

/** Parses a non-negative decimal string ('1.00', '12.5', '80') exactly; anything else is an error. */
export function parseDecimal(text: string): TDecimal {
  const match = DECIMAL_TEXT.exec(text);
  if (!match) {
    throw new CommissionError('invalid_decimal', `not a decimal number: ${JSON.stringify(text)}`, { text });
  }
  const fraction = match[2] ?? '';
  return { units: BigInt(`${match[1]}${fraction}`), scale: fraction.length };
}

/** An amount of minor units as bigint; refuses anything that is not a safe integer. */
export function minorToBigInt(amountMinor: number, what = 'amount'): bigint {
  if (!Number.isSafeInteger(amountMinor)) {
    throw new CommissionError('invalid_amount', `${what} must be a safe whole number of minor units`, {
      what,
      value: amountMinor,
    });
  }
  return BigInt(amountMinor);
}

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);

/** Back from bigint to minor units; refuses results beyond Number.MAX_SAFE_INTEGER. */
export function bigIntToMinor(value: bigint, what = 'amount'): number {
  if (value > MAX_SAFE || value < -MAX_SAFE) {
    throw new CommissionError('invalid_amount', `${what} is too large`, { what, value: value.toString() });
  }
  return Number(value);
}

/**
 * numerator / denominator rounded half-up, where "up" means away from zero: 0.5 → 1 and −0.5 → −1,
 * so a clawback of a line is exactly the negative of the line.
 */
export function divideHalfUp(numerator: bigint, denominator: bigint): bigint {
  if (denominator <= 0n) throw new CommissionError('invalid_amount', 'division by a non-positive number');
  const quotient = numerator / denominator; // bigint division truncates towards zero
  const remainder = numerator % denominator;
  const twiceRemainder = (remainder < 0n ? -remainder : remainder) * 2n;
  if (twiceRemainder < denominator) return quotient;
  return numerator < 0n ? quotient - 1n : quotient + 1n;
}

/** `percent` % of an amount ('1.00' of 300,000.00 → 3,000.00), rounded half-up once. */
export function percentOf(amountMinor: number, percent: string): number {
  const rate = parseDecimal(percent);
  const product = minorToBigInt(amountMinor) * rate.units;
  return bigIntToMinor(divideHalfUp(product, 100n * 10n ** BigInt(rate.scale)));
}

/** amount × part / whole, rounded half-up once; `whole` must be positive. */
export function proportionOf(amountMinor: number, part: number, whole: number): number {
  const product = minorToBigInt(amountMinor) * minorToBigInt(part, 'part');
  return bigIntToMinor(divideHalfUp(product, minorToBigInt(whole, 'whole')));
}

/** The exact sum of amounts in minor units. */
export function sumMinor(amounts: readonly number[]): number {
  let total = 0n;
  for (const amount of amounts) total += minorToBigInt(amount);
  return bigIntToMinor(total, 'sum');
}

/**
 * Splits an amount into parts proportional to whole-number weights that sum exactly to it
 * (largest remainder: the cents left after rounding down go to the largest remainders, ties to
 * the earlier part). A negative amount is split like its absolute value, then negated.
 */
export function splitByWeights(amountMinor: number, weights: readonly number[]): number[] {
  const big = weights.map((w) => {
    if (minorToBigInt(w, 'weight') < 0n) throw new CommissionError('invalid_amount', 'weights must be ≥ 0');
    return BigInt(w);
  });
  const total = big.reduce((a, b) => a + b, 0n);
  if (total === 0n) throw new CommissionError('invalid_amount', 'weights must not all be zero');
  const amount = minorToBigInt(amountMinor);
  const sign = amount < 0n ? -1n : 1n;
  const absolute = amount * sign;
  const floors = big.map((w) => (absolute * w) / total);
  let left = absolute - floors.reduce((a, b) => a + b, 0n);
  const byRemainder = big
    .map((w, index) => ({ index, remainder: (absolute * w) % total }))
    .sort((a, b) => (a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1));
  for (const { index } of byRemainder) {
    if (left === 0n) break;
    floors[index] = (floors[index] ?? 0n) + 1n;
    left -= 1n;
  }
  return floors.map((part) => bigIntToMinor(part * sign));
}
