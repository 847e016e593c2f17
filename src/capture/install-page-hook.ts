// Installs the whole page hook into one window. Runs in the page's MAIN world at
// document_start, before any page script; must never throw into the page.
import { openHookChannel } from './hook-channel';
import { captureIntrinsics } from './intrinsics';
import { installNativeMask } from './native-mask';
import { captureFetchIntrinsics } from './fetch-intrinsics';
import { installHeadersMask } from './headers-mask';
import { installResponseMask } from './response-mask';
import { createStacks } from './stacks';
import { wrapEventSource } from './wrap-event-source';
import { wrapFetch } from './wrap-fetch';
import { wrapXhr } from './wrap-xhr';
import { captureXhrIntrinsics } from './xhr-intrinsics';

/**
 * `stageDone` is for the benchmark (scripts/bench/hook-stages.ts), which times each stage of
 * the install; the extension passes none.
 */
export function installPageHook(
  win: Window & typeof globalThis,
  stageDone?: (stage: string) => void,
): void {
  if (typeof win.EventSource !== 'function') return;
  try {
    const I = captureIntrinsics(win);
    stageDone?.('intrinsics');
    const sink = openHookChannel(win, I);
    stageDone?.('hook channel');
    const stacks = createStacks(I);
    const mask = installNativeMask(win, I, stacks);
    stageDone?.('stacks and native mask');
    // Connection numbers are shared by every API, so they are unique within the document.
    let conns = 0;
    const nextConn = (): number => ++conns;
    wrapEventSource(win, I, mask, stacks, sink, nextConn);
    stageDone?.('EventSource');
    // Each API on its own: one a browser lacks (or shapes differently) leaves the others hooked.
    attempt(() => {
      const F = captureFetchIntrinsics(win);
      stageDone?.('fetch intrinsics');
      if (F === null) return;
      const headers = installHeadersMask(win, I, mask, stacks);
      const responses = installResponseMask(win, I, F, mask, stacks, headers);
      stageDone?.('Headers and Response masks');
      wrapFetch(win, I, F, mask, responses, stacks, sink, nextConn);
      stageDone?.('fetch');
    });
    attempt(() => {
      const X = captureXhrIntrinsics(win);
      stageDone?.('XHR intrinsics');
      if (X !== null) wrapXhr(win, I, X, mask, stacks, sink, nextConn);
      stageDone?.('XHR');
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
