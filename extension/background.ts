// Entry for the background (MV3 service worker in Chrome, background script in Firefox).
// A stateless router; all logic lives in src/background.
import browser from 'webextension-polyfill';
import { createRouter } from '../src/background/router';

const router = createRouter(browser.runtime.id);
browser.runtime.onConnect.addListener((port) => router.connect(port));
