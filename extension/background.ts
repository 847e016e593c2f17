/// <reference types="chrome" />
// Entry for the background (MV3 service worker in Chrome, background script in Firefox).
// A stateless router; all logic lives in src/background and src/deep-capture.
import browser from 'webextension-polyfill';
import { createRouter } from '../src/background/router';
import { createDeepCapture, type DeepCaptureDeps } from '../src/deep-capture/deep-capture';
import type { DebuggerApi, SessionStorage } from '../src/deep-capture/debugger-api';
import { deepCaptureKind, deepCapturePermissions } from '../src/deep-capture/deep-capture-kind';
import { createFilterCapture } from '../src/deep-capture/firefox-filter';
import { tabSettings } from '../src/deep-capture/tab-settings';
import type { WebRequestApi } from '../src/deep-capture/web-request-api';
import { originOf } from '../src/model/site';
import { message, type BackgroundToContent } from '../src/protocol/messages';

const wake = message<BackgroundToContent, 'wake'>('wake', {});
// chrome.debugger (Chrome), browser.webRequest (Firefox) and storage exist only once the
// optional permissions are granted, so they are looked up when used.
const chromeApi = (globalThis as { chrome?: typeof chrome }).chrome;
const firefoxApi = (globalThis as unknown as { browser?: { webRequest?: WebRequestApi } }).browser;
const common: Omit<DeepCaptureDeps, 'api'> = {
  settings: tabSettings((): SessionStorage | undefined => chromeApi?.storage?.session),
  post: (tabId, m) => router.toPanels(tabId, m),
  workerSnapshots: (tabId, snapshots) => router.workerSnapshots(tabId, snapshots),
};
const deep =
  deepCaptureKind(browser.runtime.getManifest()) === 'filter'
    ? createFilterCapture({
        ...common,
        api: () => firefoxApi?.webRequest,
        granted: () => browser.permissions.contains(deepCapturePermissions('filter')),
        openGrantPage: () => {
          browser.tabs
            .create({ url: browser.runtime.getURL('panel.html?grant') })
            .catch(() => undefined);
        },
        tabOrigin: (tabId) =>
          browser.tabs.get(tabId).then(
            (tab) => originOf(tab.url ?? ''),
            () => null,
          ),
      })
    : createDeepCapture({ ...common, api: (): DebuggerApi | undefined => chromeApi?.debugger });
const router = createRouter(
  browser.runtime.id,
  (tabId) => {
    // Frames without a content script (or a closed tab) make this reject; nothing to do then.
    browser.tabs.sendMessage(tabId, wake).catch(() => undefined);
  },
  {
    joined: (tabId) => void deep.panelJoined(tabId),
    deepCapture: (tabId, on) => void deep.turn(tabId, on),
    gone: (tabId) => void deep.panelsGone(tabId),
    bodiesCancelled: (tabId, bodies) => deep.bodiesCancelled?.(tabId, bodies),
  },
);
browser.runtime.onConnect.addListener((port) => router.connect(port));
