import { describe, expect, it } from 'vitest';
import { createRouter } from '../../src/background/router';
import { CONTENT_PORT, PANEL_PORT } from '../../src/protocol/constants';
import { fakePort } from './support/fakes';

const EXT = 'ext-id';
const content = (tabId: number) => fakePort(CONTENT_PORT, { id: EXT, tab: { id: tabId } });
const panel = () => fakePort(PANEL_PORT, { id: EXT });
const hello = { v: 1, type: 'hello', doc: { id: 'd', url: 'u', top: true, startedAt: 1 } };

describe('background router', () => {
  it('forwards content messages only to panels of the same tab', () => {
    const r = createRouter(EXT, () => undefined);
    const c1 = content(1);
    const c2 = content(2);
    const p1 = panel();
    r.connect(c1);
    r.connect(c2);
    r.connect(p1);
    p1.deliver({ v: 1, type: 'subscribe', tabId: 1 });
    c1.deliver(hello);
    c2.deliver({ ...hello, doc: { ...hello.doc, id: 'other' } });
    expect(p1.received.filter((m) => (m as { type: string }).type !== 'pools')).toEqual([hello]);
  });

  it('forwards sync and clear from a panel to every content script of its tab', () => {
    const r = createRouter(EXT, () => undefined);
    const a = content(1);
    const b = content(1);
    const other = content(2);
    const p = panel();
    [a, b, other, p].forEach((port) => r.connect(port));
    p.deliver({ v: 1, type: 'subscribe', tabId: 1 });
    p.deliver({ v: 1, type: 'sync' });
    p.deliver({ v: 1, type: 'clear' });
    expect(a.received.map((m) => (m as { type: string }).type)).toEqual(['sync', 'clear']);
    expect(b.received).toEqual(a.received);
    expect(other.received).toEqual([]);
  });

  it("gives a panel a content script's live records only after that script's replay", () => {
    const r = createRouter(EXT, () => undefined);
    const c = content(1);
    const first = panel();
    const second = panel();
    [c, first, second].forEach((port) => r.connect(port));
    const records = (seq: number, sync: boolean) => ({
      v: 1,
      type: 'records',
      doc: hello.doc,
      records: [{ seq }],
      lost: 0,
      clearedThrough: 0,
      sync,
    });
    const got = (p: ReturnType<typeof panel>) =>
      p.received
        .filter((m) => (m as { type: string }).type === 'records')
        .map((m) => (m as { records: { seq: number }[] }).records[0]?.seq);
    first.deliver({ v: 1, type: 'subscribe', tabId: 1 });
    c.deliver(records(1, true));
    c.deliver(records(2, false));
    // The second panel joins while the script streams live for the first.
    second.deliver({ v: 1, type: 'subscribe', tabId: 1 });
    c.deliver(records(3, false));
    c.deliver(records(1, true));
    c.deliver(records(4, false));
    expect(got(first)).toEqual([1, 2, 3, 1, 4]);
    expect(got(second)).toEqual([1, 4]);
  });

  it('counts the workers’ streams deep capture reports in the tab’s pools, and drops them', () => {
    const r = createRouter(EXT, () => undefined);
    const p = panel();
    r.connect(p);
    p.deliver({ v: 1, type: 'subscribe', tabId: 1 });
    const worker = {
      docId: 'worker-S',
      url: 'http://h/w.js',
      origin: 'http://h',
      topOrigin: null,
      title: '',
      protocols: {},
      connections: [1, 2].map((conn) => ({
        conn,
        url: 'http://h/es',
        withCredentials: false,
        readyState: 1 as const,
        reconnecting: false,
        since: conn,
        retryDelay: null,
      })),
    };
    const lastPools = () =>
      (
        p.received.filter((m) => (m as { type: string }).type === 'pools').at(-1) as {
          pools: { inUse: number; members: { frameUrl: string }[] }[];
        }
      ).pools;
    r.workerSnapshots(1, [worker]);
    expect(lastPools().map((pool) => [pool.inUse, pool.members[0]?.frameUrl])).toEqual([
      [2, 'http://h/w.js'],
    ]);
    r.workerSnapshots(1, []);
    expect(lastPools()).toEqual([]);
  });

  it('wakes the tab when a panel subscribes, and asks each content script that connects for a sync', () => {
    const woken: number[] = [];
    const r = createRouter(EXT, (tabId) => woken.push(tabId));
    const p = panel();
    r.connect(p);
    p.deliver({ v: 1, type: 'subscribe', tabId: 3 });
    expect(woken).toEqual([3]);
    const c = content(3);
    r.connect(c);
    expect(c.received).toEqual([{ v: 1, type: 'sync' }]);
  });

  it('wakes the tab again when its panel asks (a navigation), keeping the panel subscribed', () => {
    const woken: number[] = [];
    const joined: number[] = [];
    const gone: number[] = [];
    const r = createRouter(EXT, (tabId) => woken.push(tabId), {
      joined: (tabId) => joined.push(tabId),
      gone: (tabId) => gone.push(tabId),
      deepCapture: () => undefined,
    });
    const p = panel();
    r.connect(p);
    p.deliver({ v: 1, type: 'wake' });
    expect(woken).toEqual([]);
    p.deliver({ v: 1, type: 'subscribe', tabId: 3 });
    p.deliver({ v: 1, type: 'wake' });
    expect(woken).toEqual([3, 3]);
    expect([joined, gone]).toEqual([[3], []]);
    // What the tab's new page sends reaches the same port.
    const c = content(3);
    r.connect(c);
    r.toPanels(3, { v: 1, type: 'wire', records: [] });
    c.deliver(hello);
    expect(p.received.map((m) => (m as { type: string }).type)).toEqual(['pools', 'wire', 'hello']);
  });

  it('detaches content scripts when the last panel leaves, and tears down closed ports', () => {
    const r = createRouter(EXT, () => undefined);
    const c = content(1);
    const p = panel();
    r.connect(c);
    r.connect(p);
    p.deliver({ v: 1, type: 'subscribe', tabId: 1 });
    p.drop();
    expect(c.received).toEqual([{ v: 1, type: 'detach' }]);
    c.drop();
    expect(r.counts()).toEqual({ tabs: 0, contentPorts: 0, panelPorts: 0 });
  });

  it('refuses ports from other extensions and unknown names, and ignores junk', () => {
    const r = createRouter(EXT, () => undefined);
    const foreign = fakePort(CONTENT_PORT, { id: 'evil', tab: { id: 1 } });
    const odd = fakePort('what', { id: EXT });
    r.connect(foreign);
    r.connect(odd);
    expect(foreign.disconnected && odd.disconnected).toBe(true);
    const p = panel();
    r.connect(p);
    p.deliver({ v: 1, type: 'subscribe', tabId: 'nope' });
    p.deliver({ v: 99, type: 'subscribe', tabId: 1 });
    expect(r.counts().panelPorts).toBe(0);
  });

  it('keeps the budget across tabs and tells content scripts when a connection queues', () => {
    const r = createRouter(EXT, () => undefined);
    const tabs = [1, 2].map((tab) =>
      fakePort(CONTENT_PORT, { id: EXT, frameId: 0, tab: { id: tab } }),
    );
    const p = panel();
    [...tabs, p].forEach((port) => r.connect(port));
    p.deliver({ v: 1, type: 'subscribe', tabId: 1 });
    const snapshot = (docId: string, first: number, n: number, readyState: 0 | 1) => ({
      v: 1,
      type: 'snapshot',
      snapshot: {
        docId,
        url: 'http://a.test/',
        origin: 'http://a.test',
        topOrigin: 'http://a.test',
        title: docId,
        protocols: {},
        connections: Array.from({ length: n }, (_, i) => ({
          conn: i + 1,
          url: 'http://a.test/sse',
          withCredentials: false,
          readyState,
          reconnecting: false,
          since: first + i,
          retryDelay: null,
        })),
      },
    });
    tabs[0]?.deliver(snapshot('d1', 0, 5, 1));
    tabs[1]?.deliver(snapshot('d2', 10, 3, 0));
    const pools = p.received.filter((m) => (m as { type: string }).type === 'pools').at(-1) as {
      pools: { inUse: number; queued: number; members: { tabId: number; state: string }[] }[];
    };
    expect(pools.pools).toHaveLength(1);
    expect(pools.pools[0]).toMatchObject({ inUse: 6, queued: 2 });
    expect(tabs[1]?.received).toEqual([
      { v: 1, type: 'queue', conn: 2, queued: true, pool: expect.any(String) as string },
      { v: 1, type: 'queue', conn: 3, queued: true, pool: expect.any(String) as string },
    ]);
    // Tab 1 goes away: its five slots free up and the queued ones are told.
    tabs[0]?.drop();
    expect(tabs[1]?.received.slice(2)).toMatchObject([
      { type: 'queue', conn: 2, queued: false },
      { type: 'queue', conn: 3, queued: false },
    ]);
  });

  it("places a frame that cannot see its top origin by the tab's URL from the port", () => {
    const r = createRouter(EXT, () => undefined);
    // Firefox: no ancestorOrigins, and the top frame (no streams) holds no port.
    const frame = fakePort(CONTENT_PORT, {
      id: EXT,
      frameId: 7,
      tab: { id: 1, url: 'https://www.shop.test/cart' },
    });
    const p = panel();
    [frame, p].forEach((port) => r.connect(port));
    p.deliver({ v: 1, type: 'subscribe', tabId: 1 });
    frame.deliver({
      v: 1,
      type: 'snapshot',
      snapshot: {
        docId: 'f',
        url: 'https://widget.test/frame',
        origin: 'https://widget.test',
        topOrigin: null,
        title: '',
        protocols: {},
        connections: [
          {
            conn: 1,
            url: 'https://widget.test/sse',
            withCredentials: false,
            readyState: 1,
            reconnecting: false,
            since: 1,
            retryDelay: null,
          },
        ],
      },
    });
    const last = p.received.filter((m) => (m as { type: string }).type === 'pools').at(-1) as {
      pools: { topSite: string; members: { tabUrl: string }[] }[];
    };
    expect(last.pools).toMatchObject([
      { topSite: 'https://shop.test', members: [{ tabUrl: 'https://www.shop.test/cart' }] },
    ]);
  });

  it("tells deep capture of a document's cancelled fetch bodies the browser still holds", () => {
    const told: unknown[] = [];
    const r = createRouter(EXT, () => undefined, {
      joined: () => undefined,
      deepCapture: () => undefined,
      gone: () => undefined,
      bodiesCancelled: (tabId, bodies) => told.push([tabId, bodies]),
    });
    const c = content(2);
    r.connect(c);
    const live = {
      conn: 1,
      url: 'http://h/live',
      withCredentials: false,
      readyState: 1,
      reconnecting: false,
      since: 1,
      retryDelay: null,
      api: 'fetch',
    };
    const snapshot = (connections: unknown[]) => ({
      v: 1,
      type: 'snapshot',
      snapshot: {
        docId: 'd',
        url: 'http://h/',
        origin: 'http://h',
        topOrigin: 'http://h',
        title: '',
        protocols: {},
        connections,
      },
    });
    c.deliver(snapshot([live]));
    expect(told).toEqual([]);
    const cancelled = {
      ...live,
      conn: 2,
      url: 'http://h/gone',
      readyState: 2,
      since: 9,
      lingering: true,
      requestedAt: 5,
    };
    c.deliver(snapshot([live, cancelled]));
    expect(told).toEqual([[2, [{ url: 'http://h/gone', requestedAt: 5 }]]]);
  });

  it("tells deep capture when panels join, toggle and all leave, and posts to a tab's panels", () => {
    const calls: string[] = [];
    const r = createRouter(EXT, () => undefined, {
      joined: (tabId) => calls.push(`joined ${tabId}`),
      deepCapture: (tabId, on) => calls.push(`turn ${tabId} ${on}`),
      gone: (tabId) => calls.push(`gone ${tabId}`),
    });
    const a = panel();
    const b = panel();
    const other = panel();
    [a, b, other].forEach((port) => r.connect(port));
    // Before subscribing a panel has no tab: its switch goes nowhere.
    a.deliver({ v: 1, type: 'deep-capture', on: true });
    a.deliver({ v: 1, type: 'subscribe', tabId: 4 });
    b.deliver({ v: 1, type: 'subscribe', tabId: 4 });
    other.deliver({ v: 1, type: 'subscribe', tabId: 5 });
    a.deliver({ v: 1, type: 'deep-capture', on: true });
    a.deliver({ v: 1, type: 'deep-capture', on: 'yes' });
    r.toPanels(4, { v: 1, type: 'deep-capture', state: 'on' });
    expect(b.received).toContainEqual({ v: 1, type: 'deep-capture', state: 'on' });
    expect(other.received).not.toContainEqual({ v: 1, type: 'deep-capture', state: 'on' });
    a.drop();
    b.drop();
    expect(calls).toEqual(['joined 4', 'joined 4', 'joined 5', 'turn 4 true', 'gone 4']);
  });
});
