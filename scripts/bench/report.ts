import type { TColdStart } from './cold-start';
import type { TSeeding } from './crm/run';
import type { TLoadResult } from './load';
import type { TMachine } from './machine';
import type { TScenario } from './scenarios';
import type { TSettings } from './settings';

export type TScenarioResult = { name: string; kind: TScenario['kind'] } & TLoadResult;
export type TRatio = { scenario: string; baseline: string; p50: number; perSecond: number };

/** Everything one run measured; written to artifacts/bench.json. */
export type TBenchReport = {
  format: 1;
  at: string;
  settings: Pick<TSettings, 'seconds' | 'warmupSeconds' | 'concurrency'>;
  machine: TMachine;
  /** `kontor help` from spawn to exit: loading the code, no database. */
  codeLoadMs: number;
  coldStarts: TColdStart[];
  scenarios: TScenarioResult[];
  ratios: TRatio[];
  /** The generated firm of the clients-and-cases scenarios, when they ran. */
  seeding?: TSeeding;
  notes: string[];
};

/** Kontor / raw for every baseline a scenario names (p50: higher is slower; req/s: lower is slower). */
export function ratiosOf(scenarios: TScenario[], results: TScenarioResult[]): TRatio[] {
  const byName = new Map(results.map((r) => [r.name, r]));
  const ratios: TRatio[] = [];
  for (const s of scenarios) {
    const mine = byName.get(s.name);
    for (const baseline of s.baselines ?? []) {
      const raw = byName.get(baseline);
      if (!mine || !raw) continue;
      ratios.push({
        scenario: s.name,
        baseline,
        p50: mine.p50 / raw.p50,
        perSecond: mine.perSecond / raw.perSecond,
      });
    }
  }
  return ratios;
}

const fixed = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '–');

/** Left-aligns the first column, right-aligns the others. */
export function alignTable(rows: string[][]): string[] {
  if (rows.length === 0) return [];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  return rows.map((r) =>
    r
      .map((cell, i) => (i === 0 || i === r.length - 1 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!)))
      .join('  ')
      .trimEnd(),
  );
}

function scenarioTable(report: TBenchReport): string[] {
  const primary = new Map<string, TRatio>();
  for (const r of report.ratios) if (!primary.has(r.scenario)) primary.set(r.scenario, r);
  const rows = [['scenario', 'p50 ms', 'p95 ms', 'p99 ms', 'req/s', 'errors', 'ratio vs raw (p50 | req/s)']];
  for (const s of report.scenarios) {
    const ratio = primary.get(s.name);
    rows.push([
      s.name,
      fixed(s.p50, 2),
      fixed(s.p95, 2),
      fixed(s.p99, 2),
      fixed(s.perSecond),
      String(s.errors),
      ratio ? `×${fixed(ratio.p50, 2)} | ×${fixed(ratio.perSecond, 2)}  (${ratio.baseline})` : '',
    ]);
  }
  return alignTable(rows);
}

function seedingLines(s: TSeeding | undefined): string[] {
  if (!s) return [];
  const count = (n: number) => n.toLocaleString('en');
  const shape = `${count(s.shape.clients)} clients, ${count(s.shape.cases)} cases, ${count(s.shape.activities)} activities, 500 users in 40 units`;
  return [
    `Generated firm: ${shape}${s.reused ? ' (reused from an earlier run, BENCH_CRM_KEEP=1)' : ''}`,
    `  ${count(s.rows)} rows in ${fixed(s.seconds)} s: ${count(Math.round(s.rows / s.seconds))} rows/s overall ` +
      `(COPY ${fixed(s.loadSeconds)} s at ${count(Math.round(s.rows / s.loadSeconds))} rows/s, then indexes and analyze ${fixed(s.indexSeconds)} s)`,
    '',
  ];
}

function coldStartLines(report: TBenchReport): string[] {
  if (report.coldStarts.length === 0) return [];
  return [
    'Cold start to first answer (spawn of `kontor serve` → first 200 of GET /api/v1/health)',
    ...alignTable(
      report.coldStarts.map((c) => [
        `  ${c.engine}`,
        c.start === 'fresh' ? 'empty database, migrates' : 'restart on migrated data',
        `${fixed(c.ms, 0)} ms`,
        '',
      ]),
    ),
    `  every start includes loading the code: \`kontor help\` takes ${fixed(report.codeLoadMs, 0)} ms from spawn to exit`,
    '',
  ];
}

/** The report as the terminal shows it. */
export function formatReport(report: TBenchReport): string {
  const { machine: m, settings } = report;
  const out = [
    `Kontor bench, ${report.at}`,
    `machine   ${m.cpus} × ${m.cpuModel}, ${m.memoryGiB} GiB, ${m.platform}, load average ${m.loadAverage} at start`,
    `node      ${m.node}`,
    `postgres  ${m.postgres}`,
    `pglite    ${m.pglite}`,
    '',
    ...coldStartLines(report),
    ...seedingLines(report.seeding),
    `Load on PostgreSQL: ${settings.concurrency} concurrent connections, ${settings.seconds} s measured after ${settings.warmupSeconds} s warm-up per scenario`,
    ...scenarioTable(report),
    '',
    'Kontor / raw (p50: above 1 is slower; req/s: below 1 is slower)',
    ...alignTable(
      report.ratios.map((r) => [
        `  ${r.scenario} vs ${r.baseline}`,
        `p50 ×${fixed(r.p50, 2)}`,
        `req/s ×${fixed(r.perSecond, 2)}`,
        '',
      ]),
    ),
    '',
    ...report.notes.map((n) => `note: ${n}`),
  ];
  const failed = report.scenarios.filter((s) => s.firstError);
  for (const s of failed) out.push(`first error of ${s.name}: ${s.firstError}`);
  return out.join('\n');
}

/** JSON has no NaN: unmeasurable figures become null. */
export function toJson(report: TBenchReport): string {
  return `${JSON.stringify(report, (_, v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2)}\n`;
}
