// Entry for the DevTools page: registers the SSE panel, titled in the browser's language.
// Nothing else runs here.
import browser from 'webextension-polyfill';
import { PANEL_TITLE } from '../src/protocol/constants';

void browser.devtools.panels.create(
  browser.i18n.getMessage('panelTitle') || PANEL_TITLE,
  'icons/icon-32.png',
  'panel.html',
);
