/** Trash items stay restorable at least this long; a tenant may raise it, never lower it. */
export const MIN_TRASH_RETENTION_DAYS = 365;

/** The retention that applies: the configured value, but never below the legal floor. */
export function effectiveRetentionDays(configured: number | null | undefined): number {
  if (configured == null || !Number.isFinite(configured)) return MIN_TRASH_RETENTION_DAYS;
  return Math.max(MIN_TRASH_RETENTION_DAYS, Math.floor(configured));
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** The first moment an item deleted at `deletedAt` may be purged. */
export function purgeableFrom(deletedAt: Date, retentionDays: number): Date {
  return new Date(deletedAt.getTime() + effectiveRetentionDays(retentionDays) * DAY_MS);
}

/** Which dated backups to delete so that only the newest `keep` remain. Names sort by date. */
export function backupsToPrune(names: readonly string[], keep: number): string[] {
  const sorted = [...names].sort();
  return sorted.slice(0, Math.max(0, sorted.length - Math.max(1, keep)));
}

/** Delay before retry `attempt` (1-based) of a failed job: exponential, capped at an hour. */
export function retryDelayMs(attempt: number, baseMs = 2_000): number {
  return Math.min(60 * 60 * 1000, baseMs * 2 ** Math.max(0, attempt - 1));
}
