// Stand-ins for the XHR hook's unit tests: a scripted XMLHttpRequest whose events the test
// fires one by one (trusted, or not), intrinsics that read it, and a sink that keeps records.
// Everything the hook copies bodies with is Node's own built-ins.
/* eslint-disable @typescript-eslint/unbound-method -- built-ins kept unbound, as the hook keeps them */
import { byteCopier } from '../../../src/capture/byte-copy';
import type { HookRecord } from '../../../src/capture/records';
import type { Intrinsics } from '../../../src/capture/intrinsics';
import type { XhrCallContext } from '../../../src/capture/xhr-call';
import type { XhrIntrinsics } from '../../../src/capture/xhr-intrinsics';

type Listener = (ev: { isTrusted: boolean; type: string }) => void;

export class ScriptedXhr {
  readyState = 1;
  status = 0;
  statusText = '';
  responseURL = '';
  responseType: XMLHttpRequestResponseType = '';
  responseText = '';
  response: unknown = null;
  withCredentials = false;
  headerText = '';
  readonly listeners = new Map<string, Listener[]>();

  /** Dispatches `type` to the listeners added for it. */
  fire(type: string, isTrusted = true): void {
    for (const l of [...(this.listeners.get(type) ?? [])]) l({ isTrusted, type });
  }

  /** Headers arrive: readyState 2 and a readystatechange. */
  head(status: number, headers: Record<string, string>, responseURL: string): void {
    this.readyState = 2;
    this.status = status;
    this.statusText = status === 200 ? 'OK' : 'Internal Server Error';
    this.responseURL = responseURL;
    this.headerText = Object.entries(headers)
      .map(([k, v]) => `${k}: ${v}\r\n`)
      .join('');
    this.fire('readystatechange');
  }

  /** More text arrives: readyState 3 and a progress event. */
  text(more: string): void {
    this.readyState = 3;
    this.responseText += more;
    this.fire('readystatechange');
    this.fire('progress');
  }

  /** The body ended: readyState 4, then load. */
  load(): void {
    this.readyState = 4;
    this.fire('readystatechange');
    this.fire('load');
  }

  listenerCount(): number {
    let n = 0;
    for (const list of this.listeners.values()) n += list.length;
    return n;
  }
}

const asScripted = (x: unknown): ScriptedXhr => x as ScriptedXhr;

export function xhrContext(): { ctx: XhrCallContext; records: HookRecord[] } {
  const records: HookRecord[] = [];
  let clock = 1000;
  const typed = Object.getPrototypeOf(Uint8Array.prototype) as object;
  const getter = <T>(proto: object, name: string) =>
    Object.getOwnPropertyDescriptor(proto, name)?.get as (this: T) => never;
  const bufferOf = getter<Uint8Array>(typed, 'buffer');
  const byteOffsetOf = getter<Uint8Array>(typed, 'byteOffset');
  const I = {
    apply: Reflect.apply,
    noArgs: Object.freeze([]),
    bufferOf,
    byteOffsetOf,
    copyBytes: byteCopier(Uint8Array, bufferOf, byteOffsetOf),
    now: () => clock++,
    setPrototypeOf: Object.setPrototypeOf,
    stringSlice: String.prototype.slice,
    getType(this: { type: string }) {
      return this.type;
    },
    addEventListener(this: ScriptedXhr, type: string, l: Listener) {
      this.listeners.set(type, [...(this.listeners.get(type) ?? []), l]);
    },
    removeEventListener(this: ScriptedXhr, type: string, l: Listener) {
      this.listeners.set(
        type,
        (this.listeners.get(type) ?? []).filter((x) => x !== l),
      );
    },
  } as unknown as Intrinsics;
  const encoder = new TextEncoder();
  const X: XhrIntrinsics = {
    open: () => undefined,
    setRequestHeader: () => undefined,
    send: () => undefined,
    abort: () => undefined,
    readyState: function () {
      return asScripted(this).readyState;
    },
    status: function () {
      return asScripted(this).status;
    },
    statusText: function () {
      return asScripted(this).statusText;
    },
    responseURL: function () {
      return asScripted(this).responseURL;
    },
    responseType: function () {
      return asScripted(this).responseType;
    },
    responseText: function () {
      return asScripted(this).responseText;
    },
    response: function () {
      return asScripted(this).response;
    },
    withCredentials: function () {
      return asScripted(this).withCredentials;
    },
    getResponseHeader: function (name: string) {
      const line = asScripted(this)
        .headerText.split('\r\n')
        .find((l) => l.toLowerCase().startsWith(`${name.toLowerCase()}:`));
      return line === undefined ? null : line.slice(name.length + 1).trim();
    },
    getAllResponseHeaders: function () {
      return asScripted(this).headerText;
    },
    Uint8Array,
    encode: (text) => encoder.encode(text),
    bufferByteLength: getter(ArrayBuffer.prototype, 'byteLength'),
    isView: ArrayBuffer.isView,
    typedByteLength: getter(typed, 'byteLength'),
    viewBuffer: getter(DataView.prototype, 'buffer'),
    viewByteOffset: getter(DataView.prototype, 'byteOffset'),
    viewByteLength: getter(DataView.prototype, 'byteLength'),
    searchParamsToString: URLSearchParams.prototype.toString,
    formDataForEach: FormData.prototype.forEach,
    blobSize: getter(Blob.prototype, 'size'),
    fileName: getter(File.prototype, 'name'),
    URL,
    urlHref: getter(URL.prototype, 'href'),
    baseUrl: () => 'http://page.test/app/',
    errorName: (e) => (e instanceof Error ? `${e.name}: ${e.message}` : String(e)),
  };
  return {
    ctx: {
      I,
      X,
      sink: { record: (r) => records.push(r) },
      frameUrl: () => 'http://page.test/app/',
      nextConn: (() => {
        let n = 0;
        return () => ++n;
      })(),
    },
    records,
  };
}
