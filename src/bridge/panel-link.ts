// The panel's link to the background: subscribes to one tab, asks every content script of
// that tab for its buffer, and does both again after a service-worker restart.
import {
  isEnvelope,
  message,
  type BackgroundToPanel,
  type ContentToPanel,
  type Envelope,
  type MessageOf,
  type PanelToBackground,
  type PanelToContent,
} from '../protocol/messages';
import { unpackRecords } from '../protocol/packed-events';
import { reconnecting } from './reconnecting';
import type { Connector } from './transport';

export type PanelOut = MessageOf<PanelToBackground> | MessageOf<PanelToContent>;
export type PanelIn = MessageOf<ContentToPanel> | MessageOf<BackgroundToPanel>;

export interface PanelLink {
  /** Ask the tab's content scripts to drop their buffered frames. */
  clear(): void;
  /**
   * Ask the background to wake every content script of the tab (after a navigation, where the
   * panel cannot message the tab itself). The port stays: nothing sent meanwhile is lost.
   */
  wake(): void;
  /** Turn deep capture of the tab on or off (the caller holds the permission). */
  setDeepCapture(on: boolean): void;
  stop(): void;
}

export function linkPanel(
  tabId: number,
  connect: Connector<unknown, PanelOut>,
  onMessage: (m: PanelIn) => void,
): PanelLink {
  const link = reconnecting<unknown, PanelOut>({
    connect,
    onMessage(m) {
      if (!isEnvelope(m)) return;
      if (m.type === 'records') {
        const batch = m as Envelope<ContentToPanel, 'records'>;
        const { events, ...rest } = batch;
        onMessage({ ...rest, records: unpackRecords(batch.records, events) });
      } else if (
        m.type === 'hello' ||
        m.type === 'pools' ||
        m.type === 'wire' ||
        m.type === 'sockets' ||
        m.type === 'deep-capture'
      ) {
        onMessage(m as PanelIn);
      }
    },
    onConnect(t) {
      t.send(message<PanelToBackground, 'subscribe'>('subscribe', { tabId }));
      t.send(message<PanelToContent, 'sync'>('sync', {}));
    },
  });
  return {
    clear() {
      link.send(message<PanelToContent, 'clear'>('clear', {}));
    },
    wake() {
      link.send(message<PanelToBackground, 'wake'>('wake', {}));
    },
    setDeepCapture(on) {
      link.send(message<PanelToBackground, 'deep-capture'>('deep-capture', { on }));
    },
    stop() {
      link.stop();
    },
  };
}
