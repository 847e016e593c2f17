// Shared workers belong to no tab, so a tab's auto-attach never reaches them. They are found in
// the debugger's target list (looked at while deep capture is on in some tab) and attached by
// target id. A shared worker serves every page of its origin, so what it streams goes to each
// tab with deep capture on whose page has that origin. A stream the worker opened before it
// was found gets nothing from the wire (as for any request Chrome was not watching).
import { originOf } from '../model/site';
import { CdpTranslator } from './cdp-translate';
import type { DebuggerApi, DebuggerSource, IdTarget } from './debugger-api';
import { streamContent } from './stream-content';
import type { WireRecord } from './wire-records';

const PROTOCOL_VERSION = '1.3';

export interface SharedWorkersDeps {
  api: () => DebuggerApi | undefined;
  /** Hands a shared worker's records to one tab's deep capture. */
  emit: (tabId: number, records: WireRecord[]) => void;
}

export interface SharedWorkers {
  /**
   * Looks at the target list again: attaches to new shared workers of the tabs' origins, and
   * lets go of those no tab in `tabs` (the tabs with deep capture on) has a page of.
   */
  refresh(tabs: ReadonlySet<number>): Promise<void>;
  /** An event of a target attached by id; true when it was one of ours. */
  onEvent(source: DebuggerSource, method: string, params?: object): boolean;
  /** A target attached by id was detached by Chrome (the worker ended). */
  onDetach(source: DebuggerSource): void;
}

interface Watched {
  target: IdTarget;
  origin: string;
  translator: CdpTranslator;
  /** The tabs its records go to. */
  tabs: number[];
}

export function createSharedWorkers(deps: SharedWorkersDeps): SharedWorkers {
  const watched = new Map<string, Watched>();

  const follow = async (
    api: DebuggerApi,
    id: string,
    url: string,
    origin: string,
  ): Promise<Watched | null> => {
    const target: IdTarget = { targetId: id };
    // A session an earlier run of the background left is dropped first (this never detaches
    // another client, and fails harmlessly when we hold none).
    await api.detach(target).catch(() => undefined);
    try {
      await api.attach(target, PROTOCOL_VERSION);
      await api.sendCommand(target, 'Network.enable', {});
    } catch {
      // Another client holds it, or it ended meanwhile: look again next time.
      await api.detach(target).catch(() => undefined);
      return null;
    }
    const worker = { type: 'sharedworker' as const, url, session: id };
    return {
      target,
      origin,
      translator: new CdpTranslator(Date.now, { session: id, worker }),
      tabs: [],
    };
  };

  return {
    async refresh(tabs) {
      const api = deps.api();
      if (!api) return;
      const targets = await api.getTargets().catch(() => []);
      const tabsByOrigin = new Map<string, number[]>();
      for (const t of targets) {
        if (t.type !== 'page' || t.tabId === undefined || !tabs.has(t.tabId)) continue;
        const origin = originOf(t.url);
        if (origin === null || origin === 'null') continue;
        tabsByOrigin.set(origin, [...(tabsByOrigin.get(origin) ?? []), t.tabId]);
      }
      const alive = new Set<string>();
      for (const t of targets) {
        // Dedicated workers come with their tab's auto-attach, service workers likewise.
        if (t.type !== 'worker' || t.tabId !== undefined) continue;
        const origin = originOf(t.url);
        const forTabs = origin === null ? undefined : tabsByOrigin.get(origin);
        if (origin === null || !forTabs) continue;
        alive.add(t.id);
        let w = watched.get(t.id);
        if (!w) {
          const followed = await follow(api, t.id, t.url, origin);
          if (!followed) continue;
          watched.set(t.id, (w = followed));
        }
        w.tabs = forTabs;
      }
      for (const [id, w] of watched) {
        if (alive.has(id)) continue;
        watched.delete(id);
        await api.detach(w.target).catch(() => undefined);
      }
    },
    onEvent(source, method, params) {
      const w = source.targetId === undefined ? undefined : watched.get(source.targetId);
      if (!w) return false;
      if (!method.startsWith('Network.')) return true;
      const { records, streamContent: request } = w.translator.translate(method, params);
      for (const tabId of w.tabs) deps.emit(tabId, records);
      const api = deps.api();
      if (request && api) {
        streamContent(api, w.target, w.translator, request, (buffered) => {
          if (watched.get(w.target.targetId) !== w) return;
          for (const tabId of w.tabs) deps.emit(tabId, buffered);
        });
      }
      return true;
    },
    onDetach(source) {
      if (source.targetId !== undefined) watched.delete(source.targetId);
    },
  };
}
