// Replaces window.fetch with a function that makes the very request the page asked for and
// records it when it turns out to be a stream. The page's arguments are turned into a Request
// once, exactly as fetch itself does first, and the native fetch gets that Request; anything
// the Request constructor rejects goes to the native fetch untouched, so errors are native.
// A stream's Response is a stand-in whose body the hook reads as the page pulls
// (body-tap.ts), reporting the real response's url, type, redirected and headers
// (response-mask.ts). Every other response reaches the page as the network's own object.
/* eslint-disable @typescript-eslint/unbound-method -- originals stay unbound; always called via Reflect.apply */
/* eslint-disable prefer-rest-params -- `arguments` forwards exactly what the page passed, count included */
import { tapBody } from './body-tap';
import { FetchCall, type FetchCallContext } from './fetch-call';
import type { FetchIntrinsics } from './fetch-intrinsics';
import type { HookSink } from './hook-channel';
import type { Intrinsics } from './intrinsics';
import { replaceMethod, type NativeMask } from './native-mask';
import type { RequestInfo } from './records';
import type { ResponseMask } from './response-mask';
import type { Stacks } from './stacks';
import { formatOfType } from './stream-format';
import type { ResponseFacts } from './stream-recorder';
import { LIMITS } from '../protocol/constants';

/** Chromium words the same failure by the API that met it. */
const REQUEST_PREFIX = "Failed to construct 'Request': ";
const FETCH_PREFIX = "Failed to execute 'fetch' on 'Window': ";

/**
 * Gives an error the Request constructor threw the message fetch gives the same failure;
 * false (and the error untouched) when its message is not worded as this browser's is.
 */
function rewordAsFetch(error: unknown, I: Intrinsics): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const d = I.getOwnPropertyDescriptor(error, 'message');
  const message: unknown = d?.value;
  if (d === undefined || typeof message !== 'string' || !startsWith(message, REQUEST_PREFIX)) {
    return false;
  }
  let rest = '';
  for (let i = REQUEST_PREFIX.length; i < message.length; i++) rest += message[i];
  setMessage(error, d, FETCH_PREFIX + rest, I);
  return true;
}

/**
 * Gives an error's own message a new text, keeping its attributes. The descriptor has no
 * prototype: defineProperty must not find a `get` the page put on Object.prototype.
 */
function setMessage(error: object, d: PropertyDescriptor, text: string, I: Intrinsics): void {
  const { writable, enumerable, configurable } = d;
  I.defineProperty(
    error,
    'message',
    I.setPrototypeOf(
      { value: text, writable, enumerable, configurable },
      null,
    ) as PropertyDescriptor,
  );
}

