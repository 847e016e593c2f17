// The content script's logic: a bridge between the page and the extension's transports.
// Records from the page hook are validated, capped, numbered and buffered; the buffer is
// replayed on `sync` and new records stream live until `detach`, and straight to panels that
// opened a direct port (the background relays records only for panels that cannot). It keeps the background told which
// connections are live (for the connection budget) and records its queue verdicts. The
// background port is open only while the document has live streams or a relayed panel
// watches it (a `wake` opens it). Testable with in-memory transports.
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
import { CaptureBuffer, type BufferLimits } from './capture-buffer';
import { lazyLink } from './lazy-link';
import { LiveConnections } from './live-connections';
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
  /** The document title (reported by the top frame only). */
  title: () => string;
  timing: TimingSource;
}

export interface ContentBridgeOptions {
  doc: DocInfo;
  page: Transport<unknown, never>;
  connect: Connector<unknown, ContentOut>;
  environment: DocEnvironment;
  /** Registers the handler for the background's `wake` (sent when a panel subscribes). */
  onWake: (wake: () => void) => void;
  /** Registers for direct ports panels open to this document (tabs.connect, DIRECT_PORT). */
  onDirect?: (accept: (panel: Transport<unknown, ContentOut>) => void) => void;
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

export interface ContentBridge {
  readonly buffer: CaptureBuffer;
  /** True while a panel has synced and receives records live, relayed or direct. */
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
  /** A panel synced through the background and gets records relayed. */
  let live = false;
  /** Panels that synced over their own direct port: records go to them without a relay. */
  const directs = new Set<Transport<unknown, ContentOut>>();
  /** The document is in the back/forward cache, where the browser cuts extension ports. */
  let inPageCache = false;
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
    if (!live && directs.size === 0 && connections.size === 0) bg.close();
  };
  const sendSnapshot = (): void => {
    snapshotPending = false;
    bg.send(message<ContentToBackground, 'snapshot'>('snapshot', { snapshot: snapshot() }));
    releaseIfIdle();
  };
  const protocols = new ProtocolLearner(o.environment.timing, scheduleSnapshot);
  const responses = new ResponseTiming(o.environment.timing, (records) => record(records));
  const record = (records: Parameters<CaptureBuffer['append']>[0]): void => {
    const numbered = buffer.append(records);
    let changed = false;
    for (const r of numbered) {
      changed = connections.apply(r) || changed;
      responses.apply(r);
    }
    // A page in the back/forward cache reports nothing until it is shown again.
    if (connections.size > 0 && !inPageCache) bg.open();
    if (changed) scheduleSnapshot();
    if (numbered.length === 0 || (!live && directs.size === 0)) return;
    send(numbered, false, live ? [...directs, bg] : directs);
  };

  const send = (
    records: CapturedRecord[],
    sync: boolean,
    to: Iterable<{ send(m: ContentOut): void }>,
  ): void => {
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
      for (const target of to) target.send(m);
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

  const hello = () =>
    message<ContentToPanel, 'hello'>('hello', { doc: o.doc, direct: directs.size > 0 });
  const bg = lazyLink<unknown, ContentOut>({
    connect: o.connect,
    setTimer,
    onConnect(t) {
      live = false;
      t.send(hello());
      t.send(message<ContentToBackground, 'snapshot'>('snapshot', { snapshot: snapshot() }));
    },
    onMessage(m) {
      if (!isEnvelope(m)) return;
      if (m.type === 'sync') {
        send(buffer.all(), true, [bg]);
        live = true;
      } else if (m.type === 'clear') {
        buffer.clearFrames();
      } else if (m.type === 'detach') {
        live = false;
        releaseIfIdle();
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

  // A panel subscribed: a closed port opens (and says hello); an open one says hello again,
  // since a panel with direct ports learns of documents only from their hellos.
  o.onWake(() => {
    if (bg.isOpen) bg.send(hello());
    else bg.open();
  });
  o.onDirect?.((panel) => {
    panel.onMessage((m) => {
      if (!isEnvelope(m)) return;
      if (m.type === 'sync') {
        send(buffer.all(), true, [panel]);
        directs.add(panel);
      } else if (m.type === 'clear') {
        buffer.clearFrames();
      }
    });
    panel.onDisconnect(() => {
      directs.delete(panel);
      releaseIfIdle();
    });
  });
  o.onPageCache?.((shown) => {
    inPageCache = !shown;
    bg.close();
    // Direct ports die the same silent way; their panels open new ones on the next hello.
    for (const panel of directs) panel.disconnect();
    directs.clear();
    if (!shown) return;
    // Back from the cache: say hello again (a watching panel then re-syncs), report what is
    // live now, and let go again if nothing is.
    bg.open();
    scheduleSnapshot();
  });

  const wire = new WireStreams();
  o.page.onMessage((m) => {
    const { records, dropped, rejected, staleHook } = sanitizeHookMessage(m);
    if (dropped > 0) buffer.noteLost(dropped);
    if (rejected > 0 || staleHook > 0) buffer.noteRejected(rejected, staleHook);
    record(records.flatMap((r) => wire.expand(r)));
  });

  return {
    buffer,
    get live() {
      return live || directs.size > 0;
    },
    get linked() {
      return bg.isOpen;
    },
  };
}
