// Code the benchmark runs inside the inspected page, as expression strings: tsx rewrites
// functions (it adds `__name` calls), so a serialized function would not run in a browser.

export interface TimedStream {
  /** `new EventSource` → the handler sees the last event, in page `performance.now()` ms. */
  ms: number;
  longTaskCount: number;
  longTaskMs: number;
}

/**
 * Opens `path`, waits for the event with id `lastId`, closes the stream, and resolves with
 * the time it took and the main thread's long tasks meanwhile. The handler does nothing else,
 * so the figure is the browser's (and any hook's) cost, not the page's own work.
 */
export function timeStream(path: string, lastId: number, timeoutMs: number): string {
  return withLongTasks(`new Promise((resolve, reject) => {
      const start = performance.now();
      const source = new EventSource(${JSON.stringify(path)});
      const timer = setTimeout(() => {
        source.close();
        reject(new Error('no event ${lastId} within ${timeoutMs} ms'));
      }, ${timeoutMs});
      source.onmessage = (event) => {
        if (event.lastEventId !== '${lastId}') return;
        const elapsed = performance.now() - start;
        clearTimeout(timer);
        source.close();
        resolve(elapsed);
      };
    })`);
}

export interface TimedFetch extends TimedStream {
  /** Body bytes the reader got: the same in every run, or a run lost data. */
  bytes: number;
  /** `read()` calls that returned a chunk: how finely the body reached the page. */
  reads: number;
}

/**
 * POSTs a small JSON body to `path` and reads the response with a reader to its end, counting
 * bytes and chunks; resolves with `fetch()` → the reader's `done`, and the long tasks meanwhile. Like
 * `timeStream`, the page does no other work with what it reads.
 */
export function timeFetch(path: string, timeoutMs: number): string {
  return withLongTasks(`(async () => {
      const controller = new AbortController();
      const timer = setTimeout(
        () => controller.abort(new Error('no last byte within ${timeoutMs} ms')),
        ${timeoutMs},
      );
      const start = performance.now();
      const response = await fetch(${JSON.stringify(path)}, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ prompt: 'bench' }),
        signal: controller.signal,
      });
      const reader = response.body.getReader();
      let bytes = 0;
      let reads = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        bytes += value.byteLength;
        reads += 1;
      }
      const elapsed = performance.now() - start;
      clearTimeout(timer);
      return { ms: elapsed, bytes, reads };
    })()`);
}

/**
 * Wraps `measured`, an expression for a promise of `ms` (a number, or an object with `ms` and
 * more fields), with a long-task observer: resolves with its fields plus the long tasks seen
 * until 50 ms after it settled.
 */
function withLongTasks(measured: string): string {
  return `(async () => {
    const longTasks = [];
    const observer = new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) longTasks.push(entry.duration);
    });
    observer.observe({ type: 'longtask' });
    const result = await ${measured};
    await new Promise((resolve) => setTimeout(resolve, 50));
    longTasks.push(...observer.takeRecords().map((entry) => entry.duration));
    observer.disconnect();
    return {
      ...(typeof result === 'number' ? { ms: result } : result),
      longTaskCount: longTasks.length,
      longTaskMs: longTasks.reduce((sum, d) => sum + d, 0),
    };
  })()`;
}

/**
 * Opens `path` and records, for event ids 1..count, the epoch time (timeOrigin + now, ms)
 * at which the page's handler got it, in `window.__benchTimes`; closes after id `count`.
 */
export function recordStream(path: string, count: number): string {
  return `(() => {
    const times = new Float64Array(${count + 1});
    const state = { times };
    const source = new EventSource(${JSON.stringify(path)});
    source.onmessage = (event) => {
      const id = Number(event.lastEventId);
      if (id >= 1 && id <= ${count}) times[id] = performance.timeOrigin + performance.now();
      if (id === ${count}) source.close();
    };
    window.__benchTimes = state;
  })()`;
}

/**
 * POSTs to `path` and reads the body to its end, recording in `window.__benchFetch` the
 * epoch ms of the request and of the last byte, and the bytes read.
 */
export function readFetchStream(path: string): string {
  return `(() => {
    const state = { start: performance.timeOrigin + performance.now(), end: 0, bytes: 0 };
    window.__benchFetch = state;
    fetch(${JSON.stringify(path)}, { method: 'POST' }).then(async (response) => {
      const reader = response.body.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        state.bytes += value.byteLength;
      }
      state.end = performance.timeOrigin + performance.now();
    });
  })()`;
}

/** `readFetchStream`'s record. */
export const FETCH_READ = 'window.__benchFetch';

/** True once `recordStream` has received event `count`. */
export function streamDone(count: number): string {
  return `window.__benchTimes.times[${count}] > 0`;
}

/** Receive times of ids `from`..`to` (inclusive), as a plain array. */
export function receiveTimes(from: number, to: number): string {
  return `Array.from(window.__benchTimes.times.subarray(${from}, ${to + 1}))`;
}
