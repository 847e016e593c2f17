// Phase: what installing the page hook costs one document (issue 11). A Chromium trace
// (devtools.timeline) of many loads of a blank page names the extension's scripts, so the
// hook's own EvaluateScript (compile + run of page-hook.js at document_start) is measured
// directly per document instead of as a small difference between two noisy page loads.
import { launchWithExtension } from '../../test/e2e/support/chromium';
import type { PhaseResult } from './report';
import { median } from './stats';
import type { Cleanup } from './time-limit';

const LOADS = 60;
const WARMUP_LOADS = 5;

interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  /** Wall and thread (CPU) durations of complete ('X') events, µs. */
  dur?: number;
  tdur?: number;
  tid: number;
  args?: { data?: { url?: string } };
}

/** Complete events of `script` not nested in another such event, in trace order. */
function outermost(events: TraceEvent[], script: string): TraceEvent[] {
  const own = events
    .filter((e) => e.ph === 'X' && e.args?.data?.url?.endsWith(script) === true)
    .sort((a, b) => a.ts - b.ts);
  const endOf = new Map<number, number>();
  return own.filter((e) => {
    if (e.ts < (endOf.get(e.tid) ?? -Infinity)) return false;
    endOf.set(e.tid, e.ts + (e.dur ?? 0));
    return true;
  });
}

const ms = (us: number | undefined): number => (us ?? NaN) / 1000;
const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);
const range = (xs: number[]): string =>
  `${Math.min(...xs).toFixed(3)}–${Math.max(...xs).toFixed(3)} ms`;

export async function measureHookInstall(origin: string, cleanup: Cleanup): Promise<PhaseResult> {
  const ext = await launchWithExtension();
  const closeExt = cleanup.add(() => ext.close());
  try {
    const browser = ext.context.browser();
    if (!browser) throw new Error('Chromium exposes no browser object for tracing');
    const page = await ext.context.newPage();
    for (let i = 0; i < WARMUP_LOADS; i++) await page.goto(`${origin}/blank?warmup=${i}`);
    await browser.startTracing(page, { categories: ['devtools.timeline'] });
    for (let i = 0; i < LOADS; i++) await page.goto(`${origin}/blank?load=${i}`);
    const trace = JSON.parse((await browser.stopTracing()).toString('utf8')) as {
      traceEvents: TraceEvent[];
    };
    const hook = outermost(trace.traceEvents, '/page-hook.js');
    const installs = hook.filter((e) => e.name === 'EvaluateScript');
    if (installs.length !== LOADS) {
      throw new Error(`traced ${installs.length} hook installs in ${LOADS} loads`);
    }
    const wall = installs.map((e) => ms(e.dur));
    const cpu = installs.map((e) => ms(e.tdur));
    const content = outermost(trace.traceEvents, '/content-script.js')
      .filter((e) => e.name === 'EvaluateScript')
      .map((e) => ms(e.dur));
    const hookTotalPerDocument = sum(hook.map((e) => ms(e.dur))) / LOADS;
    return {
      name: 'hook install',
      figures: [
        {
          label: 'hook install per document (median, wall)',
          value: median(wall),
          unit: 'ms',
          target: 0.5,
        },
        { label: 'hook install per document (median, CPU)', value: median(cpu), unit: 'ms' },
        {
          label: 'all page-hook.js tasks per document (mean)',
          value: hookTotalPerDocument,
          unit: 'ms',
        },
        {
          label: 'content script evaluation per document (median)',
          value: median(content),
          unit: 'ms',
        },
      ],
      notes: [
        `${LOADS} loads of /blank in one tab after ${WARMUP_LOADS} untraced ones, traced ` +
          `(devtools.timeline); install = the EvaluateScript event of page-hook.js ` +
          `(compile + run at document_start), wall range ${range(wall)}, CPU range ` +
          `${range(cpu)}; tracing itself adds a little to each event`,
        `all page-hook.js tasks = install plus its later calls (handshake with the content ` +
          `script, batch flushes), summed over the trace and divided by the loads; the ` +
          `content script (isolated world) is the extension's other per-document cost`,
      ],
      raw: { loads: LOADS, installWallMs: wall, installCpuMs: cpu, contentScriptMs: content },
    };
  } finally {
    await closeExt();
  }
}
