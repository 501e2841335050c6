import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ownWords } from './own-words';
import { fieldProblems, issueMessage } from './validation';

const ZBody = z.strictObject({
  name: z.string().trim().min(2).max(10),
  amount: z.object({
    minor: z.number().int().min(0),
    currency: z.string().regex(/^[A-Z]{3}$/, 'ISO 4217 code'),
  }),
});

describe('validation words', () => {
  it('names each field by its path, first problem only', () => {
    const problems = fieldProblems(ZBody, { name: 'x', amount: { minor: -1, currency: 'eur' } }, 'en');
    expect(Object.keys(problems).sort()).toEqual(['amount.currency', 'amount.minor', 'name']);
    expect(problems['amount.currency']).toBe('ISO 4217 code');
  });

  it('speaks the reader’s language in words a broker understands', () => {
    const short = { name: 'x', amount: { minor: 1, currency: 'EUR' } };
    expect(fieldProblems(ZBody, short, 'en').name).toBe('At least 2 characters');
    expect(fieldProblems(ZBody, short, 'de').name).toBe('Mindestens 2 Zeichen');
    expect(fieldProblems(ZBody, short, 'pl').name).toBe('Minimalna liczba znaków: 2');
    expect(fieldProblems(ZBody, short, 'ru').name).toBe('Минимум символов: 2');
    expect(fieldProblems(ZBody, { ...short, name: '' }, 'de').name).toBe('Mindestens 2 Zeichen');
    expect(fieldProblems(z.object({ a: z.string().min(1) }), { a: '' }, 'en').a).toBe('Required');
    expect(fieldProblems(ZBody, {}, 'pl').name).toBe('Pole wymagane');
    expect(fieldProblems(z.object({ e: z.email() }), { e: 'anna@' }, 'ru').e).toBe(
      'Введите адрес электронной почты',
    );
    expect(fieldProblems(z.object({ k: z.enum(['a', 'b']) }), { k: 'c' }, 'de').k).toBe(
      'Bitte eine der Möglichkeiten wählen',
    );
    expect(fieldProblems(z.object({ n: z.number().int().min(1) }), { n: 0 }, 'en').n).toBe('At least 1');
  });

  it('keeps a schema’s own words for English readers, the check’s words for the others', () => {
    const bad = { name: 'Anna', amount: { minor: 1, currency: 'eur' } };
    expect(fieldProblems(ZBody, bad, 'en')['amount.currency']).toBe('ISO 4217 code');
    expect(fieldProblems(ZBody, bad, 'de')['amount.currency']).toBe('Währungscode nach ISO 4217');
    const odd = z.object({ code: z.string().regex(/^x$/, 'an x, please') });
    expect(fieldProblems(odd, { code: 'y' }, 'pl').code).toBe('Nieprawidłowy format');
    const custom = z
      .object({ from: z.string(), to: z.string() })
      .refine((v) => v.to >= v.from, { message: 'ends before it starts', path: ['to'] });
    expect(fieldProblems(custom, { from: 'b', to: 'a' }, 'ru').to).toBe(
      'Заканчивается раньше, чем начинается',
    );
    expect(fieldProblems(custom, { from: 'b', to: 'a' }, 'en').to).toBe('ends before it starts');
  });

  it('keeps a custom message without a translation as the schema wrote it, and translates the others', () => {
    expect(issueMessage({ path: [], code: 'custom', message: 'a rule of its own' }, 'ru')).toBe(
      'a rule of its own',
    );
  });

  it('translates a use-case’s own message, and leaves an unknown one as written', () => {
    expect(ownWords('name the owner', 'ru')).toBe('Укажите ответственного');
    expect(ownWords('name the owner', 'en')).toBe('name the owner');
    expect(ownWords('a rule of its own', 'de')).toBe('a rule of its own');
  });

  it('is empty for a value that passes', () => {
    expect(fieldProblems(ZBody, { name: 'Anna', amount: { minor: 1, currency: 'EUR' } }, 'de')).toEqual({});
  });
});
