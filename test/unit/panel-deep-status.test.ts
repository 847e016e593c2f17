// What the panel keeps of deep capture's status and says of Firefox's streams: a switch that
// is on without sockets (Firefox names none) stays so in the store, for the budget view's
// note, and a worker Firefox gave no tab is named as what is known of it.
import { describe, expect, it } from 'vitest';
import { contextName } from '../../panel/context-names';
import { createStore } from '../../panel/store';
import type { ConnectionView } from '../../src/model/capture-state';
import { idleScheduler } from './support/fakes';

describe('deep capture status in the panel', () => {
  it('keeps that the browser names no sockets', () => {
    const store = createStore(undefined, idleScheduler);
    store.receive({ v: 1, type: 'deep-capture', state: 'on', sockets: false });
    expect(store.deepCapture.value).toEqual({ state: 'on', sockets: false });
    store.receive({ v: 1, type: 'deep-capture', state: 'on' });
    expect(store.deepCapture.value).toEqual({ state: 'on' });
  });

  it('names a worker of no tab as of unknown kind and tab', () => {
    const worker = { context: 'worker' } as ConnectionView;
    expect(contextName(worker)).toBe('worker');
    expect(contextName({ ...worker, unattributed: true })).toBe('worker of unknown kind and tab');
  });
});
