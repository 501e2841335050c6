// The tenant's custom fields of a case as form text and back: what the user types (strings, in
// their locale) to the values the server checks (numbers, booleans, money in minor units).
import { formatMoneyInput, fractionDigits, parseMoneyInput } from './money-input';
import type { TCustomField } from './types';

export type TCustomInput = Record<string, string | string[]>;

function decimalOf(locale: string): string {
  return new Intl.NumberFormat(locale).formatToParts(1.5).find((p) => p.type === 'decimal')?.value ?? '.';
}

function toText(def: TCustomField, value: unknown, locale: string): string | string[] {
  if (value === null || value === undefined) return def.type === 'multi_choice' ? [] : '';
  if (def.type === 'multi_choice') return Array.isArray(value) ? value.map(String) : [];
  if (def.type === 'yes_no') return value === true ? 'yes' : value === false ? 'no' : '';
  if (def.type === 'money' && typeof value === 'object') {
    const m = value as { minor: number; currency: string };
    return formatMoneyInput(m.minor, locale, fractionDigits(locale, m.currency));
  }
  if (def.type === 'number') return String(value).replace('.', decimalOf(locale));
  return String(value);
}

export function customToInput(
  defs: TCustomField[],
  custom: Record<string, unknown>,
  locale: string,
): TCustomInput {
  return Object.fromEntries(defs.map((d) => [d.key, toText(d, custom[d.key], locale)]));
}

/** One value for the body; an unparseable text is sent as typed so the server names the field. */
function toValue(def: TCustomField, text: string | string[], locale: string, currency: string): unknown {
  if (Array.isArray(text)) return text;
  if (text.trim() === '') return null;
  switch (def.type) {
    case 'yes_no':
      return text === 'yes';
    case 'number': {
      const n = Number(text.replace(/\s/g, '').replace(decimalOf(locale), '.'));
      return Number.isFinite(n) ? n : text;
    }
    case 'money': {
      const minor = parseMoneyInput(text, locale, fractionDigits(locale, currency));
      return typeof minor === 'number' ? { minor, currency } : text;
    }
    default:
      return text.trim();
  }
}

export function customToBody(
  defs: TCustomField[],
  input: TCustomInput,
  locale: string,
  currency: string,
): Record<string, unknown> {
  return Object.fromEntries(defs.map((d) => [d.key, toValue(d, input[d.key] ?? '', locale, currency)]));
}
