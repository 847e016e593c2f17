// `npm run bench` (issue 4): page overhead (EventSource and fetch streams), panel latency,
// panel scale and deep capture's cost, measured in one run on this machine with the built
// extension, then export and redaction timings (in Node); prints a table, writes
// bench-results/*.json.
import { loadavg } from 'node:os';
import { startScenarioServer } from '../../test/fixtures/scenario-server';
import { measureLatency } from './latency';
import { measureDeepCapture } from './deep-capture';
import { measureDevToolsBurst } from './devtools-burst';
import { measureExport } from './export';
import { measureFetchOverhead } from './fetch-overhead';
import { measureFlood } from './flood';
import { measureHookInstall } from './hook-install';
import { measureHookStages } from './hook-stages';
import { machineInfo } from './machine';
import { measureOverhead } from './overhead';
import { measureQuietPage } from './quiet-page';
import { formatReport, writeReport, type PhaseResult } from './report';
import { measureScale } from './scale';
import { Cleanup } from './time-limit';

/** The whole run (after the build) must end well within ten minutes. */
const TIME_LIMIT_MS = 540_000;

const cleanup = new Cleanup();
const abort = async (reason: string): Promise<void> => {
  console.error(`bench: ${reason}; closing browsers and the server`);
  await cleanup.closeAll();
  process.exit(1);
};
const watchdog = setTimeout(
  () => void abort(`over the ${TIME_LIMIT_MS / 1000} s limit`),
  TIME_LIMIT_MS,
);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void abort(`got ${signal}`));
}

const startedAt = new Date();
const machine = machineInfo();
const phases: PhaseResult[] = [];
try {
  const server = await startScenarioServer();
  cleanup.add(() => server.close());
  const runs = [
    ['page overhead', () => measureOverhead(server.origin, cleanup)],
    ['devtools burst', () => measureDevToolsBurst(server.origin, cleanup)],
    ['fetch overhead', () => measureFetchOverhead(server.origin, cleanup)],
    ['quiet page', () => measureQuietPage(server.origin, cleanup)],
    ['hook install', () => measureHookInstall(server.origin, cleanup)],
    ['hook install stages', () => measureHookStages(cleanup)],
    ['panel latency', () => measureLatency(server, cleanup)],
    ['panel scale', () => measureScale(server, cleanup)],
    ['flood', () => measureFlood(server.origin, cleanup)],
    ['deep capture', () => measureDeepCapture(server.origin, cleanup)],
    ['export', () => Promise.resolve(measureExport())],
  ] as const;
  // `npm run bench -- --only "page overhead,hook install"` runs just those phases.
  const onlyAt = process.argv.indexOf('--only');
  const only = onlyAt === -1 ? null : (process.argv[onlyAt + 1] ?? '').split(',');
  for (const [name, run] of runs) {
    if (only !== null && !only.includes(name)) continue;
    console.log(`bench: ${name}…`);
    try {
      phases.push(await run());
    } catch (e) {
      const error = e instanceof Error ? e.message : String(e);
      phases.push({ name, figures: [], notes: [], raw: {}, error });
    }
  }
} finally {
  clearTimeout(watchdog);
  await cleanup.closeAll();
}

const report = {
  startedAt: startedAt.toISOString(),
  durationMs: Date.now() - startedAt.getTime(),
  machine,
  loadAverageAtEnd: loadavg(),
  phases,
};
console.log(`\n${formatReport(report)}\n`);
console.log(`wrote ${writeReport(report)}`);
