// The background's job: route messages between the content scripts and the panels of each
// tab, and keep the cross-tab connection budget. It holds nothing but open ports and the
// latest snapshot per port, so a service-worker restart loses nothing: both sides
// reconnect, content scripts say hello and send their snapshot again, panels re-sync.
import { CONTENT_PORT, PANEL_PORT } from '../protocol/constants';
import { cancelledBodies, type CancelledBody, type DocSnapshot } from '../model/pools';
import {
  isEnvelope,
  message,
  type BackgroundToContent,
  type BackgroundToPanel,
  type PanelToContent,
} from '../protocol/messages';
import { Budget } from './budget';

/** The subset of runtime.Port the router uses (so tests can pass fakes). */
export interface RouterPort {
  name: string;
  /** `tab.url` is given when the extension may see the tab's URL (its host permissions). */
  sender?: { id?: string; frameId?: number; tab?: { id?: number; url?: string } } | undefined;
  postMessage(message: unknown): void;
  onMessage: { addListener(cb: (message: unknown) => void): void };
  onDisconnect: { addListener(cb: () => void): void };
  disconnect(): void;
}

/** What the router tells deep capture (src/deep-capture) about a tab's panels. */
export interface PanelHooks {
  /** A panel subscribed to the tab. */
  joined(tabId: number): void;
  /** A panel asked to turn deep capture on or off. */
  deepCapture(tabId: number, on: boolean): void;
  /** The tab's last panel went away. */
  gone(tabId: number): void;
  /**
   * A document of the tab reports fetch bodies its page cancelled whose connections the
   * browser still holds (Firefox): deep capture must not be what keeps them.
   */
  bodiesCancelled?(tabId: number, bodies: CancelledBody[]): void;
}

export interface Router {
  connect(port: RouterPort): void;
  /**
   * The tab's worker streams as deep capture sees them, one snapshot per worker (replacing
   * the last ones): they take part in the budget like documents' streams.
   */
  workerSnapshots(tabId: number, snapshots: readonly DocSnapshot[]): void;
  /** Posts to every panel of the tab. */
  toPanels(tabId: number, m: unknown): void;
  /** Open ports per tab, for diagnostics and tests. */
  counts(): { tabs: number; contentPorts: number; panelPorts: number };
}

/**
 * `wakeTab` reaches content scripts that hold no port (their documents have no live
 * streams): in the extension, runtime.tabs.sendMessage of a `wake` message.
 */
