// The panel's link to the content scripts of one tab. It subscribes through the background
// (hellos, pools, the wake of every document) and, where the browser lets a panel open
// tabs.connect ports (Chrome), syncs each document over a direct port of its own: records
// then skip the service worker. Without direct ports the background relays the records.
// Both paths re-sync after a service-worker restart.
import {
  isEnvelope,
  message,
  type BackgroundToPanel,
  type ContentToPanel,
  type Envelope,
  type FrameTarget,
  type MessageOf,
  type PanelToBackground,
  type PanelToContent,
} from '../protocol/messages';
import { unpackRecords } from '../protocol/packed-events';
import { reconnecting } from './reconnecting';
import type { Connector, Transport } from './transport';

export type PanelOut = MessageOf<PanelToBackground> | MessageOf<PanelToContent>;
export type PanelIn = MessageOf<ContentToPanel> | MessageOf<BackgroundToPanel>;

/** Opens a direct port to one document's content script. */
export type DirectConnector = (frame: FrameTarget) => Transport<unknown, PanelOut>;

export interface PanelLink {
  /** Ask the tab's content scripts to drop their buffered frames. */
  clear(): void;
  /**
   * Subscribe again on a new port: the background then wakes every content script of the tab
   * (used after a navigation where the panel cannot message the tab itself). Records sent
   * again in answer to the new sync are duplicates the model skips.
   */
  resubscribe(): void;
  /** Turn deep capture of the tab on or off (the caller holds the permission). */
  setDeepCapture(on: boolean): void;
  stop(): void;
}

export function linkPanel(
  tabId: number,
  connect: Connector<unknown, PanelOut>,
  onMessage: (m: PanelIn) => void,
  connectDirect?: DirectConnector,
): PanelLink {
  /** Open direct ports by document id; `answered` once the document replied to its sync. */
  const directs = new Map<
    string,
    { port: Transport<unknown, PanelOut>; frame: FrameTarget; answered: boolean }
  >();
  const receive = (m: unknown): void => {
    if (!isEnvelope(m)) return;
    if (m.type === 'records') {
      const batch = m as Envelope<ContentToPanel, 'records'>;
      const { events, ...rest } = batch;
      onMessage({ ...rest, records: unpackRecords(batch.records, events) });
    } else if (
      m.type === 'hello' ||
      m.type === 'pools' ||
      m.type === 'wire' ||
      m.type === 'deep-capture'
    ) {
      onMessage(m as PanelIn);
    }
  };
  const openDirect = (docId: string, frame: FrameTarget, docHasOne: boolean): void => {
    if (!connectDirect) return;
    const old = directs.get(docId);
    const sameFrame =
      old?.frame.frameId === frame.frameId && old.frame.documentId === frame.documentId;
    // Still waiting for its answer, or the document says it holds our port: keep it.
    if (old && sameFrame && (!old.answered || docHasOne)) return;
    // The document lost its end of our port without us hearing of it, or moved (a page in
    // the back/forward cache has a frame id of its own until it is shown again).
    old?.port.disconnect();
    directs.delete(docId);
    let port: Transport<unknown, PanelOut>;
    try {
      port = connectDirect(frame);
    } catch {
      return fallBack();
    }
    const direct = { port, frame, answered: false };
    directs.set(docId, direct);
    port.onMessage((m) => {
      direct.answered = true;
      receive(m);
    });
    port.onDisconnect(() => {
      if (directs.get(docId) === direct) directs.delete(docId);
      // The document never answered (it was gone, or refused the port): ask through the
      // background instead, so nothing it buffered is missed.
      if (!direct.answered) fallBack();
    });
    port.send(message<PanelToContent, 'sync'>('sync', {}));
  };
  const open = () =>
    reconnecting<unknown, PanelOut>({
      connect,
      onMessage(m) {
        if (isEnvelope(m) && m.type === 'hello') {
          const { doc, frame, direct } = m as Envelope<ContentToPanel, 'hello'>;
          if (frame) openDirect(doc.id, frame, direct === true);
          else if (connectDirect) fallBack();
        }
        receive(m);
      },
      onConnect(t) {
        const direct = connectDirect !== undefined;
        t.send(message<PanelToBackground, 'subscribe'>('subscribe', { tabId, direct }));
        if (!direct) t.send(message<PanelToContent, 'sync'>('sync', {}));
      },
    });
  let link = open();
  const fallBack = (): void => link.send(message<PanelToContent, 'sync'>('sync', {}));
  return {
    clear() {
      const clear = message<PanelToContent, 'clear'>('clear', {});
      link.send(clear);
      for (const { port } of directs.values()) port.send(clear);
    },
    resubscribe() {
      link.stop();
      link = open();
    },
    setDeepCapture(on) {
      link.send(message<PanelToBackground, 'deep-capture'>('deep-capture', { on }));
    },
    stop() {
      link.stop();
      for (const { port } of directs.values()) port.disconnect();
      directs.clear();
    },
  };
}
