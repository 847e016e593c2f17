// Firefox's deep capture with a fake webRequest: every chunk reaches the page first and
// unchanged, the streams to follow are chosen by the page hook's Content-Type rules, the end
// says whether the page aborted, requests of no tab reach tabs of their origin as workers of
// unknown tab, and turning the switch off removes every listener and lets go of every filter.
import { describe, expect, it } from 'vitest';
import { createFilterCapture, NOT_GRANTED } from '../../src/deep-capture/firefox-filter';
import type { SessionStorage } from '../../src/deep-capture/debugger-api';
import { tabSettings } from '../../src/deep-capture/tab-settings';
import type {
  RequestDetails,
  RequestFilter,
  StreamFilter,
  WebRequestApi,
  WebRequestEvent,
} from '../../src/deep-capture/web-request-api';
import type { WireRecord } from '../../src/deep-capture/wire-records';
import type { BackgroundToPanel, MessageOf } from '../../src/protocol/messages';

type Listener = (details: RequestDetails) => void;

class FakeEvent implements WebRequestEvent {
  readonly listeners: { listener: Listener; filter: RequestFilter; extra?: string[] }[] = [];
  addListener(listener: Listener, filter: RequestFilter, extra?: string[]): void {
    this.listeners.push({ listener, filter, extra });
  }
  removeListener(listener: Listener): void {
    const i = this.listeners.findIndex((l) => l.listener === listener);
    if (i >= 0) this.listeners.splice(i, 1);
  }
  fire(details: RequestDetails): void {
    for (const { listener, filter } of [...this.listeners]) {
      if (filter.tabId !== undefined && filter.tabId !== details.tabId) continue;
      if (filter.types && !filter.types.includes(details.type)) continue;
      listener(details);
    }
  }
}

class FakeFilter implements StreamFilter {
  ondata: ((event: { data: ArrayBuffer }) => void) | null = null;
  onstop: (() => void) | null = null;
  onerror: (() => void) | null = null;
  error = '';
  private disconnected = false;
  constructor(private readonly log: string[]) {}
  write(data: ArrayBuffer | Uint8Array): void {
    this.log.push(`write ${new TextDecoder().decode(data)}`);
  }
  close(): void {
    this.log.push('close');
  }
  disconnect(): void {
    this.disconnected = true;
    this.log.push('disconnect');
  }
  /** A chunk arrives: through the filter, or (once disconnected) straight to the page. */
  chunk(text: string): void {
    if (this.disconnected) this.log.push(`page ${text}`);
    else this.ondata?.({ data: new TextEncoder().encode(text).buffer });
  }
}

