// Wires the content script of one document: identity, environment, page channel and the
// port to the background.
import type { Runtime } from 'webextension-polyfill';
import type { DocInfo } from '../capture/records';
import { CONTENT_PORT } from '../protocol/constants';
import { isEnvelope } from '../protocol/messages';
import { startContentBridge, type DocEnvironment } from './content-bridge';
import { openPageChannel } from './page-channel';
import { performanceTimingSource } from './protocol-learner';
import { runtimePortTransport } from './runtime-port';

export function startContentScript(win: Window, runtime: Runtime.Static): void {
  startContentBridge({
    doc: describeDocument(win),
    page: openPageChannel(win),
    connect: () => runtimePortTransport(runtime.connect({ name: CONTENT_PORT })),
    environment: documentEnvironment(win),
    onWake(wake) {
      runtime.onMessage.addListener((m: unknown) => {
        if (isEnvelope(m) && m.type === 'wake') wake();
      });
    },
    onPageCache(listener) {
      win.addEventListener('pagehide', (e) => e.persisted && listener(false));
      win.addEventListener('pageshow', (e) => e.persisted && listener(true));
    },
  });
}

export function describeDocument(win: Window): DocInfo {
  const now = Date.now();
  return {
    id: randomId(),
    url: win.location.href,
    top: win === win.top,
    startedAt: now,
    shownAt: now,
  };
}

export function documentEnvironment(win: Window): DocEnvironment {
  // The document's own origin: for about:blank and srcdoc frames, inherited from their
  // creator (location.origin would give the URL's, which for those is opaque).
  const origin = win.origin === 'null' ? null : win.origin;
  // The browser tells a frame its ancestors' origins (Chrome; Firefox ESR 153 too); where it
  // does not, the background uses the tab's URL.
  const ancestors = win.location.ancestorOrigins as DOMStringList | undefined;
  const topOrigin = win === win.top ? origin : (ancestors?.item(ancestors.length - 1) ?? null);
  return {
    origin,
    topOrigin,
    defaultRetryMs: isFirefox(win.navigator) ? 5000 : 3000,
    cancelKeepsConnection: isFirefox(win.navigator),
    title: () => win.document.title,
    timing: performanceTimingSource(win.performance),
  };
}

/**
 * Where the two browsers differ in what the budget model must know: an EventSource's
 * reconnection delay when the server sent no `retry:` (5 s in Firefox,
 * dom.server-events.default-reconnection-time; 3 s in Chromium), and whether a fetch body
 * the page cancelled keeps its connection until the server writes again (Firefox does).
 */
function isFirefox(nav: Navigator): boolean {
  return nav.userAgent.includes('Firefox/');
}

/** crypto.randomUUID needs a secure context; pages on plain http need an id too. */
function randomId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
