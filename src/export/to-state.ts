// Turns a capture file into the panel model's connections and frames, marked as imported, so
// an imported capture is viewed, filtered and re-exported exactly like a live one.
import type {
  ConnectionView,
  FrameView,
  ImportedFrom,
  RequestResponse,
} from '../model/capture-state';
import type { CaptureAttempt, CaptureFile, ImportFormat } from './capture-types';
import { originOf } from '../model/site';

export interface ImportSource {
  /** Unique per import; becomes the connections' document id. */
  docId: string;
  name: string;
  format: ImportFormat;
  importedAt: number;
}

export interface ImportedCapture {
  connections: ConnectionView[];
  /** In time order across connections (stable for equal times). */
  frames: Omit<FrameView, 'index'>[];
}

export function captureToViews(file: CaptureFile, source: ImportSource): ImportedCapture {
  const connections: ConnectionView[] = [];
  const frames: Omit<FrameView, 'index'>[] = [];
  // A capture is a record of the past: what was still connecting or open ends with it.
  const ended = captureEnd(file);
  file.connections.forEach((c, i) => {
    const key = `${source.docId}:${i + 1}`;
    const origin = originOf(c.url) ?? '';
    let bytes = 0;
    let lastActivity = c.createdAt;
    for (const f of c.frames) {
      const size = f.size ?? f.data.length;
      bytes += size;
      lastActivity = Math.max(lastActivity, f.t);
      frames.push({
        connection: key,
        t: f.t,
        type: f.type,
        id: f.id,
        data: f.data,
        size,
        truncated: f.truncated ?? false,
        origin: f.origin ?? origin,
        // EventSource frames read from a stream keep their comments and retry: with them;
        // frames of a fetch/XHR body are wire frames of their own kind.
        ...(f.source === 'wire' &&
          (c.kind === 'eventsource' || f.comments !== undefined || f.retry !== undefined) && {
            wire: wireFields(f.comments, f.retry),
          }),
        ...(f.source === 'wire' && c.kind !== 'eventsource' && { source: 'wire' as const }),
        ...(f.source === 'both' && { source: 'both' as const }),
        ...(f.kind && { kind: f.kind }),
        ...(f.note !== undefined && { note: f.note }),
      });
    }
    for (const t of c.transitions) lastActivity = Math.max(lastActivity, t.t);
    const imported: ImportedFrom = {
      name: source.name,
      format: source.format,
      importedAt: source.importedAt,
      pageUrl: c.page.url,
      ...(c.trailer && { trailer: c.trailer }),
      ...(c.state !== 'closed' && { endedAs: c.state }),
    };
    const responses = c.attempts.flatMap(responseOf);
    const view: ConnectionView = {
      key,
      docId: source.docId,
      url: c.url,
      kind: c.kind,
      withCredentials: c.withCredentials,
      frameUrl: c.frame.url,
      top: c.frame.top,
      ...(c.context && { context: c.context }),
      stack: c.stack,
      createdAt: c.createdAt,
      readyState: 2,
      state: 'closed',
      frames: Math.max(c.received, c.frames.length),
      retries: c.transitions.filter((t) => t.cause === 'error' && t.readyState === 0).length,
      bytes,
      lastActivity,
      closedAt: c.closedAt ?? ended,
      transitions: c.transitions.map((t) => ({ ...t })),
      listenedTypes: [...c.listenedTypes],
      queued: false,
      queueWaits: (c.queueWaits ?? []).map((w) => ({ ...w })),
      ...(c.pool && { pool: { ...c.pool } }),
      ...(responses.length > 0 && { responses }),
      imported,
      ...(c.request && {
        request: {
          ...c.request,
          headers: c.request.headers.map(([n, v]): [string, string] => [n, v]),
          ...(c.request.body && { body: { ...c.request.body } }),
        },
      }),
      ...(c.response && {
        head: {
          ...c.response,
          headers: c.response.headers.map(([n, v]): [string, string] => [n, v]),
        },
      }),
      ...(c.end && { outcome: { ...c.end } }),
    };
    connections.push(view);
  });
  frames.sort((a, b) => a.t - b.t);
  return { connections, frames };
}

/** The last time the file records anything: where its still-open connections end. */
function captureEnd(file: CaptureFile): number {
  let last = -Infinity;
  for (const c of file.connections) {
    last = Math.max(last, c.createdAt, c.closedAt ?? -Infinity);
    for (const f of c.frames) last = Math.max(last, f.t);
    for (const t of c.transitions) last = Math.max(last, t.t);
    for (const w of c.queueWaits ?? []) last = Math.max(last, w.since, w.until ?? -Infinity);
  }
  return last;
}

/** What the file says the browser reported for an attempt's response, if anything. */
function responseOf(a: CaptureAttempt): RequestResponse[] {
  if (a.httpStatus === undefined && a.contentType === undefined) return [];
  return [
    {
      start: a.start,
      end: a.end ?? a.start,
      responded: a.httpStatus !== undefined,
      status: a.httpStatus ?? null,
      contentType: a.contentType ?? null,
      source: 'file',
    },
  ];
}

function wireFields(comments: string[] | undefined, retry: number | undefined) {
  return { ...(comments && { comments: [...comments] }), ...(retry !== undefined && { retry }) };
}
