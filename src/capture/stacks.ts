// Stack text for the page hook, cut at the page's own code and read without running any.
// V8 formats a stack through the page's Error.prepareStackTrace and sizes it by
// Error.stackTraceLimit, so for the one capture the hook puts its own values there and then
// restores the page's exact property descriptors. Frames are cut with
// Error.captureStackTrace(target, wrapper): the wrapper's frame and everything it called are
// left out, in V8 and SpiderMonkey alike, so no hook frame is ever shown, whatever the
// engine calls the hook's script (a chrome-extension:// URL, or `<anonymous code>`).
/* eslint-disable @typescript-eslint/unbound-method -- property getters are called via Reflect.apply */
/* eslint-disable @typescript-eslint/no-unsafe-function-type -- any wrapper the page can call */
import type { Intrinsics } from './intrinsics';

/** Page frames kept in an initiator stack, and the longest stack text kept. */
const STACK_FRAMES = 32;
const STACK_CHARS = 4096;

/** V8's first line for a target with no name and no message; SpiderMonkey writes none. */
const V8_HEADER = 'Error\n';

export interface Stacks {
  /** The stack of the page code that called `wrapper`; '' when it cannot be read safely. */
  callerStack(this: void, wrapper: Function): string;
  /**
   * Makes a native error thrown through `wrapper` show the stack it shows without the hook:
   * starting at the wrapper's caller. Only where errors hold their stack as an own accessor
   * (V8): re-capturing leaves the same kind of property there, so the error looks native.
   */
  rootAtCaller(this: void, error: unknown, wrapper: Function): void;
  /**
   * Like rootAtCaller, for a TypeError thrown by a JavaScript builtin the wrapper called:
   * V8 shows the builtin's own frame (`at Object.toString (<anonymous>)`) above the caller,
   * so only the wrapper's frame, the one below it, is taken out of the text.
   */
  dropWrapperFrame(this: void, error: unknown, wrapper: Function): void;
}

export function createStacks(I: Intrinsics): Stacks {
  const ErrorCtor = I.ErrorCtor;
  const capture = I.captureStackTrace;

  /** An object whose reads never reach Object.prototype (which the page may have changed). */
  const bare = <T extends object>(o: T): T => I.setPrototypeOf(o, null) as T;

  const ownPropertyDescriptor = (target: object, key: string): PropertyDescriptor | undefined => {
    const d = I.getOwnPropertyDescriptor(target, key);
    return d === undefined ? undefined : bare(d);
  };

  /**
   * Puts `value` at Error[key] and answers what was there (undefined: nothing), or null when
   * that cannot be done (a non-configurable property, or an Error that takes no new ones).
   */
  const swapIn = (key: string, value: unknown): PropertyDescriptor | undefined | null => {
    const before = ownPropertyDescriptor(ErrorCtor, key);
    let next: PropertyDescriptor;
    if (before === undefined ? I.isExtensible(ErrorCtor) : before.configurable === true) {
      next = bare({ value, writable: true, enumerable: false, configurable: true });
    } else if (before?.writable === true) {
      next = bare({ value });
    } else {
      return null;
    }
    return I.tryDefineProperty(ErrorCtor, key, next) ? before : null;
  };

  const restore = (key: string, before: PropertyDescriptor | undefined): void => {
    if (before === undefined) I.deleteProperty(ErrorCtor, key);
    else I.tryDefineProperty(ErrorCtor, key, before);
  };

  const readStack = (holder: object): string => {
    const d = ownPropertyDescriptor(holder, 'stack');
    // V8 keeps the stack behind an own accessor, SpiderMonkey in an own data property.
    const getter = d?.get as ((this: object) => unknown) | undefined;
    const text: unknown = getter !== undefined ? I.apply(getter, holder, I.noArgs) : d?.value;
    if (typeof text !== 'string') return '';
    let start = 0;
    let end = text.length;
    if (I.apply(I.stringSlice, text, [0, V8_HEADER.length]) === V8_HEADER) start = V8_HEADER.length;
    else if (text === 'Error') start = end;
    if (end > start && I.apply(I.stringSlice, text, [end - 1]) === '\n') end--;
    return I.apply(I.stringSlice, text, [
      start,
      end < start + STACK_CHARS ? end : start + STACK_CHARS,
    ]);
  };

  /** Page code could run while V8 formats this error's stack (a getter in its header). */
  const headerRunsCode = (error: object): boolean =>
    I.getPrototypeOf(error) !== I.typeErrorPrototype ||
    ownPropertyDescriptor(error, 'message')?.get !== undefined ||
    ownPropertyDescriptor(I.typeErrorPrototype, 'name')?.get !== undefined ||
    ownPropertyDescriptor(I.typeErrorPrototype, 'name') === undefined;

  /** The text without its third line (header, builtin frame, wrapper frame). */
  const withoutThirdLine = (text: string): string => {
    const first = I.apply(I.stringIndexOf, text, ['\n']);
    const second = first < 0 ? -1 : I.apply(I.stringIndexOf, text, ['\n', first + 1]);
    if (second < 0) return text;
    const third = I.apply(I.stringIndexOf, text, ['\n', second + 1]);
    const head = I.apply(I.stringSlice, text, [0, second]);
    return third < 0 ? head : head + I.apply(I.stringSlice, text, [third]);
  };

  const rootAtCaller = (error: unknown, wrapper: Function): void => {
    if (capture === undefined || typeof error !== 'object' || error === null) return;
    try {
      if (ownPropertyDescriptor(error, 'stack')?.get === undefined) return;
      I.apply(capture, ErrorCtor, [error, wrapper]);
    } catch {
      // The error stays as it was.
    }
  };

  return {
    rootAtCaller,
    dropWrapperFrame(error, wrapper) {
      if (typeof error !== 'object' || error === null) return;
      const stack = ownPropertyDescriptor(error, 'stack');
      const get = stack?.get as ((this: object) => unknown) | undefined;
      const set = stack?.set as ((this: object, v: string) => void) | undefined;
      // Where reading the text could run page code (a page formatter or a header getter),
      // the frames are re-captured instead: formatted lazily, as without the hook, though
      // without the builtin's frame.
      if (
        get === undefined ||
        set === undefined ||
        headerRunsCode(error) ||
        ownPropertyDescriptor(ErrorCtor, 'prepareStackTrace') !== undefined
      ) {
        rootAtCaller(error, wrapper);
        return;
      }
      const prepare = swapIn('prepareStackTrace', undefined);
      if (prepare === null) return;
      try {
        const text: unknown = I.apply(get, error, I.noArgs);
        if (typeof text === 'string') I.apply(set, error, [withoutThirdLine(text)]);
      } catch {
        // The error stays as it was.
      } finally {
        restore('prepareStackTrace', prepare);
      }
    },
    callerStack(wrapper) {
      if (capture === undefined) return '';
      const limit = swapIn('stackTraceLimit', STACK_FRAMES);
      if (limit === null) return '';
      const prepare = swapIn('prepareStackTrace', undefined);
      try {
        if (prepare === null) return '';
        const holder = bare({});
        I.apply(capture, ErrorCtor, [holder, wrapper]);
        return readStack(holder);
      } catch {
        return '';
      } finally {
        if (prepare !== null) restore('prepareStackTrace', prepare);
        restore('stackTraceLimit', limit);
      }
    },
  };
}
