// Entry for the background (MV3 service worker in Chrome, background script in Firefox).
// A stateless router; all logic lives in src/background.
import browser from 'webextension-polyfill';
import { createRouter } from '../src/background/router';
import { message, type BackgroundToContent } from '../src/protocol/messages';

const wake = message<BackgroundToContent, 'wake'>('wake', {});
const router = createRouter(browser.runtime.id, (tabId) => {
  // Frames without a content script (or a closed tab) make this reject; nothing to do then.
  browser.tabs.sendMessage(tabId, wake).catch(() => undefined);
});
browser.runtime.onConnect.addListener((port) => router.connect(port));
