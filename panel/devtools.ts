// The part of `browser.devtools` the panel reads. It only exists when panel.html runs inside
// DevTools; opened as an ordinary tab (as tests do) this returns undefined.
import browser from 'webextension-polyfill';
import type { ThemeSource } from './theme';

export interface DevtoolsContext {
  inspectedWindow?: { tabId?: number };
  network?: { onNavigated: { addListener(listener: (url: string) => void): void } };
  panels?: ThemeSource;
}

export function devtoolsContext(): DevtoolsContext | undefined {
  return (browser as { devtools?: DevtoolsContext }).devtools;
}
