// What page code can observe about fetch, Response bodies and XMLHttpRequest. Run in a page
// (serialized by Playwright, so self-contained), it returns plain JSON in which every value
// is deterministic; a page hook wrapping fetch/XHR must not change a single one of them
// compared with the same browser without the extension.

/* eslint-disable @typescript-eslint/unbound-method -- probing detached built-ins is the point */

import type { ProbeResult } from './transparency-probe';

/**
 * `key` makes this run's stream URLs unique on a shared scenario server (the cut route
 * counts rounds per key); no recorded value contains it.
 */
export async function fetchTransparencyProbe(key: string): Promise<ProbeResult> {
  const out: ProbeResult = {};
  const origin = location.origin;
  const fnToString = Function.prototype.toString;
  const absolute = (path: string): string => new URL(path, location.href).href;
  const counterPath = (count: number, tag: string): string =>
    `/sse/counter?count=${count}&interval=10&key=${key}-${tag}`;
  const finitePath = '/sse/status?code=200';
  const sseLikePath = '/sse/wrong-type';
  const jsonText = '{"a":[1,"two",{"three":3}]}';
  const jsonUrl = URL.createObjectURL(new Blob([jsonText], { type: 'application/json' }));

  /** An error (or any thrown value) as one comparable string. */
  const describeError = (e: unknown): string => {
    if (typeof e !== 'object' || e === null) return `${typeof e}:${String(e)}`;
    const x = e as { name?: string; message?: string; code?: number; constructor?: unknown };
    const ctor =
      typeof x.constructor === 'function' ? (x.constructor as { name: string }).name : '?';
    return `${ctor}:${x.name}:${x.code ?? ''}:${x.message}`;
  };
  const syncOutcome = (f: () => unknown): string => {
    try {
      const v = f();
      return `returned ${Object.prototype.toString.call(v)}`;
    } catch (e) {
      return `throws ${describeError(e)}`;
    }
  };
  const stackOf = (e: unknown): unknown =>
    typeof e === 'object' && e !== null ? (e as { stack?: unknown }).stack : 'not an object';
  /** Microtask turns until `p` settles, counted up to a limit (beyond it: settled by a task). */
  const settleTurns = (p: Promise<unknown>): Promise<number | string> =>
    new Promise((resolve) => {
      let settled = false;
      let turns = 0;
      p.then(
        () => (settled = true),
        () => (settled = true),
      );
      const step = (): void => {
        if (settled) resolve(turns);
        else if (turns >= 40) resolve('later');
        else {
          turns += 1;
          queueMicrotask(step);
        }
      };
      queueMicrotask(step);
    });
  const stacks: Record<string, unknown> = {};
  /** How calling `f` ends: a sync throw, or the settlement of the promise it returns. */
  const callOutcome = async (name: string, f: () => unknown): Promise<unknown> => {
    let value: unknown;
    try {
      value = f();
    } catch (e) {
      stacks[name] = stackOf(e);
      return { sync: 'throws', error: describeError(e) };
    }
    const then = (value as { then?: unknown } | null | undefined)?.then;
    if (typeof then !== 'function') return { sync: 'returned', value: typeof value };
    // Another frame's fetch returns that frame's promise: adopting it costs fixed turns.
    const realm = value instanceof Promise ? 'this realm' : 'another realm';
    const promise: Promise<unknown> = value instanceof Promise ? value : Promise.resolve(value);
    const turns = await settleTurns(promise);
    try {
      const v = await promise;
      return { sync: 'promise', realm, turns, resolved: Object.prototype.toString.call(v) };
    } catch (e) {
      stacks[name] = stackOf(e);
      return { sync: 'promise', realm, turns, rejected: describeError(e) };
    }
  };
  const describeFn = (f: unknown): unknown =>
    typeof f === 'function'
      ? {
          name: f.name,
          length: f.length,
          text: fnToString.call(f),
          hasPrototype: 'prototype' in f,
          proto: Object.getPrototypeOf(f) === Function.prototype,
        }
      : typeof f;
  const describe = (d: PropertyDescriptor | undefined): unknown => {
    if (!d) return 'missing';
    return {
      enumerable: d.enumerable,
      configurable: d.configurable,
      writable: d.writable,
      value:
        typeof d.value === 'function'
          ? describeFn(d.value)
          : typeof d.value === 'object' && d.value !== null
            ? Object.prototype.toString.call(d.value)
            : (d.value as unknown),
      get: describeFn(d.get),
      set: describeFn(d.set),
    };
  };
  const ownDescriptors = (o: object): Record<string, unknown> =>
    Object.fromEntries(
      Reflect.ownKeys(o).map((k) => [String(k), describe(Object.getOwnPropertyDescriptor(o, k))]),
    );
  const windowPlace = (name: string): unknown => {
    const names = Object.getOwnPropertyNames(window);
    const i = names.indexOf(name);
    return { index: i, around: names.slice(Math.max(0, i - 3), i + 4) };
  };
  const held: AbortController[] = [];
  /**
   * Fetches a stream the server holds open after its last event. Firefox keeps the connection
   * of a canceled body until the server sends more, and six of them would leave every later
   * request of this origin waiting; so the section's end aborts it. By then the page has
   * canceled or read the body, so the abort changes nothing a section records.
   */
  const fetchHeld = (path: string): Promise<Response> => {
    const controller = new AbortController();
    held.push(controller);
    return F(path, { signal: controller.signal });
  };
  /**
   * Runs one probe section; a section that throws records the error instead of its values,
   * and one still running after 10 s is recorded as stuck, so a hang names its section.
   */
  const section = async (name: string, body: () => unknown): Promise<void> => {
    let timer = 0;
    held.length = 0;
    const stuck = new Promise((resolve) => {
      timer = window.setTimeout(() => resolve({ probeFailed: 'still running after 10 s' }), 10_000);
    });
    try {
      out[name] = await Promise.race([Promise.resolve().then(body), stuck]);
    } catch (e) {
      out[name] = { probeFailed: describeError(e) };
    } finally {
      window.clearTimeout(timer);
      for (const controller of held) controller.abort();
    }
  };
  /** Deterministic response headers: the date is replaced by a marker. */
  const headerEntries = (h: Headers): string[][] =>
    [...h].map(([k, v]) => [k, k === 'date' ? '<date>' : v]);
  const decoder = new TextDecoder();
  /** Reads `reader` until the text read so far contains `until`; returns the text. */
  const readUntil = async (
    reader: ReadableStreamDefaultReader<Uint8Array>,
    until: string,
  ): Promise<{ text: string; chunkTypes: string[] }> => {
    let text = '';
    const chunkTypes = new Set<string>();
    while (!text.includes(until)) {
      const { done, value } = await reader.read();
      if (done) break;
      chunkTypes.add(Object.prototype.toString.call(value));
      text += decoder.decode(value, { stream: true });
    }
    return { text, chunkTypes: [...chunkTypes] };
  };
  const lastEvent = (n: number): string => `data: ${n}\n\n`;

  const F = window.fetch;
  const iframe = document.createElement('iframe');
  iframe.src = location.href;
  await new Promise((resolve) => {
    iframe.onload = resolve;
    document.body.append(iframe);
  });
  const other = iframe.contentWindow as Window & typeof globalThis;

  await section('fetchFunction', () => ({
    typeof: typeof F,
    fn: describeFn(F),
    textViaString: String(F),
    keys: Reflect.ownKeys(F).map(String),
    descriptors: ownDescriptors(F),
    windowDescriptor: describe(Object.getOwnPropertyDescriptor(window, 'fetch')),
    windowKeyIndex: windowPlace('fetch'),
    sameAsGlobal: F === globalThis.fetch && F === self.fetch,
    otherFrameToString: other.Function.prototype.toString.call(F),
    otherFrameFetchHere: fnToString.call(other.fetch),
    otherFrameFetchDiffers: other.fetch !== F,
    bindName: F.bind(null).name,
  }));

  await section('fetchErrors', async () => {
    const url = absolute(finitePath);
    const asCtor = F as unknown as new (...a: unknown[]) => unknown;
    const anyFetch = F as unknown as (this: unknown, ...a: unknown[]) => unknown;
    const cases: [string, () => unknown][] = [
      ['callOnObject', () => anyFetch.call({}, url)],
      ['callOnUndefined', () => anyFetch.call(undefined, url)],
      ['callOnOtherWindow', () => anyFetch.call(other, url)],
      ['new', () => new asCtor(url)],
      ['reflectConstruct', () => Reflect.construct(asCtor, [url])],
      ['noArguments', () => anyFetch()],
      ['badUrl', () => F('http://[')],
      ['credentialsInUrl', () => F('http://user:pw@127.0.0.1/')],
      ['getWithBody', () => F('x', { method: 'GET', body: 'a' })],
      ['headWithBody', () => F('x', { method: 'HEAD', body: 'a' })],
      ['badHeaderName', () => F(url, { headers: { 'bad name': 'x' } })],
      ['badHeaderValue', () => F(url, { headers: { 'x-a': 'a\nb' } })],
      ['badMethod', () => F(url, { method: 'BAD METHOD' })],
      ['forbiddenMethod', () => F(url, { method: 'CONNECT' })],
      ['navigateMode', () => F(url, { mode: 'navigate' as RequestMode })],
      ['badInitType', () => anyFetch(url, 5)],
      ['badCache', () => F(url, { cache: 'only-if-cached' })],
      ['unsupportedScheme', () => F('ftp://x/')],
      ['abortedSignal', () => F(url, { signal: AbortSignal.abort() })],
    ];
    const results: Record<string, unknown> = {};
    for (const [name, f] of cases) results[name] = await callOutcome(name, f);
    const p = F(url, { signal: AbortSignal.abort() });
    p.catch(() => undefined);
    results.returnsNativePromise = {
      instanceOf: p instanceof Promise,
      proto: Object.getPrototypeOf(p) === Promise.prototype,
      ownKeys: Reflect.ownKeys(p).map(String),
    };
    return results;
  });

  await section('initReads', async () => {
    const log: string[] = [];
    const trace = <T extends object>(label: string, target: T): T =>
      new Proxy(target, {
        get(t, k, r) {
          log.push(`${label}.get ${String(k)}`);
          return Reflect.get(t, k, r) as unknown;
        },
        has(t, k) {
          log.push(`${label}.has ${String(k)}`);
          return Reflect.has(t, k);
        },
        ownKeys(t) {
          log.push(`${label}.ownKeys`);
          return Reflect.ownKeys(t);
        },
        getOwnPropertyDescriptor(t, k) {
          log.push(`${label}.gopd ${String(k)}`);
          return Reflect.getOwnPropertyDescriptor(t, k);
        },
      });
    let toStringCalls = 0;
    const input = {
      toString: () => {
        toStringCalls += 1;
        return absolute(finitePath);
      },
    };
    const headers = trace('headers', { 'x-probe': '1', 'x-other': '2' });
    const init = trace('init', {
      method: 'POST',
      body: 'probe body',
      headers,
      signal: AbortSignal.abort('probe'),
    });
    const outcome = await callOutcome('initReads', () => F(input as unknown as string, init));
    const counts: Record<string, number> = {};
    const counted = {
      get method() {
        counts.method = (counts.method ?? 0) + 1;
        return 'POST';
      },
      get body() {
        counts.body = (counts.body ?? 0) + 1;
        return 'b';
      },
      get headers() {
        counts.headers = (counts.headers ?? 0) + 1;
        return { 'x-a': '1' };
      },
    };
    const live = await F(absolute('/sse/status?code=204'), counted);
    return {
      log,
      toStringCalls,
      outcome,
      getterCounts: counts,
      liveStatus: live.status,
    };
  });

  await section('requestInput', async () => {
    const req = new Request(absolute('/sse/status?code=204'), { method: 'POST', body: 'abc' });
    const before = req.bodyUsed;
    const res = await F(req);
    const second = await callOutcome('requestReused', () => F(req));
    class MyRequest extends Request {}
    const mine = new MyRequest(absolute('/sse/status?code=204'));
    const res2 = await F(mine);
    const urlObject = await F(new URL(absolute('/sse/status?code=204')));
    return {
      before,
      after: req.bodyUsed,
      status: res.status,
      second,
      subclassStatus: res2.status,
      subclassProto: Object.getPrototypeOf(mine) === MyRequest.prototype,
      subclassBodyUsed: mine.bodyUsed,
      urlObjectStatus: urlObject.status,
    };
  });

  await section('subclassing', async () => {
    class MyResponse extends Response {
      extra(): string {
        return 'extra';
      }
    }
    const mine = new MyResponse('body text', { status: 201, headers: { 'x-a': 'b' } });
    const clone = mine.clone();
    class MyHeaders extends Headers {}
    return {
      instanceOf: mine instanceof MyResponse && mine instanceof Response,
      proto: Object.getPrototypeOf(mine) === MyResponse.prototype,
      extra: mine.extra(),
      status: mine.status,
      text: await mine.text(),
      bodyUsed: mine.bodyUsed,
      cloneProto: Object.getPrototypeOf(clone) === Response.prototype,
      cloneIsMine: clone instanceof MyResponse,
      cloneText: await clone.text(),
      json: await Response.json({ a: 1 }).text(),
      errorType: Response.error().type,
      redirect: syncOutcome(() => Response.redirect('/x', 200)),
      badStatus: syncOutcome(() => new Response('', { status: 99 })),
      nullBodyStatus: syncOutcome(() => new Response('x', { status: 204 })),
      headersSubclass: new MyHeaders({ a: '1' }) instanceof MyHeaders,
    };
  });

  await section('builtins', async () => {
    const named = (o: { name: string; prototype: object }) => ({
      fn: describeFn(o),
      descriptors: ownDescriptors(o),
      prototype: ownDescriptors(o.prototype),
      prototypeTag: Object.prototype.toString.call(o.prototype),
    });
    const streamProtos: Record<string, unknown> = {};
    const readerCtors = {
      ReadableStreamDefaultReader: globalThis.ReadableStreamDefaultReader,
      ReadableStreamBYOBReader: globalThis.ReadableStreamBYOBReader,
      ReadableByteStreamController: globalThis.ReadableByteStreamController,
      TextDecoderStream: globalThis.TextDecoderStream,
      AbortSignal: globalThis.AbortSignal,
      AbortController: globalThis.AbortController,
    };
    for (const [name, ctor] of Object.entries(readerCtors)) {
      streamProtos[name] = typeof ctor === 'function' ? named(ctor) : 'missing';
    }
    return {
      Response: named(Response),
      Request: named(Request),
      Headers: named(Headers),
      ReadableStream: named(ReadableStream),
      Promise: named(Promise),
      ...streamProtos,
      windowKeyIndex: ['Request', 'Response', 'Headers', 'ReadableStream'].map(windowPlace),
      responseGetterBrand: syncOutcome(() =>
        Object.getOwnPropertyDescriptor(Response.prototype, 'status')?.get?.call({}),
      ),
      textBrand: await callOutcome('textBrand', () => Response.prototype.text.call({} as Response)),
    };
  });

  await section('streamedResponse', async () => {
    const path = counterPath(5, 'stream');
    const res = await fetchHeld(path);
    const body = res.body as ReadableStream<Uint8Array>;
    const head = {
      instanceOf: res instanceof Response,
      proto: Object.getPrototypeOf(res) === Response.prototype,
      constructorIs: res.constructor === Response,
      ownKeys: Reflect.ownKeys(res).map(String),
      tag: Object.prototype.toString.call(res),
      urlMatches: res.url === absolute(path),
      redirected: res.redirected,
      type: res.type,
      status: res.status,
      ok: res.ok,
      statusText: res.statusText,
      headers: headerEntries(res.headers),
      headersInstanceOf: res.headers instanceof Headers,
      headersSame: res.headers === res.headers,
      headersProto: Object.getPrototypeOf(res.headers) === Headers.prototype,
      headersSet: syncOutcome(() => res.headers.set('x-a', 'b')),
      headersDelete: syncOutcome(() => res.headers.delete('content-type')),
      bodyUsedBefore: res.bodyUsed,
      bodySame: res.body === res.body,
      bodyInstanceOf: body instanceof ReadableStream,
      bodyProto: Object.getPrototypeOf(body) === ReadableStream.prototype,
      bodyOwnKeys: Reflect.ownKeys(body).map(String),
      lockedBefore: body.locked,
      // Brand checks through the prototype: a Proxy or look-alike object fails them.
      viaPrototype: ['url', 'type', 'status', 'headers', 'body', 'bodyUsed'].map((name) =>
        syncOutcome(() =>
          Object.getOwnPropertyDescriptor(Response.prototype, name)?.get?.call(res),
        ),
      ),
      bodyViaPrototype:
        Object.getOwnPropertyDescriptor(Response.prototype, 'body')?.get?.call(res) === body,
    };
    const reader = body.getReader();
    const readerProto = Object.getPrototypeOf(reader) === ReadableStreamDefaultReader.prototype;
    const lockedAfter = body.locked;
    const second = syncOutcome(() => body.getReader());
    const textWhileLocked = await callOutcome('textWhileLocked', () => res.text());
    const read = await readUntil(reader, lastEvent(5));
    const order: string[] = [];
    const pending = reader.read().then((r) => order.push(`pending read ${JSON.stringify(r)}`));
    void reader.closed.then((v) => order.push(`closed ${String(v)}`));
    const cancelled = reader.cancel('probe cancel').then((v) => order.push(`cancel ${String(v)}`));
    order.push('after cancel()');
    await Promise.all([pending, cancelled]);
    const afterCancel = await reader.read();
    reader.releaseLock();
    return {
      head,
      readerProto,
      lockedAfter,
      second,
      textWhileLocked,
      read,
      order,
      afterCancel,
      bodyUsedAfter: res.bodyUsed,
      lockedAfterRelease: body.locked,
      textAfterCancel: await callOutcome('textAfterCancel', () => res.text()),
      cloneAfterCancel: syncOutcome(() => res.clone()),
    };
  });

  await section('byob', async () => {
    const res = await fetchHeld(counterPath(2, 'byob'));
    const body = res.body as ReadableStream<Uint8Array>;
    let reader: ReadableStreamBYOBReader;
    try {
      reader = body.getReader({ mode: 'byob' });
    } catch (e) {
      await body.cancel();
      return { getReader: describeError(e) };
    }
    const { done, value } = await reader.read(new Uint8Array(4));
    await reader.cancel();
    return {
      readerProto: Object.getPrototypeOf(reader) === ReadableStreamBYOBReader.prototype,
      done,
      valueTag: Object.prototype.toString.call(value),
      bufferSize: value?.buffer.byteLength,
      firstBytes: value ? decoder.decode(value) : null,
    };
  });

  await section('clone', async () => {
    const path = counterPath(3, 'clone');
    const res = await fetchHeld(path);
    const copy = res.clone();
    const second = copy.clone();
    const refusal = (h: Headers): string[] =>
      [
        () => h.set('x-probe', '1'),
        () => h.append('x-probe', '1'),
        () => h.delete('date'),
        () => h.set('bad name', '1'),
      ].map((change) => {
        try {
          change();
          return 'changed';
        } catch (e) {
          return `${(e as Error).name}: ${(e as Error).message}`;
        }
      });
    const cloneOfClone = {
      urlMatches: second.url === absolute(path),
      type: second.type,
      headersOwn: second.headers !== copy.headers && second.headers !== res.headers,
      headersStable: second.headers === second.headers,
      refusal: refusal(second.headers),
    };
    // Not awaited: a branch's cancel() may settle only once the other branch is done too.
    void (second.body as ReadableStream<Uint8Array>).cancel();
    const a = (res.body as ReadableStream<Uint8Array>).getReader();
    const b = (copy.body as ReadableStream<Uint8Array>).getReader();
    const [ra, rb] = await Promise.all([readUntil(a, lastEvent(3)), readUntil(b, lastEvent(3))]);
    await Promise.all([a.cancel(), b.cancel()]);
    return {
      proto: Object.getPrototypeOf(copy) === Response.prototype,
      urlMatches: copy.url === absolute(path),
      type: copy.type,
      status: copy.status,
      headers: headerEntries(copy.headers),
      headersShared: copy.headers === res.headers,
      headersStable: copy.headers === copy.headers,
      refusal: refusal(copy.headers),
      originalRefusal: refusal(res.headers),
      cloneOfClone,
      bodyShared: copy.body === res.body,
      texts: [ra.text, rb.text],
      bodyUsed: [res.bodyUsed, copy.bodyUsed],
    };
  });

  await section('bodyMethods', async () => {
    const results: Record<string, unknown> = {};
    const methods = ['text', 'json', 'arrayBuffer', 'blob', 'bytes', 'formData'] as const;
    const summarize = async (v: unknown): Promise<unknown> => {
      if (typeof v === 'string') return { string: v };
      if (v instanceof ArrayBuffer) return { arrayBuffer: decoder.decode(v) };
      if (v instanceof Uint8Array)
        return { tag: Object.prototype.toString.call(v), text: decoder.decode(v) };
      if (v instanceof Blob) return { blob: v.size, type: v.type, text: await v.text() };
      return { json: JSON.stringify(v) };
    };
    const sources: [string, string][] = [
      ['plain', finitePath],
      ['sseLike', sseLikePath],
      ['json', jsonUrl],
    ];
    for (const [label, url] of sources) {
      for (const method of methods) {
        const res = await F(url);
        const fn = (res as unknown as Record<string, unknown>)[method];
        if (typeof fn !== 'function') {
          results[`${label}.${method}`] = 'missing';
          await res.body?.cancel();
          continue;
        }
        const call = () => (fn as (this: Response) => Promise<unknown>).call(res);
        let value: unknown;
        try {
          value = await summarize(await call());
        } catch (e) {
          value = { rejected: describeError(e) };
        }
        results[`${label}.${method}`] = {
          value,
          bodyUsed: res.bodyUsed,
          again: await callOutcome(`${label}.${method}.again`, call),
        };
      }
    }
    const res = await F(finitePath);
    results.blobType = (await res.blob()).type;
    results.headersOfBlobUrl = headerEntries((await F(jsonUrl)).headers);
    results.blobUrlType = (await F(jsonUrl)).type;
    return results;
  });

  await section('asyncIteration', async () => {
    const res = await fetchHeld(counterPath(3, 'iter'));
    const body = res.body as ReadableStream<Uint8Array>;
    const iterable = body as unknown as AsyncIterable<Uint8Array>;
    if (typeof iterable[Symbol.asyncIterator] !== 'function') {
      await body.cancel();
      return 'not async iterable';
    }
    let text = '';
    for await (const chunk of iterable) {
      text += decoder.decode(chunk, { stream: true });
      if (text.includes(lastEvent(3))) break;
    }
    return { text, locked: body.locked, bodyUsed: res.bodyUsed };
  });

  await section('pipeThrough', async () => {
    const res = await fetchHeld(counterPath(3, 'pipe'));
    const body = res.body as ReadableStream<Uint8Array>;
    const decoded = body.pipeThrough<string>(
      new TextDecoderStream() as unknown as ReadableWritablePair<string, Uint8Array>,
    );
    const reader = decoded.getReader();
    let text = '';
    const chunkTypes = new Set<string>();
    while (!text.includes(lastEvent(3))) {
      const { done, value } = await reader.read();
      if (done) break;
      chunkTypes.add(typeof value);
      text += value;
    }
    const lockedWhilePiping = body.locked;
    await reader.cancel('done');
    return { text, chunkTypes: [...chunkTypes], lockedWhilePiping, bodyUsed: res.bodyUsed };
  });

  await section('abortBefore', async () => {
    const url = absolute(finitePath);
    const reasonError = new Error('custom reason');
    const withError = await F(url, { signal: AbortSignal.abort(reasonError) }).catch(
      (e: unknown) => e,
    );
    const withString = await F(url, { signal: AbortSignal.abort('string reason') }).catch(
      (e: unknown) => e,
    );
    const controller = new AbortController();
    controller.abort();
    return {
      noReason: await callOutcome('abortBefore', () => F(url, { signal: AbortSignal.abort() })),
      controller: await callOutcome('abortBeforeController', () =>
        F(url, { signal: controller.signal }),
      ),
      errorReasonSame: withError === reasonError,
      stringReason: describeError(withString),
      requestSignal: await callOutcome('abortBeforeRequest', () =>
        F(new Request(url, { signal: AbortSignal.abort('via request') })),
      ),
    };
  });

  await section('abortDuring', async () => {
    const results: Record<string, unknown> = {};
    const reasons: [string, unknown][] = [
      ['none', undefined],
      ['string', 'string reason'],
      ['error', new RangeError('custom reason')],
    ];
    for (const [label, reason] of reasons) {
      const controller = new AbortController();
      const res = await F(counterPath(2, `abort-${label}`), { signal: controller.signal });
      const reader = (res.body as ReadableStream<Uint8Array>).getReader();
      const read = await readUntil(reader, lastEvent(2));
      const order: string[] = [];
      controller.signal.addEventListener('abort', () => order.push('abort event'));
      const pending = reader.read().then(
        (r) => order.push(`read resolved ${JSON.stringify(r)}`),
        (e: unknown) => {
          order.push('read rejected');
          return e;
        },
      );
      void reader.closed.then(
        () => order.push('closed resolved'),
        () => order.push('closed rejected'),
      );
      if (reason === undefined) controller.abort();
      else controller.abort(reason);
      order.push('after abort()');
      const rejection = await pending;
      const next = await reader.read().catch((e: unknown) => e);
      results[label] = {
        text: read.text,
        order,
        rejection: describeError(rejection),
        sameObject: reason !== undefined && rejection === reason,
        sameAsSignalReason: rejection === controller.signal.reason,
        next: describeError(next),
        nextSame: next === rejection,
        bodyUsed: res.bodyUsed,
      };
      if (label === 'none') stacks.abortDuringNoReason = stackOf(rejection);
    }
    return results;
  });

  await section('abortTimeout', async () => {
    const signal = AbortSignal.timeout(200);
    const caught = await F(`/sse/hold?key=${key}-timeout`, { signal })
      .then(async (res) => {
        const reader = (res.body as ReadableStream<Uint8Array>).getReader();
        for (;;) await reader.read();
      })
      .catch((e: unknown) => e);
    return { error: describeError(caught), same: caught === signal.reason };
  });

  await section('networkErrorMidBody', async () => {
    const res = await F(`/sse/cut?count=2&retry=100&key=${key}-cut`);
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    let text = '';
    let error: unknown = 'no error';
    for (;;) {
      try {
        const { done, value } = await reader.read();
        if (done) break;
        text += decoder.decode(value, { stream: true });
      } catch (e) {
        error = e;
        break;
      }
    }
    const viaText = await F(`/sse/cut?count=2&retry=100&key=${key}-cut2`).then(
      (r) => callOutcome('cutText', () => r.text()),
      (e: unknown) => describeError(e),
    );
    return { text, error: describeError(error), bodyUsed: res.bodyUsed, viaText };
  });

  // ---- XMLHttpRequest ----
  const X = XMLHttpRequest;
  await section('xhrConstructor', () => ({
    fn: describeFn(X),
    textViaString: String(X),
    keys: Reflect.ownKeys(X).map(String),
    descriptors: ownDescriptors(X),
    prototype: ownDescriptors(X.prototype),
    eventTargetPrototype: ownDescriptors(Object.getPrototypeOf(X.prototype) as object),
    parentIsEventTarget:
      Object.getPrototypeOf(X) === XMLHttpRequestEventTarget &&
      Object.getPrototypeOf(X.prototype) === XMLHttpRequestEventTarget.prototype,
    uploadPrototype: ownDescriptors(XMLHttpRequestUpload.prototype),
    windowDescriptor: describe(Object.getOwnPropertyDescriptor(window, 'XMLHttpRequest')),
    windowKeyIndex: windowPlace('XMLHttpRequest'),
    otherFrameToString: other.Function.prototype.toString.call(X),
    otherFrameOpen: other.Function.prototype.toString.call(X.prototype.open),
    callWithoutNew: syncOutcome(() => (X as unknown as () => unknown)()),
  }));

  await section('xhrInstance', () => {
    const xhr = new X();
    const handler = () => undefined;
    xhr.onreadystatechange = handler;
    const roundTrip = xhr.onreadystatechange === handler;
    class MyXhr extends X {}
    const mine = new MyXhr();
    return {
      ownKeys: Reflect.ownKeys(xhr).map(String),
      tag: Object.prototype.toString.call(xhr),
      constructorIs: xhr.constructor === X,
      readyState: xhr.readyState,
      status: xhr.status,
      responseType: xhr.responseType,
      response: xhr.response as unknown,
      responseText: xhr.responseText,
      responseURL: xhr.responseURL,
      timeout: xhr.timeout,
      withCredentials: xhr.withCredentials,
      uploadTag: Object.prototype.toString.call(xhr.upload),
      uploadSame: xhr.upload === xhr.upload,
      roundTrip,
      subclass: mine instanceof MyXhr && Object.getPrototypeOf(mine) === MyXhr.prototype,
      getAllBeforeOpen: xhr.getAllResponseHeaders(),
      statesConstants: [X.UNSENT, X.OPENED, X.HEADERS_RECEIVED, X.LOADING, X.DONE],
    };
  });

  await section('xhrErrors', () => {
    const fresh = () => new X();
    const capture = (name: string, f: () => unknown): string => {
      try {
        f();
        return 'no error';
      } catch (e) {
        stacks[name] = stackOf(e);
        return describeError(e);
      }
    };
    return {
      sendBeforeOpen: capture('xhrSendBeforeOpen', () => fresh().send()),
      headerBeforeOpen: capture('xhrHeaderBeforeOpen', () => fresh().setRequestHeader('a', 'b')),
      badMethod: capture('xhrBadMethod', () => fresh().open('BAD METHOD', finitePath)),
      forbiddenMethod: capture('xhrForbiddenMethod', () => fresh().open('CONNECT', finitePath)),
      badUrl: capture('xhrBadUrl', () => fresh().open('GET', 'http://[')),
      tooFewArgs: capture('xhrTooFewArgs', () =>
        (fresh().open as unknown as (m: string) => void)('GET'),
      ),
      badHeaderName: capture('xhrBadHeaderName', () => {
        const x = fresh();
        x.open('GET', finitePath);
        x.setRequestHeader('bad name', 'x');
      }),
      forbiddenHeader: capture('xhrForbiddenHeader', () => {
        const x = fresh();
        x.open('GET', finitePath);
        x.setRequestHeader('Host', 'x');
      }),
      badResponseType: (() => {
        const x = fresh();
        x.responseType = 'nonsense' as XMLHttpRequestResponseType;
        return x.responseType;
      })(),
      openBrand: capture('xhrOpenBrand', () =>
        X.prototype.open.call({} as XMLHttpRequest, 'GET', '/', true),
      ),
      readyStateBrand: capture('xhrReadyStateBrand', () =>
        Object.getOwnPropertyDescriptor(X.prototype, 'readyState')?.get?.call({}),
      ),
      sendTwice: capture('xhrSendTwice', () => {
        const x = fresh();
        x.open('GET', finitePath);
        x.send();
        try {
          x.send();
        } finally {
          x.abort();
        }
      }),
    };
  });

  /** Event labels: `type:readyState`; the loading phase (readystatechange 3 and progress
   * events, as many as the network chunks it) collapsed into one `loading…` label. */
  const xhrRun = (
    setup: (xhr: XMLHttpRequest, events: string[]) => void,
    onProgress?: (xhr: XMLHttpRequest, events: string[]) => void,
  ): Promise<Record<string, unknown>> =>
    new Promise((resolve) => {
      const xhr = new X();
      const events: string[] = [];
      const textLengths: number[] = [];
      const loadedMatches: boolean[] = [];
      const progressShapes = new Set<string>();
      const types = ['readystatechange', 'loadstart', 'progress', 'load', 'error', 'abort'];
      const finish = () => {
        const collapsed: string[] = [];
        for (const e of events) {
          const loading = e === 'readystatechange:3' || e === 'progress:3';
          const label = loading ? 'loading…' : e;
          if (!(loading && collapsed[collapsed.length - 1] === label)) collapsed.push(label);
        }
        resolve({
          events: collapsed,
          loadingStartsWithStateChange:
            events.find((e) => e.endsWith(':3')) === undefined ||
            events.find((e) => e.endsWith(':3')) === 'readystatechange:3',
          textGrows: textLengths.every((n, i) => i === 0 || n >= (textLengths[i - 1] ?? 0)),
          loadedMatchesText: loadedMatches.every(Boolean),
          progressShapes: [...progressShapes],
          readyState: xhr.readyState,
          status: xhr.status,
          statusText: xhr.statusText,
          responseURLMatches: xhr.responseURL === '' ? 'empty' : xhr.responseURL.startsWith(origin),
          headers: xhr
            .getAllResponseHeaders()
            .split('\r\n')
            .map((l) => (l.startsWith('date:') ? 'date: <date>' : l)),
          contentType: xhr.getResponseHeader('content-type'),
          responseType: xhr.responseType,
          responseText: syncOutcome(() => xhr.responseText).startsWith('throws')
            ? syncOutcome(() => xhr.responseText)
            : xhr.responseText,
          response: ((): unknown => {
            const r = xhr.response as unknown;
            if (r instanceof ArrayBuffer) return { arrayBuffer: decoder.decode(r) };
            if (r instanceof Blob) return { blob: r.size, type: r.type };
            if (r instanceof Document) return { document: r.documentElement?.outerHTML ?? null };
            return { value: JSON.stringify(r) ?? 'undefined', type: typeof r };
          })(),
        });
      };
      for (const type of types) {
        xhr.addEventListener(type, (ev) => {
          events.push(`${type}:${xhr.readyState}`);
          if (type === 'progress') {
            const p = ev as ProgressEvent;
            progressShapes.add(`${p.lengthComputable}:${p.total}`);
            if (xhr.responseType === '' || xhr.responseType === 'text') {
              textLengths.push(xhr.responseText.length);
              loadedMatches.push(p.loaded === new TextEncoder().encode(xhr.responseText).length);
            }
            onProgress?.(xhr, events);
          }
        });
      }
      xhr.addEventListener('loadend', () => {
        events.push(`loadend:${xhr.readyState}`);
        finish();
      });
      setup(xhr, events);
    });

  await section('xhrStreamed', async () => {
    let during: unknown = null;
    let poll = 0;
    /** Aborts once the whole stream has arrived; Firefox throttles progress events, so a
     * poll of the live responseText backs up the progress handler. */
    const abortWhenComplete = (xhr: XMLHttpRequest, events: string[]) => {
      if (during !== null || !xhr.responseText.includes(lastEvent(4))) return;
      clearInterval(poll);
      const before = events.length;
      xhr.abort();
      during = {
        eventsDuringAbort: events.slice(before),
        stateAfter: xhr.readyState,
        statusAfter: xhr.status,
        textAfter: xhr.responseText,
      };
    };
    const result = await xhrRun((xhr, events) => {
      xhr.open('GET', counterPath(4, 'xhr'));
      xhr.send();
      poll = window.setInterval(() => abortWhenComplete(xhr, events), 10);
    }, abortWhenComplete);
    window.clearInterval(poll);
    return { ...result, during };
  });

  await section('xhrResponseTypes', async () => {
    const results: Record<string, unknown> = {};
    const types: XMLHttpRequestResponseType[] = [
      '',
      'text',
      'arraybuffer',
      'blob',
      'json',
      'document',
    ];
    const sources: [string, string][] = [
      ['plain', finitePath],
      ['json', jsonUrl],
    ];
    for (const [label, url] of sources) {
      for (const type of types) {
        results[`${label}.${type || 'default'}`] = await xhrRun((xhr) => {
          xhr.open('GET', url);
          xhr.responseType = type;
          xhr.send();
        });
      }
    }
    return results;
  });

  await section('xhrOutcomes', async () => ({
    status500: await xhrRun((xhr) => {
      xhr.open('GET', '/sse/status?code=500');
      xhr.send();
    }),
    post: await xhrRun((xhr) => {
      xhr.open('POST', '/sse/status?code=204');
      xhr.setRequestHeader('x-probe', '1');
      xhr.send(new URLSearchParams({ a: '1' }));
    }),
    cutMidBody: await xhrRun((xhr) => {
      xhr.open('GET', `/sse/cut?count=2&retry=100&key=${key}-xhrcut`);
      xhr.send();
    }),
    unsupportedScheme: await xhrRun((xhr) => {
      xhr.open('GET', 'ftp://x/');
      xhr.send();
    }),
    abortBeforeSend: await xhrRun((xhr) => {
      xhr.open('GET', finitePath);
      xhr.abort();
      xhr.open('GET', finitePath);
      xhr.send();
    }),
    abortRightAfterSend: await xhrRun((xhr) => {
      xhr.open('GET', finitePath);
      xhr.send();
      xhr.abort();
    }),
    synchronous: (() => {
      const xhr = new X();
      const events: string[] = [];
      for (const type of ['readystatechange', 'loadstart', 'progress', 'load', 'loadend']) {
        xhr.addEventListener(type, () => events.push(`${type}:${xhr.readyState}`));
      }
      xhr.open('GET', finitePath, false);
      xhr.send();
      return { events, status: xhr.status, text: xhr.responseText };
    })(),
  }));

  out.errorStacks = stacks;
  iframe.remove();
  URL.revokeObjectURL(jsonUrl);
  return out;
}

/**
 * The probe as an expression string for drivers that serialize functions themselves. Under
 * tsx, esbuild's keepNames wraps inner functions and classes in `__name(...)` calls that do
 * not exist in the page, so the expression supplies a no-op `__name`. The key comes last, so
 * its length moves no column the probe's stacks hold.
 */
export function fetchTransparencyProbeExpression(key: string): string {
  return `(() => { const __name = (f) => f; return (${fetchTransparencyProbe.toString()})(${JSON.stringify(key)}); })()`;
}
