import { describe, expect, it } from 'vitest';
import { said, sharedText } from '../../src/i18n/shared';
import {
  budgetLevel,
  computePools,
  retryDelayLabel,
  retryDelayNote,
  type LiveConnection,
  type PlacedSnapshot,
} from '../../src/model/pools';
import { credentialsMode, endpointOf } from '../../src/model/site';
import { siteOf } from '../../src/model/top-level-site';

let nextConn = 1;
const conn = (
  url: string,
  readyState: 0 | 1,
  since: number,
  extra: Partial<LiveConnection> = {},
): LiveConnection => ({
  conn: nextConn++,
  url,
  withCredentials: false,
  readyState,
  reconnecting: false,
  since,
  retryDelay: null,
  ...extra,
});
const doc = (
  tabId: number,
  url: string,
  connections: LiveConnection[],
  extra: Partial<PlacedSnapshot> = {},
): PlacedSnapshot => ({
  docId: `doc-${tabId}-${url}`,
  url,
  origin: new URL(url).origin,
  topOrigin: new URL(url).origin,
  title: `tab ${tabId}`,
  protocols: {},
  tabId,
  frameId: 0,
  tabUrl: url,
  connections,
  ...extra,
});
const h1 = {
  'http://a.test:80': {
    protocol: 'http/1.1' as const,
    source: said('protocol.seenNavigation', { protocol: 'http/1.1', url: 'http://a.test/' }),
  },
};

describe('site helpers', () => {
  it('spell out endpoints and approximate sites', () => {
    expect(endpointOf('http://a.test/x')).toBe('http://a.test:80');
    expect(endpointOf('https://a.test:8443/x')).toBe('https://a.test:8443');
    expect(siteOf('https://api.shop.example.com/x')).toBe('https://example.com');
    expect(siteOf('https://www.bbc.co.uk/')).toBe('https://bbc.co.uk');
    expect(siteOf('http://127.0.0.1:8080/')).toBe('http://127.0.0.1');
    expect(siteOf('http://localhost:8080/')).toBe('http://localhost');
  });

  it('treats same-origin and withCredentials streams as credentialed', () => {
    expect(credentialsMode('http://a.test/s', 'http://a.test/p', false)).toBe('credentialed');
    expect(credentialsMode('http://b.test/s', 'http://a.test/p', false)).toBe('anonymous');
    expect(credentialsMode('http://b.test/s', 'http://a.test/p', true)).toBe('credentialed');
  });
});

