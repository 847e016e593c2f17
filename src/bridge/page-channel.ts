// Opens the private channel to the page hook: a MessageChannel whose second port is handed
// over in one tagged window message. Posted at document_start, it is delivered before any
// page script could post, and the hook hides it from page listeners.
import { HANDSHAKE_SOURCE } from '../protocol/constants';
import type { Transport } from './transport';

export function openPageChannel(win: Window): Transport<unknown, never> {
  const channel = new MessageChannel();
  win.postMessage({ source: HANDSHAKE_SOURCE }, '*', [channel.port2]);
  const port = channel.port1;
  return {
    send() {
      // The content script never talks back to the page world.
    },
    onMessage(listener) {
      port.onmessage = (e: MessageEvent<unknown>) => listener(e.data);
    },
    onDisconnect() {
      // A MessagePort has no close event; the port dies with the document.
    },
    disconnect() {
      port.close();
    },
  };
}
