// How a failed stream explains itself: responses read from Resource Timing and DevTools'
// network log, matched to connections and attempts, and the plain-words reason for each.
import { describe, expect, it } from 'vitest';
import { ResponseTiming } from '../../src/bridge/response-timing';
import type { CapturedRecord, ResponseRecord } from '../../src/capture/records';
import { deriveAttempts, withResponses } from '../../src/export/attempts';
import { buildCapture } from '../../src/export/build-capture';
import { decodeCapture } from '../../src/export/decode-capture';
import { captureToViews } from '../../src/export/to-state';
import { createCaptureState } from '../../src/model/capture-state';
import type { ConnectionView, RequestResponse, Transition } from '../../src/model/capture-state';
import { noteResponse, noteResponseForUrl } from '../../src/model/responses';
import { attemptReports, connectionFailed, reasonFor } from '../../panel/attempt-report';
import { toResponse } from '../../panel/network-log';
import { transitionText } from '../../panel/transition-text';
import { schemaErrors } from './export-schema';
import { fakeTiming } from './support/fakes';

const URL_A = 'http://a.test/sse';

function view(transitions: Transition[], extra: Partial<ConnectionView> = {}): ConnectionView {
  const last = transitions.at(-1);
  return {
    key: 'doc:1',
    docId: 'doc',
    url: URL_A,
    kind: 'eventsource',
    withCredentials: false,
    frameUrl: 'http://a.test/',
    top: true,
    stack: '',
    createdAt: transitions[0]?.t ?? 0,
    readyState: last?.readyState ?? 0,
    state: last?.readyState === 2 ? 'closed' : last?.readyState === 1 ? 'open' : 'connecting',
    frames: 0,
    retries: 0,
    bytes: 0,
    lastActivity: 0,
    closedAt: last?.readyState === 2 ? last.t : null,
    transitions,
    listenedTypes: [],
    queued: false,
    queueWaits: [],
    ...extra,
  };
}

const response = (start: number, extra: Partial<RequestResponse> = {}): RequestResponse => ({
  start,
  end: start + 5,
  responded: true,
  status: null,
  contentType: null,
  source: 'timing',
  ...extra,
});

const failedOnce: Transition[] = [
  { t: 1000, readyState: 0, cause: 'create' },
  { t: 1020, readyState: 2, cause: 'error' },
];

describe('reasons', () => {
  it.each([
    [500, 'text/plain', 'HTTP 500: EventSource fails on any status but 200.'],
    [204, null, 'HTTP 204: the server asked the browser not to reconnect.'],
    [
      200,
      'text/plain; charset=utf-8',
      'Content-Type text/plain: EventSource requires text/event-stream.',
    ],
    [200, null, 'HTTP 200 without a Content-Type: EventSource requires text/event-stream.'],
  ])('HTTP %j with %j', (status, contentType, reason) => {
    const c = view(failedOnce, { responses: [response(1001, { status, contentType })] });
    expect(connectionFailed(c)).toBe(true);
    expect(attemptReports(c)).toEqual([
      {
        start: 1000,
        open: null,
        end: 1020,
        outcome: 'failed',
        response: c.responses?.[0],
        reason,
      },
    ]);
  });

  it('says when the browser did not report the status, and whether a response came', () => {
    const [answered] = attemptReports(view(failedOnce, { responses: [response(1001)] }));
    expect(answered?.reason).toMatch(/^The server answered, but EventSource refused the response/);
    expect(answered?.reason).toContain('did not report the HTTP status');
    const [none] = attemptReports(
      view(failedOnce, { responses: [response(1001, { responded: false })] }),
    );
    expect(none?.reason).toMatch(/^No response: the request failed/);
    const [unknown] = attemptReports(view(failedOnce));
    expect(unknown?.reason).toMatch(/^EventSource gave up before it opened\. The browser did not/);
  });

  it('gives no reason for an attempt the page closed or that is still going', () => {
    const attempt = { start: 0, open: 5, end: null, retryMs: null, lastEventId: '' };
    expect(reasonFor({ ...attempt, outcome: 'ongoing' }, null)).toBeNull();
    expect(reasonFor({ ...attempt, outcome: 'closed', end: 9 }, null)).toBeNull();
    expect(reasonFor({ ...attempt, outcome: 'reconnect', end: 9 }, null)).toMatch(
      /^The stream ended .*reconnects\.$/,
    );
  });

  it('matches each response to its attempt across reconnects', () => {
    const c = view(
      [
        { t: 1000, readyState: 0, cause: 'create' },
        { t: 1010, readyState: 1, cause: 'open' },
        { t: 2000, readyState: 0, cause: 'error' },
        { t: 5020, readyState: 2, cause: 'error' },
      ],
      { responses: [response(1001, { status: 200 }), response(5003, { status: 503 })] },
    );
    const reports = attemptReports(c);
    expect(reports.map((r) => [r.outcome, r.response?.status, r.reason])).toEqual([
      [
        'reconnect',
        200,
        'The stream ended (the server closed it, or the network dropped); the browser reconnects.',
      ],
      ['failed', 503, 'HTTP 503: EventSource fails on any status but 200.'],
    ]);
    expect(
      withResponses(deriveAttempts(c.createdAt, c.transitions, []), c.responses ?? []).map((a) => [
        a.httpStatus,
        a.contentType,
      ]),
    ).toEqual([
      [200, undefined],
      [503, undefined],
    ]);
  });
});

