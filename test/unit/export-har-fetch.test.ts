// HAR for fetch streams: entries carry the real method, request headers, postData (a binary
// body only by its size), response status and headers; SSE events stay in Chrome's
// `_eventSourceMessages`, NDJSON/Connect bodies go in `content.text`; our HAR reads back
// losslessly, and a Chrome HAR's fetch stream imports with its request and body frames.
import { describe, expect, it } from 'vitest';
import { buildCapture } from '../../src/export/build-capture';
import type { CaptureFile } from '../../src/export/capture-types';
import { importText } from '../../src/export/import-file';
import { renderExport } from '../../src/export/render-export';
import { captureToHar } from '../../src/export/write-har';
import { createCaptureState } from '../../src/model/capture-state';
import { importInto, NOW, stateFrom, T0 } from './export-fixtures';
import { BEARER, CHAT_BODY, CONNECT_END, fetchRecords } from './export-fetch-fixtures';
import { harProblems } from './export-har-check';
import { schemaErrors } from './export-schema';

const capture = (): CaptureFile =>
  buildCapture(stateFrom(fetchRecords()), {
    scope: 'all',
    connections: null,
    now: NOW,
    generatorVersion: '0.1.0',
  });

describe('HAR export of fetch streams', () => {
  it('writes the real request and response, valid HAR', () => {
    const har = captureToHar(capture());
    expect(harProblems(har)).toEqual([]);
    const [chat, ndjson, connect] = har.log.entries;
    expect(chat?.request).toMatchObject({
      method: 'POST',
      headers: [
        { name: 'content-type', value: 'application/json' },
        { name: 'authorization', value: BEARER },
        { name: 'x-api-key', value: expect.any(String) as string },
      ],
      postData: { mimeType: 'application/json', text: CHAT_BODY },
      bodySize: CHAT_BODY.length,
    });
    expect(chat?.response).toMatchObject({
      status: 200,
      statusText: 'OK',
      headers: [{ name: 'content-type', value: 'text/event-stream; charset=utf-8' }],
      content: { mimeType: 'text/event-stream; charset=utf-8' },
    });
    expect(chat?._resourceType).toBe('fetch');
    // Chrome shows the events; comment and retry frames are not events.
    expect(chat?._eventSourceMessages.map((m) => [m.eventName, m.eventId, m.data])).toEqual([
      ['message', '1', '{"delta":"Hel"}'],
      ['message', '2', '{"delta":"lo"}'],
      ['done', '2', '[DONE]'],
    ]);
    expect(ndjson?.request).toMatchObject({ method: 'GET', bodySize: 0 });
    expect(ndjson?.request).not.toHaveProperty('postData');
    expect(ndjson?._eventSourceMessages).toEqual([]);
    expect(ndjson?.response.content).toMatchObject({
      mimeType: 'application/x-ndjson',
      text: '{"n":1}\noops\n{"n":2}\n',
    });
    expect(connect?.request.postData).toEqual({
      mimeType: 'application/connect+json',
      text: '',
      comment: 'binary body of 5 bytes, not kept',
      _size: 5,
    });
    expect(connect?.response.content.text).toBe(
      `{"sentence":"one"}\n{"sentence":"two"}\n${CONNECT_END}\n`,
    );
  });

  it('round-trips through SSE Lens to the same capture', () => {
    const first = capture();
    const [har] = renderExport(first, 'har');
    const viewer = createCaptureState();
    expect(importInto(viewer, har?.text ?? '', 'fetch.har').format).toBe('sse-lens-har');
    const again = buildCapture(viewer, {
      scope: 'all',
      connections: null,
      now: NOW,
      generatorVersion: '0.1.0',
    });
    expect(schemaErrors(again)).toEqual([]);
    const strip = (f: CaptureFile) => f.connections.map(({ imported: _i, ...c }) => c);
    expect(strip(again)).toEqual(strip(first));
  });
});

/** An entry shaped like Chrome DevTools' HAR for a fetch stream (no _eventSourceMessages). */
function chromeEntry(mimeType: string, text: string, encoding?: string) {
  return {
    startedDateTime: new Date(T0).toISOString(),
    time: 50,
    _resourceType: 'fetch',
    request: {
      method: 'POST',
      url: 'https://api.test/v1/chat',
      headers: [
        { name: ':method', value: 'POST' },
        { name: 'content-type', value: 'application/json' },
      ],
      postData: { mimeType: 'application/json', text: '{"q":1}' },
    },
    response: {
      status: 200,
      statusText: '',
      headers: [{ name: 'content-type', value: mimeType }],
      content: { size: text.length, mimeType, text, ...(encoding && { encoding }) },
    },
    timings: { blocked: 1, dns: -1, connect: -1, send: 0, wait: 9, receive: 40 },
  };
}

describe("Chrome's HAR with fetch streams", () => {
  it('imports an SSE fetch body with its comments and retry, and the request', () => {
    const har = {
      log: {
        creator: { name: 'WebInspector', version: '537.36' },
        entries: [
          chromeEntry('text/event-stream', ': hi\nretry: 500\ndata: a\n\ndata: b\n\n'),
          { ...chromeEntry('text/html', '<p>'), _resourceType: 'document' },
        ],
      },
    };
    const result = importText('chrome.har', JSON.stringify(har), NOW);
    expect(result).toMatchObject({ format: 'chrome-har', ignored: 1 });
    expect(schemaErrors(result.file)).toEqual([]);
    const [c] = result.file.connections;
    expect(c).toMatchObject({
      kind: 'fetch',
      request: {
        method: 'POST',
        headers: [['content-type', 'application/json']],
        credentials: 'same-origin',
        body: { text: '{"q":1}', binary: false, kept: 7, size: 7 },
      },
      response: { status: 200, format: 'sse', t: T0 + 10 },
    });
    expect(c?.frames.map((f) => [f.kind, f.data])).toEqual([
      ['comment', 'hi'],
      ['retry', '500'],
      [undefined, 'a'],
      [undefined, 'b'],
    ]);
  });

  it('imports NDJSON and base64 Connect bodies frame by frame', () => {
    const envelope = (flags: number, json: string) => {
      const payload = new TextEncoder().encode(json);
      const bytes = new Uint8Array(5 + payload.length);
      bytes[0] = flags;
      new DataView(bytes.buffer).setUint32(1, payload.length);
      bytes.set(payload, 5);
      return [...bytes];
    };
    const connect = btoa(
      String.fromCharCode(...envelope(0, '{"a":1}'), ...envelope(2, CONNECT_END)),
    );
    const har = {
      log: {
        entries: [
          chromeEntry('application/x-ndjson', '{"n":1}\n{"n":2}\n'),
          chromeEntry('application/connect+json', connect, 'base64'),
        ],
      },
    };
    const { file } = importText('chrome.har', JSON.stringify(har), NOW);
    expect(file.connections.map((c) => [c.response?.format, c.frames.map((f) => f.data)])).toEqual([
      ['ndjson', ['{"n":1}', '{"n":2}']],
      ['connect', ['{"a":1}', CONNECT_END]],
    ]);
    expect(file.connections[1]?.frames[1]).toMatchObject({
      type: 'end-stream',
      note: 'end of stream: ok; 1 trailer',
    });
  });
});
