// Wires the content script of one document: identity, page channel, background port.
import type { Runtime } from 'webextension-polyfill';
import type { DocInfo } from '../capture/records';
import { CONTENT_PORT } from '../protocol/constants';
import { startContentBridge } from './content-bridge';
import { openPageChannel } from './page-channel';
import { runtimePortTransport } from './runtime-port';

export function startContentScript(win: Window, runtime: Runtime.Static): void {
  const doc: DocInfo = {
    id: randomId(),
    url: win.location.href,
    top: win === win.top,
    startedAt: Date.now(),
  };
  startContentBridge({
    doc,
    page: openPageChannel(win),
    connect: () => runtimePortTransport(runtime.connect({ name: CONTENT_PORT })),
  });
}

/** crypto.randomUUID needs a secure context; pages on plain http need an id too. */
function randomId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
