// Installs the whole page hook into one window. Runs in the page's MAIN world at
// document_start, before any page script; must never throw into the page.
import { openHookChannel } from './hook-channel';
import { captureIntrinsics } from './intrinsics';
import { installNativeMask } from './native-mask';
import { createStacks } from './stacks';
import { wrapEventSource } from './wrap-event-source';

export function installPageHook(win: Window & typeof globalThis): void {
  if (typeof win.EventSource !== 'function') return;
  try {
    const I = captureIntrinsics(win);
    const sink = openHookChannel(win, I);
    const stacks = createStacks(I);
    const mask = installNativeMask(win, I, stacks);
    wrapEventSource(win, I, mask, stacks, sink);
  } catch {
    // A page we cannot hook keeps working unhooked.
  }
}
