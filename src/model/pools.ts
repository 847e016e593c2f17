// The connection-budget model: groups every live EventSource of the browser into the socket
// pool it draws from and decides, first come first served, which ones hold a connection
// slot and which are queued behind the limit. Pure: the background feeds it snapshots from
// every document and sends the result to panels.
import type { ReadyState } from '../capture/records';
import { said, sharedText, type SharedMessage } from '../i18n/shared';
import { credentialsMode, endpointOf, type CredentialsMode } from './site';
import { siteOf } from './top-level-site';

export type Protocol = 'http/1.1' | 'h2' | 'h3' | 'unknown';

/** HTTP/1.1: six connections per pool in Chrome and Firefox. */
export const HTTP1_LIMIT = 6;
/** HTTP/2 and HTTP/3 multiplex; servers commonly allow ~100 concurrent streams. */
export const MULTIPLEXED_STREAM_LIMIT = 100;

export interface ProtocolInfo {
  protocol: Protocol;
  /** How it was learned, e.g. "http/1.1 seen on the navigation of http://a/page", keyed. */
  source: SharedMessage;
}

/**
 * The reconnection delay a stream is taken to wait before requesting again. The page never
 * sees the server's `retry:`: it is either the shortest gap from an error to the next open
 * or error this stream showed (`observed`, an upper bound) or the browser's default
 * (`assumed`).
 */
export interface RetryDelay {
  ms: number;
  basis: 'observed' | 'assumed';
}

/** A live (not closed) EventSource as its content script reports it. */
export interface LiveConnection {
  conn: number;
  url: string;
  withCredentials: boolean;
  readyState: ReadyState;
  /** CONNECTING after an error, waiting out the reconnection delay: it holds no slot. */
  reconnecting: boolean;
  /**
   * Start of the current wait, on the page clock: creation, the error that started a
   * reconnect, or (once the delay has passed) the moment it requested again.
   */
  since: number;
  /** Set from an error on: the delay after which it requests (or requested) again. */
  retryDelay: RetryDelay | null;
  /** Absent for an EventSource. */
  api?: 'fetch' | 'xhr';
  /**
   * A fetch stream whose body the page cancelled, in a browser that keeps such a connection
   * until the server writes to it again (Firefox): it still holds its slot until the browser
   * says it let the connection go. `since` is the moment of the cancel.
   */
  lingering?: true;
  /** A lingering stream's request time, so deep capture can tell which request it was. */
  requestedAt?: number;
}

/** A fetch body the page cancelled whose connection the browser still holds (Firefox). */
export interface CancelledBody {
  url: string;
  /** When the page made the request, on the page clock. */
  requestedAt: number;
}

/** The cancelled bodies among a document's live connections. */
export function cancelledBodies(connections: readonly LiveConnection[]): CancelledBody[] {
  const bodies: CancelledBody[] = [];
  for (const c of connections) {
    if (c.lingering && c.requestedAt !== undefined) {
      bodies.push({ url: c.url, requestedAt: c.requestedAt });
    }
  }
  return bodies;
}

/** What one document reports about itself. */
export interface DocSnapshot {
  docId: string;
  url: string;
  /**
   * The document's origin, inherited as the browser does (an `about:blank` or `srcdoc` frame
   * has its creator's); null when opaque. Credentials mode is decided against it.
   */
  origin: string | null;
  /** The top-level document's origin, when this document can know it. */
  topOrigin: string | null;
  /** The top-level document's title (top frame only). */
  title: string;
  connections: LiveConnection[];
  /** Protocols learned in this document from completed resources, by endpoint. */
  protocols: Record<string, ProtocolInfo>;
}

export interface PlacedSnapshot extends DocSnapshot {
  tabId: number;
  frameId: number;
  /**
   * The tab's URL as the browser gave it to the background with the port (the top-level
   * document's), or null when withheld: the top-level site of frames that cannot know it.
   */
  tabUrl: string | null;
}

export type MemberState = 'open' | 'waiting-server' | 'queued' | 'reconnecting' | 'lingering';

