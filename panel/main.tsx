// Panel entry point: applies the theme, finds the inspected tab, links the store to the
// background and renders the app into #app.
import { effect } from '@preact/signals';
import { render } from 'preact';
import browser from 'webextension-polyfill';
import { linkPanel, type PanelOut } from '../src/bridge/panel-link';
import { runtimePortTransport } from '../src/bridge/runtime-port';
import { createCaptureState } from '../src/model/capture-state';
import { PANEL_PORT } from '../src/protocol/constants';
import { message, type BackgroundToContent } from '../src/protocol/messages';
import { App } from './components/App';
import { deepCaptureAvailability, type PermissionsApi } from './deep-capture';
import { EmptyState } from './components/EmptyState';
import { devtoolsContext } from './devtools';
import { isGrantPage, showGrantPage } from './grant';
import { activeLocale, browserLanguage, initialLocale } from './i18n/locale';
import { t } from './i18n/translate';
import { loadLimits, panelStorage } from './limits';
import { wakeOnNavigation } from './navigation';
import { followNetworkLog } from './network-log';
import { createStore } from './store';
import { resolveTabId } from './tab-id';
import { followTheme } from './theme';
import './styles.css';

activeLocale.value = initialLocale(panelStorage(), browserLanguage());
effect(() => {
  document.documentElement.lang = activeLocale.value.replace('_', '-');
});

const devtools = devtoolsContext();
followTheme(
  document.documentElement,
  devtools?.panels,
  window.matchMedia('(prefers-color-scheme: dark)'),
);

const root = document.getElementById('app');
if (!root) throw new Error('panel.html has no #app element');

const tabId = resolveTabId(devtools?.inspectedWindow?.tabId, location.search);
if (isGrantPage(location.search)) {
  showGrantPage(root);
} else if (tabId === null) {
  render(
    <div class="app">
      <EmptyState>{t('app.noTab')}</EmptyState>
    </div>,
    root,
  );
} else {
  const limits = loadLimits(panelStorage());
  const store = createStore(createCaptureState(limits.maxFrames, limits.maxDataChars));
  const link = linkPanel(
    tabId,
    () => runtimePortTransport<PanelOut>(browser.runtime.connect({ name: PANEL_PORT })),
    (msg) => store.receive(msg),
  );
  const wake = message<BackgroundToContent, 'wake'>('wake', {});
  const tabs = browser.tabs as typeof browser.tabs | undefined;
  wakeOnNavigation(
    tabId,
    {
      onNavigated: devtools?.network?.onNavigated,
      tabsUpdated: tabs?.onUpdated,
    },
    () => {
      // Without a `tabs` API (Firefox's DevTools panels) the background wakes the tab.
      if (!tabs) return link.wake();
      // Rejects when no frame listens (a page the extension cannot run in); nothing to do then.
      tabs.sendMessage(tabId, wake).catch(() => undefined);
    },
  );
  if (devtools?.network) followNetworkLog(devtools.network, store);
  addEventListener('pagehide', () => link.stop());
  const deep = {
    availability: deepCaptureAvailability(browser.runtime.getManifest()),
    // The optional permissions' names are checked by the manifest, not by the polyfill's types.
    permissions: browser.permissions as unknown as PermissionsApi | undefined,
    setDeepCapture: (on: boolean) => link.setDeepCapture(on),
    storage: panelStorage(),
  };
  render(<App store={store} link={link} tabId={tabId} deep={deep} />, root);
}
