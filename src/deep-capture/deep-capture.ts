// Deep capture in the background: attaches chrome.debugger to a tab while its panel has the
// switch on, enables the Network domain and pipes what it reports (as wire records, batched)
// to that tab's panels. It listens to Network events of the attached tab and nothing else.
// The switch is remembered per tab (tab-settings.ts); the debugger stays attached only while
// a panel of the tab is open, and is attached again when one subscribes (also after a
// service-worker restart). Operations run one at a time, so a toggle racing a subscribe
// cannot attach twice. Workers (dedicated, service) and frames in processes of their own are
// auto-attached as flat child sessions; their Network events are read the same way, each
// session through its own translator.
import { said, sharedText } from '../i18n/shared';
import { message, type BackgroundToPanel, type MessageOf } from '../protocol/messages';
import { CdpTranslator } from './cdp-translate';
import type { DebuggerApi, DebuggerSource, TabTarget } from './debugger-api';
import { createSharedWorkers } from './shared-workers';
import { SocketUse } from './socket-use';
import { streamContent } from './stream-content';
import { WorkerStreams } from './worker-streams';
import type { CancelledBody, DocSnapshot } from '../model/pools';
import type { TabSettings } from './tab-settings';
import type { DeepCaptureStatus, WireRecord, WorkerContext } from './wire-records';

/** The DevTools protocol version chrome.debugger is asked for. */
const PROTOCOL_VERSION = '1.3';
/** Wire records cross to the panel in batches: after this long or this many, whichever first. */
const FLUSH_MS = 50;
/** Socket use is sent at most this often (a page load changes it hundreds of times). */
const SOCKETS_MS = 100;
/** How often the target list is looked at for new shared workers. */
const SHARED_WORKER_POLL_MS = 1000;
const FLUSH_RECORDS = 500;

export interface DeepCaptureDeps {
  /** chrome.debugger, or undefined while the optional permission is not granted. */
  api: () => DebuggerApi | undefined;
  settings: TabSettings;
  /** Posts to every panel of the tab. */
  post: (tabId: number, m: MessageOf<BackgroundToPanel>) => void;
  /** The tab's worker streams, for the connection budget (empty once deep capture stops). */
  workerSnapshots?: (tabId: number, snapshots: DocSnapshot[]) => void;
  setTimer?: (fn: () => void, ms: number) => unknown;
}

export interface DeepCapture {
  /** The panel's switch. */
  turn(tabId: number, on: boolean): Promise<void>;
  /** A panel subscribed to the tab: re-attach if the switch is on, and tell it the state. */
  panelJoined(tabId: number): Promise<void>;
  /** The tab's last panel went away: detach, keeping the switch as it is. */
  panelsGone(tabId: number): Promise<void>;
  /**
   * The page cancelled these fetch bodies while the browser still holds their connections
   * (Firefox only; Chrome's debugger only watches).
   */
  bodiesCancelled?(tabId: number, bodies: readonly CancelledBody[]): void;
}

interface Session {
  translator: CdpTranslator;
  /** Auto-attached child targets, by session id. */
  children: Map<string, CdpTranslator>;
  pending: WireRecord[];
  timer: unknown;
  sockets: SocketUse;
  socketsTimer: unknown;
  workers: WorkerStreams;
  workersTimer: unknown;
}

/** Auto-attach: every worker or frame target starts paused until its Network domain is on. */
const AUTO_ATTACH = { autoAttach: true, waitForDebuggerOnStart: true, flatten: true };

const WORKER_TYPES: Readonly<Record<string, WorkerContext['type']>> = {
  worker: 'worker',
  shared_worker: 'sharedworker',
  service_worker: 'serviceworker',
};

interface AttachedParams {
  sessionId?: unknown;
  targetInfo?: { type?: unknown; url?: unknown };
}