function setup() {
  const log: string[] = [];
  const filters = new Map<string, FakeFilter>();
  const api = {
    onSendHeaders: new FakeEvent(),
    onHeadersReceived: new FakeEvent(),
    onCompleted: new FakeEvent(),
    onErrorOccurred: new FakeEvent(),
    filterResponseData(requestId: string) {
      const filter = new FakeFilter(log);
      filters.set(requestId, filter);
      return filter;
    },
  } satisfies WebRequestApi;
  const store: Record<string, unknown> = {};
  const storage: SessionStorage = {
    get: (key) => Promise.resolve({ [key]: store[key] }),
    set: (items) => {
      Object.assign(store, items);
      return Promise.resolve();
    },
  };
  const posted: { tabId: number; m: MessageOf<BackgroundToPanel> }[] = [];
  const timers: { fn: () => void; ms: number }[] = [];
  let granted = true;
  let grantPages = 0;
  const deep = createFilterCapture({
    api: () => (granted ? api : undefined),
    granted: () => Promise.resolve(granted),
    openGrantPage: () => void grantPages++,
    settings: tabSettings(() => storage),
    post: (tabId, m) => posted.push({ tabId, m }),
    tabOrigin: (tabId) => Promise.resolve(tabId === 7 ? 'http://page.test' : null),
    setTimer: (fn, ms) => timers.push({ fn, ms }),
    now: () => {
      log.push('copy');
      return 1_000;
    },
  });
  /** Runs the timers due within `ms` (all by default); the others stay pending. */
  const runTimers = (ms = Infinity) => {
    const due = timers.filter((t) => t.ms <= ms);
    timers.splice(0, timers.length, ...timers.filter((t) => t.ms > ms));
    due.forEach((t) => t.fn());
  };
  const wire = (tabId = 7): WireRecord[] =>
    posted.flatMap((p) => (p.tabId === tabId && p.m.type === 'wire' ? p.m.records : []));
  const statuses = (tabId = 7) =>
    posted.filter((p) => p.tabId === tabId && p.m.type === 'deep-capture').map((p) => p.m);
  const listenerCount = () =>
    [api.onSendHeaders, api.onHeadersReceived, api.onCompleted, api.onErrorOccurred].reduce(
      (n, e) => n + e.listeners.length,
      0,
    );
  /** One request's life up to its response head. */
  const request = (
    requestId: string,
    contentType: string,
    more: Partial<RequestDetails> = {},
    accept = 'text/event-stream',
  ) => {
    const base: RequestDetails = {
      requestId,
      url: `http://page.test/${requestId}`,
      tabId: 7,
      method: 'GET',
      type: 'xmlhttprequest',
      timeStamp: 500,
      documentUrl: 'http://page.test/',
      ...more,
    };
    api.onSendHeaders.fire({ ...base, requestHeaders: [{ name: 'Accept', value: accept }] });
    api.onHeadersReceived.fire({
      ...base,
      responseHeaders: [{ name: 'Content-Type', value: contentType }],
    });
    return base;
  };
  return {
    api,
    deep,
    log,
    filters,
    wire,
    statuses,
    runTimers,
    listenerCount,
    request,
    revoke: () => (granted = false),
    grant: () => (granted = true),
    grantPages: () => grantPages,
  };
}

