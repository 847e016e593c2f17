// Phase 2, panel latency: a stream at 1,000 events/s with the SSE panel open, paced by the
// server's clock (each 1 ms tick writes what is due, so Node's timer resolution does not
// slow it); for each event, the time from the page's handler receiving it to the panel's DOM
// counting it.
import { latencies, type CountLog } from './count-log';
import type { ScenarioServer } from '../../test/fixtures/scenario-server';
import { COUNT_LOG, FRAME_COUNT, INSTALL_COUNT_LOG, frameRate } from './panel-scripts';
import { receiveTimes, recordStream, streamDone } from './page-scripts';
import { withPanelSession } from './panel-session';
import type { PhaseResult } from './report';
import { percentile } from '../../src/model/stats';
import type { Cleanup } from './time-limit';

const RATE = 1_000;
const SECONDS = 3;
const EVENTS = RATE * SECONDS;

export function measureLatency(server: ScenarioServer, cleanup: Cleanup): Promise<PhaseResult> {
  return withPanelSession(server.origin, cleanup, async ({ page, panel }) => {
    const fps = await panel.evaluate<number>(frameRate(1_000));
    const base = await panel.evaluate<number>(INSTALL_COUNT_LOG);
    const path = `/sse/flood?rate=${RATE}&seconds=${SECONDS}&tick=1&ids=1&key=bench-latency`;
    await page.evaluate(recordStream(path, EVENTS));
    await page.waitForFunction(streamDone(EVENTS), undefined, { timeout: 30_000, polling: 200 });
    await panel.waitFor<boolean>(
      `${FRAME_COUNT} >= ${base + EVENTS}`,
      'the panel to count every latency event',
      15_000,
    );
    const times = await page.evaluate<number[]>(receiveTimes(1, EVENTS));
    const log = await panel.evaluate<CountLog>(COUNT_LOG);
    const samples = latencies(times, log, base);
    const span = (times.at(-1) ?? NaN) - (times[0] ?? NaN);
    return {
      name: 'panel latency',
      figures: [
        {
          label: 'event rate the page received',
          value: ((EVENTS - 1) / span) * 1000,
          unit: 'events/s',
        },
        {
          label: 'panel latency p50 (page handler → panel DOM)',
          value: percentile(samples, 50) ?? NaN,
          unit: 'ms',
          target: 50,
        },
        {
          label: 'panel latency p95',
          value: percentile(samples, 95) ?? NaN,
          unit: 'ms',
          target: 100,
        },
        { label: 'panel latency max', value: percentile(samples, 100) ?? NaN, unit: 'ms' },
        { label: 'panel animation frames per second', value: fps, unit: 'fps' },
      ],
      notes: [
        `${samples.length} of ${EVENTS} events matched; /sse/flood at ${RATE}/s for ` +
          `${SECONDS} s, written every 1 ms tick (what is due by the clock)`,
        'page and panel times are both performance.timeOrigin + performance.now() on this ' +
          'machine, so the clocks agree; the end point is the DOM change (MutationObserver), ' +
          'paint follows within one frame',
      ],
      raw: { events: EVENTS, rate: RATE, base, latencies: samples, countLog: log },
    };
  });
}
