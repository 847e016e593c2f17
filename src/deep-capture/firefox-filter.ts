// Deep capture in Firefox, which offers extensions no debugger: webRequest listeners filtered
// to the inspected tab pick, at each response head, the streams to follow (stream-choice.ts),
// and filterResponseData passes their bytes through us (filtered-stream.ts). What it sees goes
// to the tab's panels as the same wire records, batched, as the Chrome path sends (events
// come only as bytes, flagged `filtered`). Listeners exist only while a panel of the tab has
// the switch on; the switch is remembered per tab (tab-settings.ts) as in Chrome. They stay a
// grace period after the last panel left (DevTools closed and opened again), holding what they
// see, and a panel joining in time gets it.
//
// Permissions. Firefox gives a DevTools panel no permissions API (bug 1796933), so the panel
// cannot ask for them: it sends the switch, and when the permissions are missing the
// background opens the extension's grant page (panel.html?grant) in a tab, where a click asks.
//
// Workers. A dedicated worker's fetch/XHR carry its tab (the panel tells them from the page's
// own by the document URL, which names the worker's script). Shared and service workers'
// requests carry no tab (tabId -1), nor does a dedicated worker's EventSource (Firefox 153),
// and Firefox does not say which kind of worker made them: while some tab has the switch on,
// they are followed too and shown, as a worker of unknown kind and tab (`unattributed`), in
// each such tab whose page has the worker's origin (the only pages that can use it).
import { message, type BackgroundToPanel, type MessageOf } from '../protocol/messages';
import { said, sharedText } from '../i18n/shared';
import { originOf } from '../model/site';
import type { DeepCapture } from './deep-capture';
import { FilteredStream } from './filtered-stream';
import { acceptOf, choose, guessApi } from './stream-choice';
import type { TabSettings } from './tab-settings';
import type { RequestDetails, RequestFilter, WebRequestApi } from './web-request-api';
import type { DeepCaptureStatus, WireRecord, WireRequest } from './wire-records';
import { WorkerStreams } from './worker-streams';
import type { CancelledBody, DocSnapshot } from '../model/pools';

/** Wire records cross to the panel in batches: after this long or this many, whichever first. */
const FLUSH_MS = 50;
const FLUSH_RECORDS = 500;
/** Worker streams are sent to the connection budget at most this often. */
const WORKERS_MS = 100;
/** The tab id Firefox gives requests of no tab. */
const NO_TAB = -1;
/** How far the page's clock may run ahead of the background's, ms. */
const CLOCK_SLACK_MS = 25;
/**
 * Cancelled bodies remembered as matched per tab (every snapshot repeats a body until its
 * connection goes); the oldest are forgotten beyond this.
 */
const MAX_CANCELLED = 1_000;
/** Requests whose first URL is kept while they may still redirect; the oldest go beyond. */
const MAX_FIRST_URLS = 1_000;
/** How long a tab's listeners outlive its last panel. */
const GRACE_MS = 2_000;
const STREAM_TYPES = ['xmlhttprequest'];
const NOT_GRANTED_PROBLEM = said('deepCapture.notGranted');
export const NOT_GRANTED = sharedText(NOT_GRANTED_PROBLEM);

export interface FilterCaptureDeps {
  /** browser.webRequest, or undefined while the optional permissions are not granted. */
  api: () => WebRequestApi | undefined;
  settings: TabSettings;
  /** Posts to every panel of the tab. */
  post: (tabId: number, m: MessageOf<BackgroundToPanel>) => void;
  /** Whether deep capture's optional permissions and host access are granted. */
  granted: () => Promise<boolean>;
  /** Opens the page where the user grants them (a click there is the gesture Firefox needs). */
  openGrantPage: () => void;
  /** The origin of the tab's page (for workers of no tab), null when unknown. */
  tabOrigin: (tabId: number) => Promise<string | null>;
  /** The tab's streams of workers of no tab, for the connection budget. */
  workerSnapshots?: (tabId: number, snapshots: DocSnapshot[]) => void;
  setTimer?: (fn: () => void, ms: number) => unknown;
  now?: () => number;
}

type Listener = (details: RequestDetails) => void;

/** One set of webRequest listeners (a tab's, or those for requests of no tab). */
interface Listening {
  api: WebRequestApi;
  send: Listener;
  head: Listener;
  completed: Listener;
  failed: Listener;
  streams: Map<string, FilteredStream>;
}

interface TabSession {
  listening: Listening;
  origin: string | null;
  pending: WireRecord[];
  timer: unknown;
  workers: WorkerStreams;
  workersTimer: unknown;
  /** Set while no panel of the tab is there: records are held, and it stops unless one joins. */
  orphaned: object | null;
  /** Cancelled bodies already matched to their requests (`url requestedAt`). */
  cancelled: Set<string>;
}

