// Private references to the fetch, stream and body built-ins the fetch hook uses, taken at
// document_start like the rest of the hook's intrinsics (intrinsics.ts): page code that later
// replaces Response.prototype.clone or ReadableStream.prototype.getReader cannot reach the hook.
/* eslint-disable @typescript-eslint/unbound-method -- the point is to keep unbound originals */
import { getter, type Getter } from './intrinsics';

/** Taken when the hook's script runs, before page scripts: the page may replace Reflect.apply. */
const apply = Reflect.apply;

export interface FetchIntrinsics {
  fetch: typeof fetch;
  Request: typeof Request;
  Response: typeof Response;
  ReadableStream: typeof ReadableStream;
  Uint8Array: Uint8ArrayConstructor;
  requestUrl: Getter<Request, string>;
  requestMethod: Getter<Request, string>;
  requestHeaders: Getter<Request, Headers>;
  requestCredentials: Getter<Request, RequestCredentials>;
  requestSignal: Getter<Request, AbortSignal>;
  requestClone: (this: Request) => Request;
  /** Undefined where Request has no `body` (Firefox): the copy is then read whole. */
  requestBody: Getter<Request, ReadableStream<Uint8Array> | null> | undefined;
  requestArrayBuffer: (this: Request) => Promise<ArrayBuffer>;
  responseUrl: Getter<Response, string>;
  responseType: Getter<Response, ResponseType>;
  responseRedirected: Getter<Response, boolean>;
  responseHeaders: Getter<Response, Headers>;
  responseStatus: Getter<Response, number>;
  responseStatusText: Getter<Response, string>;
  responseBody: Getter<Response, ReadableStream<Uint8Array> | null>;
  responseClone: (this: Response) => Response;
  headersForEach: (this: Headers, fn: (value: string, name: string) => void) => void;
  headersGet: (this: Headers, name: string) => string | null;
  getReader: (this: ReadableStream<Uint8Array>) => ReadableStreamDefaultReader<Uint8Array>;
  read: (
    this: ReadableStreamDefaultReader<Uint8Array>,
  ) => Promise<ReadableStreamReadResult<Uint8Array>>;
  cancel: (this: ReadableStreamDefaultReader<Uint8Array>, reason?: unknown) => Promise<void>;
  /**
   * Promise.prototype.then, for a promise the page never sees; `never` so that a call's result
   * takes the type its caller needs. `then` looks up the promise's `constructor` and its
   * Symbol.species, which the page can replace on Promise.prototype and Promise: the promise
   * is given a `constructor` of its own first, so no page getter runs.
   */
  then: (promise: Promise<unknown>, ok: unknown, fail?: unknown) => Promise<never>;
  aborted: Getter<AbortSignal, boolean>;
  /** Promise.reject of the page's realm. */
  reject: (error: unknown) => Promise<never>;
  /** The getter of `window.window`: its brand check tells a Window from any other object. */
  windowOf: Getter<Window, Window> | undefined;
  byteLength: Getter<Uint8Array, number>;
  u8Set: (this: Uint8Array, source: Uint8Array, offset?: number) => void;
  enqueue: (this: ReadableByteStreamController, chunk: Uint8Array) => void;
  closeController: (this: ReadableByteStreamController) => void;
  /**
   * `controller.error` bound to `controller`: called straight from a promise reaction, it puts
   * no script frame on the stack of an error the browser creates from it (as natively).
   */
  boundError: (controller: ReadableByteStreamController) => (e: unknown) => void;
  byobRequest: Getter<ReadableByteStreamController, ReadableStreamBYOBRequest | null>;
  respond: (this: ReadableStreamBYOBRequest, n: number) => void;
  errorName: (value: unknown) => string;
}

function bindTo<T extends object, A extends unknown[]>(
  method: (this: T, ...args: A) => void,
): (target: T) => (...args: A) => void {
  const bind = Function.prototype.bind;
  return (target) => apply(bind, method, [target]) as (...args: A) => void;
}

/** `then` for the hook's own promises (see FetchIntrinsics.then). */
export function thenWith(P: PromiseConstructor): FetchIntrinsics['then'] {
  const then = P.prototype.then as (this: Promise<unknown>, ...args: unknown[]) => Promise<never>;
  const define = Object.defineProperty;
  const own = { __proto__: null, value: { __proto__: null, [Symbol.species]: P } };
  return (promise, ok, fail) => {
    void define(promise, 'constructor', own);
    return apply(then, promise, [ok, fail]);
  };
}

function rejectWith(P: PromiseConstructor): (error: unknown) => Promise<never> {
  const reject: (this: PromiseConstructor, error: unknown) => Promise<never> = P.reject;
  return (error) => apply(reject, P, [error]);
}