describe('computePools', () => {
  it('6 of 8 HTTP/1.1 streams hold slots, first come first served; 2 are queued', () => {
    const conns = Array.from({ length: 8 }, (_, i) => conn('http://a.test/sse', i < 6 ? 1 : 0, i));
    const [pool] = computePools([doc(1, 'http://a.test/page', conns, { protocols: h1 })]);
    expect(pool).toMatchObject({
      protocol: 'http/1.1',
      limit: 6,
      inUse: 6,
      queued: 2,
      limitAssumed: false,
    });
    expect(pool?.members.map((m) => m.state)).toEqual([
      ...Array<string>(6).fill('open'),
      'queued',
      'queued',
    ]);
    expect(budgetLevel(pool!)).toBe('full');
  });

  it('a connecting stream in a pool with room is waiting for the server, not queued', () => {
    const [pool] = computePools([
      doc(1, 'http://a.test/', [conn('http://a.test/s', 1, 0), conn('http://a.test/s', 0, 1)], {
        protocols: h1,
      }),
    ]);
    expect(pool?.members.map((m) => m.state)).toEqual(['open', 'waiting-server']);
    expect(budgetLevel(pool!)).toBe('ok');
  });

  it('reconnecting streams hold no slot', () => {
    const conns = [
      ...Array.from({ length: 5 }, (_, i) => conn('http://a.test/s', 1, i)),
      conn('http://a.test/s', 0, 9, { reconnecting: true }),
    ];
    const [pool] = computePools([doc(1, 'http://a.test/', conns, { protocols: h1 })]);
    expect(pool).toMatchObject({ inUse: 5, queued: 0, reconnecting: 1 });
    expect(budgetLevel(pool!)).toBe('nearly-full');
  });

  it('tabs of the same top-level site share a pool; another top-level site does not', () => {
    const pools = computePools([
      doc(1, 'http://a.test/one', [conn('http://a.test/s', 1, 0)]),
      doc(2, 'http://a.test/two', [conn('http://a.test/s', 1, 1)]),
      doc(3, 'http://b.test/', [conn('http://a.test/s', 1, 2, { withCredentials: true })]),
    ]);
    expect(pools.map((p) => [p.topSite, p.members.map((m) => m.tabId)])).toEqual([
      ['http://a.test', [1, 2]],
      ['http://b.test', [3]],
    ]);
  });

  it('an iframe counts toward its tab top-level site', () => {
    const top = doc(1, 'http://a.test/', []);
    const frame = doc(1, 'http://c.test/frame', [conn('http://c.test/s', 1, 0)], {
      frameId: 5,
      topOrigin: null,
      docId: 'f',
    });
    const [pool] = computePools([top, frame]);
    expect(pool).toMatchObject({ topSite: 'http://a.test', credentials: 'credentialed' });
    expect(pool?.members[0]).toMatchObject({ tabTitle: 'tab 1', frameUrl: 'http://c.test/frame' });
  });

  it('a srcdoc frame inherits its parent origin: its same-origin stream is credentialed', () => {
    const top = doc(1, 'http://a.test/', [conn('http://a.test/s', 1, 0)], { docId: 'top' });
    const srcdoc = doc(1, 'about:srcdoc', [conn('http://a.test/s', 1, 1)], {
      docId: 'srcdoc',
      frameId: 4,
      origin: 'http://a.test',
      topOrigin: 'http://a.test',
    });
    const pools = computePools([top, srcdoc]);
    expect(pools).toHaveLength(1);
    expect(pools[0]).toMatchObject({ credentials: 'credentialed', inUse: 2 });
  });

  it('an opaque-origin document opens only anonymous streams', () => {
    const sandboxed = doc(1, 'http://a.test/sandboxed', [conn('http://a.test/s', 1, 0)], {
      origin: null,
    });
    expect(computePools([sandboxed])[0]).toMatchObject({ credentials: 'anonymous' });
  });

  it("a frame that cannot know its top origin takes the tab's URL when the top frame holds no port", () => {
    const frame = doc(1, 'http://c.test/frame', [conn('http://c.test/s', 1, 0)], {
      frameId: 5,
      topOrigin: null,
      tabUrl: 'https://www.a.test/app',
    });
    const [pool] = computePools([frame]);
    expect(pool).toMatchObject({ topSite: 'https://a.test' });
    expect(pool?.members[0]).toMatchObject({ tabUrl: 'https://www.a.test/app' });
  });

  it('a reconnect that has re-requested competes for a slot by the time it requested', () => {
    const retryDelay = { ms: 3000, basis: 'assumed' as const };
    const conns = [
      ...Array.from({ length: 5 }, (_, i) => conn('http://a.test/s', 1, i)),
      conn('http://a.test/s', 0, 3010, { retryDelay }),
      conn('http://a.test/s', 0, 3005),
    ];
    const [pool] = computePools([doc(1, 'http://a.test/', conns, { protocols: h1 })]);
    expect(pool).toMatchObject({ inUse: 6, queued: 1, reconnecting: 0 });
    expect(pool?.members.slice(5).map((m) => [m.since, m.state, m.retryDelay])).toEqual([
      [3005, 'waiting-server', null],
      [3010, 'queued', retryDelay],
    ]);
  });

  it('says in words when a reconnect delay is assumed or observed', () => {
    const [pool] = computePools([
      doc(1, 'http://a.test/', [
        conn('http://a.test/s', 0, 1, {
          reconnecting: true,
          retryDelay: { ms: 3000, basis: 'assumed' },
        }),
        conn('http://a.test/s', 0, 2, { retryDelay: { ms: 1200, basis: 'observed' } }),
      ]),
    ]);
    const [waiting, requested] = pool?.members ?? [];
    expect(retryDelayLabel(waiting!)).toBe('delay 3 s, assumed');
    expect(retryDelayNote(waiting!)).toMatch(/^Waiting out .*assumed.*holds no connection/);
    expect(retryDelayLabel(requested!)).toBe('delay 1.2 s, observed');
    expect(retryDelayNote(requested!)).toMatch(/^Requested again 1\.2 s after its error/);
  });

  it('fetch bodies cancelled in Firefox keep their slots: the next stream is queued', () => {
    const lingering = { readyState: 2, lingering: true } as const;
    const conns = [
      ...Array.from({ length: 4 }, (_, i) => conn('http://a.test/s', 1, i)),
      conn('http://a.test/f', 0, 10, lingering),
      conn('http://a.test/f', 0, 11, lingering),
      conn('http://a.test/s', 0, 12),
    ];
    const [pool] = computePools([doc(1, 'http://a.test/', conns, { protocols: h1 })]);
    expect(pool).toMatchObject({ inUse: 6, lingering: 2, queued: 1 });
    expect(pool?.members.map((m) => m.state)).toEqual([
      ...Array<string>(4).fill('open'),
      'lingering',
      'lingering',
      'queued',
    ]);
    expect(budgetLevel(pool!)).toBe('full');
  });

  it('more streams open than the limit leaves room for: the first cancelled were let go', () => {
    const lingering = (since: number) =>
      conn('http://a.test/f', 0, since, { readyState: 2, lingering: true });
    const conns = [
      lingering(1),
      lingering(2),
      lingering(3),
      ...Array.from({ length: 5 }, (_, i) => conn('http://a.test/s', 1, 10 + i)),
    ];
    const [pool] = computePools([doc(1, 'http://a.test/', conns, { protocols: h1 })]);
    expect(pool).toMatchObject({ inUse: 6, lingering: 1, queued: 0 });
    expect(pool?.members.filter((m) => m.state === 'lingering').map((m) => m.since)).toEqual([3]);
  });

  it('a lingering stream neither makes an unknown protocol look multiplexed nor stays in h2', () => {
    const lingering = (url: string) => conn(url, 0, 0, { readyState: 2, lingering: true });
    const six = Array.from({ length: 6 }, (_, i) => conn('http://z.test/s', 1, 1 + i));
    const [assumed] = computePools([
      doc(1, 'http://z.test/', [lingering('http://z.test/f'), ...six]),
    ]);
    expect(assumed).toMatchObject({ limitAssumed: true, inUse: 6, lingering: 0 });
    expect(assumed?.members).toHaveLength(6);
    const h2 = {
      'https://a.test:443': {
        protocol: 'h2' as const,
        source: said('protocol.seenRequest', { protocol: 'h2', url: 'https://a.test/x' }),
      },
    };
    const pools = computePools([
      doc(1, 'https://a.test/', [lingering('https://a.test/f')], { protocols: h2 }),
    ]);
    expect(pools).toEqual([]);
  });

  it('h2 multiplexes: 8 open streams, no warning', () => {
    const conns = Array.from({ length: 8 }, (_, i) => conn('https://a.test/s', 1, i));
    const [pool] = computePools([
      doc(1, 'https://a.test/', conns, {
        protocols: {
          'https://a.test:443': {
            protocol: 'h2',
            source: said('protocol.seenRequest', { protocol: 'h2', url: 'https://a.test/x' }),
          },
        },
      }),
    ]);
    expect(pool).toMatchObject({ multiplexed: true, limit: 100, inUse: 8, queued: 0 });
    expect(budgetLevel(pool!)).toBe('ok');
  });

  it('unknown protocol assumes HTTP/1.1 until more than six are open at once', () => {
    const six = Array.from({ length: 7 }, (_, i) => conn('http://z.test/s', i < 6 ? 1 : 0, i));
    const [assumed] = computePools([doc(1, 'http://z.test/', six)]);
    expect(assumed).toMatchObject({ protocol: 'unknown', limitAssumed: true, queued: 1 });
    const seven = Array.from({ length: 7 }, (_, i) => conn('http://z.test/s', 1, i));
    const [inferred] = computePools([doc(1, 'http://z.test/', seven)]);
    expect(inferred).toMatchObject({ multiplexed: true, limitAssumed: false, queued: 0 });
    expect(sharedText(inferred!.protocolSource)).toMatch(/inferred/);
    expect(sharedText(inferred!.protocolSource)).toBe(
      'inferred: 7 streams open at once, more than HTTP/1.1 allows',
    );
    expect(sharedText(inferred!.protocolSource, 'ru')).toBe(
      'выведено: одновременно открыто 7 потоков — больше, чем допускает HTTP/1.1',
    );
    expect(sharedText(inferred!.protocolSource, 'zh_CN')).toBe(
      '推断得出：同时打开了 7 个流，超过了 HTTP/1.1 允许的数量',
    );
  });
});
