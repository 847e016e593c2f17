// Deep capture's background half with a fake chrome.debugger: CDP Network events become wire
// records for the followed requests only, the switch attaches and detaches, Chrome's refusal
// reaches the panel in its own words, and a new worker re-attaches a tab whose switch is on.
import { describe, expect, it } from 'vitest';
import { CdpTranslator } from '../../src/deep-capture/cdp-translate';
import { createDeepCapture } from '../../src/deep-capture/deep-capture';
import { streamContent } from '../../src/deep-capture/stream-content';
import type { WireRecord } from '../../src/deep-capture/wire-records';
import type {
  TargetInfo,
  DebuggerApi,
  DebuggerSource,
  SessionStorage,
} from '../../src/deep-capture/debugger-api';
import { tabSettings } from '../../src/deep-capture/tab-settings';
import { sharedText } from '../../src/i18n/shared';

describe('CDP translation', () => {
  it('follows EventSource requests and event-stream fetches, with wall-clock times', () => {
    const cdp = new CdpTranslator(() => 0);
    const sent = (requestId: string, type: string, url: string, timestamp: number) =>
      cdp.translate('Network.requestWillBeSent', {
        requestId,
        type,
        timestamp,
        wallTime: 1_000 + timestamp,
        request: { url },
      });
    expect(sent('1', 'EventSource', 'http://h/es', 5).records).toEqual([
      { kind: 'request', id: '1', t: 1_005_000, url: 'http://h/es', api: 'eventsource' },
    ]);
    // A fetch is followed only once its response says text/event-stream.
    expect(sent('2', 'Fetch', 'http://h/f', 6).records).toEqual([]);
    expect(sent('3', 'Image', 'http://h/i.png', 6).records).toEqual([]);
    const head = (requestId: string, type: string, mimeType: string) =>
      cdp.translate('Network.responseReceived', {
        requestId,
        type,
        timestamp: 7,
        response: { url: 'http://h/f', mimeType },
      });
    expect(head('1', 'EventSource', 'text/event-stream')).toEqual({
      records: [],
      streamContent: { id: '1', t: 1_007_000 },
    });
    expect(head('2', 'Fetch', 'text/event-stream')).toEqual({
      records: [{ kind: 'request', id: '2', t: 1_007_000, url: 'http://h/f', api: 'fetch' }],
      streamContent: { id: '2', t: 1_007_000 },
    });
    expect(head('3', 'Image', 'image/png').records).toEqual([]);
    // After a redirect, Chrome types an EventSource's response "Other": still streamed.
    sent('4', 'EventSource', 'http://h/redirect', 6);
    expect(head('4', 'Other', 'text/event-stream')).toEqual({
      records: [],
      streamContent: { id: '4', t: 1_007_000 },
    });

    expect(
      cdp.translate('Network.eventSourceMessageReceived', {
        requestId: '1',
        timestamp: 8,
        eventName: 'tick',
        eventId: '9',
        data: 'x',
      }).records,
    ).toEqual([
      { kind: 'message', id: '1', t: 1_008_000, type: 'tick', lastEventId: '9', data: 'x' },
    ]);
    // The debugger may deliver a streamed chunk before streamResourceContent's result: the
    // chunk waits for the bytes the result carries, which came first.
    expect(
      cdp.translate('Network.dataReceived', { requestId: '2', timestamp: 8, data: 'OiBoaQoK' })
        .records,
    ).toEqual([]);
    // Bytes of requests not followed, and dataReceived without streamed data, are ignored.
    expect(cdp.translate('Network.dataReceived', { requestId: '3', data: 'AA==' }).records).toEqual(
      [],
    );
    expect(
      cdp.translate('Network.dataReceived', { requestId: '2', dataLength: 4 }).records,
    ).toEqual([]);
    expect(cdp.buffered('2', 1_007_000, 'cmV0cnk6IDEKCg==')).toEqual([
      { kind: 'bytes', id: '2', t: 1_007_000, base64: 'cmV0cnk6IDEKCg==' },
      { kind: 'bytes', id: '2', t: 1_008_000, base64: 'OiBoaQoK' },
    ]);
    expect(
      cdp.translate('Network.dataReceived', { requestId: '2', timestamp: 8, data: 'AA==' }).records,
    ).toEqual([{ kind: 'bytes', id: '2', t: 1_008_000, base64: 'AA==' }]);
    // A request that ends before the command returns: its end waits too, and a failed command
    // (the request already gone) still lets go of what waited.
    expect(
      cdp.translate('Network.dataReceived', { requestId: '4', timestamp: 8, data: 'AA==' }).records,
    ).toEqual([]);
    expect(
      cdp.translate('Network.loadingFinished', { requestId: '4', timestamp: 9 }).records,
    ).toEqual([]);
    expect(cdp.buffered('4', 1_007_000, '')).toEqual([
      { kind: 'bytes', id: '4', t: 1_008_000, base64: 'AA==' },
      { kind: 'end', id: '4', t: 1_009_000 },
    ]);
    expect(
      cdp.translate('Network.loadingFinished', { requestId: '2', timestamp: 9 }).records,
    ).toEqual([{ kind: 'end', id: '2', t: 1_009_000 }]);
    // Forgotten once finished.
    expect(cdp.translate('Network.dataReceived', { requestId: '2', data: 'AA==' }).records).toEqual(
      [],
    );
  });
});

