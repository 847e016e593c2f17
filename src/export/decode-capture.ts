// Checks an untrusted value against the capture format (docs/capture.schema.json) and returns
// it typed, with long strings cut as live capture cuts them. Throws ImportError naming the
// first offending path. Hand-written so the extension bundles no schema engine.
import { said } from '../i18n/shared';
import { LIMITS } from '../protocol/constants';
import type { StreamFields } from '../sse/parse-stream';
import {
  CAPTURE_FORMAT,
  CAPTURE_VERSION,
  type CaptureAttempt,
  type CaptureConnection,
  type CaptureFile,
  type CaptureFrame,
  type CaptureRequest,
  type CaptureResponse,
  type CaptureTransition,
  type HeaderPair,
  type RedactionSummary,
} from './capture-types';
import {
  array,
  boolean,
  count,
  exactObject,
  fail,
  ImportError,
  nullable,
  oneOf,
  string,
  stringList,
  time,
  type Obj,
} from './json-read';
import { IMPORT_LIMITS } from './limits';

const FILE_KEYS = [
  'format',
  'version',
  'exportedAt',
  'generator',
  'scope',
  'redaction',
  'evicted',
  'connections',
] as const;
const CONNECTION_KEYS = [
  'id',
  'url',
  'kind',
  'withCredentials',
  'page',
  'frame',
  'context',
  'pool',
  'createdAt',
  'closedAt',
  'state',
  'stack',
  'listenedTypes',
  'transitions',
  'attempts',
  'queueWaits',
  'received',
  'frames',
  'trailer',
  'imported',
  'request',
  'response',
  'end',
] as const;
const FRAME_KEYS = [
  't',
  'type',
  'id',
  'data',
  'source',
  'size',
  'truncated',
  'origin',
  'comments',
  'retry',
  'kind',
  'note',
] as const;
const MAX_LIST = IMPORT_LIMITS.maxListItems;

/** Counts frames over a whole file against the import limit. */
export class FrameBudget {
  private used = 0;
  take(n: number): void {
    this.used += n;
    if (this.used > IMPORT_LIMITS.maxFrames) {
      throw new ImportError(said('import.tooManyFrames', { max: IMPORT_LIMITS.maxFrames }));
    }
  }
}

export function decodeCapture(v: unknown): CaptureFile {
  const o = exactObject(v, 'capture', FILE_KEYS);
  if (o.format !== CAPTURE_FORMAT)
    throw new ImportError(
      said('import.expectedFormat', { path: 'format', format: CAPTURE_FORMAT }),
    );
  if (o.version !== CAPTURE_VERSION) {
    throw new ImportError(
      said('import.version', {
        path: 'version',
        wanted: String(CAPTURE_VERSION),
        found: String(o.version).slice(0, 20),
      }),
    );
  }
  const generator = exactObject(o.generator, 'generator', ['name', 'version']);
  const budget = new FrameBudget();
  return {
    format: CAPTURE_FORMAT,
    version: CAPTURE_VERSION,
    exportedAt: time(o.exportedAt, 'exportedAt'),
    generator: {
      name: string(generator.name, 'generator.name'),
      version: string(generator.version, 'generator.version'),
    },
    scope: oneOf(o.scope, 'scope', ['all', 'connection', 'filtered'] as const),
    redaction: nullable(o.redaction, 'redaction', decodeRedaction),
    evicted: count(o.evicted, 'evicted'),
    connections: array(o.connections, 'connections', IMPORT_LIMITS.maxConnections).map((c, i) =>
      decodeConnection(c, `connections[${i}]`, budget),
    ),
  };
}

function decodeRedaction(v: unknown, path: string): RedactionSummary {
  const o = exactObject(v, path, [
    'queryParams',
    'urlCredentials',
    'jsonKeys',
    'patterns',
    'headers',
    'replaced',
  ]);
  return {
    queryParams: stringList(o.queryParams, `${path}.queryParams`),
    urlCredentials: boolean(o.urlCredentials, `${path}.urlCredentials`),
    jsonKeys: stringList(o.jsonKeys, `${path}.jsonKeys`),
    patterns: count(o.patterns, `${path}.patterns`),
    ...(o.headers !== undefined && { headers: stringList(o.headers, `${path}.headers`) }),
    replaced: count(o.replaced, `${path}.replaced`),
  };
}