export function createDeepCapture(deps: DeepCaptureDeps): DeepCapture {
  const setTimer = deps.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  const sessions = new Map<number, Session>();
  let listening: DebuggerApi | null = null;
  let queue: Promise<void> = Promise.resolve();
  const serial = (op: () => Promise<void>): Promise<void> => (queue = queue.then(op, op));
  const shared = createSharedWorkers({
    api: deps.api,
    emit: (tabId, records) => {
      const session = sessions.get(tabId);
      if (session) emit(tabId, session, records);
    },
  });
  /** Shared workers are looked for while some tab has deep capture on. */
  let pollTimer: unknown = null;
  const pollSharedWorkers = (): void => {
    pollTimer = null;
    if (sessions.size === 0) return;
    void serial(() => shared.refresh(new Set(sessions.keys()))).then(() => {
      if (sessions.size > 0) pollTimer ??= setTimer(pollSharedWorkers, SHARED_WORKER_POLL_MS);
    });
  };

  const status = (tabId: number, s: DeepCaptureStatus): void =>
    deps.post(tabId, message<BackgroundToPanel, 'deep-capture'>('deep-capture', s));

  const flush = (tabId: number, session: Session): void => {
    session.timer = null;
    if (session.pending.length === 0) return;
    const records = session.pending;
    session.pending = [];
    deps.post(tabId, message<BackgroundToPanel, 'wire'>('wire', { records }));
  };
  const postSockets = (tabId: number, session: Session | undefined): void => {
    if (session) session.socketsTimer = null;
    const endpoints = session ? session.sockets.view() : [];
    deps.post(tabId, message<BackgroundToPanel, 'sockets'>('sockets', { endpoints }));
  };
  const socketsChanged = (tabId: number, session: Session): void => {
    session.socketsTimer ??= setTimer(() => {
      if (sessions.get(tabId) === session) postSockets(tabId, session);
    }, SOCKETS_MS);
  };
  const workersChanged = (tabId: number, session: Session): void => {
    session.workersTimer ??= setTimer(() => {
      session.workersTimer = null;
      if (sessions.get(tabId) === session) {
        deps.workerSnapshots?.(tabId, session.workers.snapshots());
      }
    }, SOCKETS_MS);
  };
  const emit = (tabId: number, session: Session, records: WireRecord[]): void => {
    if (records.length === 0) return;
    if (session.workers.apply(records)) workersChanged(tabId, session);
    session.pending.push(...records);
    if (session.pending.length >= FLUSH_RECORDS) flush(tabId, session);
    else session.timer ??= setTimer(() => flush(tabId, session), FLUSH_MS);
  };

  /**
   * A worker or frame target was auto-attached, paused: follow its Network events, then let it
   * run. Chrome closes the whole browser when Network.enable reaches a service worker paused at
   * its start, so a service worker runs first (requests it makes at once may go unseen).
   */
  const attachChild = (tabId: number, session: Session, params: AttachedParams): void => {
    const api = listening;
    const child = params.sessionId;
    if (!api || typeof child !== 'string') return;
    const type = WORKER_TYPES[String(params.targetInfo?.type)];
    const url = params.targetInfo?.url;
    const worker = type && typeof url === 'string' ? { type, url, session: child } : undefined;
    session.children.set(child, new CdpTranslator(Date.now, { session: child, worker }));
    const target: TabTarget = { tabId, sessionId: child };
    const run = () => api.sendCommand(target, 'Runtime.runIfWaitingForDebugger', {});
    const follow = () =>
      api
        .sendCommand(target, 'Network.enable', {})
        .then(() => api.sendCommand(target, 'Target.setAutoAttach', AUTO_ATTACH));
    const ready = type === 'serviceworker' ? run().then(follow) : follow().finally(run);
    // The target went away meanwhile: its detachedFromTarget cleans up.
    ready.catch(() => undefined);
  };

  const onEvent = (source: DebuggerSource, method: string, params?: object): void => {
    if (shared.onEvent(source, method, params)) return;
    const tabId = source.tabId;
    const session = tabId === undefined ? undefined : sessions.get(tabId);
    if (tabId === undefined || !session) return;
    if (method === 'Target.attachedToTarget') {
      attachChild(tabId, session, params ?? {});
      return;
    }
    if (method === 'Target.detachedFromTarget') {
      const child = (params as { sessionId?: unknown } | undefined)?.sessionId;
      if (typeof child !== 'string') return;
      session.children.delete(child);
      if (session.sockets.dropSession(child)) socketsChanged(tabId, session);
      return;
    }
    if (!method.startsWith('Network.')) return;
    const sessionId = source.sessionId;
    if (session.sockets.apply(sessionId ?? '', method, params)) socketsChanged(tabId, session);
    const translator =
      sessionId === undefined ? session.translator : session.children.get(sessionId);
    if (!translator) return;
    const { records, streamContent: request } = translator.translate(method, params);
    emit(tabId, session, records);
    if (request === undefined || !listening) return;
    const target: TabTarget = sessionId === undefined ? { tabId } : { tabId, sessionId };
    streamContent(listening, target, translator, request, (buffered) => {
      if (sessions.get(tabId) === session) emit(tabId, session, buffered);
    });
  };
  const onDetach = (source: DebuggerSource, reason: string): void => {
    shared.onDetach(source);
    const tabId = source.tabId;
    if (tabId === undefined || !sessions.has(tabId)) return;
    const session = sessions.get(tabId)!;
    flush(tabId, session);
    sessions.delete(tabId);
    postSockets(tabId, undefined);
    deps.workerSnapshots?.(tabId, []);
    // Closing the tab, or the user pressing Cancel on Chrome's "is debugging" bar, ends it
    // for good; anything else (a crash, a navigation to a page we may not debug) is an error.
    if (reason === 'target_closed' || reason === 'canceled_by_user') {
      void serial(() => deps.settings.set(tabId, false));
      status(tabId, { state: 'off' });
    } else {
      const problem = said('deepCapture.detached', { reason });
      status(tabId, { state: 'error', error: sharedText(problem), problem });
    }
  };

  const listen = (api: DebuggerApi): void => {
    if (listening === api) return;
    listening = api;
    api.onEvent.addListener(onEvent);
    api.onDetach.addListener(onDetach);
  };

  /** Attaches (again); returns Chrome's error text when it refuses. */
  const attach = async (tabId: number): Promise<string | null> => {
    if (sessions.has(tabId)) return null;
    const api = deps.api();
    if (!api) return 'The debugger permission is not granted.';
    listen(api);
    const target: TabTarget = { tabId };
    // A worker that was stopped may have left its own session attached: drop it first (this
    // fails harmlessly when we hold none, and never detaches another client).
    await api.detach(target).catch(() => undefined);
    try {
      await api.attach(target, PROTOCOL_VERSION);
    } catch (error) {
      return error instanceof Error ? error.message : String(error);
    }
    sessions.set(tabId, {
      translator: new CdpTranslator(),
      children: new Map(),
      pending: [],
      timer: null,
      sockets: new SocketUse(),
      socketsTimer: null,
      workers: new WorkerStreams(),
      workersTimer: null,
    });
    try {
      await api.sendCommand(target, 'Network.enable', {});
      await api.sendCommand(target, 'Target.setAutoAttach', AUTO_ATTACH);
    } catch (error) {
      await detach(tabId);
      return error instanceof Error ? error.message : String(error);
    }
    pollTimer ??= setTimer(pollSharedWorkers, 0);
    return null;
  };
  const detach = async (tabId: number): Promise<void> => {
    const session = sessions.get(tabId);
    if (!session) return;
    flush(tabId, session);
    sessions.delete(tabId);
    postSockets(tabId, undefined);
    deps.workerSnapshots?.(tabId, []);
    // Let go of the shared workers only this tab was watched for.
    await shared.refresh(new Set(sessions.keys()));
    await deps
      .api()
      ?.detach({ tabId })
      .catch(() => undefined);
  };

  return {
    turn: (tabId, on) =>
      serial(async () => {
        if (!on) {
          await detach(tabId);
          await deps.settings.set(tabId, false);
          status(tabId, { state: 'off' });
          return;
        }
        const error = await attach(tabId);
        await deps.settings.set(tabId, error === null);
        status(tabId, error === null ? { state: 'on' } : { state: 'error', error });
      }),
    panelJoined: (tabId) =>
      serial(async () => {
        if (!(await deps.settings.isOn(tabId))) {
          status(tabId, { state: 'off' });
          return;
        }
        const error = await attach(tabId);
        status(tabId, error === null ? { state: 'on' } : { state: 'error', error });
        // The new panel learns what is in use now, not at the next change.
        if (error === null) postSockets(tabId, sessions.get(tabId));
      }),
    panelsGone: (tabId) => serial(() => detach(tabId)),
  };
}
