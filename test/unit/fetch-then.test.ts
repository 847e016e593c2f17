// The page hook's `then`: it settles like Promise.prototype.then, and never reads the
// `constructor` or Symbol.species a page may have put on Promise.prototype and Promise.
import { afterEach, describe, expect, it } from 'vitest';
import { thenWith } from '../../src/capture/fetch-intrinsics';

const then = thenWith(Promise);
const ownConstructor = Object.getOwnPropertyDescriptor(Promise.prototype, 'constructor');
const ownSpecies = Object.getOwnPropertyDescriptor(Promise, Symbol.species);
afterEach(() => {
  void Object.defineProperty(
    Promise.prototype,
    'constructor',
    ownConstructor as PropertyDescriptor,
  );
  Object.defineProperty(Promise, Symbol.species, ownSpecies as PropertyDescriptor);
});

describe('thenWith', () => {
  it('runs the right callback with the value or reason, and chains what it returns', async () => {
    await expect(then(Promise.resolve(2), (v: number) => v * 3)).resolves.toBe(6);
    await expect(
      then(Promise.reject(new Error('no')), undefined, (e: Error) => e.message),
    ).resolves.toBe('no');
  });

  it('reads neither a page getter on Promise.prototype.constructor nor Symbol.species', async () => {
    let reads = 0;
    void Object.defineProperty(Promise.prototype, 'constructor', {
      get() {
        reads++;
        return Promise;
      },
      configurable: true,
    });
    Object.defineProperty(Promise, Symbol.species, {
      get() {
        reads++;
        return Promise;
      },
      configurable: true,
    });
    void Promise.resolve(0).then(() => undefined);
    expect(reads).toBe(2);
    const chained = then(Promise.resolve(1), (v: number) => v + 1);
    expect(reads).toBe(2);
    await expect(chained).resolves.toBe(2);
  });
});
