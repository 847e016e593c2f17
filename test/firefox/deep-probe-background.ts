// Test-only background of the Firefox deep capture variant: the real background, plus an
// answer to the probe's one question, its tab id (a content script cannot know it; a panel is
// told it by DevTools).
import browser, { type Runtime } from 'webextension-polyfill';
import '../../extension/background';
import { TAB_ID_QUESTION } from './deep-probe-summary';

browser.runtime.onMessage.addListener((m: unknown, sender: Runtime.MessageSender) =>
  m === TAB_ID_QUESTION ? Promise.resolve(sender.tab?.id) : undefined,
);
