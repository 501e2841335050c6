import type { TFieldError } from '@kontor/contracts';
import { nameKeys, normalisePhone, phoneSearchKey, searchableText, validateIban } from '@kontor/domain';
import { AppError } from '../../platform/errors';
import { phoneticTokens } from '../search/phonetic';
import type { TClientRow, TContacts } from './clients.repository';
import type { TCreateClient, TUpdateClient } from './clients.schemas';
import { isTimeZone } from './local-time';

type TFields = TUpdateClient & { kind: 'person' | 'company' };

const digitsAndLetters = (s: string) => s.replace(/[\s./-]/g, '').toUpperCase();

/** The name shown everywhere: "Dr. Jürgen Müller", or the company name. */
export function displayNameOf(f: {
  kind: 'person' | 'company';
  title?: string | null;
  firstName?: string | null;
  lastName?: string | null;
  companyName?: string | null;
}): string {
  if (f.kind === 'company') return f.companyName ?? '';
  return [f.title, f.firstName, f.lastName].filter((x) => x && x.trim() !== '').join(' ');
}

/**
 * Checks and normalises what a client form sends: phones to E.164 (the country of the first
 * address helps read national numbers), IBAN in electronic form, time zone known. Collects every
 * failing field before answering.
 */
export function normaliseClientInput(input: TFields, errors: TFieldError[]) {
  const country = input.addresses?.[0]?.country ?? 'DE';
  const phones = input.phones?.map((p, i) => {
    const n = normalisePhone(p.number, country);
    if (!n)
      errors.push({
        field: `phones.${i}.number`,
        code: 'invalid_phone',
        message: `${p.number} is not a valid phone number`,
      });
    return { number: p.number, e164: n?.e164 ?? '', label: p.label };
  });
  let iban = input.iban;
  if (iban) {
    const checked = validateIban(iban);
    if (checked.ok) iban = checked.iban;
    else
      errors.push({
        field: 'iban',
        code: `invalid_iban_${checked.reason}`,
        message: `not a valid IBAN (${checked.reason})`,
      });
  }
  if (input.timeZone && !isTimeZone(input.timeZone)) {
    errors.push({ field: 'timeZone', code: 'invalid', message: `unknown time zone ${input.timeZone}` });
  }
  if (
    input.kind === 'company' &&
    (input.firstName || input.lastName || input.birthDate || input.taxId || input.iban)
  ) {
    errors.push({
      field: 'kind',
      code: 'mismatch',
      message: 'first/last name, birth date, tax id and IBAN belong to persons',
    });
  }
  if (input.kind === 'person' && (input.companyName || input.registerNumber || input.vatId)) {
    errors.push({
      field: 'kind',
      code: 'mismatch',
      message: 'company name, register number and VAT id belong to companies',
    });
  }
  const emails = input.emails ? dedupeBy(input.emails, (e) => e.address) : undefined;
  const contacts: TContacts = { emails, phones, addresses: input.addresses };
  return {
    iban: iban ?? null,
    taxId: input.taxId ? digitsAndLetters(input.taxId) : (input.taxId ?? null),
    vatId: input.vatId ? digitsAndLetters(input.vatId) : (input.vatId ?? null),
    contacts,
  };
}

function dedupeBy<T>(list: T[], key: (t: T) => string): T[] {
  const seen = new Set<string>();
  return list.filter((x) => {
    if (seen.has(key(x))) return false;
    seen.add(key(x));
    return true;
  });
}

/** Throws the collected field errors, if any. */
export function throwIfErrors(errors: TFieldError[]) {
  if (errors.length > 0)
    throw new AppError('validation_failed', errors.map((e) => `${e.field}: ${e.message}`).join('; '), errors);
}

/** What the search and the duplicate check read of a client: folded text and name keys. */
export function derivedColumns(
  row: Omit<TClientRow, 'search_text' | 'name_keys'>,
  contacts: Required<TContacts>,
) {
  const names =
    row.kind === 'person' ? [row.first_name ?? '', row.last_name ?? ''] : [row.company_name ?? ''];
  return {
    search_text: searchableText([
      row.display_name,
      ...contacts.emails.map((e) => e.address),
      ...contacts.phones.flatMap((p) => [p.e164, phoneSearchKey(p.number) ?? '']),
      row.tax_id ?? '',
      row.iban ?? '',
      row.register_number ?? '',
      row.vat_id ?? '',
      ...row.tags,
      ...phoneticTokens(names),
    ]),
    name_keys: [...nameKeys(names[0] ?? '', names[1])],
  };
}

export type { TCreateClient };