export function createFilterCapture(deps: FilterCaptureDeps): DeepCapture {
  const setTimer = deps.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  const now = deps.now ?? Date.now;
  const sessions = new Map<number, TabSession>();
  /** Listeners for requests of no tab, while any tab has the switch on. */
  let noTab: Listening | null = null;
  let queue: Promise<void> = Promise.resolve();
  const serial = (op: () => Promise<void>): Promise<void> => (queue = queue.then(op, op));

  const status = (tabId: number, s: DeepCaptureStatus): void =>
    deps.post(tabId, message<BackgroundToPanel, 'deep-capture'>('deep-capture', s));

  const flush = (tabId: number, session: TabSession): void => {
    session.timer = null;
    if (session.pending.length === 0 || session.orphaned) return;
    const records = session.pending;
    session.pending = [];
    deps.post(tabId, message<BackgroundToPanel, 'wire'>('wire', { records }));
  };
  const emit = (tabId: number, records: WireRecord[]): void => {
    const session = sessions.get(tabId);
    if (!session) return;
    if (session.workers.apply(records)) {
      session.workersTimer ??= setTimer(() => {
        session.workersTimer = null;
        if (sessions.get(tabId) === session) {
          deps.workerSnapshots?.(tabId, session.workers.snapshots());
        }
      }, WORKERS_MS);
    }
    session.pending.push(...records);
    if (session.pending.length >= FLUSH_RECORDS) flush(tabId, session);
    else session.timer ??= setTimer(() => flush(tabId, session), FLUSH_MS);
  };

  /**
   * Adds one set of listeners: `onHead` decides, at a stream's head, where its records go
   * (nowhere: null); `onNavigate` hears of the tab's top-level navigations.
   */
  const listen = (
    api: WebRequestApi,
    tabId: number,
    onHead: (details: RequestDetails) => ((records: WireRecord[]) => void) | null,
    onNavigate?: (url: string) => void,
  ): Listening => {
    const accepts = new Map<string, string | null>();
    /** The URL each request was made for: a redirect sends its headers again, to the next. */
    const firstUrls = new Map<string, string>();
    const streams = new Map<string, FilteredStream>();
    const filter: RequestFilter = { urls: ['<all_urls>'], tabId, types: STREAM_TYPES };
    const listening: Listening = {
      api,
      streams,
      send: (d) => {
        accepts.set(d.requestId, acceptOf(d));
        if (firstUrls.has(d.requestId)) return;
        firstUrls.set(d.requestId, d.url);
        if (firstUrls.size > MAX_FIRST_URLS) firstUrls.delete(firstUrls.keys().next().value ?? '');
      },
      head: (d) => {
        const accept = accepts.get(d.requestId) ?? null;
        accepts.delete(d.requestId);
        if (d.type === 'main_frame') onNavigate?.(d.url);
        if (d.type !== 'xmlhttprequest' || streams.has(d.requestId)) return;
        // A redirect's own response reaches no page: the request goes on, same id, to its next URL.
        if (isRedirect(d)) return;
        const requestedUrl = firstUrls.get(d.requestId);
        firstUrls.delete(d.requestId);
        const choice = choose(d);
        const deliver = choice === null ? null : onHead(d);
        if (choice === null || deliver === null) return;
        const documentUrl = d.documentUrl ?? d.originUrl ?? '';
        const request: WireRequest = {
          kind: 'request',
          id: d.requestId,
          // Not d.timeStamp: the page's EventSource must show as created before this time and
          // open after it, and only the response held here in a blocking listener orders the
          // page's clock after ours (Firefox's timeStamp can precede its creation by a few ms).
          t: now(),
          url: d.url,
          api: guessApi(d.method, accept),
          filtered: { documentUrl },
        };
        if (requestedUrl !== undefined && requestedUrl !== d.url) {
          request.requestedUrl = requestedUrl;
        }
        if (tabId === NO_TAB) {
          request.worker = {
            type: 'worker',
            url: documentUrl,
            session: documentUrl,
            unattributed: true,
          };
        }
        const stream = new FilteredStream(
          api.filterResponseData(d.requestId),
          request,
          choice === 'sniff',
          deliver,
          () => streams.delete(d.requestId),
          now,
        );
        streams.set(d.requestId, stream);
      },
      completed: (d) => {
        firstUrls.delete(d.requestId);
        streams.get(d.requestId)?.outcome(null);
      },
      failed: (d) => {
        accepts.delete(d.requestId);
        firstUrls.delete(d.requestId);
        streams.get(d.requestId)?.outcome(d.error ?? 'error');
      },
    };
    api.onSendHeaders.addListener(listening.send, filter, ['requestHeaders']);
    api.onHeadersReceived.addListener(
      listening.head,
      { ...filter, types: [...STREAM_TYPES, 'main_frame'] },
      ['blocking', 'responseHeaders'],
    );
    api.onCompleted.addListener(listening.completed, filter);
    api.onErrorOccurred.addListener(listening.failed, filter);
    return listening;
  };
  const unlisten = (listening: Listening): void => {
    const { api } = listening;
    api.onSendHeaders.removeListener(listening.send);
    api.onHeadersReceived.removeListener(listening.head);
    api.onCompleted.removeListener(listening.completed);
    api.onErrorOccurred.removeListener(listening.failed);
    for (const stream of [...listening.streams.values()]) stream.release();
  };

  /** The tabs a worker of no tab, of this origin, may serve. */
  const tabsOfOrigin = (origin: string | null): number[] =>
    origin === null ? [] : [...sessions].filter(([, s]) => s.origin === origin).map(([t]) => t);

  const start = (tabId: number): string | null => {
    if (sessions.has(tabId)) return null;
    const api = deps.api();
    if (!api) return 'The webRequest permissions are not granted.';
    const session: TabSession = {
      listening: listen(
        api,
        tabId,
        () => (records) => emit(tabId, records),
        (url) => (session.origin = originOf(url)),
      ),
      origin: null,
      pending: [],
      timer: null,
      workers: new WorkerStreams(),
      workersTimer: null,
      orphaned: null,
      cancelled: new Set(),
    };
    sessions.set(tabId, session);
    void deps.tabOrigin(tabId).then((origin) => {
      if (sessions.get(tabId) === session) session.origin ??= origin;
    });
    noTab ??= listen(api, NO_TAB, (d) => {
      const tabs = tabsOfOrigin(originOf(d.documentUrl ?? d.originUrl ?? ''));
      if (tabs.length === 0) return null;
      return (records) => tabs.forEach((t) => emit(t, records));
    });
    return null;
  };
  const stop = (tabId: number): void => {
    const session = sessions.get(tabId);
    if (!session) return;
    unlisten(session.listening);
    flush(tabId, session);
    sessions.delete(tabId);
    deps.workerSnapshots?.(tabId, []);
    if (sessions.size === 0 && noTab) {
      unlisten(noTab);
      noTab = null;
    }
  };
  /** Starts, if granted; `ask`: the user turned the switch on, so the grant page may open. */
  const on = async (tabId: number, ask: boolean): Promise<DeepCaptureStatus> => {
    if (!sessions.has(tabId) && !(await deps.granted().catch(() => false))) {
      if (ask) deps.openGrantPage();
      return { state: 'error', error: NOT_GRANTED, problem: NOT_GRANTED_PROBLEM };
    }
    const error = start(tabId);
    return error === null ? { state: 'on', sockets: false } : { state: 'error', error };
  };

  return {
    turn: (tabId, turnOn) =>
      serial(async () => {
        if (!turnOn) {
          stop(tabId);
          await deps.settings.set(tabId, false);
          status(tabId, { state: 'off' });
          return;
        }
        const s = await on(tabId, true);
        await deps.settings.set(tabId, s.state === 'on');
        status(tabId, s);
      }),
    panelJoined: (tabId) =>
      serial(async () => {
        const held = sessions.get(tabId);
        if (held?.orphaned) {
          held.orphaned = null;
          status(tabId, { state: 'on', sockets: false });
          flush(tabId, held);
          return;
        }
        if (!(await deps.settings.isOn(tabId))) {
          status(tabId, { state: 'off' });
          return;
        }
        status(tabId, await on(tabId, false));
      }),
    panelsGone: (tabId) =>
      serial(() => {
        const session = sessions.get(tabId);
        if (session) {
          const token = {};
          session.orphaned = token;
          setTimer(() => {
            void serial(() => {
              if (sessions.get(tabId)?.orphaned === token) stop(tabId);
              return Promise.resolve();
            });
          }, GRACE_MS);
        }
        return Promise.resolve();
      }),
    bodiesCancelled: (tabId, bodies) => {
      const session = sessions.get(tabId);
      if (!session) return;
      for (const body of bodies) {
        const key = `${body.url} ${body.requestedAt}`;
        if (session.cancelled.has(key)) continue;
        session.cancelled.add(key);
        if (session.cancelled.size > MAX_CANCELLED) {
          session.cancelled.delete(session.cancelled.values().next().value ?? '');
        }
        requestOf(body, session.listening.streams.values())?.pageCancelled();
      }
    },
  };
}

/** A 3xx head: the request goes on, under the same id, to the URL it names. */
function isRedirect(d: RequestDetails): boolean {
  return d.statusCode !== undefined && d.statusCode >= 300 && d.statusCode < 400;
}

/**
 * The followed request a cancelled body came from: one still filtered, made for the same URL,
 * its head the first after the page made the request (the page's and the background's
 * clocks agree to a few ms).
 */
function requestOf(
  body: CancelledBody,
  streams: Iterable<FilteredStream>,
): FilteredStream | undefined {
  let best: FilteredStream | undefined;
  for (const s of streams) {
    if (!s.filtering || s.requestedUrl !== body.url) continue;
    if (s.headAt < body.requestedAt - CLOCK_SLACK_MS) continue;
    if (!best || s.headAt < best.headAt) best = s;
  }
  return best;
}
