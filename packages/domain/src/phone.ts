// Phone numbers of clients (B2): stored as E.164, searched by their national significant number.
// The `max` metadata knows which number ranges each country assigns; the default `min` metadata
// only checks lengths, so "0123 4567890" would pass as a German number.
import {
  AsYouType,
  type CountryCode,
  isSupportedCountry,
  parsePhoneNumberFromString,
} from 'libphonenumber-js/max';

/** A valid number in E.164 and the country it belongs to (null for non-geographic numbers). */
export type TNormalisedPhone = { e164: string; country: string | null };

function countryCode(country: string): CountryCode | undefined {
  const code = country.trim().toUpperCase();
  return isSupportedCountry(code) ? code : undefined;
}

/**
 * Parses a phone number written in any common way ("0171 1234567", "+49 (171) 123-4567",
 * "0049 171…", "8 (912) 345-67-89" with 'RU') into E.164 and the country it belongs to; null
 * unless it is a valid number. National numbers are read as numbers of `defaultCountry`.
 */
export function normalisePhone(input: string, defaultCountry = 'DE'): TNormalisedPhone | null {
  // Text around one number is tolerated ("Handy: 0171 1234567"), two numbers are not; an
  // extension ("ext. 12") cannot be written in E.164 and is dropped.
  const parsed = parsePhoneNumberFromString(input, countryCode(defaultCountry));
  if (!parsed?.isValid()) return null;
  return { e164: parsed.number, country: parsed.country ?? null };
}

/**
 * The digits a phone typeahead matches on: the national significant number, without trunk or
 * international prefix and country code. It is a prefix of a stored number's key however the
 * start of that number is typed: "0171 123", "+49 171 123" and "0049171123" all give "171123",
 * a prefix of "1711234567", the key of "+491711234567". Empty when there are no digits.
 */
export function phoneSearchKey(input: string, defaultCountry = 'DE'): string {
  const country = countryCode(defaultCountry);
  const parsed = parsePhoneNumberFromString(input, country);
  if (parsed?.isValid()) return parsed.nationalNumber;
  // an incomplete number: the as-you-type formatter strips the prefixes it recognises so far
  const typing = new AsYouType(country);
  typing.input(input);
  return typing.getNumber()?.nationalNumber ?? '';
}
