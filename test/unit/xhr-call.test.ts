// One XHR send() as the hook records it, driven event by event: what becomes a stream (and
// what leaves no trace), the records in order, and how each ending is reported.
import { describe, expect, it } from 'vitest';
import type { HookRecord, RequestInfo } from '../../src/capture/records';
import type { SendBody } from '../../src/capture/xhr-body';
import { XhrCall } from '../../src/capture/xhr-call';
import { ScriptedXhr, xhrContext } from './support/xhr-fakes';

const URL_SSE = 'http://api.test/chat#frag';
const POST: RequestInfo = {
  method: 'POST',
  headers: [['content-type', 'application/json']],
  credentials: 'same-origin',
};
const BODY: SendBody = () => ({ bytes: new TextEncoder().encode('{"q":1}'), size: 7 });

function start(info: RequestInfo = POST, body: SendBody | null = BODY) {
  const { ctx, records } = xhrContext();
  const xhr = new ScriptedXhr();
  const call = new XhrCall(ctx, xhr as unknown as XMLHttpRequest, info, URL_SSE, body, 'at page');
  return { xhr, call, records };
}

const kinds = (records: HookRecord[]) => records.map((r) => (Array.isArray(r) ? 'tuple' : r.kind));

describe('XhrCall', () => {
  it('records an event stream: connection, body, head, each new part of responseText, end', () => {
    const { xhr, records } = start();
    xhr.head(200, { 'content-type': 'text/event-stream', 'x-a': '1' }, 'http://api.test/chat');
    xhr.text('data: a\n\n');
    xhr.text('data: b');
    xhr.responseText += '\n\n';
    xhr.load();
    expect(kinds(records)).toEqual([
      'connection',
      'body',
      'head',
      'chunk',
      'chunk',
      'chunk',
      'end',
    ]);
    expect(records[0]).toMatchObject({
      kind: 'connection',
      conn: 1,
      url: URL_SSE,
      withCredentials: false,
      api: 'xhr',
      request: POST,
      stack: 'at page',
    });
    expect(records[1]).toMatchObject({ kind: 'body', conn: 1, size: 7 });
    expect(records[2]).toMatchObject({
      kind: 'head',
      status: 200,
      statusText: 'OK',
      url: 'http://api.test/chat',
      redirected: false,
      headers: [
        ['content-type', 'text/event-stream'],
        ['x-a', '1'],
      ],
      format: 'sse',
      mislabelled: false,
    });
    expect(records.filter((r) => !Array.isArray(r) && r.kind === 'chunk')).toMatchObject([
      { data: 'data: a\n\n' },
      { data: 'data: b' },
      { data: '\n\n' },
    ]);
    expect(records.at(-1)).toMatchObject({ kind: 'end', outcome: 'complete', error: '' });
    expect(xhr.listenerCount()).toBe(0);
  });

  it('leaves no trace of an HTML response and stops listening at its head', () => {
    const { xhr, records } = start();
    xhr.head(200, { 'content-type': 'text/html' }, 'http://api.test/chat');
    expect(xhr.listenerCount()).toBe(0);
    xhr.text('<p>hi</p>');
    xhr.load();
    expect(records).toEqual([]);
  });

  it('looks at the first text of a JSON response, then leaves it alone without a trace', () => {
    const { xhr, records } = start();
    xhr.head(200, { 'content-type': 'application/json' }, 'http://api.test/chat');
    xhr.text('{"ok":true');
    expect(xhr.listenerCount()).toBe(0);
    xhr.text('}');
    xhr.load();
    expect(records).toEqual([]);
  });

  it('shows a request that asked for a stream at once, and a 500 stream as an HTTP error', () => {
    const info: RequestInfo = { ...POST, headers: [['accept', 'text/event-stream']] };
    const { xhr, records } = start(info, null);
    expect(kinds(records)).toEqual(['connection']);
    xhr.head(500, { 'content-type': 'text/event-stream' }, 'http://api.test/other');
    xhr.text('data: oops\n\n');
    xhr.load();
    expect(records[1]).toMatchObject({ kind: 'head', status: 500, redirected: true });
    expect(records.at(-1)).toMatchObject({ kind: 'end', outcome: 'http-error' });
  });

  it('a hinted request answered with JSON ends as no stream once its text shows it', () => {
    const info: RequestInfo = { ...POST, headers: [['accept', 'application/x-ndjson']] };
    const { xhr, records } = start(info, null);
    xhr.head(200, { 'content-type': 'application/json' }, 'http://api.test/chat');
    expect(kinds(records)).toEqual(['connection']);
    xhr.text('{"ok":true}');
    expect(kinds(records)).toEqual(['connection', 'head', 'end']);
    expect(records[1]).toMatchObject({ format: null });
    expect(records[2]).toMatchObject({ outcome: 'complete' });
  });

  it('a hinted request answered with HTML ends as no stream at its head', () => {
    const info: RequestInfo = { ...POST, headers: [['accept', 'text/event-stream']] };
    const { xhr, records } = start(info, null);
    xhr.head(200, { 'content-type': 'text/html' }, 'http://api.test/chat');
    expect(kinds(records)).toEqual(['connection', 'head', 'end']);
  });

  it('recognises an event stream served as text/plain from its first text', () => {
    const { xhr, records } = start();
    xhr.head(200, { 'content-type': 'text/plain' }, 'http://api.test/chat');
    expect(records).toEqual([]);
    xhr.text('id: 1\ndata: x\n\n');
    xhr.load();
    expect(kinds(records)).toEqual(['connection', 'body', 'head', 'chunk', 'end']);
    expect(records[2]).toMatchObject({ format: 'sse', mislabelled: true });
  });

  it('a text/plain body that is not an event stream leaves no trace', () => {
    const { xhr, records } = start();
    xhr.head(200, { 'content-type': 'text/plain' }, 'http://api.test/chat');
    xhr.text('hello');
    xhr.text(' world');
    xhr.load();
    expect(records).toEqual([]);
  });

  it.each([
    ['abort', 'aborted', ''],
    ['error', 'network-error', ''],
    ['timeout', 'network-error', 'timeout'],
  ])('a %s event ends the stream as %s', (event, outcome, error) => {
    const { xhr, records } = start();
    xhr.head(200, { 'content-type': 'application/x-ndjson' }, 'http://api.test/chat');
    xhr.text('{"n":1}\n');
    xhr.readyState = 4;
    xhr.status = 0;
    xhr.responseText = '';
    xhr.fire('readystatechange');
    xhr.fire(event);
    expect(records.at(-1)).toMatchObject({ kind: 'end', outcome, error });
    expect(kinds(records).filter((k) => k === 'end')).toHaveLength(1);
    expect(xhr.listenerCount()).toBe(0);
  });

  it('records the text the page could read before abort() emptied it', () => {
    const { xhr, call, records } = start();
    xhr.head(200, { 'content-type': 'text/event-stream' }, 'http://api.test/chat');
    xhr.readyState = 3;
    xhr.responseText = 'data: seen by the page\n\n';
    call.beforeEnd();
    xhr.readyState = 4;
    xhr.status = 0;
    xhr.responseText = '';
    xhr.fire('readystatechange');
    xhr.fire('abort');
    expect(kinds(records)).toEqual(['connection', 'body', 'head', 'chunk', 'end']);
    expect(records[3]).toMatchObject({ data: 'data: seen by the page\n\n' });
    expect(records[4]).toMatchObject({ outcome: 'aborted' });
  });

  it('ignores events the page dispatched itself', () => {
    const { xhr, records } = start();
    xhr.head(200, { 'content-type': 'text/event-stream' }, 'http://api.test/chat');
    xhr.fire('abort', false);
    xhr.text('data: a\n\n');
    xhr.load();
    expect(records.at(-1)).toMatchObject({ kind: 'end', outcome: 'complete' });
  });

  it('records an arraybuffer response once, at load, as bytes', () => {
    const { xhr, records } = start();
    xhr.responseType = 'arraybuffer';
    xhr.head(200, { 'content-type': 'text/event-stream' }, 'http://api.test/chat');
    xhr.readyState = 3;
    xhr.fire('progress');
    xhr.response = new TextEncoder().encode('data: z\n\n').buffer;
    xhr.load();
    const chunks = records.filter((r) => !Array.isArray(r) && r.kind === 'chunk');
    expect(chunks).toHaveLength(1);
    expect(new TextDecoder().decode((chunks[0] as { data: Uint8Array }).data)).toBe('data: z\n\n');
  });

  it('a blob response of a stream type shows the stream without frames', () => {
    const { xhr, records } = start();
    xhr.responseType = 'blob';
    xhr.head(200, { 'content-type': 'text/event-stream' }, 'http://api.test/chat');
    xhr.load();
    expect(kinds(records)).toEqual(['connection', 'body', 'head', 'end']);
  });

  it('open() during the stream ends it as aborted, and a failed send() as a network error', () => {
    const first = start();
    first.xhr.head(200, { 'content-type': 'text/event-stream' }, 'http://api.test/chat');
    first.call.reopened();
    expect(first.records.at(-1)).toMatchObject({
      outcome: 'aborted',
      error: 'open() was called again',
    });
    expect(first.xhr.listenerCount()).toBe(0);

    const info: RequestInfo = { ...POST, headers: [['accept', 'text/event-stream']] };
    const second = start(info, null);
    second.call.sendFailed(new Error('boom'));
    expect(second.records.at(-1)).toMatchObject({ outcome: 'network-error', error: 'Error: boom' });
  });
});
