// What page code can observe of XMLHttpRequest while SSE Lens captures its streams: the
// wrapped methods themselves (name, length, text, descriptors, brand-check errors and their
// stacks) and, for a set of requests run to their end, every event with the readyState and
// status it saw, whether each responseText was a prefix of the final one, and the final
// response. Run in a page (serialized by Playwright); the result is plain JSON that must be
// the same with and without the extension. Runs of progress events (and readystatechange in
// LOADING) are collapsed to one `loading` entry, since how many there are depends on how the
// network cut the body.

/* eslint-disable @typescript-eslint/unbound-method -- probing detached built-ins is the point */

export type XhrProbeResult = Record<string, unknown>;

/** One request of the probe. */
export interface XhrProbeRequest {
  name: string;
  method: 'GET' | 'POST';
  /** A path on the scenario server. */
  url: string;
  responseType?: XMLHttpRequestResponseType;
  /** Call abort() in the first progress event that brought text. */
  abortAfterFirstText?: boolean;
  /** xhr.timeout in ms. */
  timeout?: number;
  /** A synchronous request. */
  sync?: boolean;
}

export async function xhrProbe(requests: XhrProbeRequest[]): Promise<XhrProbeResult> {
  const out: XhrProbeResult = {};
  const fnToString = Function.prototype.toString;
  const proto = XMLHttpRequest.prototype;
  const failure = (f: () => unknown): unknown => {
    try {
      f();
      return 'no error';
    } catch (e) {
      const x = e as { name?: string; message?: string; constructor?: { name: string } };
      return [x.constructor?.name, x.name, x.message, (e as { stack?: unknown }).stack];
    }
  };
  out.methods = Object.fromEntries(
    ['open', 'setRequestHeader', 'send', 'abort'].map((name) => {
      const d = Object.getOwnPropertyDescriptor(proto, name) as PropertyDescriptor;
      const f = d.value as (...args: unknown[]) => unknown;
      return [
        name,
        {
          enumerable: d.enumerable,
          configurable: d.configurable,
          writable: d.writable,
          name: f.name,
          length: f.length,
          text: fnToString.call(f),
          hasPrototype: 'prototype' in f,
          construct: failure(() => new (f as unknown as new () => unknown)()),
          brand: failure(() => f.call({}, 'GET', '/')),
        },
      ];
    }),
  );
  out.protoKeys = Reflect.ownKeys(proto).map(String);
  out.errors = {
    badUrl: failure(() => new XMLHttpRequest().open('GET', 'http://[')),
    badMethod: failure(() => new XMLHttpRequest().open('GET HTTP', '/')),
    forbiddenMethod: failure(() => new XMLHttpRequest().open('CONNECT', '/')),
    headerBeforeOpen: failure(() => new XMLHttpRequest().setRequestHeader('a', 'b')),
    badHeaderName: failure(() => {
      const x = new XMLHttpRequest();
      x.open('GET', '/');
      x.setRequestHeader('bad name', 'b');
    }),
    sendBeforeOpen: failure(() => new XMLHttpRequest().send()),
    sendTwice: failure(() => {
      const x = new XMLHttpRequest();
      x.open('GET', '/fetch/json');
      x.send();
      x.send();
    }),
    openArity: failure(() =>
      (proto.open as unknown as (m: string) => void).call(new XMLHttpRequest(), 'GET'),
    ),
  };

  const run = (req: XhrProbeRequest): Promise<unknown> =>
    new Promise((resolve) => {
      const xhr = new XMLHttpRequest();
      const log: string[] = [];
      let prefixes = true;
      let aborted = false;
      const texts: string[] = [];
      const readable = () => xhr.responseType === '' || xhr.responseType === 'text';
      const seen = (ev: Event) => {
        // Progress events and readystatechange in LOADING come as the network cut the body
        // (the last may be flushed after readyState became DONE): one `loading` entry.
        const loading =
          ev.type === 'progress' || (ev.type === 'readystatechange' && xhr.readyState === 3);
        const entry = loading
          ? `loading:${xhr.status}`
          : `${ev.type}:${xhr.readyState}:${xhr.status}`;
        if (entry !== log.at(-1)) log.push(entry);
        if (readable()) texts.push(xhr.responseText);
        if (
          ev.type === 'progress' &&
          req.abortAfterFirstText === true &&
          !aborted &&
          xhr.responseText !== ''
        ) {
          aborted = true;
          xhr.abort();
          log.push(
            `after abort():${xhr.readyState}:${xhr.status}:${JSON.stringify(xhr.responseText)}`,
          );
        }
        if (ev.type === 'loadend') {
          const final = readable() ? xhr.responseText : '';
          for (const t of texts) if (!final.startsWith(t) && !aborted) prefixes = false;
          const response: unknown = xhr.response;
          resolve({
            log,
            prefixes,
            status: xhr.status,
            statusText: xhr.statusText,
            responseURL: xhr.responseURL,
            headers: xhr
              .getAllResponseHeaders()
              .split('\r\n')
              .filter((line) => !line.startsWith('date:') && !line.startsWith('keep-alive:')),
            contentType: xhr.getResponseHeader('Content-Type'),
            responseText: readable() ? xhr.responseText : null,
            response:
              response instanceof ArrayBuffer
                ? new TextDecoder().decode(response)
                : typeof response === 'string'
                  ? response
                  : JSON.stringify(response),
          });
        }
      };
      for (const type of [
        'loadstart',
        'readystatechange',
        'progress',
        'load',
        'error',
        'abort',
        'timeout',
        'loadend',
      ]) {
        xhr.addEventListener(type, seen);
      }
      xhr.open(req.method, req.url, req.sync !== true);
      if (req.responseType !== undefined) xhr.responseType = req.responseType;
      if (req.timeout !== undefined) xhr.timeout = req.timeout;
      if (req.method === 'POST') {
        xhr.setRequestHeader('Content-Type', 'application/json');
        xhr.setRequestHeader('X-Probe', req.name);
      }
      try {
        xhr.send(req.method === 'POST' ? JSON.stringify({ probe: req.name }) : null);
      } catch (e) {
        resolve({ log, thrown: String(e) });
      }
    });
  const results: Record<string, unknown> = {};
  for (const req of requests) results[req.name] = await run(req);
  out.requests = results;
  return out;
}
