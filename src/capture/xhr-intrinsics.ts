// Private references to the XMLHttpRequest methods and getters the XHR hook uses, and to the
// built-ins it copies request bodies with, taken at document_start like the rest of the
// hook's intrinsics: page code that later replaces XMLHttpRequest.prototype.responseText or
// FormData.prototype.forEach can neither see the hook's reads nor steer them.
/* eslint-disable @typescript-eslint/unbound-method -- the point is to keep unbound originals */
import { getter, type Getter } from './intrinsics';
import { describeErrorWith } from './fetch-intrinsics';

export interface XhrIntrinsics {
  open: (this: XMLHttpRequest, ...args: unknown[]) => void;
  setRequestHeader: (this: XMLHttpRequest, name: string, value: string) => void;
  send: (this: XMLHttpRequest, body?: unknown) => void;
  abort: (this: XMLHttpRequest) => void;
  readyState: Getter<XMLHttpRequest, number>;
  status: Getter<XMLHttpRequest, number>;
  statusText: Getter<XMLHttpRequest, string>;
  responseURL: Getter<XMLHttpRequest, string>;
  responseType: Getter<XMLHttpRequest, XMLHttpRequestResponseType>;
  responseText: Getter<XMLHttpRequest, string>;
  response: Getter<XMLHttpRequest, unknown>;
  withCredentials: Getter<XMLHttpRequest, boolean>;
  getResponseHeader: (this: XMLHttpRequest, name: string) => string | null;
  getAllResponseHeaders: (this: XMLHttpRequest) => string;
  Uint8Array: Uint8ArrayConstructor;
  /** UTF-8 bytes of a string. */
  encode: (text: string) => Uint8Array;
  bufferByteLength: Getter<ArrayBuffer, number>;
  isView: (value: unknown) => value is ArrayBufferView;
  typedByteLength: Getter<Uint8Array, number>;
  viewBuffer: Getter<DataView, ArrayBuffer>;
  viewByteOffset: Getter<DataView, number>;
  viewByteLength: Getter<DataView, number>;
  searchParamsToString: (this: URLSearchParams) => string;
  formDataForEach: (this: FormData, fn: (value: FormDataEntryValue, name: string) => void) => void;
  blobSize: Getter<Blob, number>;
  fileName: Getter<File, string>;
  URL: typeof URL;
  urlHref: Getter<URL, string>;
  /** The document's base URL, which open() resolves a relative URL against. */
  baseUrl: () => string;
  errorName: (value: unknown) => string;
}

/** Null where the window has no XMLHttpRequest (a worker-like global): the hook skips it. */
export function captureXhrIntrinsics(win: Window & typeof globalThis): XhrIntrinsics | null {
  if (typeof win.XMLHttpRequest !== 'function') return null;
  const apply = Reflect.apply;
  const proto = win.XMLHttpRequest.prototype;
  const typed = Object.getPrototypeOf(win.Uint8Array.prototype) as object;
  const encoder = new win.TextEncoder();
  const encode = win.TextEncoder.prototype.encode;
  const baseURI = getter<Node, string>(win.Node.prototype, 'baseURI');
  const doc = win.document;
  return {
    open: proto.open as XhrIntrinsics['open'],
    setRequestHeader: proto.setRequestHeader,
    send: proto.send as XhrIntrinsics['send'],
    abort: proto.abort,
    readyState: getter(proto, 'readyState'),
    status: getter(proto, 'status'),
    statusText: getter(proto, 'statusText'),
    responseURL: getter(proto, 'responseURL'),
    responseType: getter(proto, 'responseType'),
    responseText: getter(proto, 'responseText'),
    response: getter(proto, 'response'),
    withCredentials: getter(proto, 'withCredentials'),
    getResponseHeader: proto.getResponseHeader,
    getAllResponseHeaders: proto.getAllResponseHeaders,
    Uint8Array: win.Uint8Array,
    encode: (text) => apply(encode, encoder, [text]),
    bufferByteLength: getter(win.ArrayBuffer.prototype, 'byteLength'),
    isView: win.ArrayBuffer.isView,
    typedByteLength: getter(typed, 'byteLength'),
    viewBuffer: getter(win.DataView.prototype, 'buffer'),
    viewByteOffset: getter(win.DataView.prototype, 'byteOffset'),
    viewByteLength: getter(win.DataView.prototype, 'byteLength'),
    searchParamsToString: win.URLSearchParams.prototype.toString,
    formDataForEach: win.FormData.prototype.forEach,
    blobSize: getter(win.Blob.prototype, 'size'),
    fileName: getter(win.File.prototype, 'name'),
    URL: win.URL,
    urlHref: getter(win.URL.prototype, 'href'),
    baseUrl: () => apply(baseURI, doc, []),
    errorName: describeErrorWith(win),
  };
}
