// What to call the worker that opened a connection (deep capture's `context`), in the
// panel's language: the connection row's badge and the Connection tab both say it.
import type { ConnectionContext } from '../src/model/capture-state';
import { t } from './i18n/translate';

const KEYS = {
  worker: 'context.worker',
  sharedworker: 'context.sharedworker',
  serviceworker: 'context.serviceworker',
} as const satisfies Record<ConnectionContext, string>;

export function contextName(context: ConnectionContext): string {
  return t(KEYS[context]);
}
