// The part of `browser.devtools` the panel reads. It only exists when panel.html runs inside
// DevTools; opened as an ordinary tab (as tests do) this returns undefined.
import browser from 'webextension-polyfill';
import type { NetworkLog } from './network-log';
import type { ThemeSource } from './theme';

export interface DevtoolsContext {
  inspectedWindow?: { tabId?: number };
  panels?: ThemeSource;
  network?: NetworkLog & {
    onNavigated: { addListener(listener: (url: string) => void): void };
  };
}

export function devtoolsContext(): DevtoolsContext | undefined {
  return (browser as unknown as { devtools?: DevtoolsContext }).devtools;
}
