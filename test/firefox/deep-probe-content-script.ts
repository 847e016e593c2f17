// Test-only content script of the Firefox deep capture variant (top frame only): plays the
// SSE panel of its own tab through the real background, subscribing and turning deep capture
// on (`#deep-on`) or leaving it off (`#deep-off`), and writes what the background sends the
// panel into the page's DOM, where the test reads it (Firefox extension pages are not
// scriptable from the test).
import browser from 'webextension-polyfill';
import { PANEL_PORT } from '../../src/protocol/constants';
import {
  isEnvelope,
  message,
  type BackgroundToPanel,
  type MessageOf,
  type PanelToBackground,
} from '../../src/protocol/messages';
import {
  DEEP_PROBE_DATASET_KEY,
  TAB_ID_QUESTION,
  type DeepProbeSummary,
} from './deep-probe-summary';

const summary: DeepProbeSummary = { statuses: [], requests: [], bytes: {}, ends: [] };

function write(): void {
  const root = document.documentElement;
  if (root) root.dataset[DEEP_PROBE_DATASET_KEY] = JSON.stringify(summary);
}

function receive(m: MessageOf<BackgroundToPanel>): void {
  if (m.type === 'deep-capture') {
    const { v: _v, type: _type, ...status } = m;
    summary.statuses.push(status);
  } else if (m.type === 'wire') {
    for (const r of m.records) {
      if (r.kind === 'request') summary.requests.push(r);
      else if (r.kind === 'bytes') (summary.bytes[r.id] ??= []).push(r.base64);
      else if (r.kind === 'end') summary.ends.push({ id: r.id, canceled: r.canceled === true });
    }
  } else return;
  write();
}

const on = location.hash === '#deep-on';
if (on || location.hash === '#deep-off') {
  void browser.runtime.sendMessage(TAB_ID_QUESTION).then((tabId: unknown) => {
    if (typeof tabId !== 'number') return;
    summary.tabId = tabId;
    summary.panelUrl = browser.runtime.getURL('panel.html');
    write();
    const port = browser.runtime.connect({ name: PANEL_PORT });
    port.onMessage.addListener((m: unknown) => {
      if (isEnvelope(m)) receive(m as MessageOf<BackgroundToPanel>);
    });
    port.postMessage(message<PanelToBackground, 'subscribe'>('subscribe', { tabId }));
    port.postMessage(message<PanelToBackground, 'deep-capture'>('deep-capture', { on }));
  });
}
