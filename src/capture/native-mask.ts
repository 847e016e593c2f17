// Makes the hook's replacement functions print as native code. Function.prototype.toString
// is replaced by a method that answers for a masked function with the text of the original
// it stands in for, and for everything else (itself included) exactly as before.
//
// Each frame has its own hook and its own toString, which knows only its own wrappers. The
// wrappers of other frames come from the same script, so their source text is the same:
// a function whose text is one of this frame's wrapper texts prints as that wrapper's
// native text. That needs no state shared between frames and runs no page code.
/* eslint-disable @typescript-eslint/unbound-method -- originals stay unbound; always called via Reflect.apply */
/* eslint-disable @typescript-eslint/no-unsafe-function-type -- masks any function */
import type { Intrinsics } from './intrinsics';
import type { Stacks } from './stacks';

export interface NativeMask {
  /** From now on `fake.toString()` prints what `real.toString()` prints, in every frame. */
  mask(fake: Function, real: Function): void;
}

export function installNativeMask(
  win: Window & typeof globalThis,
  I: Intrinsics,
  stacks: Stacks,
): NativeMask {
  const masked = new I.WeakMapCtor<object, object>();
  const realOf = I.lookupIn(masked);
  const original = I.functionToString;
  // Written only here, at install; null prototypes keep every read to their own elements.
  const wrapperTexts = I.setPrototypeOf([], null) as string[];
  const nativeTexts = I.setPrototypeOf([], null) as string[];
  const { toString } = {
    toString(this: unknown): string {
      const real = realOf(this);
      let text: string;
      try {
        text = I.apply<unknown, readonly [], string>(original, real ?? this, I.noArgs);
      } catch (error) {
        stacks.dropWrapperFrame(error, toString);
        throw error;
      }
      if (real !== undefined) return text;
      for (let i = 0; i < wrapperTexts.length; i++) {
        if (text === wrapperTexts[i]) return nativeTexts[i] as string;
      }
      return text;
    },
  };
  replaceMethod(win.Function.prototype, 'toString', toString, I);
  const mask = (fake: Function, real: Function): void => {
    I.apply(I.weakMapSet, masked, [fake, real]);
    wrapperTexts[wrapperTexts.length] = I.apply<unknown, readonly [], string>(
      original,
      fake,
      I.noArgs,
    );
    nativeTexts[nativeTexts.length] = I.apply<unknown, readonly [], string>(
      original,
      real,
      I.noArgs,
    );
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
