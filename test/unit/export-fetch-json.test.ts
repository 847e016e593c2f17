// SSE Lens JSON for fetch/XHR streams: the request, the response head, the outcome and each
// frame's kind and note are written, valid against the schema, and read back unchanged; a
// version 1 capture written before these fields existed still imports.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildCapture } from '../../src/export/build-capture';
import type { CaptureFile } from '../../src/export/capture-types';
import { renderExport } from '../../src/export/render-export';
import { createCaptureState, type CaptureState } from '../../src/model/capture-state';
import { importInto, NOW, PAGE, stateFrom, T0 } from './export-fixtures';
import { API_KEY, BEARER, CHAT_BODY, CONNECT_END, fetchRecords } from './export-fetch-fixtures';
import { schemaErrors } from './export-schema';

function exportAll(state: CaptureState): CaptureFile {
  return buildCapture(state, {
    scope: 'all',
    connections: null,
    now: NOW,
    generatorVersion: '0.1.0',
  });
}

describe('SSE Lens JSON for fetch streams', () => {
  it('writes kind, request, response head, outcome and frame kinds, valid against the schema', () => {
    const file = exportAll(stateFrom(fetchRecords()));
    expect(schemaErrors(file)).toEqual([]);
    const [chat, ndjson, connect] = file.connections;
    expect(chat).toMatchObject({
      kind: 'fetch',
      url: 'http://127.0.0.1:4000/api/chat',
      withCredentials: true,
      request: {
        method: 'POST',
        headers: [
          ['content-type', 'application/json'],
          ['authorization', BEARER],
          ['x-api-key', API_KEY],
        ],
        credentials: 'include',
        body: { text: CHAT_BODY, binary: false, kept: CHAT_BODY.length, size: null },
      },
      response: {
        t: T0 + 5,
        status: 200,
        statusText: 'OK',
        url: 'http://127.0.0.1:4000/api/chat',
        redirected: false,
        headers: [['content-type', 'text/event-stream; charset=utf-8']],
        format: 'sse',
        mislabelled: false,
      },
      end: { t: T0 + 45, outcome: 'complete', error: '' },
      state: 'closed',
    });
    expect(chat?.frames).toEqual([
      { t: T0 + 10, type: '', id: '', data: 'keep-alive', source: 'wire', kind: 'comment' },
      { t: T0 + 11, type: '', id: '', data: '3000', source: 'wire', kind: 'retry' },
      { t: T0 + 20, type: 'message', id: '1', data: '{"delta":"Hel"}', source: 'wire' },
      { t: T0 + 30, type: 'message', id: '2', data: '{"delta":"lo"}', source: 'wire' },
      { t: T0 + 40, type: 'done', id: '2', data: '[DONE]', source: 'wire' },
    ]);
    expect(ndjson?.frames[1]).toEqual({
      t: T0 + 120,
      type: 'message',
      id: '',
      data: 'oops',
      source: 'wire',
      note: 'not JSON: Unexpected token',
    });
    expect(connect?.request?.body).toEqual({ text: '', binary: true, kept: 5, size: 5 });
    expect(connect?.frames.at(-1)).toMatchObject({
      type: 'end-stream',
      data: CONNECT_END,
      note: 'end of stream: ok; 1 trailer',
    });
    expect(connect?.attempts).toEqual([
      {
        start: T0 + 200,
        open: T0 + 205,
        end: T0 + 231,
        outcome: 'closed',
        retryMs: null,
        lastEventId: '',
      },
    ]);
  });

  it('round-trips: import gives the same connections and frames, and exports the same file', () => {
    const live = stateFrom(fetchRecords());
    const first = exportAll(live);
    const [json] = renderExport(first, 'json');
    const viewer = createCaptureState();
    importInto(viewer, json?.text ?? '', 'fetch.json');
    const again = exportAll(viewer);
    const strip = (f: CaptureFile) => ({
      ...f,
      connections: f.connections.map(({ imported: _i, ...c }) => c),
    });
    expect(strip(again)).toEqual(strip(first));

    const views = [...viewer.connections.values()];
    const liveViews = [...live.connections.values()];
    expect(views.map((c) => [c.kind, c.request, c.head, c.outcome])).toEqual(
      liveViews.map((c) => [c.kind, c.request, c.head, c.outcome]),
    );
    const frameOf = ({ index: _i, connection, ...f }: (typeof live.frames)[number]) => ({
      ...f,
      connection: connection.split(':')[1],
    });
    expect(viewer.frames.map(frameOf)).toEqual(live.frames.map(frameOf));
  });

  it('still imports a version 1 capture written before fetch streams', () => {
    const text = readFileSync(
      new URL('../fixtures/captures/eventsource-v1.json', import.meta.url),
      'utf8',
    );
    expect(schemaErrors(JSON.parse(text))).toEqual([]);
    const viewer = createCaptureState();
    const result = importInto(viewer, text, 'eventsource-v1.json');
    expect(result.format).toBe('sse-lens-json');
    expect([...viewer.connections.values()].map((c) => [c.kind, c.frames, c.request])).toEqual([
      ['eventsource', 4, undefined],
      ['eventsource', 4, undefined],
      ['eventsource', 0, undefined],
    ]);
    expect(viewer.frames.every((f) => f.source === undefined && f.kind === undefined)).toBe(true);
    expect(PAGE.url).toBe(result.file.connections[0]?.page.url);
  });
});
