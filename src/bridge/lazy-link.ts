// A reconnecting link that exists only while it is wanted. A content script holds a port to
// the background only while its document has live streams or a panel watches it, so pages
// without EventSources never keep the service worker awake.
import { reconnecting, type Reconnecting, type ReconnectingOptions } from './reconnecting';

export interface LazyLink<Out> {
  /** Sends if open; otherwise the message is not wanted by anyone and is dropped. */
  send(message: Out): void;
  open(): void;
  close(): void;
  readonly isOpen: boolean;
}

export function lazyLink<In, Out>(options: ReconnectingOptions<In, Out>): LazyLink<Out> {
  let link: Reconnecting<Out> | null = null;
  return {
    send(message) {
      link?.send(message);
    },
    open() {
      link ??= reconnecting(options);
    },
    close() {
      link?.stop();
      link = null;
    },
    get isOpen() {
      return link !== null;
    },
  };
}
