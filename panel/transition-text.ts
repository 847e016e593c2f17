// The Connection tab's state list, in words that cannot be misread: what happened, then the
// readyState it left the connection in.
import type { Transition } from '../src/model/capture-state';

const READY_STATE = ['CONNECTING', 'OPEN', 'CLOSED'] as const;

export function transitionText(tr: Transition): string {
  const state = READY_STATE[tr.readyState];
  switch (tr.cause) {
    case 'create':
      return `created (readyState ${state})`;
    case 'open':
      return `opened (readyState ${state})`;
    case 'close':
      return tr.unloaded
        ? `page unloaded (readyState ${state})`
        : `closed by close() (readyState ${state})`;
    case 'error':
      if (tr.readyState === 0) return `error, reconnecting (readyState ${state})`;
      if (tr.readyState === 2) return `error, gave up (readyState ${state})`;
      return `error (readyState ${state})`;
  }
}
