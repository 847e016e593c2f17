// Replay of fetch streams over real sockets: a captured POST stream answers POST (and only
// POST: a GET gets 405 saying why), with the recorded status, Content-Type and body: SSE with
// its comment and retry lines, NDJSON lines, Connect envelopes ending with end-of-stream.
import { afterEach, describe, expect, it } from 'vitest';
import { buildCapture } from '../../src/export/build-capture';
import type { CaptureFile } from '../../src/export/capture-types';
import { importText } from '../../src/export/import-file';
import { renderExport } from '../../src/export/render-export';
import { planFetch } from '../../src/cli/replay-fetch';
import { startReplay, type ReplayServer } from '../../src/cli/replay-server';
import { createWireDecoder } from '../../src/sse/wire-decoder';
import { NOW, stateFrom } from './export-fixtures';
import { CHAT_BODY, CONNECT_END, fetchRecords } from './export-fetch-fixtures';

/** The capture as a user replays it: exported to JSON and read back from the file. */
function capture(records = fetchRecords()): CaptureFile {
  const file = buildCapture(stateFrom(records), {
    scope: 'all',
    connections: null,
    now: NOW,
    generatorVersion: '0.1.0',
  });
  return importText('fetch.json', renderExport(file, 'json')[0]?.text ?? '', NOW).file;
}

const post = (url: string, body = CHAT_BODY) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });

describe('replay of fetch streams', () => {
  let server: ReplayServer | null = null;
  afterEach(async () => {
    await server?.close();
    server = null;
  });

  it('answers a POST stream with its status, content type, comments, retry and events', async () => {
    server = await startReplay(capture(), { port: 0, speed: 4, loop: false });
    const [chat] = server.endpoints;
    expect(chat).toMatchObject({ method: 'POST', original: 'http://127.0.0.1:4000/api/chat' });
    expect(new URL(chat?.url ?? '').pathname).toBe('/1/api/chat');
    const res = await post(chat?.url ?? '');
    expect([res.status, res.statusText, res.headers.get('content-type')]).toEqual([
      200,
      'OK',
      'text/event-stream; charset=utf-8',
    ]);
    expect(await res.text()).toBe(
      ': keep-alive\nretry: 3000\nid: 1\ndata: {"delta":"Hel"}\n\n' +
        'id: 2\ndata: {"delta":"lo"}\n\n' +
        'event: done\ndata: [DONE]\n\n',
    );
  });

  it('refuses another method with 405, saying which one to send', async () => {
    server = await startReplay(capture(), { port: 0, speed: 4, loop: false });
    const url = server.endpoints[0]?.url ?? '';
    const res = await fetch(url);
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('POST');
    expect(await res.text()).toBe(
      `${url} replays a POST stream (captured from POST http://127.0.0.1:4000/api/chat); send POST, not GET\n`,
    );
    const preflight = await fetch(url, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://app.test',
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'content-type, authorization',
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get('access-control-allow-methods')).toBe('POST');
    expect(preflight.headers.get('access-control-allow-headers')).toBe(
      'content-type, authorization',
    );
  });

  it('serves NDJSON lines and Connect envelopes ending with the end-of-stream envelope', async () => {
    server = await startReplay(capture(), { port: 0, speed: 4, loop: false });
    const [, ndjson, connect] = server.endpoints;
    const lines = await fetch(ndjson?.url ?? '');
    expect(lines.headers.get('content-type')).toBe('application/x-ndjson');
    expect(await lines.text()).toBe('{"n":1}\noops\n{"n":2}\n');

    const res = await post(connect?.url ?? '', '{}');
    expect(res.headers.get('content-type')).toBe('application/connect+json');
    const bytes = new Uint8Array(await res.arrayBuffer());
    expect(bytes[bytes.length - CONNECT_END.length - 5]).toBe(0x02);
    const decoder = createWireDecoder('connect');
    const frames = [...decoder.push(bytes), ...decoder.end()];
    expect(frames.map((f) => [f.type, f.data, f.note])).toEqual([
      ['message', '{"sentence":"one"}', undefined],
      ['message', '{"sentence":"two"}', undefined],
      ['end-stream', CONNECT_END, 'end of stream: ok; 1 trailer'],
    ]);
  });

  it('keeps the captured gaps, divided by speed', async () => {
    server = await startReplay(capture(), { port: 0, speed: 1, loop: false });
    const res = await post(server.endpoints[0]?.url ?? '');
    const reader = res.body?.getReader();
    const started = performance.now();
    let text = '';
    const decoder = new TextDecoder();
    for (;;) {
      const chunk = await reader?.read();
      if (!chunk || chunk.done) break;
      text += decoder.decode(chunk.value, { stream: true });
    }
    // 35 ms of frames after the head (T0+5 .. T0+40), then 5 ms until the end.
    expect(performance.now() - started).toBeGreaterThanOrEqual(35);
    expect(text).toContain('[DONE]');
  });

  it('hangs up mid-body for a stream that ended in a network error', async () => {
    const records = fetchRecords().map((r) =>
      r.kind === 'end' && r.conn === 2 ? { ...r, outcome: 'network-error' as const } : r,
    );
    const file = capture(records);
    expect(planFetch(file.connections[1]!)?.ending).toBe('drop');
    server = await startReplay(file, { port: 0, speed: 4, loop: false });
    const res = await fetch(server.endpoints[1]?.url ?? '');
    expect(res.status).toBe(200);
    await expect(res.text()).rejects.toThrow();
  });

  it('plans an unanswered request as held, and notes it', async () => {
    const records = fetchRecords().filter((r) => r.conn !== 1 || r.kind === 'connection');
    const file = capture(records);
    expect(planFetch(file.connections[0]!)).toMatchObject({ response: null, chunks: [] });
    server = await startReplay(file, { port: 0, speed: 4, loop: false });
    expect(server.notes).toEqual([
      '1 fetch stream had no response yet at export: held unanswered, as captured',
    ]);
  });
});
