// Which tabs have deep capture switched on, kept in chrome.storage.session: the one thing the
// background remembers, so that after a service-worker restart the tab's panel, reconnecting,
// finds its switch still on and the debugger re-attached. Session storage is cleared when the
// browser quits, and nothing in it leaves the machine.
import type { SessionStorage } from './debugger-api';

const KEY = 'deepCaptureTabs';

export interface TabSettings {
  isOn(tabId: number): Promise<boolean>;
  set(tabId: number, on: boolean): Promise<void>;
}

export function tabSettings(storage: () => SessionStorage | undefined): TabSettings {
  const read = async (): Promise<number[]> => {
    const area = storage();
    if (!area) return [];
    const value = (await area.get(KEY))[KEY];
    return Array.isArray(value) ? value.filter((v): v is number => typeof v === 'number') : [];
  };
  return {
    async isOn(tabId) {
      return (await read()).includes(tabId);
    },
    async set(tabId, on) {
      const area = storage();
      if (!area) return;
      const tabs = (await read()).filter((t) => t !== tabId);
      if (on) tabs.push(tabId);
      await area.set({ [KEY]: tabs });
    },
  };
}
