import { describe, expect, it } from 'vitest';
import { MAX_TERMS, searchableText, searchTerms } from './search';

describe('searchTerms', () => {
  it.each([
    ['Müller', ['muller']],
    ['Mueller', ['muller']],
    ['  Müller,   Jür ', ['muller', 'jur']],
    ['MÜLLER müller', ['muller']],
    ['Łukasz Wójcik', ['lukasz', 'wojcik']],
    ['Иванов', ['ivanov']],
    ['max@example.de', ['max', 'example', 'de']],
    // case and register numbers keep their digits
    ['EP-2024-0815', ['ep', '2024', '0815']],
    ['HRB 12345', ['hrb', '12345']],
    // one character says nothing yet
    ['M', []],
    ['M Schmidt', ['schmidt']],
    ['7', []],
    ['', []],
    ['  ,;  ', []],
    // a query that is only a number is one term, without the prefixes of a phone number
    ['0171 123', ['171123']],
    ['+49 171 123', ['171123']],
    ['0049 (171) 123-45', ['17112345']],
    ['2024-000123', ['2024000123']],
    ['12/345/67890', ['1234567890']],
    // too short to be read as a phone number: kept as typed
    ['017', ['017']],
    ['12 3', ['12']],
  ])('%j → %j', (q, terms) => {
    expect(searchTerms(q)).toEqual(terms);
  });

  it('reads a number with the country given: the Russian trunk prefix 8', () => {
    expect(searchTerms('8 (912) 345', 'RU')).toEqual(['912345']);
  });

  it(`keeps at most ${MAX_TERMS} terms`, () => {
    expect(searchTerms('aa bb cc dd ee ff gg hh ii jj')).toHaveLength(MAX_TERMS);
  });
});

describe('searchableText', () => {
  it.each([
    [['Dr. Jürgen Müller', 'j.mueller@example.de'], 'dr jurgen muller j muller example de'],
    [['ООО «Ромашка»', null, undefined, ''], 'ooo romashka'],
    // phones and numbers written with separators are stored as one run of digits as well
    [['+49 171 1234567'], '49 171 1234567 491711234567'],
    [['12/345/67890'], '12 345 67890 1234567890'],
    [['+491711234567'], '491711234567'],
    [[], ''],
  ])('%j → %j', (parts, text) => {
    expect(searchableText(parts)).toBe(text);
  });
});

describe('stored and typed text fold alike', () => {
  // [what is stored, what a user types]: every term of the query is a substring of the stored text
  it.each([
    ['Jürgen Müller', 'müller'],
    ['Jürgen Müller', 'Mueller Jürg'],
    ['Jürgen Müller', 'JUERGEN'],
    ['Jürgen Mueller', 'Müller'],
    ['Strauß Immobilien GmbH', 'strauss'],
    ['Łukasz Wójcik', 'Lukasz Wojc'],
    ['Иван Иванов', 'ivanov'],
    ['Иван Иванов', 'Иван'],
    ['Zoë Ørsted', 'zoe orst'],
    ['j.mueller@example.de', 'j.mueller@exa'],
    ['EP-2024-0815', 'ep-2024-0815'],
    ['EP-2024-0815', '2024-0815'],
    ['12/345/67890', '12345'],
    ['12/345/67890', '12/345/678'],
    ['+491711234567', '0171 1234'],
    ['+491711234567', '+49 171 1234567'],
    ['+491711234567', '0049171'],
    ['+491711234567', '1711234567'],
    ['+48512345678', '512 345'],
  ])('%j is found by %j', (stored, typed) => {
    const text = searchableText([stored]);
    const terms = searchTerms(typed);
    expect(terms.length).toBeGreaterThan(0);
    for (const term of terms) expect(text, term).toContain(term);
  });

  it.each([
    ['Jürgen Müller', 'Schmidt'],
    ['Jürgen Müller', 'Müller Anna'],
    ['+491711234567', '0172'],
  ])('%j is not found by %j', (stored, typed) => {
    const text = searchableText([stored]);
    expect(searchTerms(typed).every((term) => text.includes(term))).toBe(false);
  });
});
