// The part of chrome.debugger deep capture uses, as an interface: the background entry passes
// the real API (which exists only once the optional `debugger` permission is granted), unit
// tests pass a fake.

/** A debuggee: the inspected tab, or (with `sessionId`) a worker or frame target within it. */
export interface TabTarget {
  tabId: number;
  sessionId?: string;
}

/**
 * Where an event came from; `tabId` is absent for targets deep capture never attaches to, and
 * `sessionId` names the child target (auto-attached worker or frame) it came from.
 */
export interface DebuggerSource {
  tabId?: number;
  sessionId?: string;
}

export interface DebuggerApi {
  attach(target: TabTarget, requiredVersion: string): Promise<void>;
  detach(target: TabTarget): Promise<void>;
  sendCommand(target: TabTarget, method: string, params?: object): Promise<unknown>;
  onEvent: {
    addListener(listener: (source: DebuggerSource, method: string, params?: object) => void): void;
  };
  onDetach: { addListener(listener: (source: DebuggerSource, reason: string) => void): void };
}

/** chrome.storage.session, or what of it deep capture uses. */
export interface SessionStorage {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
}