describe('state list', () => {
  it('says what happened, then the readyState it left', () => {
    const texts = [
      { t: 0, readyState: 0, cause: 'create' },
      { t: 1, readyState: 1, cause: 'open' },
      { t: 2, readyState: 0, cause: 'error' },
      { t: 3, readyState: 2, cause: 'error' },
      { t: 4, readyState: 2, cause: 'close' },
    ].map((tr) => transitionText(tr as Transition));
    expect(texts).toEqual([
      'created (readyState CONNECTING)',
      'opened (readyState OPEN)',
      'error, reconnecting (readyState CONNECTING)',
      'error, gave up (readyState CLOSED)',
      'closed by close() (readyState CLOSED)',
    ]);
  });
});

describe('ResponseTiming (content script)', () => {
  const connection = (conn: number, t: number, url = URL_A): CapturedRecord => ({
    kind: 'connection',
    conn,
    t,
    url,
    withCredentials: false,
    frameUrl: 'http://a.test/',
    stack: '',
    seq: conn,
  });

  it('matches entries to the latest connection to that URL, waiting for late connections', () => {
    const timing = fakeTiming();
    const out: ResponseRecord[] = [];
    const responses = new ResponseTiming(timing, (records) => out.push(...records));
    responses.apply(connection(1, 1000));
    const entry = { entryType: 'resource', name: URL_A, responded: true, contentType: '' };
    timing.add([
      { ...entry, start: 1000.4, end: 1012.6, responseStatus: 500, contentType: 'text/plain' },
      { entryType: 'resource', name: 'http://a.test/app.js', start: 1, end: 2 },
      { entryType: 'navigation', name: URL_A, start: 1, end: 2 },
    ]);
    responses.apply({ kind: 'state', conn: 1, t: 1013, readyState: 2, cause: 'error', seq: 3 });
    // An entry for a connection whose record has not arrived yet (connection 1 had closed).
    timing.add([{ ...entry, start: 3000, end: 3004, responseStatus: 0 }]);
    expect(out).toEqual([
      {
        kind: 'response',
        conn: 1,
        t: 1000,
        end: 1013,
        responded: true,
        status: 500,
        contentType: 'text/plain',
      },
    ]);
    responses.apply(connection(2, 2999));
    expect(out.at(-1)).toEqual({
      kind: 'response',
      conn: 2,
      t: 3000,
      end: 3004,
      responded: true,
      status: null,
      contentType: null,
    });
  });
});

describe('responses in the model', () => {
  it('merges the two reports of one request, keeping what each knows', () => {
    const c = view(failedOnce);
    noteResponse(c, response(1001));
    noteResponse(c, response(1003, { status: 500, contentType: 'text/plain', source: 'devtools' }));
    expect(c.responses).toEqual([response(1001, { status: 500, contentType: 'text/plain' })]);
  });

  it('places a network-log response on the latest live connection to its URL', () => {
    const old = view(failedOnce, { key: 'doc:1' });
    const live = view([{ t: 4000, readyState: 0, cause: 'create' }], { key: 'doc:2' });
    const r = response(4002, { status: 204, source: 'devtools' });
    expect(noteResponseForUrl([old, live], URL_A, r)).toBe(true);
    expect(live.responses).toEqual([r]);
    expect(old.responses).toBeUndefined();
    expect(noteResponseForUrl([old, live], 'http://other.test/', r)).toBe(false);
  });

  it('reads status and Content-Type from a network-log entry', () => {
    expect(
      toResponse({
        request: { url: URL_A },
        startedDateTime: '2026-01-01T00:00:00.000Z',
        time: 12.5,
        response: {
          status: 200,
          headers: [{ name: 'Content-Type', value: 'text/plain; charset=utf-8' }],
        },
        _resourceType: 'eventsource',
      }),
    ).toEqual({
      start: Date.parse('2026-01-01T00:00:00.000Z'),
      end: Date.parse('2026-01-01T00:00:00.000Z') + 12.5,
      responded: true,
      status: 200,
      contentType: 'text/plain; charset=utf-8',
      source: 'devtools',
    });
  });
});

describe('httpStatus and contentType in a capture file', () => {
  const file = (attempt: Record<string, unknown>): unknown => {
    const c = view(failedOnce, { responses: [response(1001, { status: 500 })] });
    const capture = buildCapture(
      { ...createCaptureState(), connections: new Map([[c.key, c]]) },
      { scope: 'all', connections: null, now: 9999, generatorVersion: '0.1.0' },
    );
    const written = JSON.parse(JSON.stringify(capture)) as {
      connections: { attempts: Record<string, unknown>[] }[];
    };
    Object.assign(written.connections[0]?.attempts[0] ?? {}, attempt);
    return written;
  };

  it('are written where the browser reported them, and read back', () => {
    const decoded = decodeCapture(file({ contentType: 'text/plain' }));
    expect(decoded.connections[0]?.attempts[0]).toMatchObject({
      outcome: 'failed',
      httpStatus: 500,
      contentType: 'text/plain',
    });
    expect(schemaErrors(decoded)).toEqual([]);
    // Imported, the connection still explains itself.
    const [imported] = captureToViews(decoded, {
      docId: 'import1',
      name: 'f.json',
      format: 'sse-lens-json',
      importedAt: 0,
    }).connections;
    expect(imported && attemptReports(imported)[0]?.reason).toBe(
      'HTTP 500: EventSource fails on any status but 200.',
    );
  });

  it('refuse a status that is not an HTTP status', () => {
    expect(() => decodeCapture(file({ httpStatus: 42 }))).toThrow(
      /attempts\[0\]\.httpStatus.*\(100–599\)/,
    );
  });
});
