// Code the benchmark runs inside the real SSE panel document (through DevTools), as expression
// strings. Times are taken in the panel itself, so CDP round trips never count.

/** The toolbar's total frame count (digits only, in case it is ever formatted). */
export const FRAME_COUNT = `Number(document.querySelector('[data-testid=frame-count]').textContent.replace(/\\D/g, ''))`;

/**
 * Logs [epoch ms, frame count] whenever the count's text changes, in `window.__benchCounts`.
 * A MutationObserver callback runs right after the render that changed the DOM, before paint.
 */
export const INSTALL_COUNT_LOG = `(() => {
  const element = document.querySelector('[data-testid=frame-count]');
  const log = [];
  new MutationObserver(() => {
    log.push([performance.timeOrigin + performance.now(), ${FRAME_COUNT}]);
  }).observe(element, { subtree: true, childList: true, characterData: true });
  window.__benchCounts = log;
  return ${FRAME_COUNT};
})()`;

export const COUNT_LOG = 'window.__benchCounts';

/** Animation frames the panel runs per second, measured over `ms`. */
export function frameRate(ms: number): string {
  return `new Promise((resolve) => {
    let frames = 0;
    const start = performance.now();
    const tick = () => {
      frames += 1;
      if (performance.now() - start < ${ms}) requestAnimationFrame(tick);
      else resolve((frames * 1000) / (performance.now() - start));
    };
    requestAnimationFrame(tick);
  })`;
}

export interface RenderTiming {
  /** Action → the DOM shows the expected rows, laid out (forced synchronous layout). */
  domMs: number;
  /** Action → two animation frames later: the frame with the new rows has been painted. */
  frameMs: number;
  /** Event ids of the rows in the DOM afterwards, in order. */
  rowIds: string[];
  /** The toolbar's "N shown" text, or null when no filter is active. */
  shown: string | null;
}

/**
 * Runs `act` (statements), then resolves once `ready` (an expression, re-checked on every DOM
 * change) holds, with the timings above; rejects after `timeoutMs`.
 */
function timeRender(act: string, ready: string, timeoutMs: number): string {
  return `(async () => {
    const rows = () => [...document.querySelectorAll('[data-testid=frame-row]')];
    const ready = () => ${ready};
    const start = performance.now();
    const rendered = new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        observer.disconnect();
        reject(new Error('the panel did not render within ${timeoutMs} ms'));
      }, ${timeoutMs});
      const observer = new MutationObserver(() => {
        if (!ready()) return;
        observer.disconnect();
        clearTimeout(timer);
        resolve(performance.now());
      });
      observer.observe(document.body, {
        subtree: true, childList: true, characterData: true, attributes: true,
      });
    });
    ${act}
    const domAt = await rendered;
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    const frameAt = performance.now();
    return {
      domMs: domAt - start,
      frameMs: frameAt - start,
      rowIds: rows().map((row) => row.dataset.eventId),
      shown: document.querySelector('.toolbar .shown')?.textContent ?? null,
    };
  })()`;
}

const FILTER_INPUT = `document.querySelector('input[placeholder="Filter (text or /regex/)"]')`;

function setFilter(text: string): string {
  return `const input = ${FILTER_INPUT};
    input.value = ${JSON.stringify(text)};
    input.dispatchEvent(new Event('input', { bubbles: true }));`;
}

/** Types `text` into the filter; ready when every row's event id starts with `idPrefix`. */
export function applyFilter(text: string, idPrefix: string, timeoutMs: number): string {
  return timeRender(
    setFilter(text),
    `document.querySelector('.toolbar .shown') !== null && rows().length > 0 &&
      rows().every((row) => row.dataset.eventId.startsWith(${JSON.stringify(idPrefix)}))`,
    timeoutMs,
  );
}

/** Empties the filter; ready when the "shown" count is gone and at least `minRows` rows are. */
export function clearFilter(minRows: number, timeoutMs: number): string {
  return timeRender(
    setFilter(''),
    `document.querySelector('.toolbar .shown') === null && rows().length >= ${minRows}`,
    timeoutMs,
  );
}

/**
 * Jumps the frames table's scroll container to the middle; ready when a row is laid out
 * across the viewport's top edge (the virtualizer rendered rows for the new position).
 */
export function scrollToMiddle(timeoutMs: number): string {
  return timeRender(
    `const scroller = document.querySelector('.frames-scroll');
    scroller.scrollTop = Math.floor((scroller.scrollHeight - scroller.clientHeight) / 2);`,
    `(() => {
      const top = document.querySelector('.frames-scroll').getBoundingClientRect().top + 1;
      return rows().some((row) => {
        const box = row.getBoundingClientRect();
        return box.top <= top && box.bottom > top;
      });
    })()`,
    timeoutMs,
  );
}

export interface HeapReading {
  beforeGcBytes: number;
  afterGcBytes: number;
  /** False when `gc()` was not exposed (no --js-flags=--expose-gc): afterGc is then uncollected. */
  collected: boolean;
}

/** The panel isolate's used JS heap (needs --enable-precise-memory-info), before and after GC. */
export const HEAP = `(() => {
  const used = () => performance.memory.usedJSHeapSize;
  const beforeGcBytes = used();
  const collected = typeof gc === 'function';
  if (collected) gc();
  return { beforeGcBytes, afterGcBytes: used(), collected };
})()`;

/** The toolbar's notices (frames evicted, not recorded while paused), as text. */
export const NOTICES = `[...document.querySelectorAll('.toolbar .notice')].map((n) => n.textContent)`;