/** Compared by index: the page may have replaced String.prototype.startsWith. */
function startsWith(text: string, prefix: string): boolean {
  if (text.length < prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (text[i] !== prefix[i]) return false;
  return true;
}

/** V8's refusal of a receiver that is not of the interface, the same for every API. */
const ILLEGAL_INVOCATION = 'Illegal invocation';

/** Statuses whose responses cannot carry a body (the Response constructor refuses one). */
const NULL_BODY = [101, 103, 204, 205, 304];

export function wrapFetch(
  win: Window & typeof globalThis,
  I: Intrinsics,
  F: FetchIntrinsics,
  mask: NativeMask,
  responses: ResponseMask,
  stacks: Stacks,
  sink: HookSink,
  nextConn: () => number,
): void {
  const native = F.fetch;
  const ctx: FetchCallContext = { I, F, sink, nextConn, frameUrl: () => win.location.href };

  const headerList = (headers: Headers): [string, string][] => {
    const list: [string, string][] = I.setPrototypeOf([], null) as [string, string][];
    I.apply(F.headersForEach, headers, [
      (value: string, name: string) => {
        if (list.length < LIMITS.maxHeaders) list[list.length] = [name, value];
      },
    ]);
    return list;
  };

  /**
   * All of `headers` as a record with no prototype, for the stand-in's init: the Headers object
   * itself would be read through the page's Headers.prototype[Symbol.iterator] and `next`.
   */
  const headerRecord = (headers: Headers): Record<string, string> => {
    const record = I.setPrototypeOf({}, null) as Record<string, string>;
    I.apply(F.headersForEach, headers, [
      (value: string, name: string) => {
        record[name] = value;
      },
    ]);
    return record;
  };

  const facts = (res: Response): ResponseFacts => ({
    status: I.apply(F.responseStatus, res, I.noArgs),
    statusText: I.apply(F.responseStatusText, res, I.noArgs),
    url: I.apply(F.responseUrl, res, I.noArgs),
    redirected: I.apply(F.responseRedirected, res, I.noArgs),
    headers: headerList(I.apply(F.responseHeaders, res, I.noArgs)),
  });

  /** What the page gets for `res`: the network's Response, or a stand-in for a stream. */
  const onResponse = (call: FetchCall, res: Response): Response => {
    try {
      const type = I.apply(F.responseType, res, I.noArgs);
      const status = I.apply(F.responseStatus, res, I.noArgs);
      const body = I.apply(F.responseBody, res, I.noArgs);
      const headers = I.apply(F.responseHeaders, res, I.noArgs);
      const format = formatOfType(I.apply(F.headersGet, headers, ['content-type']));
      if (type === 'opaque' || type === 'opaqueredirect' || body === null || format === null) {
        call.notStream(facts(res));
        return res;
      }
      for (let i = 0; i < NULL_BODY.length; i++) if (NULL_BODY[i] === status) return res;
      const responseFacts = facts(res);
      const init = I.setPrototypeOf(
        { status, statusText: responseFacts.statusText, headers: headerRecord(headers) },
        null,
      ) as ResponseInit;
      const observer = call.stream(responseFacts, format);
      const standIn: Response = new F.Response(tapBody(body, I, F, observer), init);
      responses.standFor(standIn, res);
      return standIn;
    } catch {
      // Never let capture change what the page receives.
      return res;
    }
  };

  const cannotStream = (req: Request): boolean => {
    try {
      if (I.apply(F.aborted, I.apply(F.requestSignal, req, I.noArgs), I.noArgs)) return true;
      const url = I.apply(F.requestUrl, req, I.noArgs);
      return !(startsWith(url, 'http://') || startsWith(url, 'https://'));
    } catch {
      return true;
    }
  };

  const start = (req: Request): FetchCall | null => {
    try {
      const method = I.apply(F.requestMethod, req, I.noArgs);
      const copy =
        method === 'GET' || method === 'HEAD' ? null : I.apply(F.requestClone, req, I.noArgs);
      const info: RequestInfo = {
        method,
        headers: headerList(I.apply(F.requestHeaders, req, I.noArgs)),
        credentials: I.apply(F.requestCredentials, req, I.noArgs),
      };
      return new FetchCall(
        ctx,
        req,
        copy,
        info,
        I.apply(F.requestUrl, req, I.noArgs),
        stacks.callerStack(fetch),
      );
    } catch {
      return null;
    }
  };

  /**
   * The error fetch rejects with when called on something that is not a Window, made here so
   * that its stack starts at the page's call, as the native one does; null for a Window (of
   * any frame), and where the browser words the refusal by the API that met it (Firefox
   * names the getter), leaving the call to the native fetch.
   */
  const illegalInvocation = (receiver: unknown): object | null => {
    if (F.windowOf === undefined) return null;
    try {
      I.apply(F.windowOf, receiver as Window, I.noArgs);
      return null;
    } catch (error) {
      if (typeof error !== 'object' || error === null) return null;
      const message: unknown = I.getOwnPropertyDescriptor(error, 'message')?.value;
      return message === ILLEGAL_INVOCATION ? error : null;
    }
  };

  // A method, so that `new fetch()` fails as it does natively; its `length` is 1 like fetch's.
  const { fetch } = {
    fetch(this: unknown, _input: unknown): Promise<Response> {
      if (this !== undefined && this !== null && this !== win) {
        const refusal = illegalInvocation(this);
        if (refusal === null) return I.apply(native, this, arguments) as Promise<Response>;
        stacks.rootAtCaller(refusal, fetch);
        // V8 writes the stack's first line before Blink names the API in the message.
        const stack = I.getOwnPropertyDescriptor(refusal, 'stack')?.get;
        if (stack !== undefined) I.apply(stack, refusal, I.noArgs);
        const message = I.getOwnPropertyDescriptor(refusal, 'message');
        if (message) setMessage(refusal, message, FETCH_PREFIX + ILLEGAL_INVOCATION, I);
        return F.reject(refusal);
      }
      let req: Request;
      try {
        req = I.construct(F.Request, arguments) as Request;
      } catch (error) {
        // fetch rejects with what the Request constructor threw, worded as fetch's own; the
        // error is rooted at the page's call. A wording not known here goes to the native.
        if (!rewordAsFetch(error, I)) return I.apply(native, this, arguments) as Promise<Response>;
        stacks.rootAtCaller(error, fetch);
        return F.reject(error);
      }
      // What fetch refuses at once (an aborted signal, a scheme it cannot fetch from the
      // network) reaches the page as the native promise itself, settling on the same turn.
      const call = cannotStream(req) ? null : start(req);
      const pending: Promise<Response> = I.apply(native, this, [req]);
      if (call === null) return pending;
      return F.then(
        pending,
        (res: Response) => onResponse(call, res),
        (error: unknown) => {
          call.failed(error);
          throw error;
        },
      );
    },
  };
  for (const key of I.ownKeys(native)) {
    const d = I.getOwnPropertyDescriptor(native, key);
    if (d) I.defineProperty(fetch, key, d);
  }
  mask.mask(fetch, native);
  replaceMethod(win, 'fetch', fetch, I);
}
