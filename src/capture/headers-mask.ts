// Headers that must behave as a network response's do: a clone of a captured stream's
// Response gets a Headers copy from the Response constructor, which page code could change.
// set, append and delete are replaced by methods that, for such a copy, run the native method
// on the network response's own (immutable) Headers instead, so they fail exactly as there.
/* eslint-disable @typescript-eslint/unbound-method -- originals stay unbound; always called via Reflect.apply */
/* eslint-disable prefer-rest-params -- `arguments` forwards exactly what the page passed, count included */
import type { Intrinsics } from './intrinsics';
import { replaceMethod, type NativeMask } from './native-mask';
import type { Stacks } from './stacks';

export interface HeadersMask {
  /** From now on `copy` refuses changes as `immutable` (a network response's Headers) does. */
  lockAs(copy: Headers, immutable: Headers): void;
}

export function installHeadersMask(
  win: Window & typeof globalThis,
  I: Intrinsics,
  mask: NativeMask,
  stacks: Stacks,
): HeadersMask {
  const proto = win.Headers.prototype;
  const lockedAs = new I.WeakMapCtor<object, Headers>();
  const donorOf = I.lookupIn(lockedAs);
  const natives = I.setPrototypeOf(
    { set: proto.set, append: proto.append, delete: proto.delete },
    null,
  ) as Pick<Headers, 'set' | 'append' | 'delete'>;
  const { set, append } = {
    set(this: Headers, _name: string, _value: string): void {
      forward(natives.set, this, arguments, set);
    },
    append(this: Headers, _name: string, _value: string): void {
      forward(natives.append, this, arguments, append);
    },
  };
  const { delete: remove } = {
    delete(this: Headers, _name: string): void {
      forward(natives.delete, this, arguments, remove);
    },
  };
  function forward(
    native: (this: Headers, ...args: string[]) => void,
    self: Headers,
    args: IArguments,
    wrapper: (...a: never[]) => void,
  ): void {
    try {
      I.apply(native, donorOf(self) ?? self, args as unknown as string[]);
    } catch (error) {
      stacks.rootAtCaller(error, wrapper);
      throw error;
    }
  }
  const wrappers = { set, append, delete: remove };
  for (const name of ['set', 'append', 'delete'] as const) {
    mask.mask(wrappers[name], natives[name]);
    replaceMethod(proto, name, wrappers[name], I);
  }
  return {
    lockAs(copy, immutable) {
      I.apply(I.weakMapSet, lockedAs, [copy, immutable]);
    },
  };
}
