// The XMLHttpRequest wrappers on a scripted prototype: what they learn from open(),
// setRequestHeader() and send() (method, resolved URL, combined headers, credentials, body),
// and that the native methods' errors reach the page unchanged.
/* eslint-disable @typescript-eslint/unbound-method -- the scripted natives are kept unbound */
import { describe, expect, it } from 'vitest';
import type { Intrinsics } from '../../src/capture/intrinsics';
import type { NativeMask } from '../../src/capture/native-mask';
import type { HookRecord } from '../../src/capture/records';
import type { Stacks } from '../../src/capture/stacks';
import { wrapXhr } from '../../src/capture/wrap-xhr';
import { ScriptedXhr, xhrContext } from './support/xhr-fakes';

/** Native behaviour enough for the wrappers: state checks that throw like the real ones. */
class NativeXhr extends ScriptedXhr {
  sent = false;
  open(_method: string, _url: string): void {
    this.readyState = 1;
    this.sent = false;
  }
  setRequestHeader(_name: string, _value: string): void {
    if (this.readyState !== 1 || this.sent) throw new Error('InvalidStateError');
  }
  send(_body?: unknown): void {
    if (this.readyState !== 1 || this.sent) throw new Error('InvalidStateError');
    this.sent = true;
  }
  abort(): void {
    this.responseText = '';
    this.status = 0;
    this.readyState = 4;
    this.fire('readystatechange');
    this.fire('abort');
    this.readyState = 0;
  }
}

function install() {
  const { ctx, records } = xhrContext();
  const proto = NativeXhr.prototype;
  const natives = {
    open: proto.open,
    setRequestHeader: proto.setRequestHeader,
    send: proto.send,
    abort: proto.abort,
  };
  const X = { ...ctx.X, ...natives } as typeof ctx.X;
  const I = {
    ...ctx.I,
    WeakMapCtor: WeakMap,
    lookupIn: (map: WeakMap<object, unknown>) => (key: unknown) => map.get(key as object),
    weakMapSet: WeakMap.prototype.set,
    getOwnPropertyDescriptor: Object.getOwnPropertyDescriptor,
    defineProperty: Object.defineProperty,
    ErrorCtor: Error,
  } as unknown as Intrinsics;
  const rooted: unknown[] = [];
  const stacks = {
    callerStack: () => 'at page',
    rootAtCaller: (error: unknown) => rooted.push(error),
  } as unknown as Stacks;
  const mask: NativeMask = { mask: () => undefined };
  const win = { XMLHttpRequest: NativeXhr, location: { href: 'http://page.test/app/' } };
  wrapXhr(win as unknown as Window & typeof globalThis, I, X, mask, stacks, ctx.sink, ctx.nextConn);
  return { records, rooted, restore: () => Object.assign(proto, natives) };
}

const streamHeaders = (xhr: NativeXhr) =>
  xhr.head(200, { 'content-type': 'text/event-stream' }, 'http://page.test/app/chat?x');

const kinds = (records: HookRecord[]) => records.map((r) => (Array.isArray(r) ? 'tuple' : r.kind));

describe('wrapXhr', () => {
  it('records the request as open(), setRequestHeader() and send() made it', () => {
    const { records, restore } = install();
    try {
      const xhr = new NativeXhr();
      xhr.open('post', 'chat?x#part');
      xhr.setRequestHeader('Content-Type', 'application/json');
      xhr.setRequestHeader('X-Run', ' 1 ');
      xhr.setRequestHeader('x-run', '2');
      xhr.withCredentials = true;
      xhr.send('{"q":1}');
      streamHeaders(xhr);
      expect(kinds(records)).toEqual(['connection', 'body', 'head']);
      expect(records[0]).toMatchObject({
        url: 'http://page.test/app/chat?x#part',
        withCredentials: true,
        api: 'xhr',
        stack: 'at page',
        request: {
          method: 'POST',
          headers: [
            ['content-type', 'application/json'],
            ['x-run', '1, 2'],
          ],
          credentials: 'include',
        },
      });
      expect(new TextDecoder().decode((records[1] as { bytes: Uint8Array }).bytes)).toBe('{"q":1}');
      expect(records[2]).toMatchObject({ redirected: false });
    } finally {
      restore();
    }
  });

  it('sends no body record for a GET, and open() again ends the stream and forgets its headers', () => {
    const { records, restore } = install();
    try {
      const xhr = new NativeXhr();
      xhr.open('GET', 'http://other.test/s');
      xhr.setRequestHeader('X-Old', '1');
      xhr.send('ignored');
      streamHeaders(xhr);
      xhr.open('GET', 'http://other.test/t');
      xhr.send();
      xhr.head(200, { 'content-type': 'text/event-stream' }, 'http://other.test/t');
      expect(kinds(records)).toEqual(['connection', 'head', 'end', 'connection', 'head']);
      expect(records[2]).toMatchObject({ outcome: 'aborted', error: 'open() was called again' });
      expect(records[3]).toMatchObject({
        conn: 2,
        url: 'http://other.test/t',
        request: { method: 'GET', headers: [], credentials: 'same-origin' },
      });
    } finally {
      restore();
    }
  });

  it('abort() lets the call record the text the page could read, then aborts natively', () => {
    const { records, restore } = install();
    try {
      const xhr = new NativeXhr();
      xhr.open('GET', '/s');
      xhr.send();
      streamHeaders(xhr);
      xhr.readyState = 3;
      xhr.responseText = 'data: 1\n\n';
      xhr.abort();
      expect(kinds(records)).toEqual(['connection', 'head', 'chunk', 'end']);
      expect(records[3]).toMatchObject({ outcome: 'aborted' });
    } finally {
      restore();
    }
  });

  it('lets native errors through, rooted at the caller, and keeps the call a second send() refused', () => {
    const { records, rooted, restore } = install();
    try {
      const xhr = new NativeXhr();
      xhr.readyState = 0;
      expect(() => xhr.setRequestHeader('a', 'b')).toThrow('InvalidStateError');
      xhr.open('GET', '/s');
      xhr.send();
      expect(() => xhr.send()).toThrow('InvalidStateError');
      expect(rooted).toHaveLength(2);
      streamHeaders(xhr);
      xhr.text('data: 1\n\n');
      xhr.load();
      expect(kinds(records)).toEqual(['connection', 'head', 'chunk', 'end']);
      expect(records[3]).toMatchObject({ outcome: 'complete' });
    } finally {
      restore();
    }
  });
});
