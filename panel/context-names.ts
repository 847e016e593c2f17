// What to call the worker that opened a connection (deep capture's `context`), in the
// panel's language: the connection row's badge and the Connection tab both say it. A worker
// Firefox gave no tab for is called what is known of it: a worker, of unknown kind and tab.
import type { ConnectionView } from '../src/model/capture-state';
import { t } from './i18n/translate';

const KEYS = {
  worker: 'context.worker',
  sharedworker: 'context.sharedworker',
  serviceworker: 'context.serviceworker',
} as const satisfies Record<NonNullable<ConnectionView['context']>, string>;

export function contextName(c: ConnectionView): string {
  if (c.unattributed) return t('context.unattributed');
  return c.context ? t(KEYS[c.context]) : '';
}
