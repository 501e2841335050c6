// Commission dates are days of the firm (Europe/Berlin), also where UTC is still on the day before.
import { describe, expect, it } from 'vitest';
import { firmDay } from '../src/features/commissions/firm-day';
import { seedTenant, signIn, testApp } from './helpers/app';

describe('the firm day', () => {
  it('is the Berlin calendar day, across midnight and daylight saving', () => {
    expect(firmDay(new Date('2026-12-01T23:30:00Z'))).toBe('2026-12-02');
    expect(firmDay(new Date('2026-12-01T22:59:59Z'))).toBe('2026-12-01');
    expect(firmDay(new Date('2026-07-01T22:00:00Z'))).toBe('2026-07-02');
    expect(firmDay(new Date('2026-07-01T21:59:59Z'))).toBe('2026-07-01');
  });

  it('is the default issue date of a statement run', async () => {
    const t = await testApp();
    try {
      await seedTenant(t);
      const boss = await signIn(t, 'acme', 'boss@acme.test');
      const run = await boss.post('/commissions/statement-runs', {
        periodStart: '2026-01-01',
        periodEnd: '2026-01-31',
      });
      expect(run.status).toBe(201);
      expect(run.body.issuedOn).toBe(firmDay());
    } finally {
      await t.close();
    }
  });
});