describe('Firefox deep capture (filterResponseData)', () => {
  it('writes every chunk through unchanged before copying it, and ends after both verdicts', async () => {
    const f = setup();
    await f.deep.turn(7, true);
    expect(f.statuses()).toEqual([{ v: 1, type: 'deep-capture', state: 'on', sockets: false }]);
    const head = f.request('es1', 'text/event-stream; charset=utf-8');
    const filter = f.filters.get('es1')!;
    f.log.length = 0;
    filter.chunk('retry: 1234\n: hi\n\n');
    filter.chunk('event: unlistened\ndata: 2\n\n');
    expect(f.log).toEqual([
      'write retry: 1234\n: hi\n\n',
      'copy',
      'write event: unlistened\ndata: 2\n\n',
      'copy',
    ]);
    filter.onstop?.();
    // The filter is closed at once; the end waits for webRequest's verdict.
    expect(f.log.at(-1)).toBe('close');
    f.runTimers();
    expect(f.wire().map((r) => r.kind)).toEqual(['request', 'bytes', 'bytes']);
    f.api.onCompleted.fire(head);
    f.runTimers();
    const records = f.wire();
    expect(records[0]).toEqual({
      kind: 'request',
      id: 'es1',
      t: 1_000,
      url: 'http://page.test/es1',
      api: 'eventsource',
      filtered: { documentUrl: 'http://page.test/' },
    });
    expect(records[1]).toEqual({
      kind: 'bytes',
      id: 'es1',
      t: 1_000,
      base64: btoa('retry: 1234\n: hi\n\n'),
    });
    expect(records.at(-1)).toEqual({ kind: 'end', id: 'es1', t: 1_000 });
  });

  it('marks the end canceled when the page aborted, in either order Firefox reports it', async () => {
    const f = setup();
    await f.deep.turn(7, true);
    // fetch + AbortController: the error comes first, then the filter stops.
    const fetched = f.request('f1', 'text/event-stream', { method: 'POST' }, '*/*');
    f.api.onErrorOccurred.fire({ ...fetched, error: 'NS_BINDING_ABORTED' });
    f.filters.get('f1')!.onstop?.();
    // EventSource.close(): the filter stops first, then the error.
    const closed = f.request('es2', 'text/event-stream');
    f.filters.get('es2')!.onstop?.();
    f.api.onErrorOccurred.fire({ ...closed, error: 'NS_ERROR_ABORT' });
    // A network failure is no cancel; the filter's own error ends it too.
    const reset = f.request('es3', 'text/event-stream');
    f.filters.get('es3')!.onerror?.();
    f.api.onErrorOccurred.fire({ ...reset, error: 'NS_ERROR_NET_RESET' });
    f.runTimers();
    const ends = f.wire().filter((r) => r.kind === 'end');
    expect(ends).toEqual([
      { kind: 'end', id: 'f1', t: 1_000, canceled: true },
      { kind: 'end', id: 'es2', t: 1_000, canceled: true },
      { kind: 'end', id: 'es3', t: 1_000 },
    ]);
    const requests = f.wire().filter((r) => r.kind === 'request');
    expect(requests.map((r) => r.kind === 'request' && r.api)).toEqual([
      'fetch',
      'eventsource',
      'eventsource',
    ]);
  });

  it('lets go of a request whose body the page cancelled, so Firefox ends it as without us', async () => {
    const f = setup();
    await f.deep.turn(7, true);
    const same = { url: 'http://page.test/same' };
    const first = f.request('a', 'text/event-stream', same, '*/*');
    f.request('b', 'text/event-stream', same, '*/*');
    f.log.length = 0;
    // Heads came at 1,000 on the background's clock: a request made later is not theirs.
    f.deep.bodiesCancelled?.(7, [{ url: same.url, requestedAt: 2_000 }]);
    f.deep.bodiesCancelled?.(7, [{ url: 'http://page.test/other', requestedAt: 990 }]);
    expect(f.log).toEqual([]);
    f.deep.bodiesCancelled?.(7, [{ url: same.url, requestedAt: 990 }]);
    // The same report again (every snapshot repeats it) lets go of nothing more.
    f.deep.bodiesCancelled?.(7, [{ url: same.url, requestedAt: 990 }]);
    expect(f.log).toEqual(['disconnect']);
    f.filters.get('a')!.chunk(': hb\n\n');
    f.filters.get('b')!.chunk(': hb\n\n');
    expect(f.log).toEqual(['disconnect', 'page : hb\n\n', 'write : hb\n\n', 'copy']);
    f.deep.bodiesCancelled?.(7, [
      { url: same.url, requestedAt: 990 },
      { url: same.url, requestedAt: 995 },
    ]);
    expect(f.log.filter((l) => l === 'disconnect')).toHaveLength(2);
    // Firefox cancels the request at the server's next write; the end says so.
    f.api.onErrorOccurred.fire({ ...first, error: 'NS_BINDING_ABORTED' });
    f.runTimers();
    expect(f.wire().filter((r) => r.kind === 'end')).toEqual([
      { kind: 'end', id: 'a', t: 1_000, canceled: true },
    ]);
  });

  it('names the URL a redirected request was made for, which its cancelled body carries', async () => {
    const f = setup();
    await f.deep.turn(7, true);
    const base = {
      requestId: 'r1',
      tabId: 7,
      method: 'GET',
      type: 'xmlhttprequest',
      timeStamp: 500,
      documentUrl: 'http://page.test/',
    };
    const asked = 'http://page.test/redirect?to=/sse';
    const final = 'http://page.test/sse';
    const accept = [{ name: 'Accept', value: 'text/event-stream' }];
    // Each hop sends its headers; the 307's head is no stream; the 200's is.
    f.api.onSendHeaders.fire({ ...base, url: asked, requestHeaders: accept });
    f.api.onHeadersReceived.fire({ ...base, url: asked, statusCode: 307, responseHeaders: [] });
    f.api.onSendHeaders.fire({ ...base, url: final, requestHeaders: accept });
    f.api.onHeadersReceived.fire({
      ...base,
      url: final,
      statusCode: 200,
      responseHeaders: [{ name: 'Content-Type', value: 'text/event-stream' }],
    });
    // A request that was not redirected carries no second URL.
    f.request('plain', 'text/event-stream', { statusCode: 200 });
    f.runTimers();
    expect(f.wire().filter((r) => r.kind === 'request')).toEqual([
      {
        kind: 'request',
        id: 'r1',
        t: 1_000,
        url: final,
        requestedUrl: asked,
        api: 'eventsource',
        filtered: { documentUrl: 'http://page.test/' },
      },
      {
        kind: 'request',
        id: 'plain',
        t: 1_000,
        url: 'http://page.test/plain',
        api: 'eventsource',
        filtered: { documentUrl: 'http://page.test/' },
      },
    ]);
    // The page knows the stream by the URL it asked for.
    f.log.length = 0;
    f.deep.bodiesCancelled?.(7, [{ url: final, requestedAt: 990 }]);
    expect(f.log).toEqual([]);
    f.deep.bodiesCancelled?.(7, [{ url: asked, requestedAt: 990 }]);
    expect(f.log).toEqual(['disconnect']);
  });

  it('follows stream types at once, generic types only when the body looks like a stream', async () => {
    const f = setup();
    await f.deep.turn(7, true);
    f.request('img', 'image/png');
    f.request('html', 'text/html');
    expect([...f.filters.keys()]).toEqual([]);
    f.request('nd', 'application/x-ndjson');
    f.request('cj', 'application/connect+json');
    f.request('plain', 'text/plain');
    f.request('json', 'application/json');
    f.log.length = 0;
    f.filters.get('plain')!.chunk('data: mislabelled\n\n');
    f.filters.get('json')!.chunk('{"a":1}\n');
    f.filters.get('json')!.chunk('{"a":2}\n');
    f.runTimers();
    // The JSON body passed through, then the filter let go; nothing of it was reported.
    expect(f.log).toEqual([
      'write data: mislabelled\n\n',
      'copy',
      'write {"a":1}\n',
      'disconnect',
      'page {"a":2}\n',
    ]);
    expect(f.wire().flatMap((r) => (r.kind === 'request' ? [r.id] : []))).toEqual([
      'nd',
      'cj',
      'plain',
    ]);
    expect(f.wire().filter((r) => r.id === 'json')).toEqual([]);
  });

  it('shows streams of no tab in the tabs of their origin, as workers of unknown tab', async () => {
    const f = setup();
    await f.deep.turn(7, true);
    await f.deep.turn(8, true);
    await Promise.resolve();
    const script = 'http://page.test/shared.js';
    f.request('sw1', 'text/event-stream', { tabId: -1, documentUrl: script });
    f.request('other', 'text/event-stream', { tabId: -1, documentUrl: 'http://other.test/w.js' });
    f.runTimers();
    expect(f.filters.has('other')).toBe(false);
    expect(f.wire(7)[0]).toEqual({
      kind: 'request',
      id: 'sw1',
      t: 1_000,
      url: 'http://page.test/sw1',
      api: 'eventsource',
      filtered: { documentUrl: script },
      worker: { type: 'worker', url: script, session: script, unattributed: true },
    });
    // Tab 8's page has no known origin: nothing of the shared worker goes there.
    expect(f.wire(8)).toEqual([]);
    // A dedicated worker's request carries its tab, and is the tab's like any other.
    f.request('dw1', 'text/event-stream', { documentUrl: 'http://page.test/worker.js' });
    f.runTimers();
    expect(f.wire(7).at(-1)).toMatchObject({ kind: 'request', id: 'dw1' });
    expect(f.wire(7).at(-1)).not.toHaveProperty('worker');
  });

  it('learns the tab’s origin from its navigations', async () => {
    const f = setup();
    await f.deep.turn(8, true);
    f.api.onHeadersReceived.fire({
      requestId: 'nav',
      url: 'http://page.test/next',
      tabId: 8,
      method: 'GET',
      type: 'main_frame',
      timeStamp: 1,
      responseHeaders: [{ name: 'Content-Type', value: 'text/html' }],
    });
    f.request('sw2', 'text/event-stream', { tabId: -1, documentUrl: 'http://page.test/s.js' });
    f.runTimers();
    expect(f.wire(8).map((r) => r.kind)).toEqual(['request']);
  });

  it('removes every listener and lets go of every filter when the switch goes off', async () => {
    const f = setup();
    expect(f.listenerCount()).toBe(0);
    await f.deep.turn(7, true);
    await f.deep.turn(8, true);
    // Per tab four listeners, and four for requests of no tab.
    expect(f.listenerCount()).toBe(12);
    const tab7 = f.api.onHeadersReceived.listeners.find((l) => l.filter.tabId === 7);
    expect(tab7?.extra).toEqual(['blocking', 'responseHeaders']);
    f.request('es', 'text/event-stream');
    f.log.length = 0;
    await f.deep.turn(7, false);
    expect(f.log).toEqual(['disconnect']);
    expect(f.listenerCount()).toBe(8);
    expect(f.api.onHeadersReceived.listeners.some((l) => l.filter.tabId === 7)).toBe(false);
    // After the switch, the stream's chunks are nobody's business but the page's.
    f.filters.get('es')!.chunk('data: x\n\n');
    f.runTimers();
    expect(f.log).toEqual(['disconnect', 'page data: x\n\n']);
    expect(f.wire().filter((r) => r.kind === 'bytes')).toEqual([]);
    expect(f.statuses().at(-1)).toMatchObject({ state: 'off' });
    // The last panel gone: the listeners stay a grace period, then go.
    await f.deep.panelsGone(8);
    expect(f.listenerCount()).toBe(8);
    f.runTimers();
    await f.deep.panelsGone(99);
    expect(f.listenerCount()).toBe(0);
    // The switch is remembered: a panel joining again turns tab 8 back on.
    await f.deep.panelJoined(8);
    expect(f.listenerCount()).toBe(8);
    await f.deep.panelJoined(7);
    expect(f.statuses(7).at(-1)).toMatchObject({ state: 'off' });
  });

  it('keeps following while DevTools close and open again, holding what it saw meanwhile', async () => {
    const f = setup();
    await f.deep.turn(7, true);
    f.runTimers();
    // The panel's port goes away; the page opens a stream before a new panel subscribes.
    await f.deep.panelsGone(7);
    f.request('es', 'text/event-stream');
    f.filters.get('es')!.chunk('event: unlistened\ndata: 1\n\n');
    // The batch is due (50 ms), the grace period (2 s) not yet: nothing can reach a panel.
    f.runTimers(50);
    expect(f.wire()).toEqual([]);
    // The panel subscribes again: it is told the switch is on and gets what was held.
    await f.deep.panelJoined(7);
    expect(f.statuses().at(-1)).toMatchObject({ state: 'on', sockets: false });
    expect(f.wire().map((r) => r.kind)).toEqual(['request', 'bytes']);
    // The grace period's end no longer stops it.
    f.runTimers();
    await f.deep.panelsGone(99);
    expect(f.listenerCount()).toBe(8);
  });

  it('opens the grant page when the switch is turned on without the permissions', async () => {
    const f = setup();
    f.revoke();
    await f.deep.turn(7, true);
    expect(f.statuses().at(-1)).toEqual({
      v: 1,
      type: 'deep-capture',
      state: 'error',
      error: NOT_GRANTED,
      problem: { key: 'deepCapture.notGranted' },
    });
    expect(f.grantPages()).toBe(1);
    expect(f.listenerCount()).toBe(0);
    // A panel joining a tab whose switch was on, after a revoke, opens no tab unasked.
    f.grant();
    await f.deep.turn(8, true);
    await f.deep.panelsGone(8);
    f.runTimers();
    f.revoke();
    await f.deep.panelJoined(8);
    expect(f.statuses(8).at(-1)).toMatchObject({ state: 'error', error: NOT_GRANTED });
    expect(f.grantPages()).toBe(1);
  });
});
