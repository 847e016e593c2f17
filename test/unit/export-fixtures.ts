// Builds panel models the way live capture does (records through applyBatch) for the export
// tests: a page with a named-events stream, a stream that reconnects with Last-Event-ID, and a
// failed one, plus helpers to read every string a file holds.
import type { CapturedRecord, DocInfo } from '../../src/capture/records';
import { appendImported, applyBatch } from '../../src/model/apply-batch';
import { importText } from '../../src/export/import-file';
import { captureToViews } from '../../src/export/to-state';
import { createCaptureState, type CaptureState } from '../../src/model/capture-state';

export const T0 = 1_763_000_000_000;
/** When the sample is exported and imported. */
export const NOW = T0 + 10_000;
export const PAGE: DocInfo = {
  id: 'doc-a',
  url: 'http://127.0.0.1:4000/page',
  top: true,
  startedAt: T0,
};

type Body<R> = R extends CapturedRecord ? Omit<R, 'seq'> : never;
type RecordBody = Body<CapturedRecord>;

export function stateFrom(
  records: RecordBody[],
  doc: DocInfo = PAGE,
  state = createCaptureState(),
): CaptureState {
  applyBatch(state, {
    v: 1,
    type: 'records',
    doc,
    records: records.map((r, i): CapturedRecord => ({ ...r, seq: i + 1 })),
    lost: 0,
    clearedThrough: 0,
    sync: false,
  });
  return state;
}

const event = (conn: number, t: number, type: string, id: string, data: string): RecordBody => ({
  kind: 'event',
  conn,
  t,
  type,
  data,
  lastEventId: id,
  origin: 'http://127.0.0.1:4000',
  size: data.length,
  truncated: false,
});

/** Three connections: named events (open), a reconnecting counter, a failed request. */
export function sampleRecords(): RecordBody[] {
  const base = 'http://127.0.0.1:4000';
  return [
    {
      kind: 'connection',
      conn: 1,
      t: T0,
      url: `${base}/sse/named?count=6`,
      withCredentials: false,
      frameUrl: PAGE.url,
      stack: 'at open (http://127.0.0.1:4000/page:3:9)',
    },
    { kind: 'listen', conn: 1, t: T0, type: 'update' },
    { kind: 'state', conn: 1, t: T0 + 12, readyState: 1, cause: 'open' },
    event(1, T0 + 15, 'message', '1', '{"n":1,"type":"message"}'),
    event(1, T0 + 36, 'update', '2', '{"n":2,"type":"update"}'),
    event(1, T0 + 78, 'message', '4', 'line 1\nline 2\n\nline 4'),
    event(1, T0 + 99, 'update', '5', ''),
    {
      kind: 'connection',
      conn: 2,
      t: T0 + 1,
      url: `${base}/sse/reconnect?count=2`,
      withCredentials: true,
      frameUrl: PAGE.url,
      stack: '',
    },
    { kind: 'state', conn: 2, t: T0 + 10, readyState: 1, cause: 'open' },
    event(2, T0 + 20, 'message', '1', '{"n":1,"round":1}'),
    event(2, T0 + 40, 'message', '2', '{"n":2,"round":1}'),
    { kind: 'state', conn: 2, t: T0 + 41, readyState: 0, cause: 'error' },
    { kind: 'state', conn: 2, t: T0 + 350, readyState: 1, cause: 'open' },
    event(2, T0 + 360, 'message', '3', '{"n":3,"round":2}'),
    event(2, T0 + 380, 'message', '4', '{"n":4,"round":2}'),
    {
      kind: 'connection',
      conn: 3,
      t: T0 + 2,
      url: `${base}/sse/status?code=500`,
      withCredentials: false,
      frameUrl: PAGE.url,
      stack: '',
    },
    { kind: 'state', conn: 3, t: T0 + 30, readyState: 2, cause: 'error' },
  ];
}

/** Every string anywhere inside a JSON value, keys included. */
export function allStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(allStrings);
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([k, v]) => [k, ...allStrings(v)]);
  }
  return [];
}

/** What the panel does on import: the file's connections and frames join the model. */
export function importInto(state: CaptureState, text: string, name: string, docId = 'import1') {
  const result = importText(name, text, NOW);
  const views = captureToViews(result.file, {
    docId,
    name,
    format: result.format,
    importedAt: NOW,
  });
  appendImported(state, views.connections, views.frames);
  return result;
}