export interface PoolMember {
  /** `${docId}:${conn}`, the panel's connection key. */
  key: string;
  docId: string;
  conn: number;
  tabId: number;
  frameId: number;
  tabTitle: string;
  tabUrl: string;
  frameUrl: string;
  url: string;
  state: MemberState;
  since: number;
  /** For a stream that reconnects: the delay it is taken to wait before requesting again. */
  retryDelay: RetryDelay | null;
  /** Absent for an EventSource. */
  api?: 'fetch' | 'xhr';
}

export interface PoolView {
  key: string;
  /** `scheme://host:port` of the streams. */
  endpoint: string;
  topSite: string;
  credentials: CredentialsMode;
  protocol: Protocol;
  protocolSource: SharedMessage;
  limit: number;
  multiplexed: boolean;
  /** True while the protocol is unknown and the HTTP/1.1 limit is assumed. */
  limitAssumed: boolean;
  /**
   * Connections holding a slot: open, sent and waiting for the server, or cancelled by the
   * page and still held by the browser (`lingering`).
   */
  inUse: number;
  /** Of `inUse`: fetch bodies the page cancelled whose connections the browser still keeps. */
  lingering: number;
  queued: number;
  reconnecting: number;
  members: PoolMember[];
}

export function poolKey(endpoint: string, topSite: string, credentials: CredentialsMode): string {
  return `${endpoint} · top-level site ${topSite} · ${credentials}`;
}

const POOL_KEY = /^(.*) · top-level site (.*) · (credentialed|anonymous)$/;

/**
 * The parts `poolKey` joined, so the panel can word them in its language (the key itself is
 * an identifier, exported as it is); null for a key it did not make.
 */
export function poolKeyParts(
  key: string,
): { endpoint: string; topSite: string; credentials: CredentialsMode } | null {
  const m = POOL_KEY.exec(key);
  if (m === null) return null;
  const [, endpoint = '', topSite = '', credentials] = m;
  return {
    endpoint,
    topSite,
    credentials: credentials === 'credentialed' ? 'credentialed' : 'anonymous',
  };
}

const UNKNOWN: ProtocolInfo = { protocol: 'unknown', source: said('protocol.notLearned') };

/** Every pool with at least one live connection, members in arrival order. */
export function computePools(snapshots: readonly PlacedSnapshot[]): PoolView[] {
  const tops = new Map<number, PlacedSnapshot>();
  for (const s of snapshots) if (s.frameId === 0) tops.set(s.tabId, s);
  const protocols = new Map<string, ProtocolInfo>();
  for (const s of snapshots) {
    for (const [endpoint, info] of Object.entries(s.protocols)) protocols.set(endpoint, info);
  }

  const pools = new Map<string, PoolView>();
  for (const s of snapshots) {
    const top = tops.get(s.tabId);
    const topUrl = top?.url ?? s.tabUrl ?? s.topOrigin ?? s.url;
    const topSite = siteOf(s.topOrigin ?? top?.origin ?? s.tabUrl ?? s.url) ?? 'unknown';
    for (const c of s.connections) {
      const endpoint = endpointOf(c.url);
      if (endpoint === null) continue;
      const credentials = credentialsMode(c.url, s.origin, c.withCredentials);
      const key = poolKey(endpoint, topSite, credentials);
      let pool = pools.get(key);
      if (!pool) {
        const info = protocols.get(endpoint) ?? UNKNOWN;
        const multiplexed = info.protocol === 'h2' || info.protocol === 'h3';
        pool = {
          key,
          endpoint,
          topSite,
          credentials,
          protocol: info.protocol,
          protocolSource: info.source,
          limit: multiplexed ? MULTIPLEXED_STREAM_LIMIT : HTTP1_LIMIT,
          multiplexed,
          limitAssumed: info.protocol === 'unknown',
          inUse: 0,
          lingering: 0,
          queued: 0,
          reconnecting: 0,
          members: [],
        };
        pools.set(key, pool);
      }
      pool.members.push({
        key: `${s.docId}:${c.conn}`,
        docId: s.docId,
        conn: c.conn,
        tabId: s.tabId,
        frameId: s.frameId,
        tabTitle: top?.title ?? '',
        tabUrl: topUrl,
        frameUrl: s.url,
        url: c.url,
        state: memberState(c),
        since: c.since,
        retryDelay: c.retryDelay,
        ...(c.api === undefined ? {} : { api: c.api }),
      });
    }
  }
  for (const pool of pools.values()) assignSlots(pool);
  return [...pools.values()].filter((p) => p.members.length > 0);
}

