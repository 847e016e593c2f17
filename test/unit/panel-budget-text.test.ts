import { afterEach, describe, expect, it } from 'vitest';
import { activeLocale } from '../../panel/i18n/locale';
import { said } from '../../src/i18n/shared';
import type { ConnectionView } from '../../src/model/capture-state';
import {
  computePools,
  poolKey,
  type LiveConnection,
  type PlacedSnapshot,
  type PoolView,
  type ProtocolInfo,
} from '../../src/model/pools';
import {
  budgetSummary,
  connectionStatus,
  formatWait,
  gaugeFraction,
  gaugeNote,
  gaugeText,
  longestQueueWait,
  memberFrame,
  memberStateWords,
  memberTab,
  poolChip,
  poolName,
  poolWarning,
  protocolLabel,
  protocolName,
  protocolNote,
  queueNote,
  queueWaitText,
  slotHolders,
  stripExpanded,
  worstLevel,
  type WarningPart,
} from '../../panel/budget-text';
import { formatClock } from '../../panel/format';

const ORIGIN = 'http://127.0.0.1:8787';
const T0 = 1_700_000_000_000;
const H1: Record<string, ProtocolInfo> = {
  [ORIGIN]: {
    protocol: 'http/1.1',
    source: said('protocol.seenNavigation', { protocol: 'http/1.1', url: `${ORIGIN}/page` }),
  },
};
const H2: Record<string, ProtocolInfo> = {
  [ORIGIN]: {
    protocol: 'h2',
    source: said('protocol.seenNavigation', { protocol: 'h2', url: `${ORIGIN}/page` }),
  },
};

/** `open` open streams then `connecting` CONNECTING ones, started a second apart from T0. */
function streams(open: number, connecting: number, first = 1): LiveConnection[] {
  return Array.from({ length: open + connecting }, (_, i) => ({
    conn: first + i,
    url: `${ORIGIN}/sse/hold?n=${first + i}`,
    withCredentials: false,
    readyState: i < open ? 1 : 0,
    reconnecting: false,
    since: T0 + (first + i) * 1000,
    retryDelay: null,
  }));
}

function tab(
  tabId: number,
  connections: LiveConnection[],
  protocols: Record<string, ProtocolInfo> = H1,
  extra: Partial<PlacedSnapshot> = {},
): PlacedSnapshot {
  return {
    docId: `doc${tabId}`,
    url: `${ORIGIN}/page`,
    origin: ORIGIN,
    topOrigin: ORIGIN,
    title: `Tab ${tabId}`,
    protocols,
    tabId,
    frameId: 0,
    tabUrl: `${ORIGIN}/page`,
    connections,
    ...extra,
  };
}

function onlyPool(...snapshots: PlacedSnapshot[]): PoolView {
  const [pool, ...rest] = computePools(snapshots);
  if (!pool || rest.length > 0) throw new Error('expected exactly one pool');
  return pool;
}

const text = (parts: WarningPart[] | null): string | null =>
  parts === null ? null : parts.map((p) => p.text).join('');

function connection(extra: Partial<ConnectionView> = {}): ConnectionView {
  return {
    key: 'doc1:1',
    docId: 'doc1',
    url: `${ORIGIN}/sse/hold?n=1`,
    kind: 'eventsource',
    withCredentials: false,
    frameUrl: `${ORIGIN}/page`,
    top: true,
    stack: '',
    createdAt: T0,
    readyState: 0,
    state: 'connecting',
    frames: 0,
    retries: 0,
    bytes: 0,
    lastActivity: T0,
    closedAt: null,
    transitions: [],
    listenedTypes: [],
    queued: false,
    queueWaits: [],
    ...extra,
  };
}

describe('formatWait', () => {
  it('counts whole seconds under a minute, then minutes', () => {
    expect(formatWait(-5)).toBe('0 s');
    expect(formatWait(999)).toBe('0 s');
    expect(formatWait(14_900)).toBe('14 s');
    expect(formatWait(125_000)).toBe('2m 05s');
  });
});

