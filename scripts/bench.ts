// `npm run bench`: prints how fast Kontor answers, beside the same database work done in plain SQL.
// Figures only; nothing here passes or fails on speed. Settings: see scripts/bench/settings.ts.
import fs from 'node:fs';
import path from 'node:path';
import { Cleanup } from './bench/cleanup';
import { measureCodeLoad, measureColdStarts, type TColdStart } from './bench/cold-start';
import { formatCommissionBench, runCommissionBench } from './bench/commissions';
import { formatComparison, readPrevious } from './bench/compare';
import { CRM_NOTES, runCrmScenarios } from './bench/crm/run';
import { describeMachine, loadAverage } from './bench/machine';
import { formatReport, ratiosOf, type TBenchReport, toJson } from './bench/report';
import { runScenarios } from './bench/run-scenarios';
import { SCENARIOS } from './bench/scenarios';
import { loadSettings, scratchDir } from './bench/settings';

function notesOf(
  report: Omit<TBenchReport, 'notes'>,
  connections: Record<string, number>,
  crm: boolean,
): string[] {
  const notes = report.scenarios.length > 0 ? SCENARIOS.flatMap((s) => (s.note ? [s.note] : [])) : [];
  if (crm) notes.push(...CRM_NOTES);
  notes.push(
    `load generator, raw baselines and server share this machine's ${report.machine.cpus} CPUs; ` +
      'the server logs one JSON line per request (to a file), as in production',
  );
  const held = Object.entries(connections).map(([name, n]) => `${n} after ${name}`);
  if (held.length > 0) {
    notes.push(
      `PostgreSQL connections held by the Kontor server: ${held.join(', ')}; ` +
        `the raw baselines use a pool of ${report.settings.concurrency}`,
    );
  }
  return notes;
}

async function main() {
  const settings = loadSettings();
  const cleanup = new Cleanup();
  cleanup.onSignals();
  const scratch = scratchDir();
  fs.mkdirSync(scratch, { recursive: true });
  cleanup.defer(`remove ${scratch}`, () => fs.rmSync(scratch, { recursive: true, force: true }));
  try {
    const load = loadAverage();
    const only = settings.only;
    if (only === 'commissions') {
      console.log(formatCommissionBench(await runCommissionBench(settings, cleanup)));
      return;
    }
    let codeLoadMs = Number.NaN;
    let coldStarts: TColdStart[] = [];
    let pgliteDir: string | null = null;
    if (only !== 'crm') {
      process.stderr.write('measuring cold starts…\n');
      codeLoadMs = await measureCodeLoad();
      ({ results: coldStarts, pgliteDir } = await measureColdStarts(settings, cleanup, scratch));
    }
    const machine = await describeMachine(settings.adminUrl, pgliteDir, load);
    const auth =
      only === 'crm' ? { results: [], connections: {} } : await runScenarios(settings, cleanup, scratch);
    const crm = only === 'auth' ? null : await runCrmScenarios(settings, cleanup, scratch);
    const results = [...auth.results, ...(crm?.results ?? [])];
    const partial = {
      format: 1 as const,
      at: new Date().toISOString(),
      settings: {
        seconds: settings.seconds,
        warmupSeconds: settings.warmupSeconds,
        concurrency: settings.concurrency,
      },
      machine,
      codeLoadMs,
      coldStarts,
      scenarios: results,
      ratios: ratiosOf([...SCENARIOS, ...(crm?.scenarios ?? [])], results),
      ...(crm ? { seeding: crm.seeding } : {}),
    };
    const report: TBenchReport = { ...partial, notes: notesOf(partial, auth.connections, crm !== null) };
    console.log(formatReport(report));
    if (only === null) console.log(`\n${formatCommissionBench(await runCommissionBench(settings, cleanup))}`);
    const previous = readPrevious(settings.outFile);
    const comparison = previous ? formatComparison(previous, report) : [];
    if (comparison.length > 0) console.log(`\n${comparison.join('\n')}`);
    fs.mkdirSync(path.dirname(settings.outFile), { recursive: true });
    fs.writeFileSync(settings.outFile, toJson(report));
    console.log(`\nfigures written to ${path.relative(process.cwd(), settings.outFile)}`);
  } finally {
    await cleanup.runAll();
  }
}

main().catch((error: unknown) => {
  console.error('bench failed:', error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
