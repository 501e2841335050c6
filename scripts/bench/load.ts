/** Makes one request as worker `worker` (0 … concurrency-1); throws when the answer is wrong. */
export type TRequestFn = (worker: number) => Promise<void>;

export type TLoadResult = {
  requests: number;
  errors: number;
  /** The first error's message, to tell a broken setup from a slow one. */
  firstError: string | null;
  seconds: number;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
  max: number;
  perSecond: number;
};

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

type TTally = { latencies: number[]; errors: number; firstError: string | null };

async function worker(run: TRequestFn, index: number, until: number, tally: TTally): Promise<void> {
  while (performance.now() < until) {
    const started = performance.now();
    try {
      await run(index);
      tally.latencies.push(performance.now() - started);
    } catch (error) {
      tally.errors += 1;
      tally.firstError ??= error instanceof Error ? error.message : String(error);
    }
  }
}

async function phase(run: TRequestFn, concurrency: number, seconds: number) {
  const tally: TTally = { latencies: [], errors: 0, firstError: null };
  const started = performance.now();
  const until = started + seconds * 1000;
  await Promise.all(Array.from({ length: concurrency }, (_, i) => worker(run, i, until, tally)));
  return { tally, seconds: (performance.now() - started) / 1000 };
}

/**
 * Closed-loop load: `concurrency` workers each send their next request as soon as the last one is
 * answered, for `seconds` after `warmupSeconds` of unmeasured load. Throughput counts answers that
 * passed their check; latency percentiles are over those answers.
 */
export async function runLoad(
  run: TRequestFn,
  options: { concurrency: number; seconds: number; warmupSeconds: number },
): Promise<TLoadResult> {
  if (options.warmupSeconds > 0) await phase(run, options.concurrency, options.warmupSeconds);
  const { tally, seconds } = await phase(run, options.concurrency, options.seconds);
  const sorted = tally.latencies.sort((a, b) => a - b);
  const total = sorted.reduce((sum, v) => sum + v, 0);
  return {
    requests: sorted.length + tally.errors,
    errors: tally.errors,
    firstError: tally.firstError,
    seconds,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    mean: sorted.length ? total / sorted.length : Number.NaN,
    max: sorted.at(-1) ?? Number.NaN,
    perSecond: sorted.length / seconds,
  };
}
