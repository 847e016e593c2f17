// Page overhead for a fetch stream (issue 10): the same page POSTs for 50,000 small SSE events
// and reads them with a reader to the last byte, in Chromium with SSE Lens loaded and without
// it; runs alternate, timed in the page. The hook wraps fetch and reads every stream body the
// page reads, so this is what the capture costs a chat-style client.
import type { BrowserContext } from '@playwright/test';
import { pairedRatios, sampleArms, withArms, type Arm } from './arms';
import { cpuFigures, timeWithCpu, type TimedBurst } from './burst-cpu';
import { timeFetch, type TimedFetch } from './page-scripts';
import type { PhaseResult } from './report';
import { median } from './stats';
import type { Cleanup } from './time-limit';

const EVENTS = 50_000;
const EVENT_CHARS = 100;
/** Even, so each arm goes first equally often; runs are short, so more of them than EventSource. */
const RUNS = 10;
const RUN_TIMEOUT_MS = 30_000;
/**
 * Lets the page (and the extension's content script) finish loading before the stream. With
 * 250 ms the arm without SSE Lens was still slowed by its start (a median of 194–239 ms against
 * 100–131 ms after a longer wait), which made the ratio read 0.64–0.84.
 */
const SETTLE_MS = 1_000;

type Sample = TimedFetch & TimedBurst;

async function timeOnce(context: BrowserContext, origin: string, key: string): Promise<Sample> {
  const page = await context.newPage();
  try {
    await page.goto(`${origin}/blank`);
    await page.waitForTimeout(SETTLE_MS);
    const path = `/fetch/fast?count=${EVENTS}&size=${EVENT_CHARS}&key=${key}`;
    return await timeWithCpu<TimedFetch>(page, timeFetch(path, RUN_TIMEOUT_MS));
  } finally {
    await page.close();
  }
}

/** Every run must have read the same body; a short read would make a fast run a false win. */
function checkBytes(samples: Record<Arm, Sample[]>): number {
  const sizes = new Set([...samples.extension, ...samples.plain].map((s) => s.bytes));
  const [bytes] = sizes;
  if (sizes.size !== 1 || bytes === undefined) {
    throw new Error(`fetch runs read different body sizes: ${[...sizes].join(', ')} bytes`);
  }
  return bytes;
}

export function measureFetchOverhead(origin: string, cleanup: Cleanup): Promise<PhaseResult> {
  return withArms(cleanup, async ({ contexts }) => {
    const samples = await sampleArms(contexts, RUNS, 'fetch-overhead', (context, key) =>
      timeOnce(context, origin, key),
    );
    const bytes = checkBytes(samples);
    const ms = (arm: Arm): number => median(samples[arm].map((s) => s.ms));
    const longTasks = (arm: Arm): number => median(samples[arm].map((s) => s.longTaskCount));
    const reads = (arm: Arm): number => median(samples[arm].map((s) => s.reads));
    const paired = pairedRatios(samples);
    const cpu = cpuFigures(samples, 'fetch', EVENTS);
    return {
      name: 'fetch overhead',
      figures: [
        {
          label: `fetch: POST, ${EVENTS} events read to the last byte, without (median)`,
          value: ms('plain'),
          unit: 'ms',
        },
        {
          label: `fetch: POST, ${EVENTS} events read to the last byte, with (median)`,
          value: ms('extension'),
          unit: 'ms',
        },
        {
          label: 'fetch overhead ratio (with / without)',
          value: ms('extension') / ms('plain'),
          unit: 'ratio',
          target: 1.05,
        },
        ...cpu.figures,
      ],
      notes: [
        `${RUNS} runs per arm after one warm-up each, alternating; fetch() POST → reader done, ` +
          `${bytes.toLocaleString('en-US')} body bytes every run, performance.now() in the ` +
          `page; the page only counts bytes`,
        `long tasks (> 50 ms) per run, median count: without ${longTasks('plain')}, ` +
          `with ${longTasks('extension')}; no DevTools open in either arm`,
        `chunks the page's reader got per run, median: without ${reads('plain')}, ` +
          `with ${reads('extension')}`,
        `per-run ratios (back-to-back pairs): median ${median(paired).toFixed(3)}, ` +
          `range ${Math.min(...paired).toFixed(3)}–${Math.max(...paired).toFixed(3)}`,
        ...cpu.notes,
      ],
      raw: { events: EVENTS, eventChars: EVENT_CHARS, bytes, samples },
    };
  });
}
