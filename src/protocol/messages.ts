// The typed, versioned message map for every boundary. Send and receive signatures are
// derived from these maps, so a message that is not listed here cannot be sent.
import type { CapturedRecord, DocInfo, HookRecord } from '../capture/records';
import type { PackedEvents } from './packed-events';
import type { DocSnapshot, PoolView } from '../model/pools';
import type { DeepCaptureStatus, WireRecord } from '../deep-capture/wire-records';
import type { EndpointSockets } from '../deep-capture/socket-use';
import { PROTOCOL_VERSION } from './constants';

/** Page hook -> content script, over the private MessagePort. */
export interface HookToContent {
  /** `dropped`: records the hook discarded while no channel was open (bounded queue). */
  records: { records: HookRecord[]; dropped: number };
}

/** Content script -> background -> panel. */
export interface ContentToPanel {
  /** Sent on every (re)connect so panels learn about the document and reloads. */
  hello: { doc: DocInfo };
  /**
   * A batch of records; `sync` marks a replay of the buffer in answer to `sync`. Records
   * are numbered without gaps, so a panel counts what it never received from the gaps in
   * `seq`, except those up to `clearedThrough` (the user cleared them). `lost`: records the
   * hook dropped before they were numbered. `counters`: the other records never numbered.
   * Both are cumulative since the document loaded or the user last cleared.
   */
  records: {
    doc: DocInfo;
    records: CapturedRecord[];
    /** The batch's page-dispatched events, packed (packed-events.ts); merged by `seq`. */
    events?: PackedEvents;
    lost: number;
    counters?: SourceCounters;
    clearedThrough: number;
    sync: boolean;
  };
}

/** Records a content script received but never numbered, by reason. */
export interface SourceCounters {
  /** Rejected by the schema check (sanitize.ts). */
  malformed: number;
  /** Rejected because the page hook speaks another protocol version (stale after an update). */
  staleHook: number;
  /** Live connections over the tracking caps (LIMITS.maxConnections): counted, not tracked. */
  untrackedConnections: number;
  /** Frames and state changes of those connections. */
  untrackedRecords: number;
}

/** Panel -> background -> every content script of the inspected tab. */
export interface PanelToContent {
  /** Send everything buffered, then stream live. */
  sync: Record<string, never>;
  /** Drop buffered frames. */
  clear: Record<string, never>;
}

/**
 * Background -> content script, besides the forwarded PanelToContent messages. A content
 * script streams live records only between a `sync` (which it answers with its buffer, so
 * every panel sees records in `seq` order) and a `detach` (the tab's last panel went away).
 */
export interface BackgroundToContent {
  detach: Record<string, never>;
  /** Sent with tabs.sendMessage to a tab's content scripts: open the port, a panel is here. */
  wake: Record<string, never>;
  /** The connection is queued behind its pool's limit, or (queued: false) got a slot. */
  queue: { conn: number; queued: boolean; pool: string };
}

/** Content script -> background only: the document's live connections, for the budget. */
export interface ContentToBackground {
  snapshot: { snapshot: DocSnapshot };
}

/** Background -> panel: the connection pools the inspected tab takes part in. */
export interface BackgroundToPanel {
  pools: { pools: PoolView[] };
  /** Deep capture (chrome.debugger) of the inspected tab: on, off, or why it failed. */
  'deep-capture': DeepCaptureStatus;
  /** A batch of what deep capture saw on the wire (src/deep-capture/wire-records.ts). */
  wire: { records: WireRecord[] };
  /** The sockets the tab's requests use now, as deep capture sees them (empty when off). */
  sockets: { endpoints: EndpointSockets[] };
}

/** Panel -> background only. */
export interface PanelToBackground {
  subscribe: { tabId: number };
  /**
   * The subscribed tab navigated: wake its new documents' content scripts. A Firefox DevTools
   * panel has no tabs API to message the tab itself.
   */
  wake: Record<string, never>;
  /** Turn deep capture of the subscribed tab on or off (the panel got the permission first). */
  'deep-capture': { on: boolean };
}

export type Envelope<M, K extends keyof M> = { v: typeof PROTOCOL_VERSION; type: K } & M[K];
export type MessageOf<M> = { [K in keyof M]: Envelope<M, K> }[keyof M];

/** Build a message of map `M`; the payload type follows from `type`. */
export function message<M, K extends keyof M>(type: K, payload: M[K]): Envelope<M, K> {
  return { v: PROTOCOL_VERSION, type, ...payload };
}

/** True for objects carrying our protocol version and a string `type`. */
export function isEnvelope(value: unknown): value is { v: number; type: string } {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { v?: unknown }).v === PROTOCOL_VERSION &&
    typeof (value as { type?: unknown }).type === 'string'
  );
}
