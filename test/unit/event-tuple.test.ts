// The hook cuts gigantic event data before it crosses postMessage, and says how long it was.
import { describe, expect, it } from 'vitest';
import { eventTuple } from '../../src/capture/event-tuple';
import type { Intrinsics } from '../../src/capture/intrinsics';
import { LIMITS } from '../../src/protocol/constants';
import { sanitizeRecord } from '../../src/protocol/sanitize';

// eslint-disable-next-line @typescript-eslint/unbound-method -- called via Reflect.apply
const I = { apply: Reflect.apply, stringSlice: String.prototype.slice } as Intrinsics;

describe('eventTuple', () => {
  it('sends data up to the limit whole, as a 6-element tuple', () => {
    const data = 'd'.repeat(LIMITS.maxDataChars);
    const tuple = eventTuple(I, 1, 2, 'message', data, '7', 'http://a');
    expect(tuple).toEqual([1, 2, 'message', data, '7', 'http://a']);
    expect(tuple).toHaveLength(6);
  });

  it('cuts longer data to the limit and appends its true size', () => {
    const data = 'd'.repeat(LIMITS.maxDataChars + 5);
    const tuple = eventTuple(I, 1, 2, 'update', data, '7', 'http://a');
    expect(tuple).toHaveLength(7);
    expect(tuple[3]).toHaveLength(LIMITS.maxDataChars);
    expect(tuple[6]).toBe(LIMITS.maxDataChars + 5);
    // The content script keeps the true size and marks the frame truncated.
    expect(sanitizeRecord(tuple)).toMatchObject({
      kind: 'event',
      type: 'update',
      size: LIMITS.maxDataChars + 5,
      truncated: true,
    });
  });
});