/** One connection; `frames` may be left out when `withFrames` is false (HAR carries them). */
export function decodeConnection(
  v: unknown,
  path: string,
  budget: FrameBudget,
  withFrames = true,
): CaptureConnection {
  const o = exactObject(v, path, CONNECTION_KEYS);
  const page = exactObject(o.page, `${path}.page`, ['url']);
  const frame = exactObject(o.frame, `${path}.frame`, ['url', 'top']);
  const frames = withFrames || o.frames !== undefined ? array(o.frames, `${path}.frames`) : [];
  budget.take(frames.length);
  const c: CaptureConnection = {
    id: string(o.id, `${path}.id`),
    url: string(o.url, `${path}.url`),
    kind: oneOf(o.kind, `${path}.kind`, ['eventsource', 'fetch', 'xhr'] as const),
    withCredentials: boolean(o.withCredentials, `${path}.withCredentials`),
    page: { url: nullable(page.url, `${path}.page.url`, string) },
    frame: {
      url: string(frame.url, `${path}.frame.url`),
      top: boolean(frame.top, `${path}.frame.top`),
    },
    createdAt: time(o.createdAt, `${path}.createdAt`),
    closedAt: nullable(o.closedAt, `${path}.closedAt`, time),
    state: oneOf(o.state, `${path}.state`, ['connecting', 'open', 'closed'] as const),
    stack: string(o.stack, `${path}.stack`),
    listenedTypes: stringList(o.listenedTypes, `${path}.listenedTypes`, MAX_LIST),
    transitions: array(o.transitions, `${path}.transitions`, MAX_LIST).map((t, i) =>
      decodeTransition(t, `${path}.transitions[${i}]`),
    ),
    attempts: array(o.attempts, `${path}.attempts`, MAX_LIST).map((a, i) =>
      decodeAttempt(a, `${path}.attempts[${i}]`),
    ),
    received: count(o.received, `${path}.received`),
    frames: frames.map((f, i) => decodeFrame(f, `${path}.frames[${i}]`)),
  };
  if (o.context !== undefined) {
    c.context = oneOf(o.context, `${path}.context`, [
      'worker',
      'sharedworker',
      'serviceworker',
    ] as const);
  }
  if (o.pool !== undefined) {
    const pool = exactObject(o.pool, `${path}.pool`, ['key', 'protocol']);
    c.pool = {
      key: string(pool.key, `${path}.pool.key`),
      protocol: string(pool.protocol, `${path}.pool.protocol`),
    };
  }
  if (o.queueWaits !== undefined) {
    c.queueWaits = array(o.queueWaits, `${path}.queueWaits`, MAX_LIST).map((w, i) => {
      const wait = exactObject(w, `${path}.queueWaits[${i}]`, ['since', 'until', 'pool']);
      return {
        since: time(wait.since, `${path}.queueWaits[${i}].since`),
        until: nullable(wait.until, `${path}.queueWaits[${i}].until`, time),
        pool: string(wait.pool, `${path}.queueWaits[${i}].pool`),
      };
    });
  }
  if (o.trailer !== undefined) {
    const trailer = exactObject(o.trailer, `${path}.trailer`, ['comments', 'retry', 'lastEventId']);
    c.trailer = {
      ...decodeStreamFields(trailer, `${path}.trailer`),
      ...(trailer.lastEventId !== undefined && {
        lastEventId: string(trailer.lastEventId, `${path}.trailer.lastEventId`),
      }),
    };
  }
  if (o.imported !== undefined) {
    const imp = exactObject(o.imported, `${path}.imported`, ['name', 'format', 'importedAt']);
    c.imported = {
      name: string(imp.name, `${path}.imported.name`),
      format: oneOf(imp.format, `${path}.imported.format`, [
        'sse-lens-json',
        'sse-lens-har',
        'chrome-har',
        'event-stream',
        'ndjson',
      ] as const),
      importedAt: time(imp.importedAt, `${path}.imported.importedAt`),
    };
  }
  if (o.request !== undefined) c.request = decodeRequest(o.request, `${path}.request`);
  if (o.response !== undefined) c.response = decodeResponse(o.response, `${path}.response`);
  if (o.end !== undefined) {
    const end = exactObject(o.end, `${path}.end`, ['t', 'outcome', 'error']);
    c.end = {
      t: time(end.t, `${path}.end.t`),
      outcome: oneOf(end.outcome, `${path}.end.outcome`, [
        'complete',
        'aborted',
        'cancelled',
        'network-error',
        'http-error',
      ] as const),
      error: string(end.error, `${path}.end.error`),
    };
  }
  return c;
}

function decodeRequest(v: unknown, path: string): CaptureRequest {
  const o = exactObject(v, path, ['method', 'headers', 'credentials', 'body']);
  const request: CaptureRequest = {
    method: string(o.method, `${path}.method`),
    headers: decodeHeaders(o.headers, `${path}.headers`),
    credentials: oneOf(o.credentials, `${path}.credentials`, [
      'omit',
      'same-origin',
      'include',
    ] as const),
  };
  if (o.body !== undefined) {
    const body = exactObject(o.body, `${path}.body`, ['text', 'binary', 'kept', 'size']);
    request.body = {
      text: string(body.text, `${path}.body.text`, LIMITS.maxRequestBodyBytes),
      binary: boolean(body.binary, `${path}.body.binary`),
      kept: count(body.kept, `${path}.body.kept`),
      size: nullable(body.size, `${path}.body.size`, count),
    };
  }
  return request;
}

