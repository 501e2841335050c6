import { describe, expect, it } from 'vitest';
import { z } from 'zod';
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

  it('speaks the reader’s language where zod words the check', () => {
    const de = fieldProblems(ZBody, { name: 'x', amount: { minor: 1, currency: 'EUR' } }, 'de');
    const pl = fieldProblems(ZBody, { name: 'x', amount: { minor: 1, currency: 'EUR' } }, 'pl');
    const en = fieldProblems(ZBody, { name: 'x', amount: { minor: 1, currency: 'EUR' } }, 'en');
    expect(new Set([de.name, pl.name, en.name]).size).toBe(3);
    expect(de.name).toMatch(/2/);
  });

  it('keeps a custom message as the schema wrote it', () => {
    expect(issueMessage({ path: [], code: 'custom', message: 'name the owner' }, 'ru')).toBe(
      'name the owner',
    );
  });

  it('is empty for a value that passes', () => {
    expect(fieldProblems(ZBody, { name: 'Anna', amount: { minor: 1, currency: 'EUR' } }, 'de')).toEqual({});
  });
});
