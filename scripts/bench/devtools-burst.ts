// Phase: the page-overhead burst (50,000 events) with DevTools open in both arms: on the SSE
// panel with the extension, on DevTools' default panel without it. What the page pays while
// someone is watching, and how long after the page's last event the panel has shown it all.
import type { DevToolsPanel } from '../../test/e2e/support/devtools-panel';
import { armOrder, withArms, type Arm } from './arms';
import { FRAME_COUNT } from './panel-scripts';
import { DEVTOOLS_SETTLE_MS, openArmDevTools } from './devtools-arms';
import { cpuFigures, timeBurst, type TimedBurst } from './burst-cpu';
import type { PhaseResult } from './report';
import { median } from './stats';
import type { Cleanup } from './time-limit';

const EVENTS = 50_000;
const EVENT_CHARS = 100;
const RUNS = 5;
const RUN_TIMEOUT_MS = 60_000;
/** The panel must show every frame within this long after the page's last event. */
const CATCH_UP_TIMEOUT_MS = 30_000;

interface Sample extends TimedBurst {
  /** Page's last event → the panel counts all frames (extension arm only). */
  catchUpMs?: number;
}

async function waitForCount(panel: DevToolsPanel, count: number): Promise<number> {
  const start = Date.now();
  await panel.waitFor(
    `${FRAME_COUNT} >= ${count}`,
    `${count} frames in the panel`,
    CATCH_UP_TIMEOUT_MS,
  );
  return Date.now() - start;
}

export function measureDevToolsBurst(origin: string, cleanup: Cleanup): Promise<PhaseResult> {
  return withArms(cleanup, async (arms) => {
    const once = async (arm: Arm, key: string): Promise<Sample> => {
      const page = await arms.contexts[arm].newPage();
      try {
        await page.goto(`${origin}/blank`);
        const panel = await openArmDevTools(arms, arm, page);
        const base = panel === null ? 0 : await panel.evaluate<number>(FRAME_COUNT);
        const path = `/sse/fast?count=${EVENTS}&size=${EVENT_CHARS}&key=${key}`;
        const timed = await timeBurst(page, path, EVENTS, RUN_TIMEOUT_MS);
        if (panel === null) return timed;
        return { ...timed, catchUpMs: await waitForCount(panel, base + EVENTS) };
      } finally {
        await page.close();
      }
    };
    const samples: Record<Arm, Sample[]> = { extension: [], plain: [] };
    for (const arm of ['extension', 'plain'] as const) await once(arm, `devtools-warmup-${arm}`);
    for (let run = 0; run < RUNS; run++) {
      for (const arm of armOrder(run)) samples[arm].push(await once(arm, `devtools-${arm}-${run}`));
    }
    const ms = (arm: Arm): number[] => samples[arm].map((s) => s.ms);
    const paired = samples.extension.map((s, i) => s.ms / (samples.plain[i]?.ms ?? NaN));
    const catchUp = samples.extension.map((s) => s.catchUpMs ?? NaN);
    const cpu = cpuFigures(samples, 'DevTools open', EVENTS);
    const range = (xs: number[], digits = 0): string =>
      `${Math.min(...xs).toFixed(digits)}–${Math.max(...xs).toFixed(digits)}`;
    return {
      name: 'devtools burst',
      figures: [
        {
          label: `DevTools open: ${EVENTS} events, without extension (median)`,
          value: median(ms('plain')),
          unit: 'ms',
        },
        {
          label: `DevTools open on SSE: ${EVENTS} events, with (median)`,
          value: median(ms('extension')),
          unit: 'ms',
        },
        {
          label: 'DevTools open: page ratio (with / without)',
          value: median(ms('extension')) / median(ms('plain')),
          unit: 'ratio',
          target: 1.1,
        },
        {
          label: "panel shows every frame, after the page's last event (median)",
          value: median(catchUp),
          unit: 'ms',
        },
        ...cpu.figures,
      ],
      notes: [
        `${RUNS} runs per arm after one warm-up each, alternating; DevTools opened per run ` +
          '(on the SSE panel with the extension, its default panel without), loaded and ' +
          `settled for ${DEVTOOLS_SETTLE_MS} ms in both arms; page timing as in the ` +
          'page-overhead phase',
        `per-run ratios (back-to-back pairs): median ${median(paired).toFixed(3)}, range ` +
          `${range(paired, 3)}; without ${range(ms('plain'))} ms, with ${range(ms('extension'))} ms; ` +
          `catch-up ${range(catchUp)} ms`,
        ...cpu.notes,
      ],
      raw: { events: EVENTS, eventChars: EVENT_CHARS, samples },
    };
  });
}