function memberState(c: LiveConnection): MemberState {
  if (c.lingering) return 'lingering';
  if (c.readyState === 1) return 'open';
  return c.reconnecting ? 'reconnecting' : 'queued';
}

/**
 * Open connections hold slots; connecting ones get the remaining slots in the order they
 * requested (browsers hand out freed sockets first in, first out); the rest are queued.
 * Reconnecting ones hold none while they wait out the reconnection delay; once it has
 * passed they are connecting again, ordered by the time they requested again.
 *
 * A lingering member (a cancelled fetch body, see LiveConnection) holds a slot as far as
 * anyone can tell, until there is proof it was let go: more streams open than the limit
 * leaves room for. Then the ones cancelled first go, as many as must have been released.
 * A multiplexed endpoint gives each stream its own and keeps no such slot.
 */
function assignSlots(pool: PoolView): void {
  pool.members.sort((a, b) => a.since - b.since || a.key.localeCompare(b.key));
  const open = pool.members.filter((m) => m.state === 'open').length;
  if (pool.limitAssumed && open > HTTP1_LIMIT) {
    // More streams open at once than HTTP/1.1 allows: the endpoint must multiplex.
    pool.multiplexed = true;
    pool.limitAssumed = false;
    pool.limit = MULTIPLEXED_STREAM_LIMIT;
    pool.protocolSource = said('protocol.inferred', { count: open });
  }
  const lingering = pool.members.filter((m) => m.state === 'lingering');
  const released = pool.multiplexed
    ? lingering.length
    : Math.max(0, open + lingering.length - pool.limit);
  const gone = new Set(lingering.slice(0, released));
  pool.members = pool.members.filter((m) => !gone.has(m));
  pool.lingering = lingering.length - released;
  pool.inUse = open + pool.lingering;
  for (const m of pool.members) {
    if (m.state === 'queued' && pool.inUse < pool.limit) {
      m.state = 'waiting-server';
      pool.inUse++;
    }
  }
  pool.queued = pool.members.filter((m) => m.state === 'queued').length;
  pool.reconnecting = pool.members.filter((m) => m.state === 'reconnecting').length;
}

/** Pools that concern one tab: those in which it holds or waits for a connection. */
export function poolsForTab(pools: readonly PoolView[], tabId: number): PoolView[] {
  return pools.filter((p) => p.members.some((m) => m.tabId === tabId));
}

export type BudgetLevel = 'ok' | 'nearly-full' | 'full';

/** Full at the limit or with anything queued; nearly full one below the HTTP/1.1 limit. */
export function budgetLevel(pool: PoolView): BudgetLevel {
  if (pool.queued > 0 || (!pool.multiplexed && pool.inUse >= pool.limit)) return 'full';
  if (!pool.multiplexed && pool.inUse >= pool.limit - 1) return 'nearly-full';
  return 'ok';
}

const delayMessage = (ms: number): SharedMessage =>
  ms < 1000
    ? said('delay.ms', { n: Math.round(ms) })
    : said('delay.s', { n: Number((ms / 1000).toFixed(1)) });

/** Renders a keyed message: the panel passes its translator, English by default. */
type Render = (message: SharedMessage) => string;
const english: Render = (message) => sharedText(message);

/** Short words for a reconnecting member's delay, e.g. "delay 3 s, assumed"; else null. */
export function retryDelayLabel(m: PoolMember, render: Render = english): string | null {
  const d = m.retryDelay;
  return (
    d &&
    render(
      said('retry.label', {
        delay: delayMessage(d.ms),
        basis: said(d.basis === 'assumed' ? 'retry.basis.assumed' : 'retry.basis.observed'),
      }),
    )
  );
}

/** In full, how the model decides when a reconnecting member requests again; else null. */
export function retryDelayNote(m: PoolMember, render: Render = english): string | null {
  const d = m.retryDelay;
  if (!d) return null;
  const params = {
    delay: delayMessage(d.ms),
    why: said(d.basis === 'assumed' ? 'retry.why.assumed' : 'retry.why.observed'),
    unseen: said('retry.unseen'),
  };
  return render(said(m.state === 'reconnecting' ? 'retry.waiting' : 'retry.requested', params));
}
