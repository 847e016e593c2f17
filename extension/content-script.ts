// Entry for the content script (isolated world, document_start, all frames). Bundled as a
// classic script; all logic lives in src/bridge.
import browser from 'webextension-polyfill';
import { startContentScript } from '../src/bridge/start-content-script';

startContentScript(window, browser.runtime);
