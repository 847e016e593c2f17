// Phase "deep capture": what deep capture (chrome.debugger on the tab) costs the page. One
// Chromium with a build whose debugger permission is granted, the panel open on the tab in
// both arms; the same 50,000-event burst is timed in the page with the switch on and off,
// alternating, so the ratio is deep capture's alone.
import { launchWithExtension } from '../../test/e2e/support/chromium';
import { buildWithDeepCaptureGranted } from '../../test/e2e/support/deep-capture-build';
import { armOrder } from './arms';
import { timeStream, type TimedStream } from './page-scripts';
import type { PhaseResult } from './report';
import { median } from './stats';
import type { Cleanup } from './time-limit';

const EVENTS = 50_000;
const EVENT_CHARS = 100;
const RUNS = 5;
const RUN_TIMEOUT_MS = 60_000;
const SETTLE_MS = 250;

type Switch = 'on' | 'off';

export async function measureDeepCapture(origin: string, cleanup: Cleanup): Promise<PhaseResult> {
  const build = buildWithDeepCaptureGranted();
  cleanup.add(() => Promise.resolve(build.remove()));
  const ext = await launchWithExtension({ extensionDir: build.dir });
  const close = cleanup.add(() => ext.close());
  try {
    const page = await ext.context.newPage();
    await page.goto(`${origin}/blank`);
    const tabId = await ext.tabIdOf(page);
    const panel = await ext.context.newPage();
    await panel.goto(`chrome-extension://${ext.extensionId}/panel.html?tabId=${tabId}`);
    const toggle = panel.locator('[data-testid=deep-capture-toggle]');
    await toggle.waitFor();
    const set = async (to: Switch): Promise<void> => {
      if ((await toggle.getAttribute('data-state')) !== to) await toggle.click();
      await panel.waitForFunction(
        (state) =>
          document
            .querySelector('[data-testid=deep-capture-toggle]')
            ?.getAttribute('data-state') === state,
        to,
      );
    };
    const timeOnce = async (to: Switch, key: string): Promise<TimedStream> => {
      await set(to);
      await page.bringToFront();
      await page.goto(`${origin}/blank`);
      await page.waitForTimeout(SETTLE_MS);
      const path = `/sse/fast?count=${EVENTS}&size=${EVENT_CHARS}&key=${key}`;
      return page.evaluate<TimedStream>(timeStream(path, EVENTS, RUN_TIMEOUT_MS));
    };
    const samples: Record<Switch, TimedStream[]> = { on: [], off: [] };
    for (const to of ['on', 'off'] as const) await timeOnce(to, `deep-warmup-${to}`);
    for (let run = 0; run < RUNS; run++) {
      // armOrder alternates which arm goes first: 'extension' stands for the switch on.
      for (const arm of armOrder(run)) {
        const to: Switch = arm === 'extension' ? 'on' : 'off';
        samples[to].push(await timeOnce(to, `deep-${to}-${run}`));
      }
    }
    return report(samples);
  } finally {
    await close();
  }
}

function report(samples: Record<Switch, TimedStream[]>): PhaseResult {
  const ms = (to: Switch): number => median(samples[to].map((s) => s.ms));
  const paired = samples.on.map((s, i) => s.ms / (samples.off[i]?.ms ?? NaN));
  return {
    name: 'deep capture',
    figures: [
      { label: `page: ${EVENTS} events, deep capture off (median)`, value: ms('off'), unit: 'ms' },
      { label: `page: ${EVENTS} events, deep capture on (median)`, value: ms('on'), unit: 'ms' },
      { label: 'deep capture cost ratio (on / off)', value: ms('on') / ms('off'), unit: 'ratio' },
    ],
    notes: [
      `${RUNS} runs per arm after one warm-up each, alternating, in one Chromium with the ` +
        'debugger permission granted and the panel open on the tab in both arms',
      `per-run ratios (back-to-back pairs): median ${median(paired).toFixed(3)}, ` +
        `range ${Math.min(...paired).toFixed(3)}–${Math.max(...paired).toFixed(3)}`,
    ],
    raw: { events: EVENTS, eventChars: EVENT_CHARS, samples },
  };
}
