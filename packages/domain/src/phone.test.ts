import { describe, expect, it } from 'vitest';
import { normalisePhone, phoneSearchKey } from './phone';

describe('normalisePhone', () => {
  it.each([
    // German mobile, every way it is written
    ['0171 1234567', 'DE', '+491711234567', 'DE'],
    ['01711234567', 'DE', '+491711234567', 'DE'],
    ['0171/1234567', 'DE', '+491711234567', 'DE'],
    ['+49 (171) 123-4567', 'DE', '+491711234567', 'DE'],
    ['+49 (0) 171 1234567', 'DE', '+491711234567', 'DE'],
    ['0049 171 1234567', 'DE', '+491711234567', 'DE'],
    ['00491711234567', 'DE', '+491711234567', 'DE'],
    ['+491711234567', 'RU', '+491711234567', 'DE'],
    ['Handy: 0171 1234567', 'DE', '+491711234567', 'DE'],
    ['tel:+491711234567', 'DE', '+491711234567', 'DE'],
    // German landlines and service numbers
    ['030 12345678', 'DE', '+493012345678', 'DE'],
    ['(089) 123456', 'DE', '+4989123456', 'DE'],
    ['0800 1234567', 'DE', '+498001234567', 'DE'],
    ['de', 'DE', null, null],
    // Polish
    ['+48 512 345 678', 'DE', '+48512345678', 'PL'],
    ['512 345 678', 'PL', '+48512345678', 'PL'],
    ['+48 22 123 45 67', 'DE', '+48221234567', 'PL'],
    // Russian, with the domestic trunk prefix 8
    ['8 (912) 345-67-89', 'RU', '+79123456789', 'RU'],
    ['+7 912 345-67-89', 'DE', '+79123456789', 'RU'],
    ['8 912 345 67 89', 'ru', '+79123456789', 'RU'],
    // +7 is shared with Kazakhstan: the number decides
    ['+7 700 123 45 67', 'RU', '+77001234567', 'KZ'],
    // elsewhere
    ['+44 20 7946 0958', 'DE', '+442079460958', 'GB'],
    ['+43 664 1234567', 'DE', '+436641234567', 'AT'],
    // international freephone belongs to no country
    ['+800 1234 5678', 'DE', '+80012345678', null],
    // an extension cannot be kept in E.164
    ['+49 30 12345678 ext. 12', 'DE', '+493012345678', 'DE'],
    // the same digits mean another number in another country: Munich, not Russia
    ['8 912 345 67 89', 'DE', '+4989123456789', 'DE'],
  ])('%j (%s) → %s', (input, country, e164, numberCountry) => {
    const result = normalisePhone(input, country);
    expect(result).toEqual(e164 === null ? null : { e164, country: numberCountry });
  });

  it.each([
    ['', 'DE'],
    ['abc', 'DE'],
    ['123', 'DE'],
    ['0171 12', 'DE'],
    // the right length, but not a number range Germany assigns (min metadata would accept it)
    ['0123 4567890', 'DE'],
    ['+49 0000 000000', 'DE'],
    // Poland has no trunk prefix: a German-style national number is not Polish
    ['0171 1234567', 'PL'],
    // two numbers in one field: neither is chosen
    ['0171 1234567 / 030 1234567', 'DE'],
    // a national number needs a known country
    ['0171 1234567', 'XX'],
  ])('%j (%s) is not a valid number', (input, country) => {
    expect(normalisePhone(input, country)).toBeNull();
  });

  it('reads national numbers as German by default', () => {
    expect(normalisePhone('0171 1234567')).toEqual({ e164: '+491711234567', country: 'DE' });
  });
});

describe('phoneSearchKey', () => {
  it.each([
    ['+491711234567', 'DE', '1711234567'],
    ['0171 1234567', 'DE', '1711234567'],
    // what a typeahead sees while the user is typing
    ['0171 123', 'DE', '171123'],
    ['0171', 'DE', '171'],
    ['+49 171 123', 'DE', '171123'],
    ['0049171123', 'DE', '171123'],
    ['(030) 1234', 'DE', '301234'],
    ['+48 512 34', 'DE', '51234'],
    ['8 (912) 345', 'RU', '912345'],
    ['+7 912 345', 'DE', '912345'],
    // digits without a prefix stay as they are
    ['171123', 'DE', '171123'],
    ['+49', 'DE', ''],
    ['Müller', 'DE', ''],
    ['', 'DE', ''],
  ])('%j (%s) → %j', (input, country, key) => {
    expect(phoneSearchKey(input, country)).toBe(key);
  });

  it.each([
    ['+491711234567', ['0171', '0171 123', '0171-1234567', '+49 171 12', '0049 1711', '171 1234 567']],
    ['+79123456789', ['8 912', '8 (912) 345-67', '+7 (912) 345', '912 345 67 89']],
    ['+48512345678', ['+48 512', '0048 512 345', '512 345 678']],
  ])('the key of %s starts with the key of each of %j', (stored, typed) => {
    const key = phoneSearchKey(stored);
    const country = stored.startsWith('+7') ? 'RU' : stored.startsWith('+48') ? 'PL' : 'DE';
    for (const t of typed) expect(key.startsWith(phoneSearchKey(t, country)), t).toBe(true);
  });
});