describe('protocol wording', () => {
  it('names known protocols and says how they were learned', () => {
    const pool = onlyPool(tab(1, streams(2, 0)));
    expect(protocolName('h2')).toBe('HTTP/2');
    expect(protocolName('spdy')).toBe('spdy');
    expect(protocolLabel(pool)).toBe('HTTP/1.1');
    expect(protocolNote(pool)).toBe(`http/1.1 seen on the navigation of ${ORIGIN}/page`);
  });

  it('says when HTTP/1.1 is only assumed', () => {
    const pool = onlyPool(tab(1, streams(2, 0), {}));
    expect(protocolLabel(pool)).toBe('HTTP/1.1 assumed');
    expect(protocolNote(pool)).toBe('HTTP/1.1 assumed: protocol not learned yet');
  });

  it('calls an unknown protocol that carries too many streams for HTTP/1.1 multiplexed', () => {
    const pool = onlyPool(tab(1, streams(8, 0), {}));
    expect(protocolLabel(pool)).toBe('multiplexed');
    expect(protocolNote(pool)).toMatch(/^inferred: 8 streams open at once/);
  });
});

describe('protocol and pool in the panel’s language', () => {
  afterEach(() => {
    activeLocale.value = 'en';
  });

  it('says how the protocol was learned in Russian and Chinese', () => {
    const pool = onlyPool(tab(1, streams(2, 0)));
    activeLocale.value = 'ru';
    expect(protocolNote(pool)).toBe(`http/1.1 замечен при переходе на ${ORIGIN}/page`);
    activeLocale.value = 'zh_CN';
    expect(protocolNote(pool)).toBe(`在导航到 ${ORIGIN}/page 时发现使用 http/1.1`);
  });

  it('words a pool’s key, in English exactly the key', () => {
    const key = poolKey(ORIGIN, 'http://127.0.0.1', 'credentialed');
    expect(poolName(key)).toBe(key);
    activeLocale.value = 'ru';
    expect(poolName(key)).toBe(
      `${ORIGIN} · сайт верхнего уровня http://127.0.0.1 · с учётными данными`,
    );
    activeLocale.value = 'zh_CN';
    expect(poolName(poolKey(ORIGIN, 'http://127.0.0.1', 'anonymous'))).toBe(
      `${ORIGIN} · 顶级站点 http://127.0.0.1 · 匿名`,
    );
    expect(poolName('not a pool key')).toBe('not a pool key');
  });
});

describe('gauge', () => {
  it('counts connections against the HTTP/1.1 limit', () => {
    const pool = onlyPool(tab(1, streams(6, 2)));
    expect(gaugeText(pool)).toBe('6 / 6');
    expect(gaugeNote(pool)).toBe('connections in use / limit');
    expect(gaugeFraction(pool)).toBe(1);
    expect(poolChip(pool)).toBe(`${ORIGIN} 6/6 · 2 queued`);
  });

  it('counts streams for multiplexed pools', () => {
    const pool = onlyPool(tab(1, streams(8, 0), H2));
    expect(gaugeText(pool)).toBe('8 streams');
    expect(gaugeNote(pool)).toBe('multiplexed (≈100 per connection)');
    expect(gaugeFraction(pool)).toBeCloseTo(0.08);
    expect(poolChip(pool)).toBe(`${ORIGIN} 8 streams`);
    expect(gaugeText(onlyPool(tab(1, streams(1, 0), H2)))).toBe('1 stream');
  });
});

describe('levels, summary and the strip', () => {
  const ok = onlyPool(tab(1, streams(2, 0)));
  const nearly = onlyPool(tab(1, streams(5, 0)));
  const full = onlyPool(tab(1, streams(6, 1)));

  it('reports the worst level and counts the problems', () => {
    expect(worstLevel([])).toBe('ok');
    expect(worstLevel([ok, nearly])).toBe('nearly-full');
    expect(worstLevel([nearly, full, ok])).toBe('full');
    expect(budgetSummary([ok])).toBe('1 pool, within limits');
    expect(budgetSummary([ok, nearly, full])).toBe('3 pools: 1 full, 1 nearly full');
  });

  it('shows the rows unless several pools are all fine', () => {
    expect(stripExpanded([ok], null)).toBe(true);
    expect(stripExpanded([ok, ok, ok], null)).toBe(false);
    expect(stripExpanded([ok, ok, nearly], null)).toBe(true);
  });

  it("keeps the user's choice until a pool gets worse", () => {
    const collapsed = { expanded: false, level: 'nearly-full' as const };
    expect(stripExpanded([ok, nearly], collapsed)).toBe(false);
    expect(stripExpanded([ok], collapsed)).toBe(false);
    expect(stripExpanded([ok, full], collapsed)).toBe(true);
    expect(stripExpanded([ok, ok, ok], { expanded: true, level: 'ok' })).toBe(true);
  });
});

