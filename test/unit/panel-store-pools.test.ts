// Issue 9: the Connection tab said "not placed in a socket pool" for streams the budget view
// listed. The pools reach the panel before the records of the connections they list (a content
// script sends its snapshot as it connects, its records only after the panel's sync).
import { describe, expect, it } from 'vitest';
import type { DocInfo } from '../../src/capture/records';
import type { PoolView } from '../../src/model/pools';
import { createStore } from '../../panel/store';
import { idleScheduler } from './support/fakes';

const doc: DocInfo = { id: 'd', url: 'http://a/', top: true, startedAt: 1 };
/** Only the fields the panel model reads of a pool. */
const pool = {
  key: 'http://a:80 · top-level site http://a · include',
  protocol: 'http/1.1',
  members: [{ key: 'd:1' }],
} as unknown as PoolView;

describe('pools that arrive before their connections', () => {
  it('place the connections when their records come', () => {
    const store = createStore(undefined, idleScheduler);
    store.receive({ v: 1, type: 'pools', pools: [pool] });
    store.receive({
      v: 1,
      type: 'records',
      doc,
      lost: 0,
      clearedThrough: 0,
      sync: true,
      records: [
        {
          kind: 'connection',
          seq: 1,
          conn: 1,
          t: 5,
          url: 'http://a/s',
          withCredentials: false,
          frameUrl: 'http://a/',
          stack: '',
        },
      ],
    });
    expect(store.state.connections.get('d:1')?.pool).toEqual({
      key: pool.key,
      protocol: 'http/1.1',
    });
  });
});
