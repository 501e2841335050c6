import { describe, expect, it } from 'vitest';
import { cologneCode, companyCore, foldText, nameForm, nameKeys } from './names';

describe('foldText', () => {
  it.each([
    ['Müller', 'muller'],
    ['JÜRGEN Ärger Öl', 'jurgen arger ol'],
    ['Strauß', 'strauss'],
    ['Łukasz Wójcik', 'lukasz wojcik'],
    ['Świętosław Żółć', 'swietoslaw zolc'],
    ['Мюллер', 'mjuller'],
    ['Ёлкин Йошкар', 'elkin joshkar'],
    ['Щукин Хрущёв', 'shchukin khrushchev'],
    ['Объезд Дьяков', 'obezd djakov'],
    ['Україна Ґанок', 'ukrajina ganok'],
    ['Zoë Ørsted Æbelø', 'zoe orsted aebelo'],
    ['Gérard Depardieu-Çelik', 'gerard depardieu-celik'],
    ['  Hans \t Peter\n', 'hans peter'],
    // only letters change: punctuation and digits are the caller's business
    ["O'Brien, Hauptstraße 12", "o'brien, hauptstrasse 12"],
    // decomposed input (as some Mac and iOS keyboards send it) folds like composed input
    ['Mu\u0308ller', 'muller'],
  ])('%j → %j', (input, folded) => {
    expect(foldText(input)).toBe(folded);
  });
});

describe('nameForm', () => {
  it.each([
    ['Müller', 'muler'],
    ['Mueller', 'muler'],
    ['Muller', 'muler'],
    ['Mülller', 'muler'],
    ['Meyer', 'meier'],
    ['Maier', 'meier'],
    ['Mayer', 'meier'],
    ['Schmidt', 'schmit'],
    ['Schmitt', 'schmit'],
    ['Schmid', 'schmit'],
    ['Bernhard', 'bernhart'],
    ['Jürgen', 'jurgen'],
    ['Juergen', 'jurgen'],
    ['Goethe', 'gote'],
    ['Strauß', 'straus'],
    ['Андрей', 'andrei'],
    ['Andrey', 'andrei'],
    ['Dmitrij', 'dmitri'],
    ['Hans-Peter  Müller', 'hans peter muler'],
    ['', ''],
    ['--', ''],
  ])('%j → %j', (input, form) => {
    expect(nameForm(input)).toBe(form);
  });
});

describe('cologneCode (Kölner Phonetik)', () => {
  // The published examples of the method (Wikipedia, Apache Commons Codec's reference tests).
  it.each([
    ['Müller-Lüdenscheidt', '65752682'],
    ['Wikipedia', '3412'],
    ['Breschnew', '17863'],
    ['Müller', '657'],
    ['schmidt', '862'],
    ['schneider', '8627'],
    ['fischer', '387'],
    ['weber', '317'],
    ['wagner', '3467'],
    ['becker', '147'],
    ['hoffmann', '0366'],
    ['schäfer', '837'],
    ['peter', '127'],
    ['pharma', '376'],
    ['mönchengladbach', '664645214'],
    ['bergisch-gladbach', '174845214'],
    ['deutsch', '28'],
    ['deutz', '28'],
    ['hamburg', '06174'],
    ['hannover', '0637'],
    ['christstollen', '478256'],
    ['Xanthippe', '48621'],
    ['Zacharias', '8478'],
    ['Holzbau', '0581'],
    ['matsch', '68'],
    ['matz', '68'],
    ['Arbeitsamt', '071862'],
    ['Eberhard', '01772'],
    ['Eberhardt', '01772'],
    ['Celsius', '8588'],
    ['Ace', '08'],
    ['shch', '84'],
    ['xch', '484'],
    ['heithabu', '021'],
    ['Heinz Classen', '068586'],
    ['Aychlmajr', '04567'],
    ['Aaclan', '0856'],
    ['Aabjoe', '01'],
    ['Test test', '28282'],
    ['ß', '8'],
    ['ä', '0'],
    ['h', ''],
    ['aha', '0'],
    ['ph', '3'],
    ['x', '48'],
    ['ax', '048'],
    ['cx', '48'],
    ['cl', '45'],
    ['acl', '085'],
    ['{mn}', '6'],
    ['', ''],
  ])('%j → %j', (input, code) => {
    expect(cologneCode(input)).toBe(code);
  });

  it.each([
    [['Meier', 'Maier', 'Mair', 'Meyer', 'Meyr', 'Mejer', 'Major'], '67'],
    [['mella', 'milah', 'moulla', 'mellah', 'muehle', 'mule'], '65'],
    [['Müller', 'Mueller', 'Muller', 'Mülller', 'Mueler', 'Мюллер'], '657'],
    [['Schmidt', 'Schmitt', 'Schmitd', 'Шмидт'], '862'],
  ])('%j all code as %j', (variants, code) => {
    expect(variants.map(cologneCode)).toEqual(variants.map(() => code));
  });
});

