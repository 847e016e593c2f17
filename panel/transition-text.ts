// The Connection tab's state list, in words that cannot be misread: what happened, then the
// readyState it left the connection in.
import type { Transition } from '../src/model/capture-state';
import { t } from './i18n/translate';

const READY_STATE = ['CONNECTING', 'OPEN', 'CLOSED'] as const;

export function transitionText(tr: Transition): string {
  const state = READY_STATE[tr.readyState];
  switch (tr.cause) {
    case 'create':
      return t('transition.create', { state });
    case 'open':
      return t('transition.open', { state });
    case 'close':
      return tr.unloaded ? t('transition.unloaded', { state }) : t('transition.close', { state });
    case 'error':
      if (tr.readyState === 0) return t('transition.errorReconnecting', { state });
      if (tr.readyState === 2) return t('transition.errorGaveUp', { state });
      return t('transition.error', { state });
  }
}
