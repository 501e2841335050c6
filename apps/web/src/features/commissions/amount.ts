// Amounts as the user types them in their locale, to a money body and back, by the cases' exact
// string arithmetic (cases/money-input.ts): money never passes through a float.
import { currentLocale } from '../../i18n';
import { formatMoneyInput, fractionDigits, parseMoneyInput } from '../cases/money-input';

/** Minor units as the user would type them in their locale. */
export function amountText(minor: number, currency = 'EUR'): string {
  const locale = currentLocale();
  return formatMoneyInput(minor, locale, fractionDigits(locale, currency));
}

/** A money body for the request; what is not an amount becomes -1, so the schema reports it. */
export function moneyOf(text: string, currency: string) {
  const locale = currentLocale();
  const minor = parseMoneyInput(text, locale, fractionDigits(locale, currency));
  return { minor: typeof minor === 'number' ? minor : -1, currency };
}
