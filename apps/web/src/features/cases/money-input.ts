// Money as the user types it, in their locale ("350.000,50" in German, "350,000.50" in English),
// to integer minor units and back. Only strings and integers are handled: no float ever holds an
// amount, so 0.1 + 0.2 cannot creep into a financing sum.

function partOf(locale: string, type: 'decimal' | 'group'): string {
  const parts = new Intl.NumberFormat(locale).formatToParts(1234567.5);
  return parts.find((p) => p.type === type)?.value ?? (type === 'decimal' ? '.' : ',');
}

/** How many minor digits the currency has in this locale (EUR 2, JPY 0). */
export function fractionDigits(locale: string, currency: string): number {
  try {
    return (
      new Intl.NumberFormat(locale, { style: 'currency', currency }).resolvedOptions()
        .maximumFractionDigits ?? 2
    );
  } catch {
    return 2; // not (yet) a valid ISO code while the user types it
  }
}

/**
 * The text as minor units: null when empty, undefined when it is not an amount in this locale.
 * Group separators (and any spaces) may appear anywhere in the whole part; one decimal separator
 * with at most `digits` digits after it.
 */
export function parseMoneyInput(text: string, locale: string, digits = 2): number | null | undefined {
  const group = partOf(locale, 'group');
  const decimal = partOf(locale, 'decimal');
  const compact = text.replace(/\s/g, '').split(group).join('');
  if (compact === '') return null;
  const [whole = '', fraction = '', ...rest] = compact.split(decimal);
  if (rest.length > 0 || !/^\d*$/.test(whole) || !/^\d*$/.test(fraction)) return undefined;
  if (whole === '' && fraction === '') return undefined;
  if (fraction.length > digits) return undefined;
  const minorText = `${whole}${fraction.padEnd(digits, '0')}`.replace(/^0+(?=\d)/, '');
  const minor = Number(minorText); // a string of digits to an integer: exact while it is safe
  return Number.isSafeInteger(minor) ? minor : undefined;
}

/** Minor units as the user would type them, e.g. 35000050 → "350.000,50" in German. */
export function formatMoneyInput(minor: number, locale: string, digits = 2): string {
  const text = String(Math.abs(minor)).padStart(digits + 1, '0');
  const decimal = digits > 0 ? `${text.slice(0, -digits)}.${text.slice(-digits)}` : text;
  const f = new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits });
  // Intl formats a decimal string exactly (ES2023 "string as exact decimal").
  return f.format(decimal as unknown as number);
}

/** An example amount in the user's notation, for hints and error messages. */
export function moneyExample(locale: string, digits = 2): string {
  return formatMoneyInput(35_000_050 * 10 ** Math.max(0, digits - 2), locale, digits);
}
