// Phase: what SSE Lens costs a page that never uses SSE (issue 11). The hook replaces
// EventTarget.prototype.addEventListener and Function.prototype.toString in every document,
// and both scripts run in every frame, so the same page loops and a page of 50 iframes run in
// Chromium with the extension and in the same Chromium without it; runs alternate (ABBA).
import type { BrowserContext } from '@playwright/test';
import { armOrder, withArms, type Arm } from './arms';
import { FRAMES_LOADED, timeAddEventListener, timeFunctionToString } from './quiet-page-scripts';
import type { Figure, PhaseResult } from './report';
import { median } from './stats';
import type { Cleanup } from './time-limit';

const CALLS = 1_000_000;
const FRAMES = 50;
const RUNS = 11;

type Samples = Record<Arm, number[]>;

const WORKLOADS = {
  addEventListener: {
    label: `${CALLS / 1e6}M addEventListener calls`,
    target: 1.02,
    path: '/blank',
    script: timeAddEventListener(CALLS),
  },
  toString: {
    label: `${CALLS / 1e6}M Function.prototype.toString calls`,
    target: undefined,
    path: '/blank',
    script: timeFunctionToString(CALLS),
  },
  frames: {
    label: `load with ${FRAMES} iframes`,
    target: 1.02,
    path: `/iframes?count=${FRAMES}`,
    script: FRAMES_LOADED,
  },
} as const;
type Workload = keyof typeof WORKLOADS;
const NAMES = Object.keys(WORKLOADS) as Workload[];

async function timeOnce(context: BrowserContext, origin: string, name: Workload): Promise<number> {
  const { path, script } = WORKLOADS[name];
  const page = await context.newPage();
  try {
    await page.goto(`${origin}${path}`);
    return await page.evaluate<number>(script);
  } finally {
    await page.close();
  }
}

const range = (xs: number[], digits: number): string =>
  `${Math.min(...xs).toFixed(digits)}–${Math.max(...xs).toFixed(digits)}`;

function figuresFor(name: Workload, samples: Samples): Figure[] {
  const { label, target } = WORKLOADS[name];
  const plain = median(samples.plain);
  const extension = median(samples.extension);
  return [
    { label: `quiet page: ${label}, without extension (median)`, value: plain, unit: 'ms' },
    { label: `quiet page: ${label}, with SSE Lens (median)`, value: extension, unit: 'ms' },
    {
      label: `quiet page: ${label}, ratio (with / without)`,
      value: extension / plain,
      unit: 'ratio',
      ...(target === undefined ? {} : { target }),
    },
  ];
}

function noteFor(name: Workload, samples: Samples): string {
  // Each run's two arms ran back to back, so their ratio cancels slow drifts in machine load.
  const paired = samples.extension.map((ms, i) => ms / (samples.plain[i] ?? NaN));
  return (
    `${WORKLOADS[name].label}: without ${range(samples.plain, 1)} ms, ` +
    `with ${range(samples.extension, 1)} ms; per-run ratios median ` +
    `${median(paired).toFixed(3)}, range ${range(paired, 3)}`
  );
}

export function measureQuietPage(origin: string, cleanup: Cleanup): Promise<PhaseResult> {
  return withArms(cleanup, async ({ contexts }) => {
    const noSamples = (): Samples => ({ extension: [], plain: [] });
    const samples: Record<Workload, Samples> = {
      addEventListener: noSamples(),
      toString: noSamples(),
      frames: noSamples(),
    };
    // Warm-up (caches, JIT, the extension's service worker), then ABBA-style alternation.
    for (const arm of ['extension', 'plain'] as const) {
      for (const name of NAMES) await timeOnce(contexts[arm], origin, name);
    }
    for (let run = 0; run < RUNS; run++) {
      for (const name of NAMES) {
        for (const arm of armOrder(run))
          samples[name][arm].push(await timeOnce(contexts[arm], origin, name));
      }
    }
    return {
      name: 'quiet page',
      figures: NAMES.flatMap((name) => figuresFor(name, samples[name])),
      notes: [
        `${RUNS} runs per arm after one warm-up each, alternating, a new page per run, ` +
          `timed with performance.now() in the page; no DevTools open; the page never ` +
          `touches EventSource`,
        `loops: one listener over a div, the window and the document, eight event types; ` +
          `toString over a function declaration, an arrow function and a method`,
        `iframes: /iframes adds ${FRAMES} same-origin /blank frames while it parses; the ` +
          `figure is navigation start → the last frame's load event`,
        ...NAMES.map((name) => noteFor(name, samples[name])),
      ],
      raw: { calls: CALLS, frames: FRAMES, samples },
    };
  });
}
