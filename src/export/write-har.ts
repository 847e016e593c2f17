// Writes a capture as HAR 1.2: one entry per attempt (each reconnect is its own request, as
// in Chrome's own HAR), the attempt's frames as Chrome's `_eventSourceMessages`, and everything
// else under `_sseLens`, so Chrome DevTools and HAR viewers read it and SSE Lens reads it back.
// A fetch/XHR stream's entry has its real request and response (har-fetch.ts).
import { framesByAttempt } from './attempts';
import type { CaptureAttempt, CaptureConnection, CaptureFile, CaptureFrame } from './capture-types';
import { fetchContent, isEventFrame, nameValues, postData, requestBodySize } from './har-fetch';
import type {
  Har,
  HarEntry,
  HarEntryExtension,
  HarEventSourceMessage,
  NameValue,
} from './har-types';

export function captureToHar(file: CaptureFile): Har {
  const { connections, ...header } = file;
  const entries = connections.flatMap(connectionEntries);
  entries.sort((a, b) => Date.parse(a.startedDateTime) - Date.parse(b.startedDateTime));
  return {
    log: {
      version: '1.2',
      creator: { name: 'SSE Lens', version: file.generator.version },
      pages: [],
      entries,
      _sseLens: header,
    },
  };
}

function connectionEntries(c: CaptureConnection): HarEntry[] {
  const { frames, ...details } = c;
  const perAttempt = framesByAttempt(c.attempts, frames);
  return c.attempts.map((a, i) =>
    attemptEntry(c, a, perAttempt[i] ?? [], {
      connection: c.id,
      attempt: i,
      ...(i === 0 && { details }),
    }),
  );
}

function attemptEntry(
  c: CaptureConnection,
  a: CaptureAttempt,
  frames: CaptureFrame[],
  extension: HarEntryExtension,
): HarEntry {
  const opened = a.open !== null;
  // An attempt still going ends, for HAR's durations, at its last frame.
  const end = a.end ?? Math.max(a.open ?? a.start, frames.at(-1)?.t ?? 0);
  const blocked = queueOverlap(c, a.start, a.open ?? end);
  const wait = Math.max(0, (a.open ?? end) - a.start - blocked);
  const receive = opened ? Math.max(0, end - (a.open ?? end)) : 0;
  const isFetch = c.kind !== 'eventsource';
  const headers: NameValue[] = c.request
    ? nameValues(c.request.headers)
    : [{ name: 'Accept', value: 'text/event-stream' }];
  if (a.lastEventId !== '') headers.push({ name: 'Last-Event-ID', value: a.lastEventId });
  const body = postData(c);
  const head = c.response;
  return {
    startedDateTime: new Date(a.start).toISOString(),
    time: blocked + wait + receive,
    request: {
      method: c.request?.method ?? 'GET',
      url: c.url,
      httpVersion: c.pool?.protocol ?? '',
      cookies: [],
      headers,
      queryString: queryString(c.url),
      ...(body && { postData: body }),
      headersSize: -1,
      bodySize: requestBodySize(c),
    },
    response: isFetch
      ? {
          status: head?.status ?? 0,
          statusText: head?.statusText ?? '',
          httpVersion: c.pool?.protocol ?? '',
          cookies: [],
          headers: head ? nameValues(head.headers) : [],
          content: fetchContent(c, frames),
          redirectURL: '',
          headersSize: -1,
          bodySize: -1,
        }
      : {
          status: opened ? 200 : 0,
          statusText: '',
          httpVersion: c.pool?.protocol ?? '',
          cookies: [],
          headers: opened ? [{ name: 'Content-Type', value: 'text/event-stream' }] : [],
          content: {
            size: frames.reduce((n, f) => n + (f.size ?? f.data.length), 0),
            mimeType: opened ? 'text/event-stream' : 'x-unknown',
          },
          redirectURL: '',
          headersSize: -1,
          bodySize: -1,
        },
    cache: {},
    timings: {
      blocked: blocked > 0 ? blocked : -1,
      dns: -1,
      connect: -1,
      ssl: -1,
      send: 0,
      wait,
      receive,
    },
    _resourceType: c.kind,
    _eventSourceMessages: isFetch
      ? head?.format === 'sse'
        ? frames.filter(isEventFrame).map(message)
        : []
      : frames.filter(isEventFrame).map(message),
    // Chrome's messages hold only events: comment and `retry:` frames (a fetch body's, or an
    // EventSource's seen by deep capture) ride along with every frame in `_sseLens.frames`.
    _sseLens:
      isFetch || !frames.every(isEventFrame)
        ? { ...extension, frames: frames.map(message) }
        : extension,
  };
}

/** Time within [from, to] the connection spent queued behind its pool's limit. */
function queueOverlap(c: CaptureConnection, from: number, to: number): number {
  let total = 0;
  for (const w of c.queueWaits ?? []) {
    const overlap = Math.min(w.until ?? to, to) - Math.max(w.since, from);
    if (overlap > 0) total += overlap;
  }
  return total;
}

function message(f: CaptureFrame): HarEventSourceMessage {
  const { t, type, id, data, source, ...rest } = f;
  const extra = { ...(source !== 'dispatch' && { source }), ...rest };
  return {
    time: t / 1000,
    eventName: type,
    eventId: id,
    data,
    ...(Object.keys(extra).length > 0 && { _sseLens: extra }),
  };
}

/** The URL's query as HAR name/value pairs (decoded); empty for URLs that do not parse. */
function queryString(url: string): NameValue[] {
  const q = url.indexOf('?');
  if (q === -1) return [];
  const hash = url.indexOf('#', q);
  const search = url.slice(q + 1, hash === -1 ? undefined : hash);
  return [...new URLSearchParams(search)].map(([name, value]) => ({ name, value }));
}
