// A captured fetch stream hands the page a Response built around a body stream the hook reads
// for it, so the hook sees each chunk exactly when the page pulls it and never reads ahead.
// Such a Response is made by the Response constructor, so its url, type, redirected and
// headers would differ from the network response's; the getters of those four (and clone)
// are replaced by ones that answer for a stand-in what the real response answers. A clone of
// a stand-in answers the same, except that its Headers are its own copy, locked like the
// network's (headers-mask.ts).
/* eslint-disable @typescript-eslint/unbound-method -- originals stay unbound; always called via Reflect.apply */
/* eslint-disable @typescript-eslint/no-unsafe-function-type -- getters of any kind */
import type { FetchIntrinsics } from './fetch-intrinsics';
import type { HeadersMask } from './headers-mask';
import type { Intrinsics } from './intrinsics';
import { replaceMethod, type NativeMask } from './native-mask';
import type { Stacks } from './stacks';

export interface ResponseMask {
  /** From now on `standIn` reports `real`'s url, type, redirected and headers; so do its clones. */
  standFor(standIn: Response, real: Response): void;
}

export function installResponseMask(
  win: Window & typeof globalThis,
  I: Intrinsics,
  F: FetchIntrinsics,
  mask: NativeMask,
  stacks: Stacks,
  headers: HeadersMask,
): ResponseMask {
  const realOf = new I.WeakMapCtor<object, Response>();
  const lookup = I.lookupIn(realOf);
  /** Stand-ins only (not their clones): they report the network response's Headers. */
  const sharesHeaders = new I.WeakMapCtor<object, Response>();
  const headersOwner = I.lookupIn(sharesHeaders);
  const proto = win.Response.prototype;

  // Filled in below with the getters themselves: a brand-check error is rooted at the caller.
  const wrappers: Record<string, Function> = I.setPrototypeOf({}, null) as Record<string, Function>;
  const answer = <V>(
    native: (this: Response) => V,
    self: unknown,
    name: string,
    owner: (key: unknown) => Response | undefined = lookup,
  ): V => {
    try {
      return I.apply(native, (owner(self) ?? self) as Response, I.noArgs);
    } catch (error) {
      stacks.rootAtCaller(error, wrappers[name] as Function);
      throw error;
    }
  };
  // Object-literal accessors get the native names ("get url") and no prototype property.
  const getters = {
    get url(): string {
      return answer(F.responseUrl, this, 'url');
    },
    get type(): ResponseType {
      return answer(F.responseType, this, 'type');
    },
    get redirected(): boolean {
      return answer(F.responseRedirected, this, 'redirected');
    },
    get headers(): Headers {
      return answer(F.responseHeaders, this, 'headers', headersOwner);
    },
  };
  for (const name of ['url', 'type', 'redirected', 'headers'] as const) {
    const fake = I.getOwnPropertyDescriptor(getters, name)?.get;
    const real = I.getOwnPropertyDescriptor(proto, name);
    if (!fake || !real?.get) continue;
    wrappers[name] = fake;
    mask.mask(fake, real.get);
    I.defineProperty(proto, name, {
      get: fake,
      set: real.set,
      enumerable: real.enumerable === true,
      configurable: real.configurable === true,
    });
  }

  const { clone } = {
    clone(this: Response): Response {
      let copy: Response;
      try {
        copy = I.apply(F.responseClone, this, I.noArgs);
      } catch (error) {
        stacks.rootAtCaller(error, clone);
        throw error;
      }
      const real = lookup(this);
      if (real !== undefined) {
        // A clone has Headers of its own, as natively, refusing changes as the network's do.
        I.apply(I.weakMapSet, realOf, [copy, real]);
        headers.lockAs(
          I.apply(F.responseHeaders, copy, I.noArgs),
          I.apply(F.responseHeaders, real, I.noArgs),
        );
      }
      return copy;
    },
  };
  mask.mask(clone, F.responseClone);
  replaceMethod(proto, 'clone', clone, I);

  return {
    standFor(standIn, real) {
      I.apply(I.weakMapSet, realOf, [standIn, real]);
      I.apply(I.weakMapSet, sharesHeaders, [standIn, real]);
    },
  };
}
