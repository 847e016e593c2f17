// Makes the hook's replacement functions print as native code. Function.prototype.toString
// is replaced by a method that answers for a masked function with the text of the original
// it stands in for, and for everything else (itself included) exactly as before.
/* eslint-disable @typescript-eslint/unbound-method -- originals stay unbound; always called via Reflect.apply */
import type { Intrinsics } from './intrinsics';

export interface NativeMask {
  /** From now on `fake.toString()` prints what `real.toString()` prints. */
  mask(fake: object, real: object): void;
}

export function installNativeMask(win: Window & typeof globalThis, I: Intrinsics): NativeMask {
  const masked = new I.WeakMapCtor<object, object>();
  const realOf = I.lookupIn(masked);
  const original = I.functionToString;
  const { toString } = {
    toString(this: unknown): string {
      const real = realOf(this);
      return I.apply<unknown, [], string>(original, real ?? this, []);
    },
  };
  replaceMethod(win.Function.prototype, 'toString', toString, I);
  const mask = (fake: object, real: object): void => {
    I.apply(I.weakMapSet, masked, [fake, real]);
  };
  mask(toString, original);
  return { mask };
}

/** Swaps a method's value, keeping the property's writable/enumerable/configurable flags. */
export function replaceMethod(target: object, name: string, value: unknown, I: Intrinsics): void {
  const d = I.getOwnPropertyDescriptor(target, name);
  if (!d) throw new I.ErrorCtor(`SSE Lens: ${name} is missing`);
  I.defineProperty(target, name, {
    value,
    writable: d.writable === true,
    enumerable: d.enumerable === true,
    configurable: d.configurable === true,
  });
}
