// Money, dates and numbers in the user's language, through Intl (formatters cached per locale).
import { currentLocale } from '../i18n';

const cache = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, make: () => T): T {
  let f = cache.get(key) as T | undefined;
  if (!f) {
    f = make();
    cache.set(key, f);
  }
  return f;
}

/** Integer minor units of a currency, shown exactly (no float arithmetic on the amount). */
export function formatMoney(minor: number, currency: string): string {
  const locale = currentLocale();
  const f = cached(
    `m:${locale}:${currency}`,
    () => new Intl.NumberFormat(locale, { style: 'currency', currency }),
  );
  const digits = f.resolvedOptions().maximumFractionDigits ?? 2;
  const negative = minor < 0;
  const text = String(Math.abs(minor)).padStart(digits + 1, '0');
  const decimal = digits > 0 ? `${text.slice(0, -digits)}.${text.slice(-digits)}` : text;
  // Intl formats a decimal string exactly (ES2023 "string as exact decimal").
  return f.format(`${negative ? '-' : ''}${decimal}` as unknown as number);
}

export function formatNumber(value: number): string {
  const locale = currentLocale();
  return cached(`n:${locale}`, () => new Intl.NumberFormat(locale)).format(value);
}

/** A calendar date (YYYY-MM-DD) or a timestamp, as a date. */
export function formatDate(value: string): string {
  const locale = currentLocale();
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00Z`) : new Date(value);
  return cached(
    `d:${locale}`,
    () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }),
  ).format(date);
}

export function formatDateTime(value: string, timeZone?: string): string {
  const locale = currentLocale();
  return cached(
    `dt:${locale}:${timeZone ?? ''}`,
    () => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone }),
  ).format(new Date(value));
}

/** The time of day of a timestamp (14:30, 2:30 PM), in this browser's time zone unless named. */
export function formatTime(value: string, timeZone?: string): string {
  const locale = currentLocale();
  return cached(
    `t:${locale}:${timeZone ?? ''}`,
    () => new Intl.DateTimeFormat(locale, { timeStyle: 'short', timeZone }),
  ).format(new Date(value));
}
