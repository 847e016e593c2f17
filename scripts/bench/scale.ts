// Phase 3, panel scale: 1,000,000 frames (the panel's default cap) into the open SSE panel,
// read by the page from one POST fetch stream so the browser's EventSource dispatch rate
// (about 20k events/s here) does not bound the figure; ingest time end to end (request →
// the panel counts the last frame), the panel's JS heap, then a text filter and a scroll jump
// timed inside the panel.
import type { ScenarioServer } from '../../test/fixtures/scenario-server';
import { firstAtLeast, type CountLog } from './count-log';
import { FETCH_READ, readFetchStream } from './page-scripts';
import {
  COUNT_LOG,
  FRAME_COUNT,
  HEAP,
  INSTALL_COUNT_LOG,
  NOTICES,
  applyFilter,
  clearFilter,
  scrollToMiddle,
  type HeapReading,
  type RenderTiming,
} from './panel-scripts';
import { withPanelSession, type PanelSession } from './panel-session';
import type { Figure, PhaseResult } from './report';
import type { Cleanup } from './time-limit';

const FRAMES = 1_000_000;
const EVENT_CHARS = 100;
/** Matches `{"n":1234,…}`, 12340–12349, 123400–123499 and 1234000–1234999 (none past 1M). */
const FILTER_TEXT = '"n":1234';
const FILTER_ID_PREFIX = '1234';
const INGEST_TIMEOUT_MS = 120_000;
/** Ingest is given up when the panel's count has not moved for this long. */
const STALL_MS = 15_000;
const RENDER_TIMEOUT_MS = 10_000;
const MB = 1024 * 1024;

/** Polls the panel's count until it reaches `target`, stalls or the timeout passes. */
async function waitForIngest({ panel }: PanelSession, target: number): Promise<number> {
  const deadline = Date.now() + INGEST_TIMEOUT_MS;
  let count = -1;
  let movedAt = Date.now();
  while (count < target && Date.now() < deadline && Date.now() - movedAt < STALL_MS) {
    await new Promise((r) => setTimeout(r, 1_000));
    const now = await panel.evaluate<number>(FRAME_COUNT);
    if (now !== count) movedAt = Date.now();
    count = now;
  }
  return count;
}

function renderFigures(what: string, timing: RenderTiming | undefined, target?: number): Figure[] {
  return [
    { label: `${what} → rows in DOM, laid out`, value: timing?.domMs ?? NaN, unit: 'ms', target },
    { label: `${what} → next frame painted (2 rAF)`, value: timing?.frameMs ?? NaN, unit: 'ms' },
  ];
}

/** Runs one measurement; a failure becomes a note, so the figures before it still count. */
async function step<T>(
  what: string,
  notes: string[],
  run: () => Promise<T>,
): Promise<T | undefined> {
  try {
    return await run();
  } catch (e) {
    notes.push(`${what} failed: ${e instanceof Error ? e.message : String(e)}`);
    return undefined;
  }
}

export function measureScale(server: ScenarioServer, cleanup: Cleanup): Promise<PhaseResult> {
  return withPanelSession(server.origin, cleanup, async (session) => {
    const { page, panel } = session;
    const base = await panel.evaluate<number>(INSTALL_COUNT_LOG);
    const path = `/fetch/fast?count=${FRAMES}&size=${EVENT_CHARS}&key=bench-scale`;
    await page.evaluate(readFetchStream(path));
    const counted = (await waitForIngest(session, base + FRAMES)) - base;
    const read = await page.evaluate<{ start: number; end: number; bytes: number }>(FETCH_READ);
    const log = await panel.evaluate<CountLog>(COUNT_LOG);
    const done = firstAtLeast(log, base + FRAMES) ?? log.at(-1);
    const ingestMs = (done?.[0] ?? NaN) - read.start;
    const notices = await panel.evaluate<string[]>(NOTICES);

    const notes: string[] = [];
    const heap = await step('heap', notes, () => panel.evaluate<HeapReading>(HEAP));
    const filter = await step('filter', notes, () =>
      panel.evaluate<RenderTiming>(applyFilter(FILTER_TEXT, FILTER_ID_PREFIX, RENDER_TIMEOUT_MS)),
    );
    const unfilter = await step('clear filter', notes, () =>
      panel.evaluate<RenderTiming>(clearFilter(1, RENDER_TIMEOUT_MS)),
    );
    const scroll = await step('scroll jump', notes, () =>
      panel.evaluate<RenderTiming>(scrollToMiddle(RENDER_TIMEOUT_MS)),
    );

    return {
      name: 'panel scale',
      figures: [
        {
          label: `page: POST fetch → last of ${FRAMES} events read, panel open`,
          value: read.end > 0 ? read.end - read.start : NaN,
          unit: 'ms',
        },
        {
          label: `panel ingest: page's request → count ${counted}`,
          value: ingestMs,
          unit: 'ms',
        },
        {
          label: 'panel ingest rate, end to end',
          value: (counted / ingestMs) * 1000,
          unit: 'frames/s',
          target: 50_000,
          higherIsBetter: true,
        },
        ...renderFigures(`filter '${FILTER_TEXT}'`, filter, 150),
        ...renderFigures('clear filter', unfilter),
        ...renderFigures('scroll jump to the middle', scroll, 50),
        {
          label: `panel JS heap after ${heap?.collected === false ? 'ingest (no gc())' : 'GC'}`,
          value: (heap?.afterGcBytes ?? NaN) / MB,
          unit: 'MB',
          target: 400,
        },
        { label: 'panel JS heap before GC', value: (heap?.beforeGcBytes ?? NaN) / MB, unit: 'MB' },
      ],
      notes: [
        ...notes,
        `page read ${read.bytes} bytes, panel counted ${counted} of ${FRAMES}` +
          (notices.length > 0 ? `; panel notices: ${notices.join('; ')}` : ''),
        `filter showed "${filter?.shown ?? '?'}", ${filter?.rowIds.length ?? 0} rows in the ` +
          `DOM; after the scroll jump the DOM holds rows ${scroll?.rowIds[0] ?? '?'}–` +
          `${scroll?.rowIds.at(-1) ?? '?'} (${scroll?.rowIds.length ?? 0} rows)`,
        'heap is performance.memory.usedJSHeapSize of the extension renderer isolate (panel ' +
          'and devtools page), with --enable-precise-memory-info',
      ],
      raw: {
        frames: FRAMES,
        eventChars: EVENT_CHARS,
        base,
        counted,
        read,
        heap,
        filter,
        unfilter,
        scroll,
      },
    };
  });
}
