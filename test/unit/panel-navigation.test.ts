// The panel wakes the inspected tab's content scripts on every navigation signal of that tab,
// so a page that opens no stream still says hello and retires the page that was left.
import { describe, expect, it } from 'vitest';
import { wakeOnNavigation } from '../../panel/navigation';

function signals() {
  const navigated: ((url: string) => void)[] = [];
  const updated: ((tabId: number, change: { status?: string }) => void)[] = [];
  return {
    navigated,
    updated,
    onNavigated: { addListener: (l: (url: string) => void) => navigated.push(l) },
    tabsUpdated: {
      addListener: (l: (tabId: number, change: { status?: string }) => void) => updated.push(l),
    },
  };
}

describe('wakeOnNavigation', () => {
  it("wakes on DevTools' onNavigated and on the inspected tab's loading status", () => {
    const s = signals();
    let wakes = 0;
    wakeOnNavigation(7, s, () => wakes++);
    s.navigated.forEach((l) => l('http://a/next'));
    expect(wakes).toBe(1);
    s.updated.forEach((l) => l(7, { status: 'loading' }));
    s.updated.forEach((l) => l(7, { status: 'complete' }));
    expect(wakes).toBe(3);
  });

  it('ignores other tabs and changes that are not a load (title, favicon)', () => {
    const s = signals();
    let wakes = 0;
    wakeOnNavigation(7, { tabsUpdated: s.tabsUpdated }, () => wakes++);
    s.updated.forEach((l) => l(8, { status: 'loading' }));
    s.updated.forEach((l) => l(7, {}));
    expect(wakes).toBe(0);
  });
});
