import { describe, expect, it } from 'vitest';
import { backupsToPrune, effectiveRetentionDays, purgeableFrom, retryDelayMs } from './retention';

describe('trash retention', () => {
  it.each([
    [undefined, 365],
    [null, 365],
    [30, 365],
    [365, 365],
    [400, 400],
    [730.9, 730],
    [Number.NaN, 365],
  ])('configured %s → %s days', (configured, days) => {
    expect(effectiveRetentionDays(configured)).toBe(days);
  });

  it('an item may be purged exactly the retention period after deletion', () => {
    const deleted = new Date('2025-03-01T12:00:00Z');
    expect(purgeableFrom(deleted, 365).toISOString()).toBe('2026-03-01T12:00:00.000Z');
    expect(purgeableFrom(deleted, 10).toISOString()).toBe('2026-03-01T12:00:00.000Z');
  });
});

describe('backup pruning', () => {
  const names = ['kontor-2026-11-03.jsonl.gz', 'kontor-2026-11-01.jsonl.gz', 'kontor-2026-11-02.jsonl.gz'];
  it.each([
    [3, []],
    [2, ['kontor-2026-11-01.jsonl.gz']],
    [1, ['kontor-2026-11-01.jsonl.gz', 'kontor-2026-11-02.jsonl.gz']],
    [0, ['kontor-2026-11-01.jsonl.gz', 'kontor-2026-11-02.jsonl.gz']],
  ])('keeping %s deletes %j', (keep, pruned) => {
    expect(backupsToPrune(names, keep)).toEqual(pruned);
  });
});

describe('job retry back-off', () => {
  it.each([
    [1, 2_000],
    [2, 4_000],
    [3, 8_000],
    [20, 3_600_000],
  ])('attempt %s waits %s ms', (attempt, ms) => {
    expect(retryDelayMs(attempt)).toBe(ms);
  });
});
