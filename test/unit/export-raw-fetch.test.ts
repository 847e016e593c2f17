// Raw per-stream export of fetch streams: an SSE body is written with its comment and retry
// lines where they were, an NDJSON body one line per frame, a Connect body one line per
// envelope payload; `.ndjson` files import back as NDJSON streams.
import { describe, expect, it } from 'vitest';
import { buildCapture } from '../../src/export/build-capture';
import { renderExport, exportFileNames } from '../../src/export/render-export';
import { createCaptureState } from '../../src/model/capture-state';
import { parseEventStream } from '../../src/sse/parse-stream';
import { NOW, importInto, stateFrom } from './export-fixtures';
import { CONNECT_END, fetchRecords } from './export-fetch-fixtures';
import { schemaErrors } from './export-schema';

const capture = () =>
  buildCapture(stateFrom(fetchRecords()), {
    scope: 'all',
    connections: null,
    now: NOW,
    generatorVersion: '0.1.0',
  });

describe('raw export of fetch streams', () => {
  it('names each file by its stream format', () => {
    const files = renderExport(capture(), 'sse');
    expect(files.map((f) => [f.name.replace(/^.*-(c\d)/, '$1'), f.mime])).toEqual([
      ['c1.sse', 'text/event-stream'],
      ['c2.ndjson', 'application/x-ndjson'],
      ['c3.ndjson', 'application/x-ndjson'],
    ]);
    expect(exportFileNames(capture(), 'sse')).toEqual(files.map((f) => f.name));
  });

  it('writes an SSE body with its comments and retry, as a browser would read it', () => {
    const [sse] = renderExport(capture(), 'sse');
    expect(sse?.text).toBe(
      [
        ': keep-alive',
        'retry: 3000',
        'id: 1',
        'data: {"delta":"Hel"}',
        '',
        'id: 2',
        'data: {"delta":"lo"}',
        '',
        'event: done',
        'data: [DONE]',
        '',
        '',
      ].join('\n'),
    );
    expect(parseEventStream(sse?.text ?? '').events.map((e) => [e.type, e.id, e.data])).toEqual([
      ['message', '1', '{"delta":"Hel"}'],
      ['message', '2', '{"delta":"lo"}'],
      ['done', '2', '[DONE]'],
    ]);
  });

  it('writes NDJSON one line per frame and Connect one line per envelope payload', () => {
    const [, ndjson, connect] = renderExport(capture(), 'sse');
    expect(ndjson?.text).toBe('{"n":1}\noops\n{"n":2}\n');
    expect(connect?.text).toBe(`{"sentence":"one"}\n{"sentence":"two"}\n${CONNECT_END}\n`);
  });

  it('keeps comment and retry frames that follow the last event in the trailer', () => {
    const file = capture();
    const chat = file.connections[0];
    if (chat) {
      chat.frames.push({
        t: chat.frames.at(-1)?.t ?? 0,
        type: '',
        id: '',
        data: 'bye',
        source: 'wire',
        kind: 'comment',
      });
    }
    expect(renderExport(file, 'sse')[0]?.text.endsWith('data: [DONE]\n\n: bye\n')).toBe(true);
  });

  it('imports an .ndjson file as an NDJSON stream, flagging lines that are not JSON', () => {
    const viewer = createCaptureState();
    const result = importInto(viewer, '{"n":1}\r\noops\n\n{"n":2}', 'feed.ndjson');
    expect(result.format).toBe('ndjson');
    expect(schemaErrors(result.file)).toEqual([]);
    const [c] = viewer.connections.values();
    expect([c?.kind, c?.head?.format, c?.imported?.format]).toEqual(['fetch', 'ndjson', 'ndjson']);
    expect(viewer.frames.map((f) => [f.data, f.source, f.note?.slice(0, 9)])).toEqual([
      ['{"n":1}', 'wire', undefined],
      ['oops', 'wire', 'not JSON:'],
      ['{"n":2}', 'wire', undefined],
    ]);
    // Recognised by content too, whatever the name.
    expect(importInto(createCaptureState(), '{"a":1}\n{"b":2}\n', 'x.txt').format).toBe('ndjson');
  });
});
