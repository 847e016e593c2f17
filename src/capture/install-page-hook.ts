// Installs the whole page hook into one window. Runs in the page's MAIN world at
// document_start, before any page script; must never throw into the page.
import { openHookChannel } from './hook-channel';
import { captureIntrinsics } from './intrinsics';
import { installNativeMask } from './native-mask';
import { captureFetchIntrinsics, describeErrorWith } from './fetch-intrinsics';
import { installHeadersMask } from './headers-mask';
import { installResponseMask } from './response-mask';
import { createStacks } from './stacks';
import { wrapEventSource } from './wrap-event-source';
import { wrapFetch } from './wrap-fetch';
import { wrapXhr } from './wrap-xhr';
import { captureXhrIntrinsics } from './xhr-intrinsics';

export function installPageHook(win: Window & typeof globalThis): void {
  if (typeof win.EventSource !== 'function') return;
  try {
    const I = captureIntrinsics(win);
    const sink = openHookChannel(win, I);
    const stacks = createStacks(I);
    const mask = installNativeMask(win, I, stacks);
    // Connection numbers are shared by every API, so they are unique within the document.
    let conns = 0;
    const nextConn = (): number => ++conns;
    wrapEventSource(win, I, mask, stacks, sink, nextConn);
    // Taken once for both: its DOMException getters are the same for fetch and XHR.
    const errorName = describeErrorWith(win);
    // Each API on its own: one a browser lacks (or shapes differently) leaves the others hooked.
    attempt(() => {
      const F = captureFetchIntrinsics(win, errorName);
      if (F === null) return;
      const headers = installHeadersMask(win, I, mask, stacks);
      const responses = installResponseMask(win, I, F, mask, stacks, headers);
      wrapFetch(win, I, F, mask, responses, stacks, sink, nextConn);
    });
    attempt(() => {
      const X = captureXhrIntrinsics(win, errorName);
      if (X !== null) wrapXhr(win, I, X, mask, stacks, sink, nextConn);
    });
  } catch {
    // A page we cannot hook keeps working unhooked.
  }
}

function attempt(install: () => void): void {
  try {
    install();
  } catch {
    // This API stays native; the page keeps working.
  }
}
