import fs from 'node:fs';
import { alignTable, type TBenchReport } from './report';

/** The report of the previous run, when there is one in the format this bench writes. */
export function readPrevious(file: string): TBenchReport | null {
  try {
    const report = JSON.parse(fs.readFileSync(file, 'utf8')) as TBenchReport;
    return report.format === 1 ? report : null;
  } catch {
    return null;
  }
}

const change = (before: number | null, now: number) =>
  before === null || !Number.isFinite(now) || before === 0
    ? '–'
    : `${((now / before - 1) * 100).toFixed(0)}%`;

/** Lines comparing this run with the previous one, scenario by scenario (same machine or not). */
export function formatComparison(previous: TBenchReport, now: TBenchReport): string[] {
  const rows = [['', 'p50 before', 'p50 now', 'change', 'req/s before', 'req/s now', 'change']];
  for (const s of now.scenarios) {
    const p = previous.scenarios.find((x) => x.name === s.name);
    if (!p) continue;
    rows.push([
      `  ${s.name}`,
      `${p.p50?.toFixed(2) ?? '–'}`,
      s.p50.toFixed(2),
      change(p.p50, s.p50),
      `${p.perSecond?.toFixed(1) ?? '–'}`,
      s.perSecond.toFixed(1),
      change(p.perSecond, s.perSecond),
    ]);
  }
  for (const c of now.coldStarts) {
    const p = previous.coldStarts.find((x) => x.engine === c.engine && x.start === c.start);
    if (!p) continue;
    rows.push([
      `  cold start ${c.engine} ${c.start} (ms)`,
      p.ms.toFixed(0),
      c.ms.toFixed(0),
      change(p.ms, c.ms),
      '',
      '',
      '',
    ]);
  }
  if (rows.length === 1) return [];
  const same =
    previous.machine.cpuModel === now.machine.cpuModel && previous.machine.cpus === now.machine.cpus;
  return [
    `Since the previous run (${previous.at}${same ? '' : ', on another machine'})`,
    ...alignTable(rows.map((r) => [...r, ''])),
  ];
}