describe('queue and slot holders', () => {
  it('measures the longest wait of the queued members', () => {
    const pool = onlyPool(tab(1, streams(6, 2)));
    // The 7th and 8th started at T0 + 7 s and T0 + 8 s.
    expect(longestQueueWait(pool, T0 + 21_000)).toBe(14_000);
    expect(queueNote(pool, T0 + 21_000)).toBe('longest wait 14 s');
    expect(queueNote(onlyPool(tab(1, streams(6, 1))), T0 + 10_000)).toBe('waiting 3 s');
    expect(longestQueueWait(onlyPool(tab(1, streams(2, 0))), T0)).toBeNull();
    expect(queueNote(onlyPool(tab(1, streams(2, 0))), T0)).toBe('none waiting');
  });

  it('names the tabs that hold slots from the inspected tab’s point of view', () => {
    const pool = onlyPool(
      tab(1, streams(4, 0)),
      tab(2, streams(2, 0, 10)),
      tab(3, streams(0, 1, 20)),
    );
    expect(slotHolders(pool, 1)).toBe('this tab and 1 other tab');
    expect(slotHolders(pool, 3)).toBe('2 other tabs');
    const mine = onlyPool(tab(1, streams(5, 0)));
    expect(slotHolders(mine, 1)).toBe('this tab');
    expect(slotHolders(mine, 9)).toBe('1 other tab');
  });
});

describe('poolWarning', () => {
  it('says nothing while a pool has room', () => {
    expect(poolWarning(onlyPool(tab(1, streams(4, 0))), 1, T0)).toBeNull();
    expect(poolWarning(onlyPool(tab(1, streams(8, 0), H2)), 1, T0)).toBeNull();
  });

  it('explains a full pool across tabs, with the queue and its wait', () => {
    const pool = onlyPool(tab(1, streams(4, 2)), tab(2, streams(2, 0, 10)));
    const parts = poolWarning(pool, 1, T0 + 19_000);
    expect(text(parts)).toBe(
      `${ORIGIN} has 6 of 6 HTTP/1.1 connections in use (held by this tab and 1 other tab). ` +
        '2 EventSources are queued and have waited up to 14 s. ' +
        'Any other request to this host from this site — fetch, images, navigation — will wait too.',
    );
    expect(parts?.filter((p) => p.ticking).map((p) => p.text)).toEqual([
      'are queued and have waited up to 14 s.',
    ]);
  });

  it('uses the singular for one queued stream and says when the limit is assumed', () => {
    const pool = onlyPool(tab(1, streams(6, 1), {}));
    expect(text(poolWarning(pool, 1, T0 + 10_000))).toBe(
      `${ORIGIN} has 6 of 6 connections in use (held by this tab; HTTP/1.1 assumed: protocol ` +
        'not learned yet). 1 EventSource is queued and has waited 3 s. Any other request to ' +
        'this host from this site — fetch, images, navigation — will wait too.',
    );
  });

  it('warns one connection before the limit', () => {
    expect(text(poolWarning(onlyPool(tab(1, streams(5, 0))), 1, T0))).toBe(
      `${ORIGIN} has 5 of 6 HTTP/1.1 connections in use (held by this tab). The next stream ` +
        'or request to this host from this site will take the last connection.',
    );
  });

  it('names the cancelled fetch bodies Firefox still holds, and how to let them go', () => {
    const cancelled = streams(0, 2, 10).map((c) => ({
      ...c,
      readyState: 2 as const,
      lingering: true as const,
    }));
    const pool = onlyPool(tab(1, [...streams(4, 1), ...cancelled]));
    expect(text(poolWarning(pool, 1, T0 + 20_000))).toBe(
      `${ORIGIN} has 6 of 6 HTTP/1.1 connections in use (held by this tab). 2 of them are ` +
        'fetch bodies the page cancelled: Firefox keeps their connections until the server ' +
        'writes to them again. Abort the requests (AbortController) to let them go at once. ' +
        '1 EventSource is queued and has waited 15 s. Any other request to this host from ' +
        'this site — fetch, images, navigation — will wait too.',
    );
  });

  it('counts queued fetch and XHR streams as streams, not EventSources', () => {
    const [a, b] = streams(0, 2, 10).map((c) => ({ ...c, api: 'fetch' as const }));
    const pool = onlyPool(tab(1, [...streams(6, 1), a!, b!]));
    expect(text(poolWarning(pool, 1, T0 + 20_000))).toMatch(
      / 3 streams are queued and have waited up to 13 s\. /,
    );
  });

  it('narrows the consequence for a pool without credentials', () => {
    const page = tab(1, streams(6, 0), H1, {
      url: 'http://app.test/page',
      origin: 'http://app.test',
      topOrigin: null,
    });
    const pool = onlyPool(page);
    expect(pool.credentials).toBe('anonymous');
    expect(text(poolWarning(pool, 1, T0))).toMatch(
      /Any other request made without credentials to this host from this site will wait too\.$/,
    );
  });
});

