// The panel's root: toolbar, the connection budget, then either the empty state or the
// connection/frame panes. It is the page's main landmark, with a heading only screen readers see.
import { useComputed } from '@preact/signals';
import type { PanelLink } from '../../src/bridge/panel-link';
import type { PanelStore } from '../store';
import { BudgetView } from './BudgetView';
import { EmptyState } from './EmptyState';
import type { DeepCaptureProps } from './DeepCaptureToggle';
import { Toolbar } from './Toolbar';
import { Workspace } from './Workspace';
import { t } from '../i18n/translate';

interface Props {
  store: PanelStore;
  /** Clear also asks the tab's content scripts to drop their buffers. */
  link: Pick<PanelLink, 'clear'>;
  /** The inspected tab: the budget view tells its connections from other tabs'. */
  tabId: number;
  /** The deep capture switch's dependencies (permissions, the background link). */
  deep: DeepCaptureProps;
}

export function App({ store, link, tabId, deep }: Props) {
  // A boolean, so the root re-renders only when the first connection appears or all go.
  const hasConnections = useComputed(() => store.connections.value.length > 0);
  const onClear = (): void => {
    store.clear();
    link.clear();
  };
  return (
    <main class="app">
      <h1 class="visually-hidden">SSE Lens</h1>
      <Toolbar store={store} onClear={onClear} deep={deep} />
      <BudgetView store={store} tabId={tabId} />
      {hasConnections.value ? (
        <Workspace store={store} />
      ) : (
        <EmptyState>{t('app.noConnections')}</EmptyState>
      )}
    </main>
  );
}
