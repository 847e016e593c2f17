// The content script's logic: a bridge between two transports. Records from the page hook
// are validated, capped, numbered and buffered; the buffer is replayed on `sync` and new
// records stream live until `detach`. It keeps the background told which connections are
// live (for the connection budget) and records its queue verdicts. The background port is
// open only while the document has live streams or a panel watches it (a `wake` opens it).
// Testable with in-memory transports.
import type { CapturedRecord, DocInfo } from '../capture/records';
import { LIMITS } from '../protocol/constants';
import type { DocSnapshot } from '../model/pools';
import {
  isEnvelope,
  message,
  type BackgroundToContent,
  type ContentToBackground,
  type ContentToPanel,
  type Envelope,
  type MessageOf,
} from '../protocol/messages';
import { sanitizeHookMessage } from '../protocol/sanitize';
import { packRecords } from '../protocol/packed-events';
import { CaptureBuffer, type BufferLimits, type Bufferable } from './capture-buffer';
import { lazyLink } from './lazy-link';
import { endedFetches, LiveConnections } from './live-connections';
import { ProtocolLearner, type TimingSource } from './protocol-learner';
import { ResponseTiming } from './response-timing';
import { WireStreams } from './wire-streams';
import type { Connector, Transport } from './transport';

export type ContentOut = MessageOf<ContentToPanel> | MessageOf<ContentToBackground>;

/** What the bridge needs to know about the document beyond its identity. */
export interface DocEnvironment {
  /** The document's origin as the browser holds it (inherited by about:blank/srcdoc). */
  origin: string | null;
  /** The top-level document's origin, if this document can know it. */
  topOrigin: string | null;
  /** The browser's reconnection delay when the server sets none. */
  defaultRetryMs: number;
  /** The browser keeps a cancelled fetch body's connection until the server writes again. */
  cancelKeepsConnection: boolean;
  /** The document title (reported by the top frame only). */
  title: () => string;
  timing: TimingSource;
}

export interface ContentBridgeOptions {
  doc: DocInfo;
  page: Transport<unknown, never>;
  connect: Connector<unknown, ContentOut>;
  environment: DocEnvironment;
  /** Registers the handler for the background's `wake` (sent while the port is closed). */
  onWake: (wake: () => void) => void;
  /**
   * Registers for the document entering (`shown` false) and coming back from (`shown` true)
   * the back/forward cache. Browsers close extension ports of cached pages without telling
   * the content script, so the bridge lets go of its port and links afresh on return.
   */
  onPageCache?: (listener: (shown: boolean) => void) => void;
  limits?: BufferLimits;
  setTimer?: (fn: () => void, ms: number) => unknown;
  /** The page clock, for the queue waits' ends (Date.now: the page hook's clock too). */
  now?: () => number;
}

/** Snapshots are coalesced: one per this many ms at most. */
const SNAPSHOT_DELAY_MS = 50;
/**
 * How long the port stays after the last panel left. A panel that subscribes again at once
 * (DevTools closed and opened again) may send its sync right behind the detach, on this port;
 * its wake, sent on another channel, may already have arrived and found the port open.
 */
const DETACH_GRACE_MS = 1_000;

export interface ContentBridge {
  readonly buffer: CaptureBuffer;
  /** True while a panel has synced and receives records live. */
  readonly live: boolean;
  /** True while the port to the background is open. */
  readonly linked: boolean;
}

/** Keeps each message well under the runtime's message size limit. */
const MAX_DATA_CHARS_PER_MESSAGE = 8 * 1024 * 1024;