describe('streamContent', () => {
  /** A followed response whose streamed chunk came before the command's result. */
  const awaiting = (): CdpTranslator => {
    const cdp = new CdpTranslator(() => 0);
    cdp.translate('Network.requestWillBeSent', {
      requestId: '7',
      type: 'Fetch',
      timestamp: 6,
      wallTime: 1_006,
      request: { url: 'http://h/f' },
    });
    cdp.translate('Network.responseReceived', {
      requestId: '7',
      type: 'Fetch',
      timestamp: 7,
      response: { url: 'http://h/f', mimeType: 'text/event-stream' },
    });
    cdp.translate('Network.dataReceived', { requestId: '7', timestamp: 8, data: 'AA==' });
    return cdp;
  };
  const run = async (cdp: CdpTranslator, result: Promise<unknown>): Promise<WireRecord[]> => {
    const delivered: WireRecord[] = [];
    const api = { sendCommand: () => result } as unknown as DebuggerApi;
    streamContent(api, { tabId: 1 }, cdp, { id: '7', t: 1_007_000 }, (r) => delivered.push(...r));
    await new Promise((r) => setTimeout(r, 0));
    return delivered;
  };
  const held = { kind: 'bytes', id: '7', t: 1_008_000, base64: 'AA==' };

  it('delivers the buffered bytes, then what waited for them', async () => {
    expect(await run(awaiting(), Promise.resolve({ bufferedData: 'Og==' }))).toEqual([
      { kind: 'bytes', id: '7', t: 1_007_000, base64: 'Og==' },
      held,
    ]);
  });

  it('lets go of what waited when the result has no bytes, or the command fails', async () => {
    expect(await run(awaiting(), Promise.resolve({}))).toEqual([held]);
    expect(await run(awaiting(), Promise.reject(new Error('No resource')))).toEqual([held]);
  });
});

interface FakeDebugger extends DebuggerApi {
  /** Tab ids, and `target:<id>` for targets attached by id. */
  attached: Set<number | string>;
  commands: string[];
  refuse: string | null;
  targets: TargetInfo[];
  fire(source: DebuggerSource, method: string, params?: object): void;
  detachByChrome(tabId: number, reason: string): void;
}

function fakeDebugger(): FakeDebugger {
  const events: ((s: DebuggerSource, m: string, p?: object) => void)[] = [];
  const detaches: ((s: DebuggerSource, r: string) => void)[] = [];
  const fake: FakeDebugger = {
    attached: new Set(),
    commands: [],
    refuse: null,
    targets: [],
    attach(target) {
      const key = 'tabId' in target ? target.tabId : `target:${target.targetId}`;
      if (fake.refuse !== null) return Promise.reject(new Error(fake.refuse));
      if (fake.attached.has(key)) {
        return Promise.reject(
          new Error(`Another debugger is already attached to the tab with id: ${key}.`),
        );
      }
      fake.attached.add(key);
      return Promise.resolve();
    },
    detach(target) {
      const key = 'tabId' in target ? target.tabId : `target:${target.targetId}`;
      if (!fake.attached.delete(key)) return Promise.reject(new Error('not attached'));
      return Promise.resolve();
    },
    getTargets: () => Promise.resolve(fake.targets),
    sendCommand(target, method) {
      const name =
        'tabId' in target
          ? `${target.tabId}${target.sessionId === undefined ? '' : `/${target.sessionId}`}`
          : `target:${target.targetId}`;
      fake.commands.push(`${name} ${method}`);
      return Promise.resolve(
        method === 'Network.streamResourceContent' ? { bufferedData: 'OiBoaQoK' } : {},
      );
    },
    onEvent: { addListener: (l) => void events.push(l) },
    onDetach: { addListener: (l) => void detaches.push(l) },
    fire: (s, m, p) => events.forEach((l) => l(s, m, p)),
    detachByChrome(tabId, reason) {
      fake.attached.delete(tabId);
      detaches.forEach((l) => l({ tabId }, reason));
    },
  };
  return fake;
}

