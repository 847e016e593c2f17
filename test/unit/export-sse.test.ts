// The event-stream reader and writer: what a browser would dispatch survives a write and a
// re-read, including multi-line data, id changes and resets, named types, comments and retry.
import { describe, expect, it } from 'vitest';
import { importText } from '../../src/export/import-file';
import { redactCapture } from '../../src/export/redact';
import { renderExport } from '../../src/export/render-export';
import { parseEventStream } from '../../src/sse/parse-stream';
import { writeEvent, writeEventStream } from '../../src/sse/write-stream';

describe('parseEventStream', () => {
  it('dispatches like a browser: default type, persistent last event id, multi-line data', () => {
    const text = [
      ': hello',
      'retry: 2500',
      'id: 7',
      'data: first',
      '',
      'event: update',
      'data: a',
      'data:',
      'data:  indented',
      '',
      'id:',
      'data: reset',
      '',
      'data: incomplete',
    ].join('\r\n');
    const { events, trailer } = parseEventStream(text);
    expect(events).toEqual([
      { comments: ['hello'], retry: 2500, type: 'message', id: '7', data: 'first' },
      { type: 'update', id: '7', data: 'a\n\n indented' },
      { type: 'message', id: '', data: 'reset' },
    ]);
    expect(trailer).toEqual({});
  });

  it('keeps a last-event-ID set after the last event by an id-only block in the trailer', () => {
    expect(parseEventStream('id: 1\ndata: x\n\nid: 2\n\n').trailer).toEqual({ lastEventId: '2' });
    // The same id again changes nothing, so there is nothing to keep.
    expect(parseEventStream('id: 1\ndata: x\n\nid: 1\n\n').trailer).toEqual({});
    expect(parseEventStream('id: 9\n\n', '3').trailer).toEqual({ lastEventId: '9' });
  });

  it('writes a trailing id-only block back, so a re-read ends with the same last-event-ID', () => {
    const text = 'id: 1\ndata: x\n\n: bye\nid: 2\n\n';
    const parsed = parseEventStream(text);
    const written = writeEventStream(parsed.events, parsed.trailer);
    expect(written).toBe('id: 1\ndata: x\n\n: bye\nid: 2\n\n');
    expect(parseEventStream(written)).toEqual(parsed);
  });

  it('keeps comments and retry after the last event as the trailer', () => {
    expect(parseEventStream('data: x\n\n: bye\nretry: 10\n').trailer).toEqual({
      comments: ['bye'],
      retry: 10,
    });
  });

  it('starts from the Last-Event-ID a reconnect carried', () => {
    expect(parseEventStream('data: x\n\n', '41').events[0]?.id).toBe('41');
  });
});

describe('writeEventStream', () => {
  const events = [
    { type: 'message', id: '1', data: '{"n":1}', comments: ['keep-alive', ''], retry: 300 },
    { type: 'message', id: '1', data: 'same id, none written' },
    { type: 'ping', id: '2', data: 'two\nlines' },
    { type: 'message', id: '2', data: '' },
    { type: 'message', id: '2', data: ' leading space\r\nand CRLF' },
    { type: 'message', id: '', data: 'id reset' },
  ];

  it('round-trips every field through the parser', () => {
    const text = writeEventStream(events, { comments: ['end'] });
    const parsed = parseEventStream(text);
    expect(parsed.events).toEqual(
      events.map((e) => ({ ...e, data: e.data.replace(/\r\n/g, '\n') })),
    );
    expect(parsed.trailer).toEqual({ comments: ['end'] });
  });

  it('writes one data line per line, event for named types, id only when it changes', () => {
    expect(writeEvent({ type: 'ping', id: '2', data: 'two\nlines' }, '1')).toBe(
      'event: ping\nid: 2\ndata: two\ndata: lines\n\n',
    );
    expect(writeEvent({ type: 'message', id: '2', data: '' }, '2')).toBe('data:\n\n');
    expect(writeEvent({ type: 'message', id: '', data: 'x' }, '2')).toBe('id:\ndata: x\n\n');
  });

  it('cannot be made to inject fields through a type, id or comment', () => {
    const text = writeEventStream([
      { type: 'a\ndata: injected', id: 'x\r\nretry: 1', data: 'ok', comments: ['c\ndata: no'] },
    ]);
    const { events } = parseEventStream(text);
    expect(events).toEqual([
      { comments: ['cdata: no'], type: 'adata: injected', id: 'xretry: 1', data: 'ok' },
    ]);
  });
});

describe('a trailing last-event-ID through import, JSON and redaction', () => {
  const text = 'id: 1\ndata: x\n\nid: secret-42\n\n';

  it('survives a .sse import, a JSON export and its import', () => {
    const file = importText('s.sse', text, 0).file;
    expect(file.connections[0]?.trailer).toEqual({ lastEventId: 'secret-42' });
    const again = importText('s.json', renderExport(file, 'json')[0]?.text ?? '', 0).file;
    expect(again.connections[0]?.trailer).toEqual({ lastEventId: 'secret-42' });
    expect(renderExport(again, 'sse')[0]?.text).toBe(text);
  });

  it('is redacted like every other id', () => {
    const file = importText('s.sse', text, 0).file;
    const redacted = redactCapture(file, {
      queryParams: [],
      urlCredentials: false,
      jsonKeys: [],
      patterns: ['secret-\\d+'],
    });
    expect(redacted.connections[0]?.trailer?.lastEventId).toBe('REDACTED');
  });
});
