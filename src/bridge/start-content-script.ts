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
  });
}

export function describeDocument(win: Window): DocInfo {
  return {
    id: randomId(),
    url: win.location.href,
    top: win === win.top,
    startedAt: Date.now(),
  };
}

export function documentEnvironment(win: Window): DocEnvironment {
  // Chrome tells a frame its ancestors' origins; Firefox does not (the background then
  // uses the tab's top frame).
  const ancestors = win.location.ancestorOrigins as DOMStringList | undefined;
  const topOrigin =
    win === win.top ? win.location.origin : (ancestors?.item(ancestors.length - 1) ?? null);
  return {
    topOrigin,
    title: () => win.document.title,
    timing: performanceTimingSource(win.performance),
  };
}

/** crypto.randomUUID needs a secure context; pages on plain http need an id too. */
function randomId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