function decodeResponse(v: unknown, path: string): CaptureResponse {
  const o = exactObject(v, path, [
    't',
    'status',
    'statusText',
    'url',
    'redirected',
    'headers',
    'format',
    'mislabelled',
  ]);
  return {
    t: time(o.t, `${path}.t`),
    status: count(o.status, `${path}.status`),
    statusText: string(o.statusText, `${path}.statusText`),
    url: string(o.url, `${path}.url`),
    redirected: boolean(o.redirected, `${path}.redirected`),
    headers: decodeHeaders(o.headers, `${path}.headers`),
    format: nullable(o.format, `${path}.format`, (f, p) =>
      oneOf(f, p, ['sse', 'ndjson', 'connect'] as const),
    ),
    mislabelled: boolean(o.mislabelled, `${path}.mislabelled`),
  };
}

/** Headers as [name, value] pairs. */
function decodeHeaders(v: unknown, path: string): HeaderPair[] {
  return array(v, path, LIMITS.maxHeaders).map((h, i) => {
    const pair = array(h, `${path}[${i}]`);
    if (pair.length !== 2) fail(`${path}[${i}]`, said('expect.pair'));
    return [string(pair[0], `${path}[${i}][0]`), string(pair[1], `${path}[${i}][1]`)];
  });
}

function decodeTransition(v: unknown, path: string): CaptureTransition {
  const o = exactObject(v, path, ['t', 'readyState', 'cause']);
  return {
    t: time(o.t, `${path}.t`),
    readyState: oneOf(o.readyState, `${path}.readyState`, [0, 1, 2] as const),
    cause: oneOf(o.cause, `${path}.cause`, ['create', 'open', 'error', 'close'] as const),
  };
}

function decodeAttempt(v: unknown, path: string): CaptureAttempt {
  const o = exactObject(v, path, [
    'start',
    'open',
    'end',
    'outcome',
    'retryMs',
    'lastEventId',
    'httpStatus',
    'contentType',
  ]);
  const attempt: CaptureAttempt = {
    start: time(o.start, `${path}.start`),
    open: nullable(o.open, `${path}.open`, time),
    end: nullable(o.end, `${path}.end`, time),
    outcome: oneOf(o.outcome, `${path}.outcome`, [
      'ongoing',
      'closed',
      'reconnect',
      'failed',
    ] as const),
    retryMs: nullable(o.retryMs, `${path}.retryMs`, count),
    lastEventId: string(o.lastEventId, `${path}.lastEventId`),
  };
  if (o.httpStatus !== undefined)
    attempt.httpStatus = httpStatus(o.httpStatus, `${path}.httpStatus`);
  if (o.contentType !== undefined)
    attempt.contentType = string(o.contentType, `${path}.contentType`);
  return attempt;
}

function httpStatus(v: unknown, path: string): number {
  const n = count(v, path);
  return n >= 100 && n <= 599 ? n : fail(path, said('expect.httpStatus'));
}

export function decodeFrame(v: unknown, path: string): CaptureFrame {
  const o = exactObject(v, path, FRAME_KEYS);
  const data = string(o.data, `${path}.data`, Number.MAX_SAFE_INTEGER);
  const declared = o.size === undefined ? data.length : count(o.size, `${path}.size`);
  const truncated =
    (o.truncated !== undefined && boolean(o.truncated, `${path}.truncated`)) ||
    data.length > LIMITS.maxDataChars;
  const frame: CaptureFrame = {
    t: time(o.t, `${path}.t`),
    type: string(o.type, `${path}.type`),
    id: string(o.id, `${path}.id`),
    data: data.length > LIMITS.maxDataChars ? data.slice(0, LIMITS.maxDataChars) : data,
    source: oneOf(o.source, `${path}.source`, ['dispatch', 'wire', 'both'] as const),
    ...decodeStreamFields(o, path),
  };
  if (truncated) {
    frame.size = Math.max(declared, data.length);
    frame.truncated = true;
  }
  if (o.origin !== undefined) frame.origin = string(o.origin, `${path}.origin`);
  if (o.kind !== undefined)
    frame.kind = oneOf(o.kind, `${path}.kind`, ['comment', 'retry'] as const);
  if (o.note !== undefined) frame.note = string(o.note, `${path}.note`);
  return frame;
}

/** `comments` and `retry` of a frame or a trailer. */
function decodeStreamFields(o: Obj, path: string): StreamFields {
  return {
    ...(o.comments !== undefined && {
      comments: stringList(o.comments, `${path}.comments`, MAX_LIST),
    }),
    ...(o.retry !== undefined && { retry: count(o.retry, `${path}.retry`) }),
  };
}
