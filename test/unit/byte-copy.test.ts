// The page hook's byte copies: whole or a prefix, of a view at any offset, independent of
// the source, and made without reading the page-writable `constructor` that slice consults.
import { afterEach, describe, expect, it } from 'vitest';
import { byteCopier } from '../../src/capture/byte-copy';
import type { Getter } from '../../src/capture/intrinsics';

const typed = Object.getPrototypeOf(Uint8Array.prototype) as object;
const getterOf = <V>(name: string): Getter<Uint8Array, V> =>
  // eslint-disable-next-line @typescript-eslint/unbound-method -- called via Reflect.apply
  Object.getOwnPropertyDescriptor(typed, name)?.get as Getter<Uint8Array, V>;
const copy = byteCopier(Uint8Array, getterOf('buffer'), getterOf('byteOffset'));

const ownConstructor = Object.getOwnPropertyDescriptor(Uint8Array.prototype, 'constructor');
afterEach(() => {
  Object.defineProperty(Uint8Array.prototype, 'constructor', ownConstructor as PropertyDescriptor);
});

describe('byteCopier', () => {
  const source = () => new Uint8Array([0, 1, 2, 3, 4, 5, 6, 7]).subarray(2, 7);

  it('copies a view whole, from its own offset, into a buffer of its own', () => {
    const view = source();
    const out = copy(view);
    expect([...out]).toEqual([2, 3, 4, 5, 6]);
    expect(out.buffer).not.toBe(view.buffer);
    expect(out.byteOffset).toBe(0);
    view[0] = 99;
    expect(out[0]).toBe(2);
  });

  it('copies the first bytes only', () => {
    const out = copy(source(), 3);
    expect([...out]).toEqual([2, 3, 4]);
    expect(out.buffer.byteLength).toBe(3);
  });

  it('never reads the constructor a page may replace (slice would, for its species)', () => {
    const view = source();
    let reads = 0;
    Object.defineProperty(Uint8Array.prototype, 'constructor', {
      get() {
        reads++;
        return Uint8Array;
      },
      configurable: true,
    });
    view.slice();
    expect(reads).toBe(1);
    copy(view);
    copy(view, 2);
    expect(reads).toBe(1);
  });
});