describe('companyCore', () => {
  it.each([
    ['Müller Bau GmbH', 'muller bau'],
    ['Müller Bau GmbH & Co. KG', 'muller bau'],
    ['Mueller Bau GmbH+Co.KG', 'mueller bau'],
    ['Schmidt Immobilien UG (haftungsbeschränkt)', 'schmidt immobilien'],
    ['Deutsche Bank AG', 'deutsche bank'],
    ['Allianz SE', 'allianz'],
    ['Hans Meier e.K.', 'hans meier'],
    ['Weber & Söhne OHG', 'weber & sohne'],
    ['Praxis Dr. Lang GbR', 'praxis dr lang'],
    ['Kowalski sp. z o.o.', 'kowalski'],
    ['Kowalski Sp. z o. o. sp. k.', 'kowalski'],
    ['Orlen S.A.', 'orlen'],
    ['PPHU Nowak s.c.', 'nowak'],
    ['ООО «Ромашка»', 'romashka'],
    ['OOO "Romashka"', 'romashka'],
    ['АО Газпром', 'gazprom'],
    ['Acme Ltd.', 'acme'],
    // a name that is nothing but a legal form, or whose last word only looks like one, stays
    ['AG', 'ag'],
    ['Kunst & Co', 'kunst'],
    ['Bäckerei Co', 'backerei'],
  ])('%j → %j', (input, core) => {
    expect(companyCore(input)).toBe(core);
  });
});

describe('nameKeys', () => {
  const shares = (a: string[], b: string[]) => a.some((k) => b.includes(k));
  const person = (firstName: string, lastName: string) => nameKeys({ kind: 'person', firstName, lastName });
  const company = (companyName: string) => nameKeys({ kind: 'company', companyName });

  it.each([
    [
      ['Jürgen', 'Müller'],
      ['Juergen', 'Mueller'],
    ],
    [
      ['Jürgen', 'Müller'],
      ['Jurgen', 'Muller'],
    ],
    [
      ['Jürgen', 'Müller'],
      ['Jürgen', 'Mülller'],
    ],
    [
      ['Jürgen', 'Müller'],
      ['Jürgen', 'Mueler'],
    ],
    [
      ['Jürgen', 'Müller'],
      ['Müller', 'Jürgen'],
    ],
    [
      ['Jürgen', 'Müller'],
      ['Юрген', 'Мюллер'],
    ],
    [
      ['Hans', 'Schmidt'],
      ['Hans', 'Schmitd'],
    ],
    [
      ['Hans', 'Schmidt'],
      ['Hans', 'Schmitt'],
    ],
    [
      ['Anna', 'Meyer'],
      ['Anna', 'Maier'],
    ],
    [
      ['Anna', 'Meyer'],
      ['Anna', 'Meier'],
    ],
    [
      ['Hans-Peter', 'Weber'],
      ['Hans Peter', 'Weber'],
    ],
  ])('%j and %j share a key', (a, b) => {
    expect(shares(person(a[0]!, a[1]!), person(b[0]!, b[1]!))).toBe(true);
  });

  it.each([
    [
      ['Jürgen', 'Müller'],
      ['Anna', 'Müller'],
    ],
    [
      ['Jürgen', 'Müller'],
      ['Jürgen', 'Schmidt'],
    ],
    [
      ['Hans', 'Weber'],
      ['Hans', 'Becker'],
    ],
  ])('%j and %j share no key', (a, b) => {
    expect(shares(person(a[0]!, a[1]!), person(b[0]!, b[1]!))).toBe(false);
  });

  it.each([
    ['Müller Bau GmbH', 'Mueller Bau GmbH & Co. KG'],
    ['Kowalski sp. z o.o.', 'Kowalski S.A.'],
    ['ООО Ромашка', 'Romashka LLC'],
  ])('companies %j and %j share a key', (a, b) => {
    expect(shares(company(a), company(b))).toBe(true);
  });

  it('gives the spelling key and the phonetic key', () => {
    expect(person('Jürgen', 'Müller')).toEqual(['n:jurgen|muler', 'k:0746|657']);
    expect(company('Müller Bau GmbH')).toEqual(['n:mulerbau', 'k:6571']);
  });

  it('reads (first, last) positionally, a single part as a company name', () => {
    expect(nameKeys('Jürgen', 'Müller')).toEqual(person('Jürgen', 'Müller'));
    expect(nameKeys('Müller Bau GmbH')).toEqual(company('Müller Bau GmbH'));
    expect(nameKeys(undefined, 'Müller Bau GmbH')).toEqual(company('Müller Bau GmbH'));
  });

  it('has no keys without a name', () => {
    expect(nameKeys({ kind: 'person', firstName: ' ', lastName: null })).toEqual([]);
    expect(company('')).toEqual([]);
    expect(nameKeys('', '')).toEqual([]);
  });
});
