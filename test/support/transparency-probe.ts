// What page code can observe about EventSource and the built-ins the hook touches. Run in a
// page (serialized by Playwright), it returns plain JSON; the extension must not change a
// single value compared with the same browser without it.

/* eslint-disable @typescript-eslint/unbound-method -- probing detached built-ins is the point */

export type ProbeResult = Record<string, unknown>;

export async function transparencyProbe(streamUrl: string): Promise<ProbeResult> {
  const out: ProbeResult = {};
  const fnToString = Function.prototype.toString;
  const err = (f: () => unknown): string => {
    try {
      f();
      return 'no error';
    } catch (e) {
      const x = e as {
        name?: string;
        message?: string;
        code?: number;
        constructor?: { name: string };
      };
      return `${x.constructor?.name}:${x.name}:${x.code ?? ''}:${x.message}`;
    }
  };
  /** The stack an error thrown by `f` carries, frame for frame. */
  const stackOf = (f: () => unknown): unknown => {
    try {
      f();
      return 'no error';
    } catch (e) {
      return (e as { stack?: unknown }).stack;
    }
  };
  const describe = (d: PropertyDescriptor | undefined): unknown => {
    if (!d) return 'missing';
    const fn = (f: unknown) =>
      typeof f === 'function'
        ? {
            name: f.name,
            length: f.length,
            text: fnToString.call(f),
            hasPrototype: 'prototype' in f,
          }
        : typeof f;
    return {
      enumerable: d.enumerable,
      configurable: d.configurable,
      writable: d.writable,
      value:
        typeof d.value === 'function'
          ? fn(d.value)
          : typeof d.value === 'object' && d.value !== null
            ? Object.prototype.toString.call(d.value)
            : (d.value as unknown),
      get: fn(d.get),
      set: fn(d.set),
    };
  };
  const ownDescriptors = (o: object): Record<string, unknown> =>
    Object.fromEntries(
      Reflect.ownKeys(o).map((k) => [String(k), describe(Object.getOwnPropertyDescriptor(o, k))]),
    );

  const ES = EventSource;
  out.ctor = {
    typeof: typeof ES,
    name: ES.name,
    length: ES.length,
    text: String(ES),
    textViaCall: fnToString.call(ES),
    keys: Reflect.ownKeys(ES).map(String),
    descriptors: ownDescriptors(ES),
    protoIsEventTarget: Object.getPrototypeOf(ES) === EventTarget,
    windowDescriptor: describe(Object.getOwnPropertyDescriptor(window, 'EventSource')),
    windowKeyIndex: Object.getOwnPropertyNames(window).indexOf('EventSource'),
  };
  out.prototype = {
    keys: Reflect.ownKeys(ES.prototype).map(String),
    descriptors: ownDescriptors(ES.prototype),
    constructorIsWrapper: ES.prototype.constructor === ES,
    parentIsEventTarget: Object.getPrototypeOf(ES.prototype) === EventTarget.prototype,
    tag: Object.prototype.toString.call(ES.prototype),
  };
  out.builtins = {
    addEventListener: describe(
      Object.getOwnPropertyDescriptor(EventTarget.prototype, 'addEventListener'),
    ),
    removeEventListener: describe(
      Object.getOwnPropertyDescriptor(EventTarget.prototype, 'removeEventListener'),
    ),
    functionToString: describe(Object.getOwnPropertyDescriptor(Function.prototype, 'toString')),
    toStringOfToString: fnToString.call(fnToString),
    toStringOnNonFunction: err(() => fnToString.call({})),
    newClose: err(() => new (ES.prototype.close as unknown as new () => unknown)()),
    newAddEventListener: err(
      () => new (EventTarget.prototype.addEventListener as unknown as new () => unknown)(),
    ),
  };
  const getter = (name: string) =>
    Object.getOwnPropertyDescriptor(ES.prototype, name)?.get as (this: unknown) => unknown;
  out.errors = {
    callWithoutNew: err(() => (ES as unknown as (u: string) => unknown)(streamUrl)),
    noArguments: err(() => new (ES as unknown as new () => unknown)()),
    badUrl: err(() => new ES('http://[')),
    badScheme: err(() => new ES('ftp://x/')),
    readyStateBrand: err(() => getter('readyState').call({})),
    urlBrand: err(() => getter('url').call(document)),
    closeBrand: err(() => ES.prototype.close.call({} as EventSource)),
    prototypeReadyState: err(() => ES.prototype.readyState),
    addListenerBrand: err(() =>
      EventTarget.prototype.addEventListener.call({} as EventTarget, 'x', null),
    ),
  };
  // Stacks hold the probe's own line and column numbers, the same with and without SSE Lens.
  out.errorStacks = {
    callWithoutNew: stackOf(() => (ES as unknown as (u: string) => unknown)(streamUrl)),
    badUrl: stackOf(() => new ES('http://[')),
    closeBrand: stackOf(() => ES.prototype.close.call({} as EventSource)),
    addListenerBrand: stackOf(() =>
      EventTarget.prototype.addEventListener.call({} as EventTarget, 'x', null),
    ),
    toStringOnNonFunction: stackOf(() => fnToString.call({})),
  };
  // Another frame's Function.prototype.toString, applied to this frame's functions and back.
  const iframe = document.createElement('iframe');
  iframe.src = location.href;
  await new Promise((resolve) => {
    iframe.onload = resolve;
    document.body.append(iframe);
  });
  const other = iframe.contentWindow as Window & typeof globalThis;
  const otherToString = other.Function.prototype.toString;
  out.crossFrame = {
    ctor: otherToString.call(ES),
    close: otherToString.call(ES.prototype.close),
    addEventListener: otherToString.call(EventTarget.prototype.addEventListener),
    toString: otherToString.call(fnToString),
    otherCtorHere: fnToString.call(other.EventSource),
    otherToStringHere: fnToString.call(otherToString),
  };
  iframe.remove();
  const es = new ES(streamUrl, { withCredentials: true });
  const handler = () => {};
  es.onmessage = handler;
  const roundTrip = es.onmessage === handler;
  es.onmessage = 'not a function' as unknown as null;
  const afterString = es.onmessage;
  es.onopen = handler;
  es.onerror = handler;
  class Sub extends ES {}
  const sub = new Sub(streamUrl);
  out.instance = {
    instanceOf: es instanceof ES,
    constructorIs: es.constructor === ES,
    ownKeys: Reflect.ownKeys(es).map(String),
    tag: Object.prototype.toString.call(es),
    readyState: es.readyState,
    urlResolved: es.url === new URL(streamUrl, location.href).href,
    withCredentials: es.withCredentials,
    onmessageRoundTrip: roundTrip,
    onmessageAfterString: afterString,
    onopenIs: es.onopen === handler,
    listenerReturn: String(es.addEventListener('update', handler)),
    subInstanceOf: sub instanceof Sub && sub instanceof ES,
    subProto: Object.getPrototypeOf(sub) === Sub.prototype,
    subUrlResolved: sub.url === new URL(streamUrl, location.href).href,
    closeReturn: String(es.close()),
    readyStateAfterClose: es.readyState,
    doubleClose: String(es.close()),
  };
  sub.close();
  return out;
}

/** Path and both values of the first place where two probe results differ, or null. */
export function firstDifference(got: unknown, expected: unknown, path: string): string | null {
  if (Object.is(got, expected)) return null;
  const bothObjects =
    typeof got === 'object' && got !== null && typeof expected === 'object' && expected !== null;
  if (bothObjects && Array.isArray(got) === Array.isArray(expected)) {
    const keys = new Set([...Object.keys(got), ...Object.keys(expected)]);
    for (const k of keys) {
      const d = firstDifference(
        (got as Record<string, unknown>)[k],
        (expected as Record<string, unknown>)[k],
        `${path}.${k}`,
      );
      if (d) return d;
    }
    return null;
  }
  return `${path}\n  with SSE Lens: ${JSON.stringify(got)}\n  without:       ${JSON.stringify(expected)}`;
}

/**
 * The probe as an expression string for drivers that serialize functions themselves.
 * Under tsx, esbuild's keepNames wraps inner functions in `__name(...)` calls that do not
 * exist in the page, so the expression supplies a no-op `__name`.
 */
export function transparencyProbeExpression(streamUrl: string): string {
  return `(() => { const __name = (f) => f; return (${transparencyProbe.toString()})(${JSON.stringify(streamUrl)}); })()`;
}
