// Opens the panel's direct port to one document of the inspected tab (tabs.connect from an
// extension page, which Chrome allows and Firefox's DevTools panels do not). Addressed by
// documentId where the browser gives one, so the port never reaches a later page that loads
// into the same frame.
import type { Runtime, Tabs } from 'webextension-polyfill';
import { DIRECT_PORT } from '../src/protocol/constants';
import type { FrameTarget } from '../src/protocol/messages';

export function connectToDocument(
  tabs: Tabs.Static,
  tabId: number,
  frame: FrameTarget,
): Runtime.Port {
  const target = frame.documentId ? { documentId: frame.documentId } : { frameId: frame.frameId };
  // The polyfill's types predate documentId; it passes the object to chrome.tabs.connect as is.
  return tabs.connect(tabId, { name: DIRECT_PORT, ...target });
}
