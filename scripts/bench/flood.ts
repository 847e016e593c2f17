// Phase: what a 100,000 events/s flood costs the page. The same 2 s flood runs in Chromium
// with DevTools open on the SSE panel and in the same Chromium without the extension with
// DevTools open (DevTools records EventSource messages itself); runs alternate. The page's
// longest long task and its event rate are the figures: Chromium empties a backlog of
// received data in one task, so the longest task grows with the cost per event.
import {
  floodResult,
  longest,
  startFlood,
  type FloodResult,
} from '../../test/e2e/support/flood-page';
import { armOrder, withArms, type Arm } from './arms';
import { openArmDevTools } from './devtools-arms';
import type { PhaseResult } from './report';
import { median } from './stats';
import type { Cleanup } from './time-limit';

const RATE = 100_000;
const SECONDS = 2;
const RUNS = 3;
const RUN_TIMEOUT_MS = 90_000;

export function measureFlood(origin: string, cleanup: Cleanup): Promise<PhaseResult> {
  return withArms(cleanup, async (arms) => {
    const once = async (arm: Arm, run: number): Promise<FloodResult> => {
      const page = await arms.contexts[arm].newPage();
      try {
        await page.goto(`${origin}/blank`);
        await openArmDevTools(arms, arm, page);
        await startFlood(
          page,
          `/sse/flood?rate=${RATE}&seconds=${SECONDS}&key=bench-${arm}-${run}`,
        );
        return await floodResult(page, RUN_TIMEOUT_MS);
      } finally {
        await page.close();
      }
    };
    const samples: Record<Arm, FloodResult[]> = { extension: [], plain: [] };
    for (let run = 0; run < RUNS; run++) {
      for (const arm of armOrder(run)) samples[arm].push(await once(arm, run));
    }
    const longestMs = (arm: Arm): number[] => samples[arm].map(longest);
    const rate = (arm: Arm): number[] =>
      samples[arm].map((s) => Math.round((s.received * 1000) / s.pageMs));
    const range = (xs: number[]): string => `${Math.min(...xs)}–${Math.max(...xs)}`;
    return {
      name: 'flood',
      figures: [
        {
          label: 'flood: longest page task, without (median)',
          value: median(longestMs('plain')),
          unit: 'ms',
        },
        {
          label: 'flood: longest page task, with SSE Lens (median)',
          value: median(longestMs('extension')),
          unit: 'ms',
        },
        {
          label: 'flood: longest task added by capture (median)',
          value: median(longestMs('extension')) - median(longestMs('plain')),
          unit: 'ms',
          target: 200,
        },
        {
          label: 'flood: events/s reaching the page, without',
          value: median(rate('plain')),
          unit: 'events/s',
        },
        {
          label: 'flood: events/s reaching the page, with',
          value: median(rate('extension')),
          unit: 'events/s',
        },
      ],
      notes: [
        `${RUNS} runs per arm, alternating; /sse/flood at ${RATE}/s for ${SECONDS} s; DevTools ` +
          'open in both arms (on the SSE panel with the extension)',
        `longest task per run: without ${range(longestMs('plain'))} ms, with ` +
          `${range(longestMs('extension'))} ms; events/s without ${range(rate('plain'))}, ` +
          `with ${range(rate('extension'))}`,
      ],
      raw: { rate: RATE, seconds: SECONDS, samples },
    };
  });
}