describe('members', () => {
  const pool = onlyPool(tab(1, streams(6, 1)));

  it('names the tab and frame each connection lives in', () => {
    const [first] = pool.members;
    if (!first) throw new Error('no members');
    expect(memberTab(first)).toBe('Tab 1');
    expect(memberTab({ ...first, tabTitle: '' })).toBe(`${ORIGIN}/page`);
    expect(memberTab({ ...first, tabTitle: '', tabUrl: '' })).toBe('tab 1');
    expect(memberFrame(first)).toBe('top');
    expect(memberFrame({ ...first, frameId: 3, frameUrl: `${ORIGIN}/frame` })).toBe(
      `${ORIGIN}/frame`,
    );
  });

  it('words each member state', () => {
    expect(memberStateWords('queued')).toMatchObject({ label: 'queued', tone: 'queued' });
    expect(memberStateWords('waiting-server').label).toBe('awaiting server');
    expect(memberStateWords('reconnecting').title).toMatch(/holding no connection/);
  });
});

describe('connectionStatus', () => {
  const member = onlyPool(tab(1, streams(0, 1))).members[0];

  it('keeps open and closed as they are', () => {
    expect(connectionStatus(connection({ state: 'open', readyState: 1 }), member, T0)).toEqual({
      label: 'open',
      tone: 'open',
      title: null,
    });
  });

  it('shows a queued connection and how long it has waited', () => {
    const c = connection({
      queued: true,
      queueWaits: [{ since: T0, until: null, pool: 'p' }],
    });
    expect(connectionStatus(c, member, T0 + 12_400)).toMatchObject({
      label: 'queued',
      tone: 'queued',
      title: expect.stringMatching(/^Queued behind the connection limit for 12 s\./) as string,
    });
  });

  it('tells a reconnect delay and a slow server from an ordinary connect', () => {
    if (!member) throw new Error('no member');
    const c = connection();
    const reconnecting = { ...member, state: 'reconnecting' as const };
    expect(connectionStatus(c, reconnecting, T0).label).toBe('reconnecting');
    const waiting = { ...member, state: 'waiting-server' as const, since: T0 };
    expect(connectionStatus(c, waiting, T0 + 1500).label).toBe('connecting');
    expect(connectionStatus(c, waiting, T0 + 4000)).toMatchObject({
      label: 'awaiting server',
      title: expect.stringMatching(/^Waiting for the server for 4 s/) as string,
    });
    expect(connectionStatus(c, undefined, T0 + 9000).label).toBe('connecting');
  });
});

describe('connectionStatus of a cancelled fetch body', () => {
  const [lingering] = onlyPool(
    tab(1, [{ ...streams(0, 1)[0]!, readyState: 2, lingering: true }]),
  ).members;

  it('says Firefox still holds its connection while the budget counts it', () => {
    const c = connection({
      kind: 'fetch',
      state: 'closed',
      readyState: 2,
      outcome: { t: T0, outcome: 'cancelled', error: '' },
    });
    expect(lingering?.state).toBe('lingering');
    expect(connectionStatus(c, lingering, T0)).toEqual({
      label: 'cancelled, held',
      tone: 'closed',
      title: expect.stringMatching(
        /^The page cancelled this fetch body, but Firefox still holds its connection/,
      ) as string,
    });
    expect(connectionStatus(c, undefined, T0).label).toBe('cancelled');
  });
});

describe('queueWaitText', () => {
  it('tells a finished wait with its times', () => {
    const wait = { since: T0, until: T0 + 4200, pool: 'p' };
    expect(queueWaitText(wait, T0 + 99_000)).toBe(
      `waited 4.2 s for a free connection, ${formatClock(T0)} → ${formatClock(T0 + 4200)}`,
    );
  });

  it('tells an ongoing wait by the clock', () => {
    const wait = { since: T0, until: null, pool: 'p' };
    expect(queueWaitText(wait, T0 + 12_000)).toBe(
      `waiting for a free connection for 12 s, since ${formatClock(T0)}`,
    );
  });
});
