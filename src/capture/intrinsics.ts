// Private references to every built-in the page hook uses, taken at document_start before
// any page script runs. Later page code may replace globals or prototype methods; the hook
// keeps working with these originals and cannot be spoofed through them.
import { byteCopier, type CopyBytes } from './byte-copy';

/* eslint-disable @typescript-eslint/unbound-method -- the point is to keep unbound originals */
export interface Intrinsics {
  apply: typeof Reflect.apply;
  construct: typeof Reflect.construct;
  defineProperty: typeof Object.defineProperty;
  /** Like defineProperty, but answers false instead of throwing. */
  tryDefineProperty: typeof Reflect.defineProperty;
  deleteProperty: typeof Reflect.deleteProperty;
  isExtensible: typeof Reflect.isExtensible;
  isArray: typeof Array.isArray;
  getOwnPropertyDescriptor: typeof Object.getOwnPropertyDescriptor;
  ownKeys: typeof Reflect.ownKeys;
  setPrototypeOf: typeof Object.setPrototypeOf;
  now: () => number;
  /** One frozen empty argument list, so hot-path calls allocate none. */
  noArgs: readonly [];
  setTimeout: (fn: () => void, ms: number) => number;
  addEventListener: EventTarget['addEventListener'];
  removeEventListener: EventTarget['removeEventListener'];
  stopImmediatePropagation: Event['stopImmediatePropagation'];
  postMessage: MessagePort['postMessage'];
  functionToString: () => string;
  /**
   * `map.get` bound once to one map: a lookup on a hot path (every addEventListener and
   * toString call of the page) then allocates no argument list.
   */
  lookupIn: <V>(map: WeakMap<object, V>) => (key: unknown) => V | undefined;
  weakMapSet: <K extends object, V>(this: WeakMap<K, V>, key: K, value: V) => WeakMap<K, V>;
  stringSlice: (this: string, start: number, end?: number) => string;
  getType: (this: Event) => string;
  getData: (this: MessageEvent) => unknown;
  getLastEventId: (this: MessageEvent) => string;
  getOrigin: (this: MessageEvent) => string;
  getSource: (this: MessageEvent) => MessageEventSource | null;
  getPorts: (this: MessageEvent) => readonly MessagePort[];
  getReadyState: (this: EventSource) => number;
  getUrl: (this: EventSource) => string;
  getWithCredentials: (this: EventSource) => boolean;
  ErrorCtor: ErrorConstructor;
  typeErrorPrototype: TypeError;
  getPrototypeOf: typeof Reflect.getPrototypeOf;
  stringIndexOf: (this: string, search: string, from?: number) => number;
  /** V8's and SpiderMonkey's Error.captureStackTrace; undefined where the engine lacks it. */
  captureStackTrace: ((target: object, below: object) => void) | undefined;
  WeakMapCtor: WeakMapConstructor;
  /** The page realm's `Symbol.iterator`, for iterables the hook hands to the browser. */
  iteratorKey: typeof Symbol.iterator;
  /** The ArrayBuffer under a typed array; throws for anything else (a brand check). */
  bufferOf: Getter<Uint8Array, ArrayBufferLike>;
  byteOffsetOf: Getter<Uint8Array, number>;
  copyBytes: CopyBytes;
}

/** A property getter, to be called with Reflect.apply on an instance. */
export type Getter<T, V> = (this: T) => V;

/** The getter of an accessor on `proto`, taken once at install; throws if there is none. */
export function getter<T, V = unknown>(proto: object, name: string): Getter<T, V> {
  const d = Object.getOwnPropertyDescriptor(proto, name);
  if (!d?.get) throw new Error(`SSE Lens: no getter ${name}`);
  return d.get as Getter<T, V>;
}

export function captureIntrinsics(win: Window & typeof globalThis): Intrinsics {
  const perf = win.performance;
  const timeOrigin = perf.timeOrigin;
  const perfNow = perf.now;
  const es = win.EventSource.prototype;
  const noArgs = Object.freeze([] as const);
  const bind = Function.prototype.bind;
  const weakMapGet = WeakMap.prototype.get;
  const me = win.MessageEvent.prototype;
  const apply = Reflect.apply;
  const capture = (win.Error as { captureStackTrace?: unknown }).captureStackTrace;
  const typed = Object.getPrototypeOf(win.Uint8Array.prototype) as object;
  const bufferOf = getter<Uint8Array, ArrayBufferLike>(typed, 'buffer');
  const byteOffsetOf = getter<Uint8Array, number>(typed, 'byteOffset');
  return {
    apply: Reflect.apply,
    construct: Reflect.construct,
    defineProperty: Object.defineProperty,
    tryDefineProperty: Reflect.defineProperty,
    deleteProperty: Reflect.deleteProperty,
    isExtensible: Reflect.isExtensible,
    isArray: Array.isArray,
    getOwnPropertyDescriptor: Object.getOwnPropertyDescriptor,
    ownKeys: Reflect.ownKeys,
    setPrototypeOf: Object.setPrototypeOf,
    now: () => timeOrigin + apply(perfNow, perf, noArgs),
    noArgs,
    setTimeout: win.setTimeout.bind(win),
    addEventListener: win.EventTarget.prototype.addEventListener,
    removeEventListener: win.EventTarget.prototype.removeEventListener,
    stopImmediatePropagation: win.Event.prototype.stopImmediatePropagation,
    postMessage: win.MessagePort.prototype.postMessage,
    functionToString: win.Function.prototype.toString,
    lookupIn: <V>(map: WeakMap<object, V>) =>
      apply(bind, weakMapGet, [map]) as (key: unknown) => V | undefined,
    weakMapSet: WeakMap.prototype.set,
    stringSlice: String.prototype.slice,
    getType: getter<Event>(win.Event.prototype, 'type') as (this: Event) => string,
    getData: getter<MessageEvent>(me, 'data'),
    getLastEventId: getter<MessageEvent>(me, 'lastEventId') as (this: MessageEvent) => string,
    getOrigin: getter<MessageEvent>(me, 'origin') as (this: MessageEvent) => string,
    getSource: getter<MessageEvent>(me, 'source') as (
      this: MessageEvent,
    ) => MessageEventSource | null,
    getPorts: getter<MessageEvent>(me, 'ports') as (this: MessageEvent) => readonly MessagePort[],
    getReadyState: getter<EventSource>(es, 'readyState') as (this: EventSource) => number,
    getUrl: getter<EventSource>(es, 'url') as (this: EventSource) => string,
    getWithCredentials: getter<EventSource>(es, 'withCredentials') as (
      this: EventSource,
    ) => boolean,
    ErrorCtor: win.Error,
    typeErrorPrototype: win.TypeError.prototype,
    getPrototypeOf: Reflect.getPrototypeOf,
    stringIndexOf: String.prototype.indexOf,
    captureStackTrace:
      typeof capture === 'function' ? (capture as (t: object, below: object) => void) : undefined,
    WeakMapCtor: WeakMap,
    iteratorKey: Symbol.iterator,
    bufferOf,
    byteOffsetOf,
    copyBytes: byteCopier(win.Uint8Array, bufferOf, byteOffsetOf),
  };
}