export function createRouter(
  extensionId: string,
  wakeTab: (tabId: number) => void,
  hooks?: PanelHooks,
): Router {
  const contents = new Map<number, Set<RouterPort>>();
  const panels = new Map<number, Set<RouterPort>>();
  /**
   * Per panel, the content ports whose replay (`records` with `sync`) it has received. A
   * content script already streaming live for another panel keeps doing so while the new
   * panel's sync is on its way; those live records must not reach the new panel first, or it
   * would take the replayed records before them (the connection's open record included) for
   * duplicates. They are all in the replay.
   */
  const synced = new WeakMap<RouterPort, WeakSet<RouterPort>>();
  /** Content ports, and `worker:<tabId>:<docId>` for the workers deep capture reports. */
  const budget = new Budget<RouterPort | string>();
  const workerKeys = new Map<number, Set<string>>();

  const sendPools = (tabId: number, port?: RouterPort): void => {
    const m = message<BackgroundToPanel, 'pools'>('pools', { pools: budget.poolsForTab(tabId) });
    for (const panel of port ? [port] : (panels.get(tabId) ?? [])) post(panel, m);
  };
  const updateBudget = (
    key: RouterPort | string,
    tabId: number,
    snapshot: DocSnapshot | null,
  ): void => {
    const tabsBefore = budget.tabs();
    // A worker is no frame: -1 keeps it from being taken for the tab's top document.
    const frameId = typeof key === 'string' ? -1 : (key.sender?.frameId ?? 0);
    // The top-level site of a frame that cannot see its top document's origin (a browser
    // without location.ancestorOrigins, such as older Firefox) comes from the tab's URL, which
    // the browser gives with the port: the tab's top frame may hold no port of its own.
    const tabUrl = typeof key === 'string' ? null : (key.sender?.tab?.url ?? null);
    const notices = budget.update(key, snapshot && { ...snapshot, tabId, frameId, tabUrl });
    const bodies = snapshot ? cancelledBodies(snapshot.connections) : [];
    if (bodies.length > 0) hooks?.bodiesCancelled?.(tabId, bodies);
    for (const n of notices) {
      // A worker's streams are only shown: no hook of ours runs there to stamp the wait.
      if (typeof n.port === 'string') continue;
      const { conn, queued, pool } = n;
      post(n.port, message<BackgroundToContent, 'queue'>('queue', { conn, queued, pool }));
    }
    // Pools span tabs, so every watched tab may see a change.
    for (const watched of new Set([...panels.keys(), ...tabsBefore])) {
      if (panels.has(watched)) sendPools(watched);
    }
  };

  const add = (map: Map<number, Set<RouterPort>>, tabId: number, port: RouterPort): void => {
    let set = map.get(tabId);
    if (!set) map.set(tabId, (set = new Set()));
    set.add(port);
  };
  const remove = (map: Map<number, Set<RouterPort>>, tabId: number, port: RouterPort): void => {
    const set = map.get(tabId);
    set?.delete(port);
    if (set?.size === 0) map.delete(tabId);
  };
  const post = (port: RouterPort, m: unknown): void => {
    try {
      port.postMessage(m);
    } catch {
      // Disconnected in the meantime; its onDisconnect cleans up.
    }
  };

  const connectContent = (port: RouterPort, tabId: number): void => {
    add(contents, tabId, port);
    port.onMessage.addListener((m) => {
      if (!isEnvelope(m)) return;
      if (m.type === 'snapshot') {
        const snapshot = (m as { snapshot?: unknown }).snapshot;
        if (isSnapshot(snapshot)) updateBudget(port, tabId, snapshot);
      } else if (m.type === 'hello') {
        for (const panel of panels.get(tabId) ?? []) post(panel, m);
      } else if (m.type === 'records') {
        const replay = (m as { sync?: unknown }).sync === true;
        for (const panel of panels.get(tabId) ?? []) {
          const from = synced.get(panel);
          if (replay) from?.add(port);
          if (replay || from?.has(port)) post(panel, m);
        }
      }
    });
    port.onDisconnect.addListener(() => {
      remove(contents, tabId, port);
      updateBudget(port, tabId, null);
    });
    // A panel is already watching (e.g. both sides reconnected after a restart).
    if (panels.has(tabId)) post(port, message<PanelToContent, 'sync'>('sync', {}));
  };

  const connectPanel = (port: RouterPort): void => {
    let tabId: number | null = null;
    port.onMessage.addListener((m) => {
      if (!isEnvelope(m)) return;
      if (m.type === 'subscribe') {
        const requested = (m as { tabId?: unknown }).tabId;
        if (tabId !== null || typeof requested !== 'number') return;
        tabId = requested;
        synced.set(port, new WeakSet());
        add(panels, tabId, port);
        sendPools(tabId, port);
        wakeTab(tabId);
        hooks?.joined(tabId);
      } else if (tabId !== null && m.type === 'wake') {
        wakeTab(tabId);
      } else if (tabId !== null && m.type === 'deep-capture') {
        const on = (m as { on?: unknown }).on;
        if (typeof on === 'boolean') hooks?.deepCapture(tabId, on);
      } else if (tabId !== null && (m.type === 'sync' || m.type === 'clear')) {
        for (const content of contents.get(tabId) ?? []) post(content, m);
      }
    });
    port.onDisconnect.addListener(() => {
      if (tabId === null) return;
      remove(panels, tabId, port);
      if (!panels.has(tabId)) {
        const detach = message<BackgroundToContent, 'detach'>('detach', {});
        for (const content of contents.get(tabId) ?? []) post(content, detach);
        hooks?.gone(tabId);
      }
    });
  };

  return {
    connect(port) {
      if (port.sender?.id !== extensionId) {
        port.disconnect();
        return;
      }
      const tabId = port.sender.tab?.id;
      if (port.name === CONTENT_PORT && typeof tabId === 'number') connectContent(port, tabId);
      else if (port.name === PANEL_PORT) connectPanel(port);
      else port.disconnect();
    },
    workerSnapshots(tabId, snapshots) {
      const keys = new Set(snapshots.map((s) => `worker:${tabId}:${s.docId}`));
      for (const key of workerKeys.get(tabId) ?? []) {
        if (!keys.has(key)) updateBudget(key, tabId, null);
      }
      for (const s of snapshots) updateBudget(`worker:${tabId}:${s.docId}`, tabId, s);
      if (keys.size > 0) workerKeys.set(tabId, keys);
      else workerKeys.delete(tabId);
    },
    toPanels(tabId, m) {
      for (const panel of panels.get(tabId) ?? []) post(panel, m);
    },
    counts() {
      let contentPorts = 0;
      let panelPorts = 0;
      for (const s of contents.values()) contentPorts += s.size;
      for (const s of panels.values()) panelPorts += s.size;
      return {
        tabs: new Set([...contents.keys(), ...panels.keys()]).size,
        contentPorts,
        panelPorts,
      };
    },
  };
}

/** Content scripts are ours, but a snapshot is still checked for shape before use. */
function isSnapshot(v: unknown): v is DocSnapshot {
  if (typeof v !== 'object' || v === null) return false;
  const s = v as Partial<DocSnapshot>;
  return (
    typeof s.docId === 'string' &&
    typeof s.url === 'string' &&
    (s.origin === null || typeof s.origin === 'string') &&
    Array.isArray(s.connections) &&
    typeof s.protocols === 'object' &&
    s.protocols !== null
  );
}
