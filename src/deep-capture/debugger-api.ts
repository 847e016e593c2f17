// The part of chrome.debugger deep capture uses, as an interface: the background entry passes
// the real API (which exists only once the optional `debugger` permission is granted), unit
// tests pass a fake.

/** A debuggee: the inspected tab, or (with `sessionId`) a worker or frame target within it. */
export interface TabTarget {
  tabId: number;
  sessionId?: string;
}

/** A target attached by its id: a shared worker, which belongs to no tab. */
export interface IdTarget {
  targetId: string;
}

export type Debuggee = TabTarget | IdTarget;

/**
 * Where an event came from: a tab (`sessionId` naming the child target, an auto-attached
 * worker or frame, it came from), or a target attached by id (`targetId`).
 */
export interface DebuggerSource {
  tabId?: number;
  sessionId?: string;
  targetId?: string;
}

/** What the debugger's target list says of a target. */
export interface TargetInfo {
  id: string;
  type: string;
  url: string;
  tabId?: number;
  attached: boolean;
}

export interface DebuggerApi {
  attach(target: Debuggee, requiredVersion: string): Promise<void>;
  detach(target: Debuggee): Promise<void>;
  sendCommand(target: Debuggee, method: string, params?: object): Promise<unknown>;
  getTargets(): Promise<TargetInfo[]>;
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