function memoryStorage(): SessionStorage {
  const items: Record<string, unknown> = {};
  return {
    get: (key) => Promise.resolve(key in items ? { [key]: items[key] } : {}),
    set: (more) => Promise.resolve(void Object.assign(items, more)),
  };
}

function setup(api = fakeDebugger(), storage = memoryStorage()) {
  const posted: { tabId: number; m: { type: string } & Record<string, unknown> }[] = [];
  const timers: (() => void)[] = [];
  const deep = createDeepCapture({
    api: () => api,
    settings: tabSettings(() => storage),
    post: (tabId, m) => posted.push({ tabId, m }),
    setTimer: (fn) => timers.push(fn),
  });
  const statuses = () => posted.filter((p) => p.m.type === 'deep-capture').map((p) => p.m);
  return { api, storage, deep, posted, timers, statuses };
}

describe('deep capture sessions', () => {
  it('attaches with Network enabled, pipes batches, and detaches when turned off', async () => {
    const { api, deep, posted, timers, statuses } = setup();
    await deep.turn(7, true);
    expect(api.attached).toEqual(new Set([7]));
    expect(api.commands).toEqual(['7 Network.enable', '7 Target.setAutoAttach']);
    expect(statuses()).toEqual([{ v: 1, type: 'deep-capture', state: 'on' }]);

    api.fire({ tabId: 7 }, 'Network.requestWillBeSent', {
      requestId: 'r',
      type: 'EventSource',
      timestamp: 1,
      wallTime: 2,
      request: { url: 'http://h/es' },
    });
    api.fire({ tabId: 7 }, 'Network.responseReceived', {
      requestId: 'r',
      type: 'EventSource',
      timestamp: 1,
      response: { url: 'http://h/es', mimeType: 'text/event-stream' },
    });
    // Another tab's events are not ours to read.
    api.fire({ tabId: 8 }, 'Network.requestWillBeSent', { requestId: 'x', type: 'EventSource' });
    await Promise.resolve();
    await Promise.resolve();
    expect(api.commands).toContain('7 Network.streamResourceContent');
    expect(posted.filter((p) => p.m.type === 'wire')).toEqual([]);
    timers.forEach((fire) => fire());
    const wire = posted.filter((p) => p.m.type === 'wire');
    expect(wire).toHaveLength(1);
    expect(wire[0]?.tabId).toBe(7);
    expect((wire[0]?.m.records as { kind: string }[]).map((r) => r.kind)).toEqual([
      'request',
      'bytes',
    ]);

    await deep.turn(7, false);
    expect(api.attached).toEqual(new Set());
    expect(statuses().at(-1)).toEqual({ v: 1, type: 'deep-capture', state: 'off' });
  });

  it('follows auto-attached workers through their own sessions, each request named by worker', async () => {
    const { api, deep, posted, timers } = setup();
    await deep.turn(7, true);
    api.commands.length = 0;
    const attachedTo = (sessionId: string, type: string, url: string) =>
      api.fire({ tabId: 7 }, 'Target.attachedToTarget', {
        sessionId,
        targetInfo: { type, url },
        waitingForDebugger: true,
      });
    const settle = async () => {
      for (let i = 0; i < 6; i++) await Promise.resolve();
    };
    attachedTo('W', 'worker', 'http://h/w.js');
    await settle();
    // A dedicated worker is followed before it runs; a service worker runs first (see code).
    expect(api.commands).toEqual([
      '7/W Network.enable',
      '7/W Target.setAutoAttach',
      '7/W Runtime.runIfWaitingForDebugger',
    ]);
    api.commands.length = 0;
    attachedTo('S', 'service_worker', 'http://h/sw.js');
    await settle();
    expect(api.commands).toEqual([
      '7/S Runtime.runIfWaitingForDebugger',
      '7/S Network.enable',
      '7/S Target.setAutoAttach',
    ]);
    const stream = (sessionId: string, requestId: string) => {
      api.fire({ tabId: 7, sessionId }, 'Network.requestWillBeSent', {
        requestId,
        type: 'Fetch',
        timestamp: 1,
        wallTime: 2,
        request: { url: 'http://h/s' },
      });
      api.fire({ tabId: 7, sessionId }, 'Network.responseReceived', {
        requestId,
        type: 'Fetch',
        timestamp: 1,
        response: { url: 'http://h/s', mimeType: 'text/event-stream' },
      });
    };
    // Two sessions may use the same request id; an unknown session is not read.
    stream('W', '1');
    stream('S', '1');
    stream('X', '1');
    await settle();
    expect(api.commands).toContain('7/W Network.streamResourceContent');
    timers.forEach((fire) => fire());
    const requests = posted
      .filter((p) => p.m.type === 'wire')
      .flatMap((p) => p.m.records as { kind: string }[])
      .filter((r) => r.kind === 'request');
    expect(requests).toEqual([
      expect.objectContaining({
        id: 'W:1',
        worker: { type: 'worker', url: 'http://h/w.js', session: 'W' },
      }),
      expect.objectContaining({
        id: 'S:1',
        worker: { type: 'serviceworker', url: 'http://h/sw.js', session: 'S' },
      }),
    ]);
    api.fire({ tabId: 7 }, 'Target.detachedFromTarget', { sessionId: 'W' });
    stream('W', '2');
    timers.forEach((fire) => fire());
    expect(posted.filter((p) => p.m.type === 'wire').flatMap((p) => p.m.records)).toHaveLength(4);
  });

  it('finds a shared worker of the tab’s origin in the target list and follows it by id', async () => {
    const { api, deep, posted, timers } = setup();
    api.targets = [
      { id: 'P7', type: 'page', url: 'http://h/app', tabId: 7, attached: true },
      { id: 'SW', type: 'worker', url: 'http://h/shared.js', attached: false },
      { id: 'X', type: 'worker', url: 'http://elsewhere/shared.js', attached: false },
    ];
    await deep.turn(7, true);
    const settle = async () => {
      for (let i = 0; i < 20; i++) await Promise.resolve();
    };
    const fireTimers = async () => {
      timers.splice(0).forEach((fire) => fire());
      await settle();
    };
    await fireTimers();
    expect(api.attached).toEqual(new Set([7, 'target:SW']));
    expect(api.commands).toContain('target:SW Network.enable');
    api.fire({ targetId: 'SW' }, 'Network.requestWillBeSent', {
      requestId: '1',
      type: 'EventSource',
      timestamp: 1,
      wallTime: 2,
      request: { url: 'http://h/es' },
    });
    await fireTimers();
    expect(
      posted.filter((p) => p.m.type === 'wire').flatMap((p) => p.m.records as object[]),
    ).toEqual([
      expect.objectContaining({
        kind: 'request',
        id: 'SW:1',
        worker: { type: 'sharedworker', url: 'http://h/shared.js', session: 'SW' },
      }),
    ]);
    // Deep capture off in the tab: the shared worker is let go too.
    await deep.turn(7, false);
    expect(api.attached).toEqual(new Set());
  });

  it("reports Chrome's own reason when it refuses to attach, and stays off", async () => {
    const { api, deep, statuses } = setup();
    api.refuse = 'Another debugger is already attached to the tab with id: 7.';
    await deep.turn(7, true);
    expect(statuses()).toEqual([
      {
        v: 1,
        type: 'deep-capture',
        state: 'error',
        error: 'Another debugger is already attached to the tab with id: 7.',
      },
    ]);
    api.refuse = null;
    await deep.panelJoined(7);
    expect(api.attached).toEqual(new Set());
  });

  it('re-attaches for a panel after a worker restart, dropping a session the old worker left', async () => {
    const storage = memoryStorage();
    const api = fakeDebugger();
    await setup(api, storage).deep.turn(7, true);
    // A new worker: nothing in memory, the old session possibly still attached.
    const restarted = setup(api, storage);
    await restarted.deep.panelJoined(7);
    expect(api.attached).toEqual(new Set([7]));
    expect(restarted.statuses()).toEqual([{ v: 1, type: 'deep-capture', state: 'on' }]);
    // The last panel going away detaches but keeps the switch on for the next panel.
    await restarted.deep.panelsGone(7);
    expect(api.attached).toEqual(new Set());
    await restarted.deep.panelJoined(7);
    expect(api.attached).toEqual(new Set([7]));
  });

  it('turns the switch off when the user cancels the debugging bar or the tab closes', async () => {
    const { api, deep, statuses } = setup();
    await deep.turn(7, true);
    api.detachByChrome(7, 'canceled_by_user');
    expect(statuses().at(-1)).toEqual({ v: 1, type: 'deep-capture', state: 'off' });
    await deep.panelJoined(7);
    expect(api.attached).toEqual(new Set());
  });

  it('reports any other detach as an error, worded for the panel in its language', async () => {
    const { api, deep, statuses } = setup();
    await deep.turn(7, true);
    api.detachByChrome(7, 'render_process_gone');
    expect(statuses().at(-1)).toEqual({
      v: 1,
      type: 'deep-capture',
      state: 'error',
      error: 'Chrome detached the debugger (render_process_gone).',
      problem: { key: 'deepCapture.detached', params: { reason: 'render_process_gone' } },
    });
    expect(
      sharedText({ key: 'deepCapture.detached', params: { reason: 'render_process_gone' } }, 'ru'),
    ).toBe('Chrome отключил отладчик (render_process_gone).');
  });
});
