// Keeps a transport open: when the other side goes away (an MV3 service worker is stopped
// after ~30 s idle, or restarted), it reconnects and runs `onConnect` again so the caller
// can re-announce and re-sync. Gives up quietly when the extension itself is gone.
import type { Connector, Transport } from './transport';

export interface ReconnectingOptions<In, Out> {
  connect: Connector<In, Out>;
  onMessage: (message: In) => void;
  /** Runs after every (re)connect, with the fresh transport. */
  onConnect: (transport: Transport<In, Out>) => void;
  /** Delay before reconnecting; the first retry is immediate. */
  retryDelayMs?: number;
  setTimer?: (fn: () => void, ms: number) => unknown;
}

export interface Reconnecting<Out> {
  send(message: Out): void;
  readonly connected: boolean;
  stop(): void;
}

export function reconnecting<In, Out>(options: ReconnectingOptions<In, Out>): Reconnecting<Out> {
  const setTimer = options.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  let current: Transport<In, Out> | null = null;
  let stopped = false;
  let failures = 0;

  const open = (): void => {
    if (stopped) return;
    let t: Transport<In, Out>;
    try {
      t = options.connect();
    } catch {
      // The extension was reloaded or removed: this context can never reach it again.
      stopped = true;
      return;
    }
    current = t;
    t.onMessage((m) => {
      failures = 0;
      options.onMessage(m);
    });
    t.onDisconnect(() => {
      if (current !== t) return;
      current = null;
      failures++;
      setTimer(open, failures <= 1 ? 0 : (options.retryDelayMs ?? 250));
    });
    options.onConnect(t);
  };
  open();

  return {
    send(message) {
      current?.send(message);
    },
    get connected() {
      return current !== null;
    },
    stop() {
      stopped = true;
      const t = current;
      current = null;
      t?.disconnect();
    },
  };
}
