// Test-only content script for the Firefox probe variant: the real page channel and content
// bridge, but a fake background that syncs at once and writes what the bridge sends it into
// the page's DOM, where the smoke test can read it (Firefox extension contexts are not scriptable).
import { startContentBridge, type ContentOut } from '../../src/bridge/content-bridge';
import { openPageChannel } from '../../src/bridge/page-channel';
import { documentEnvironment } from '../../src/bridge/start-content-script';
import type { Transport } from '../../src/bridge/transport';
import type { CapturedRecord } from '../../src/capture/records';
import { message, type PanelToContent } from '../../src/protocol/messages';
import { unpackRecords } from '../../src/protocol/packed-events';
import { PROBE_DATASET_KEY, type ProbeSummary } from './probe-summary';

const summary: ProbeSummary = { messages: 0, connections: [], events: [], states: [] };

function summarize(records: CapturedRecord[]): void {
  for (const r of records) {
    if (r.kind === 'connection') {
      summary.connections.push({ conn: r.conn, url: r.url, stack: r.stack, api: r.api });
    }
    if (r.kind === 'event') {
      summary.events.push({
        conn: r.conn,
        type: r.type,
        lastEventId: r.lastEventId,
        data: r.data,
        frameKind: r.frameKind,
      });
    }
    if (r.kind === 'state') {
      summary.states.push({ conn: r.conn, readyState: r.readyState, cause: r.cause });
    }
  }
  // Rewritten whole each time, so a write skipped for want of a root element is not lost.
  const root = document.documentElement;
  if (root) root.dataset[PROBE_DATASET_KEY] = JSON.stringify(summary);
}

/** Answers `hello` with `sync` (asynchronously, like a real port) and records the rest. */
function fakeBackground(): Transport<unknown, ContentOut> {
  const listeners: ((m: unknown) => void)[] = [];
  return {
    send(m) {
      if (m.type === 'hello') {
        const sync = message<PanelToContent, 'sync'>('sync', {});
        queueMicrotask(() => listeners.forEach((listener) => listener(sync)));
        return;
      }
      if (m.type !== 'records') return;
      summary.messages += 1;
      // As the panel does (panel-link.ts): events travel packed.
      summarize(unpackRecords(m.records, m.events));
    },
    onMessage(listener) {
      listeners.push(listener);
    },
    onDisconnect() {
      // The fake background never goes away.
    },
    disconnect() {
      // Nothing to release.
    },
  };
}

startContentBridge({
  doc: { id: 'probe', url: location.href, top: window === window.top, startedAt: Date.now() },
  page: openPageChannel(window),
  connect: fakeBackground,
  environment: documentEnvironment(window),
  // Behave like a panel that watches from the start: wake the bridge at once.
  onWake: (wake) => wake(),
});