/** Null where the window has no fetch or no byte streams: the hook then leaves fetch alone. */
export function captureFetchIntrinsics(win: Window & typeof globalThis): FetchIntrinsics | null {
  const { Request: Req, Response: Res, ReadableStream: RS, Headers: H } = win;
  const Controller = (win as { ReadableByteStreamController?: typeof ReadableByteStreamController })
    .ReadableByteStreamController;
  const ByobRequest = (win as { ReadableStreamBYOBRequest?: typeof ReadableStreamBYOBRequest })
    .ReadableStreamBYOBRequest;
  if (typeof win.fetch !== 'function' || Controller === undefined || ByobRequest === undefined) {
    return null;
  }
  const reader = win.ReadableStreamDefaultReader.prototype;
  const typed = Object.getPrototypeOf(win.Uint8Array.prototype) as object;
  return {
    fetch: win.fetch,
    Request: Req,
    Response: Res,
    ReadableStream: RS,
    Uint8Array: win.Uint8Array,
    requestUrl: getter(Req.prototype, 'url'),
    requestMethod: getter(Req.prototype, 'method'),
    requestHeaders: getter(Req.prototype, 'headers'),
    requestCredentials: getter(Req.prototype, 'credentials'),
    requestSignal: getter(Req.prototype, 'signal'),
    requestClone: Req.prototype.clone,
    requestBody: Object.getOwnPropertyDescriptor(Req.prototype, 'body')?.get as
      Getter<Request, ReadableStream<Uint8Array> | null> | undefined,
    requestArrayBuffer: Req.prototype.arrayBuffer,
    responseUrl: getter(Res.prototype, 'url'),
    responseType: getter(Res.prototype, 'type'),
    responseRedirected: getter(Res.prototype, 'redirected'),
    responseHeaders: getter(Res.prototype, 'headers'),
    responseStatus: getter(Res.prototype, 'status'),
    responseStatusText: getter(Res.prototype, 'statusText'),
    responseBody: getter(Res.prototype, 'body'),
    responseClone: Res.prototype.clone,
    headersForEach: H.prototype.forEach as FetchIntrinsics['headersForEach'],
    headersGet: H.prototype.get,
    getReader: RS.prototype.getReader as FetchIntrinsics['getReader'],
    read: reader.read as FetchIntrinsics['read'],
    cancel: reader.cancel as FetchIntrinsics['cancel'],
    then: thenWith(win.Promise),
    aborted: getter(win.AbortSignal.prototype, 'aborted'),
    reject: rejectWith(win.Promise),
    windowOf: Object.getOwnPropertyDescriptor(win, 'window')?.get as
      Getter<Window, Window> | undefined,
    byteLength: getter(typed, 'byteLength'),
    u8Set: (typed as Uint8Array).set,
    enqueue: Controller.prototype.enqueue as FetchIntrinsics['enqueue'],
    closeController: Controller.prototype.close,
    boundError: bindTo(Controller.prototype.error),
    byobRequest: getter(Controller.prototype, 'byobRequest'),
    respond: ByobRequest.prototype.respond,
    errorName: describeErrorWith(win),
  };
}

/**
 * `Name: message` of an error the page will see (an AbortError, a network TypeError, a custom
 * abort reason), read from data properties only: a getter the page put on a reason object is
 * never run. A string reason is itself.
 */
export function describeErrorWith(win: Window & typeof globalThis): (value: unknown) => string {
  const getOwn = Object.getOwnPropertyDescriptor;
  const protoOf = Object.getPrototypeOf;
  const domName = getter<DOMException, string>(win.DOMException.prototype, 'name');
  const domMessage = getter<DOMException, string>(win.DOMException.prototype, 'message');
  const dataOf = (o: object, key: string): unknown => {
    for (let p: object | null = o; p !== null; p = protoOf(p) as object | null) {
      const d = getOwn(p, key);
      if (d) return 'value' in d ? d.value : undefined;
    }
    return undefined;
  };
  return (value) => {
    if (typeof value === 'string') return value;
    if (typeof value !== 'object' || value === null) return String(value);
    try {
      const name = apply(domName, value as DOMException, []);
      const message = apply(domMessage, value as DOMException, []);
      return `${name}: ${message}`;
    } catch {
      // Not a DOMException.
    }
    const name = dataOf(value, 'name');
    const message = dataOf(value, 'message');
    const n = typeof name === 'string' ? name : 'Error';
    return typeof message === 'string' && message !== '' ? `${n}: ${message}` : n;
  };
}
