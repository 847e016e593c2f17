// The benchmark's output: every measured figure with its target (all targets are upper
// bounds), printed as a table and written with the raw samples to bench-results/.
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { MachineInfo } from './machine';

export type Unit = 'ms' | 'µs' | 'MB' | 'ratio' | 'events/s' | 'frames/s' | 'fps';

export interface Figure {
  label: string;
  value: number;
  unit: Unit;
  /** Pass when value ≤ target (≥ with `higherIsBetter`); figures without one are context. */
  target?: number;
  higherIsBetter?: boolean;
}

/** What one phase measured; a phase that failed has an `error` and whatever it got before. */
export interface PhaseResult {
  name: string;
  figures: Figure[];
  notes: string[];
  raw: Record<string, unknown>;
  error?: string;
}

export interface BenchReport {
  startedAt: string;
  durationMs: number;
  machine: MachineInfo;
  /** 1, 5 and 15 minute load averages when the run ended, to compare with the start. */
  loadAverageAtEnd: number[];
  phases: PhaseResult[];
}

function formatValue(value: number, unit: Unit): string {
  if (!Number.isFinite(value)) return 'n/a';
  switch (unit) {
    case 'ratio':
      return value.toFixed(3);
    case 'MB':
    case 'µs':
      return `${value.toFixed(1)} ${unit}`;
    case 'ms':
      if (value < 1) return `${value.toFixed(3)} ms`;
      return `${value < 10 ? value.toFixed(1) : Math.round(value).toLocaleString('en-US')} ms`;
    default:
      return `${Math.round(value).toLocaleString('en-US')} ${unit}`;
  }
}

function verdict(figure: Figure): string {
  if (figure.target === undefined) return '';
  const met = figure.higherIsBetter ? figure.value >= figure.target : figure.value <= figure.target;
  return Number.isFinite(figure.value) && met ? 'pass' : 'MISS';
}

export function formatReport(report: BenchReport): string {
  const m = report.machine;
  const load = (l: number[]): string => l.map((x) => x.toFixed(2)).join(' ');
  const head = [
    `SSE Lens benchmark, ${report.startedAt} (${(report.durationMs / 1000).toFixed(0)} s)`,
    `machine: ${m.cores} cores (${m.cpuModel}), ${m.memoryGiB.toFixed(1)} GiB; ${m.chromium}; ` +
      `Node ${m.node}`,
    `load average (1/5/15 min): ${load(m.loadAverage)} at start, ` +
      `${load(report.loadAverageAtEnd)} at end (other processes share these cores)`,
  ];
  const rows: string[][] = [['figure', 'value', 'target', 'result']];
  for (const phase of report.phases) {
    for (const f of phase.figures) {
      const target =
        f.target === undefined
          ? ''
          : `${f.higherIsBetter ? '≥' : '≤'} ${formatValue(f.target, f.unit)}`;
      rows.push([f.label, formatValue(f.value, f.unit), target, verdict(f)]);
    }
    if (phase.error !== undefined) rows.push([`${phase.name}: FAILED`, '', '', 'MISS']);
  }
  const widths = [0, 1, 2, 3].map((c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  const line = (r: string[]): string =>
    r
      .map((cell, c) => (c === 1 ? cell.padStart(widths[c] ?? 0) : cell.padEnd(widths[c] ?? 0)))
      .join('  ')
      .trimEnd();
  const [header = [], ...body] = rows;
  const notes = report.phases.flatMap((p) => [
    ...p.notes.map((n) => `${p.name}: ${n}`),
    ...(p.error === undefined ? [] : [`${p.name}: failed: ${p.error}`]),
  ]);
  return [
    ...head,
    '',
    line(header),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...body.map(line),
    '',
    'notes:',
    ...notes.map((n) => `- ${n}`),
  ].join('\n');
}

/** Writes the report as JSON (with pass/miss per figure) and returns the file's path. */
export function writeReport(report: BenchReport): string {
  const dir = resolve(import.meta.dirname, '../../bench-results');
  mkdirSync(dir, { recursive: true });
  const file = resolve(dir, `bench-${report.startedAt.replace(/[:.]/g, '-')}.json`);
  const phases = report.phases.map((p) => ({
    ...p,
    figures: p.figures.map((f) => ({ ...f, result: verdict(f) || undefined })),
  }));
  writeFileSync(file, `${JSON.stringify({ ...report, phases }, null, 2)}\n`);
  return file;
}
