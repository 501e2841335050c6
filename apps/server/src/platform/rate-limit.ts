/** Fixed-window counter per key, in memory: each server process limits on its own. */
export class RateLimiter {
  readonly #hits = new Map<string, { windowStart: number; count: number }>();

  constructor(
    readonly limit: number,
    readonly windowMs = 60_000,
  ) {}

  /** Counts one hit; false when the key is over its limit in the current window. */
  hit(key: string, now = Date.now()): boolean {
    const entry = this.#hits.get(key);
    if (!entry || now - entry.windowStart >= this.windowMs) {
      if (this.#hits.size > 50_000) this.#sweep(now);
      this.#hits.set(key, { windowStart: now, count: 1 });
      return true;
    }
    entry.count += 1;
    return entry.count <= this.limit;
  }

  #sweep(now: number) {
    for (const [k, v] of this.#hits) if (now - v.windowStart >= this.windowMs) this.#hits.delete(k);
  }
}
