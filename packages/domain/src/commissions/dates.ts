// Calendar dates as 'YYYY-MM-DD' strings: they compare correctly as strings and carry no time zone.
import { CommissionError } from './errors';

type TYearMonthDay = { year: number; month: number; day: number };

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function parseIsoDate(text: string, what: string): TYearMonthDay {
  const match = ISO_DATE.exec(text);
  const [year, month, day] = match ? [Number(match[1]), Number(match[2]), Number(match[3])] : [0, 0, 0];
  if (!match || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    throw new CommissionError('invalid_date', `${what} must be a date YYYY-MM-DD`, { what, value: text });
  }
  return { year, month, day };
}

function formatDate({ year, month, day }: TYearMonthDay): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Refuses anything that is not a real calendar date 'YYYY-MM-DD'. */
export function assertIsoDate(text: string, what = 'date'): void {
  parseIsoDate(text, what);
}

/**
 * The date `months` calendar months later; a day the target month lacks becomes its last day
 * (2026-01-31 + 1 month → 2026-02-28).
 */
export function addMonthsClamped(date: string, months: number): string {
  const { year, month, day } = parseIsoDate(date, 'date');
  if (!Number.isSafeInteger(months) || months < 0) {
    throw new CommissionError('invalid_date', 'months must be a whole number ≥ 0', { months });
  }
  const index = year * 12 + (month - 1) + months;
  const target = { year: Math.floor(index / 12), month: (index % 12) + 1 };
  return formatDate({ ...target, day: Math.min(day, daysInMonth(target.year, target.month)) });
}

/** Whole months completed from `from` to `to`: the largest m with from + m months ≤ to (0 if to < from). */
export function wholeMonthsBetween(from: string, to: string): number {
  const a = parseIsoDate(from, 'from');
  const b = parseIsoDate(to, 'to');
  if (to < from) return 0;
  const months = (b.year - a.year) * 12 + (b.month - a.month);
  return addMonthsClamped(from, months) > to ? months - 1 : months;
}
