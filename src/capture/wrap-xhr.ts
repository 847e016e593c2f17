// Wraps XMLHttpRequest.prototype.open, setRequestHeader and send to learn the request each
// XHR makes, then hands each send() to an XhrCall, which records the response if it is a
// stream; abort() (and open() during a request) first lets the call record the text the
// page could read until then, since ending the request empties responseText. Every wrapper calls the native method first with the page's own `arguments` (so
// conversions, errors and their order are native; errors are rooted at the page's call) and
// only then, on success, notes what the call did; send() notes first, since a synchronous
// request fires its events inside the native call.
/* eslint-disable @typescript-eslint/unbound-method -- originals stay unbound; always called via Reflect.apply */
/* eslint-disable prefer-rest-params -- `arguments` forwards exactly what the page passed, count included */
import { LIMITS } from '../protocol/constants';
import type { HookSink } from './hook-channel';
import type { Intrinsics } from './intrinsics';
import { replaceMethod, type NativeMask } from './native-mask';
import type { RequestInfo } from './records';
import type { Stacks } from './stacks';
import { copySendBody } from './xhr-body';
import { XhrCall, type XhrCallContext } from './xhr-call';
import type { XhrIntrinsics } from './xhr-intrinsics';
import { addRequestHeader, normaliseMethod } from './xhr-text';

/** What the XHR's last open() set up. */
interface Opened {
  method: string;
  url: string;
  /** setRequestHeader() calls since open(), combined (null prototype). */
  headers: [string, string][];
  /** The call its send() started; null until then. */
  call: XhrCall | null;
}

const OPENED = 1;

export function wrapXhr(
  win: Window & typeof globalThis,
  I: Intrinsics,
  X: XhrIntrinsics,
  mask: NativeMask,
  stacks: Stacks,
  sink: HookSink,
  nextConn: () => number,
): void {
  const proto = win.XMLHttpRequest.prototype;
  const opened = new I.WeakMapCtor<object, Opened>();
  const openedOf = I.lookupIn(opened);
  const ctx: XhrCallContext = { I, X, sink, nextConn, frameUrl: () => win.location.href };

  /**
   * The absolute URL open() resolved. A string is resolved here as open() does; a URL object
   * gives its href; anything else would need page code (its toString) and gives ''.
   */
  const absoluteUrl = (url: unknown): string => {
    try {
      if (typeof url === 'string') return I.apply(X.urlHref, new X.URL(url, X.baseUrl()), I.noArgs);
      return I.apply(X.urlHref, url as URL, I.noArgs);
    } catch {
      return typeof url === 'string' ? url : '';
    }
  };

  const methodOf = (method: unknown): string => {
    switch (typeof method) {
      case 'string':
        return normaliseMethod(method);
      case 'number':
      case 'boolean':
      case 'bigint':
        return normaliseMethod(`${method}`);
      default:
        return '';
    }
  };

  const onOpen = (xhr: XMLHttpRequest, method: unknown, url: unknown): void => {
    openedOf(xhr)?.call?.reopened();
    I.apply(I.weakMapSet, opened, [
      xhr,
      {
        method: methodOf(method),
        url: absoluteUrl(url),
        headers: I.setPrototypeOf([], null) as [string, string][],
        call: null,
      },
    ]);
  };

  /** A call for this send(), or null when the native send will refuse it or there is no open(). */
  const start = (xhr: XMLHttpRequest, state: Opened, body: unknown): XhrCall | null => {
    if (state.call !== null || I.apply(X.readyState, xhr, I.noArgs) !== OPENED) return null;
    const noBody = state.method === 'GET' || state.method === 'HEAD';
    const info: RequestInfo = {
      method: state.method,
      headers: state.headers,
      credentials: I.apply(X.withCredentials, xhr, I.noArgs) ? 'include' : 'same-origin',
    };
    return new XhrCall(
      ctx,
      xhr,
      info,
      state.url,
      noBody ? null : copySendBody(body, I, X),
      stacks.callerStack(send),
    );
  };

  // Methods, so none can be called with `new`; their parameter counts give the native lengths.
  /** Lets the call in flight record its text before a native method ends the request. */
  const beforeEnd = (xhr: XMLHttpRequest): void => {
    try {
      openedOf(xhr)?.call?.beforeEnd();
    } catch {
      // Capture must never change what the page's call does.
    }
  };

  const { open } = {
    open(this: XMLHttpRequest, _method: string, _url: string | URL): void {
      beforeEnd(this);
      try {
        I.apply(X.open, this, arguments);
      } catch (error) {
        stacks.rootAtCaller(error, open);
        throw error;
      }
      try {
        onOpen(this, arguments[0], arguments[1]);
      } catch {
        // Capture must never change what the page's call does.
      }
    },
  };

  const { setRequestHeader } = {
    setRequestHeader(this: XMLHttpRequest, _name: string, _value: string): void {
      try {
        I.apply(X.setRequestHeader, this, arguments);
      } catch (error) {
        stacks.rootAtCaller(error, setRequestHeader);
        throw error;
      }
      try {
        const name: unknown = arguments[0];
        const value: unknown = arguments[1];
        const state = openedOf(this);
        if (state !== undefined && typeof name === 'string' && typeof value === 'string') {
          addRequestHeader(state.headers, name, value, LIMITS.maxHeaders);
        }
      } catch {
        // As above.
      }
    },
  };

  const { send } = {
    send(this: XMLHttpRequest): void {
      const state = openedOf(this);
      let call: XhrCall | null = null;
      try {
        if (state !== undefined) call = start(this, state, arguments[0]);
      } catch {
        // As above.
      }
      try {
        I.apply(X.send, this, arguments);
      } catch (error) {
        try {
          call?.sendFailed(error);
        } catch {
          // As above.
        }
        stacks.rootAtCaller(error, send);
        throw error;
      }
      if (state !== undefined && call !== null) state.call = call;
    },
  };

  const { abort } = {
    abort(this: XMLHttpRequest): void {
      beforeEnd(this);
      try {
        I.apply(X.abort, this, arguments);
      } catch (error) {
        stacks.rootAtCaller(error, abort);
        throw error;
      }
    },
  };

  mask.mask(open, X.open);
  mask.mask(abort, X.abort);
  mask.mask(setRequestHeader, X.setRequestHeader);
  mask.mask(send, X.send);
  replaceMethod(proto, 'open', open, I);
  replaceMethod(proto, 'setRequestHeader', setRequestHeader, I);
  replaceMethod(proto, 'send', send, I);
  replaceMethod(proto, 'abort', abort, I);
}
