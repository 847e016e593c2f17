// Wakes the inspected tab's content scripts when the tab navigates. A content script links to
// the background only while its document has streams or is woken, so a page that opens no
// stream would never say `hello`, and the page that was left would stay listed as live. The
// new top document's `hello` is what retires the old page (src/model/apply-batch.ts).
//
// Signals, all without a permission: DevTools' `network.onNavigated` (inside DevTools), and
// `tabs.onUpdated` status changes of the inspected tab (the only signal when panel.html runs
// as an ordinary tab, and a second chance in DevTools: `onNavigated` can arrive before the new
// document's content script listens). Same-document navigations fire them too; waking a
// document that is already linked does nothing, so they are harmless.

export interface NavigationSignals {
  onNavigated?: { addListener(listener: (url: string) => void): void };
  /** Absent where a DevTools panel has no `tabs` API (Firefox). */
  tabsUpdated?: {
    addListener(listener: (tabId: number, change: { status?: string }) => void): void;
  };
}

export function wakeOnNavigation(
  tabId: number,
  signals: NavigationSignals,
  wake: () => void,
): void {
  signals.onNavigated?.addListener(() => wake());
  signals.tabsUpdated?.addListener((id, change) => {
    if (id === tabId && change.status !== undefined) wake();
  });
}