export function startContentBridge(o: ContentBridgeOptions): ContentBridge {
  const buffer = new CaptureBuffer(
    o.limits ?? {
      maxRecords: LIMITS.maxBufferedRecords,
      maxDataChars: LIMITS.maxBufferedDataChars,
      maxMetaRecords: LIMITS.maxBufferedRecords,
      maxMetaChars: LIMITS.maxBufferedMetaChars,
      maxConnections: LIMITS.maxConnections,
    },
  );
  let live = false;
  const wire = new WireStreams();
  /** A watching panel gets fetch/XHR frames as they come; otherwise their parsing waits. */
  const setLive = (watched: boolean): void => {
    live = watched;
    wire.defer = !watched;
  };
  const setTimer = o.setTimer ?? ((fn: () => void, ms: number) => setTimeout(fn, ms));
  const now = o.now ?? Date.now;
  let snapshotPending = false;
  const scheduleSnapshot = (): void => {
    if (snapshotPending) return;
    snapshotPending = true;
    setTimer(sendSnapshot, SNAPSHOT_DELAY_MS);
  };
  const connections = new LiveConnections({
    defaultRetryMs: o.environment.defaultRetryMs,
    cancelKeepsConnection: o.environment.cancelKeepsConnection,
    now,
    setTimer,
    onChange: scheduleSnapshot,
  });
  const snapshot = (): DocSnapshot => ({
    docId: o.doc.id,
    url: o.doc.url,
    origin: o.environment.origin,
    topOrigin: o.environment.topOrigin,
    title: o.doc.top ? o.environment.title() : '',
    connections: connections.list(),
    protocols: { ...protocols.known },
  });
  /** Nothing left to report and nobody watching: let the background sleep. */
  const releaseIfIdle = (): void => {
    if (!live && connections.size === 0) bg.close();
  };
  const sendSnapshot = (): void => {
    snapshotPending = false;
    bg.send(message<ContentToBackground, 'snapshot'>('snapshot', { snapshot: snapshot() }));
    releaseIfIdle();
  };
  const protocols = new ProtocolLearner(o.environment.timing, scheduleSnapshot);
  const responses = new ResponseTiming(o.environment.timing, (records) => record(records));
  if (o.environment.cancelKeepsConnection) {
    o.environment.timing.observe((entries) => {
      const ended = endedFetches(entries);
      if (ended.length > 0 && connections.requestsEnded(ended)) scheduleSnapshot();
    });
  }
  const record = (records: Parameters<CaptureBuffer['append']>[0]): void => {
    const numbered = buffer.append(records);
    let changed = false;
    for (const r of numbered) {
      changed = connections.apply(r) || changed;
      responses.apply(r);
    }
    if (connections.size > 0) bg.open();
    if (changed) scheduleSnapshot();
    if (live && numbered.length > 0) send(numbered, false);
  };

  const send = (records: CapturedRecord[], sync: boolean): void => {
    let chunk: CapturedRecord[] = [];
    let chars = 0;
    const flush = (): void => {
      const m: Envelope<ContentToPanel, 'records'> = message<ContentToPanel, 'records'>('records', {
        doc: o.doc,
        ...packRecords(chunk),
        lost: buffer.lostUpstream,
        counters: { ...buffer.counters },
        clearedThrough: buffer.clearedThrough,
        sync,
      });
      bg.send(m);
      chunk = [];
      chars = 0;
    };
    for (const r of records) {
      const size = r.kind === 'event' ? r.data.length : 0;
      if (
        chunk.length > 0 &&
        (chunk.length >= LIMITS.maxRecordsPerMessage || chars + size > MAX_DATA_CHARS_PER_MESSAGE)
      ) {
        flush();
      }
      chunk.push(r);
      chars += size;
    }
    if (chunk.length > 0 || sync) flush();
  };

  const bg = lazyLink<unknown, ContentOut>({
    connect: o.connect,
    setTimer,
    onConnect(t) {
      setLive(false);
      t.send(message<ContentToPanel, 'hello'>('hello', { doc: o.doc }));
      t.send(message<ContentToBackground, 'snapshot'>('snapshot', { snapshot: snapshot() }));
    },
    onMessage(m) {
      if (!isEnvelope(m)) return;
      if (m.type === 'sync') {
        // Stream bodies held unparsed while no panel watched become frames before the replay.
        const parsed: Bufferable[] = [];
        wire.parseAllHeld(parsed);
        record(parsed);
        send(buffer.all(), true);
        setLive(true);
      } else if (m.type === 'clear') {
        buffer.clearFrames();
      } else if (m.type === 'detach') {
        setLive(false);
        setTimer(releaseIfIdle, DETACH_GRACE_MS);
      } else if (m.type === 'queue') {
        // Both ends of a wait on the page clock: it began when the connection (re)requested,
        // and ends now, when the background saw it get a slot.
        const q = m as MessageOf<BackgroundToContent> & { type: 'queue' };
        const t = q.queued ? connections.sinceOf(q.conn) : now();
        if (t !== null && connections.setQueued(q.conn, q.queued)) {
          record([{ kind: 'queue', conn: q.conn, t, queued: q.queued, pool: q.pool }]);
        }
      }
    },
  });

  o.onWake(() => bg.open());
  o.onPageCache?.((shown) => {
    bg.close();
    if (!shown) return;
    // Back from the cache: the page shown now. Say hello again (a watching panel then
    // re-syncs), report what is live now, and let go again if nothing is.
    o.doc.shownAt = now();
    bg.open();
    scheduleSnapshot();
  });

  o.page.onMessage((m) => {
    const { records, dropped, rejected, staleHook } = sanitizeHookMessage(m);
    if (dropped > 0) buffer.noteLost(dropped);
    if (rejected > 0 || staleHook > 0) buffer.noteRejected(rejected, staleHook);
    const expanded: Bufferable[] = [];
    for (const r of records) wire.expandInto(r, expanded);
    record(expanded);
  });

  return {
    buffer,
    get live() {
      return live;
    },
    get linked() {
      return bg.isOpen;
    },
  };
}
