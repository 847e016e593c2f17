// Adapts a webextension runtime.Port to the Transport interface. Messages from the other
// side are untrusted JSON until the caller validates them, hence `unknown`.
import type { Runtime } from 'webextension-polyfill';
import type { Transport } from './transport';

export function runtimePortTransport<Out>(port: Runtime.Port): Transport<unknown, Out> {
  let connected = true;
  port.onDisconnect.addListener(() => {
    connected = false;
  });
  return {
    send(message) {
      if (!connected) return;
      try {
        port.postMessage(message);
      } catch {
        // The port died between our check and the call; onDisconnect handles the rest.
        connected = false;
      }
    },
    onMessage(listener) {
      port.onMessage.addListener((m: unknown) => listener(m));
    },
    onDisconnect(listener) {
      port.onDisconnect.addListener(() => listener());
    },
    disconnect() {
      connected = false;
      port.disconnect();
    },
  };
}
