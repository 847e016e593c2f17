// Phase 1, page overhead: the same page script receives 50,000 fast events in Chromium with
// SSE Lens loaded and in the same Chromium without it; runs alternate, timed in the page.
import type { BrowserContext } from '@playwright/test';
import { pairedRatios, sampleArms, withArms, type Arm } from './arms';
import { cpuFigures, timeBurst, type TimedBurst } from './burst-cpu';
import type { PhaseResult } from './report';
import { median } from './stats';
import type { Cleanup } from './time-limit';

const EVENTS = 50_000;
const EVENT_CHARS = 100;
const RUNS = 7;
const RUN_TIMEOUT_MS = 30_000;
/** Lets the page (and the extension's content script) finish loading before the stream. */
const SETTLE_MS = 250;

async function timeOnce(context: BrowserContext, origin: string, key: string): Promise<TimedBurst> {
  const page = await context.newPage();
  try {
    await page.goto(`${origin}/blank`);
    await page.waitForTimeout(SETTLE_MS);
    const path = `/sse/fast?count=${EVENTS}&size=${EVENT_CHARS}&key=${key}`;
    return await timeBurst(page, path, EVENTS, RUN_TIMEOUT_MS);
  } finally {
    await page.close();
  }
}

export function measureOverhead(origin: string, cleanup: Cleanup): Promise<PhaseResult> {
  return withArms(cleanup, async ({ contexts }) => {
    const samples = await sampleArms(contexts, RUNS, 'overhead', (context, key) =>
      timeOnce(context, origin, key),
    );
    const ms = (arm: Arm): number => median(samples[arm].map((s) => s.ms));
    const longTaskMs = (arm: Arm): number => median(samples[arm].map((s) => s.longTaskMs));
    const longTasks = (arm: Arm): number => median(samples[arm].map((s) => s.longTaskCount));
    const paired = pairedRatios(samples);
    const cpu = cpuFigures(samples, 'DevTools closed', EVENTS);
    return {
      name: 'page overhead',
      figures: [
        {
          label: `page: ${EVENTS} events, without extension (median)`,
          value: ms('plain'),
          unit: 'ms',
        },
        {
          label: `page: ${EVENTS} events, with SSE Lens (median)`,
          value: ms('extension'),
          unit: 'ms',
        },
        {
          label: 'page overhead ratio (with / without)',
          value: ms('extension') / ms('plain'),
          unit: 'ratio',
          target: 1.05,
        },
        {
          label: 'page long tasks, without (median total)',
          value: longTaskMs('plain'),
          unit: 'ms',
        },
        {
          label: 'page long tasks, with (median total)',
          value: longTaskMs('extension'),
          unit: 'ms',
        },
        ...cpu.figures,
      ],
      notes: [
        `${RUNS} runs per arm after one warm-up each, alternating; new EventSource → handler ` +
          `sees id ${EVENTS}, performance.now() in the page; handler does no other work`,
        `long tasks (> 50 ms) per run, median count: without ${longTasks('plain')}, ` +
          `with ${longTasks('extension')}; no DevTools open in either arm`,
        `per-run ratios (back-to-back pairs): median ${median(paired).toFixed(3)}, ` +
          `range ${Math.min(...paired).toFixed(3)}–${Math.max(...paired).toFixed(3)}`,
        ...cpu.notes,
      ],
      raw: { events: EVENTS, eventChars: EVENT_CHARS, samples },
    };
  });
}
