// HAR export and import: our HAR has what Chrome DevTools' importer requires and round-trips
// through SSE Lens; a HAR recorded by Chrome DevTools itself imports as the streams it logged.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createCaptureState } from '../../src/model/capture-state';
import { buildCapture } from '../../src/export/build-capture';
import type { CaptureFile } from '../../src/export/capture-types';
import { importText } from '../../src/export/import-file';
import { renderExport } from '../../src/export/render-export';
import { captureToHar } from '../../src/export/write-har';
import { importInto, sampleRecords, stateFrom, T0 } from './export-fixtures';
import { harProblems } from './export-har-check';
import { schemaErrors } from './export-schema';

const NOW = T0 + 10_000;
const sample = (): CaptureFile =>
  buildCapture(stateFrom(sampleRecords()), {
    scope: 'all',
    connections: null,
    now: NOW,
    generatorVersion: '0.1.0',
  });

describe('HAR export', () => {
  it('passes the checks Chrome DevTools and HAR 1.2 make', () => {
    expect(harProblems(captureToHar(sample()))).toEqual([]);
  });

  it('writes one entry per attempt, with its frames as _eventSourceMessages', () => {
    const { log } = captureToHar(sample());
    expect(
      log.entries.map((e) => [
        e.request.url.replace('http://127.0.0.1:4000', ''),
        e.response.status,
      ]),
    ).toEqual([
      ['/sse/named?count=6', 200],
      ['/sse/reconnect?count=2', 200],
      ['/sse/status?code=500', 0],
      ['/sse/reconnect?count=2', 200],
    ]);
    const [named, first, failed, reconnect] = log.entries;
    expect(named?._resourceType).toBe('eventsource');
    expect(named?._eventSourceMessages[0]).toEqual({
      time: (T0 + 15) / 1000,
      eventName: 'message',
      eventId: '1',
      data: '{"n":1,"type":"message"}',
    });
    expect(named?.timings).toMatchObject({ wait: 12, receive: 87 });
    expect(first?._eventSourceMessages.map((m) => m.eventId)).toEqual(['1', '2']);
    expect(reconnect?._eventSourceMessages.map((m) => m.eventId)).toEqual(['3', '4']);
    expect(reconnect?.request.headers).toContainEqual({ name: 'Last-Event-ID', value: '2' });
    expect(first?.request.headers).not.toContainEqual(
      expect.objectContaining({ name: 'Last-Event-ID' }),
    );
    expect(failed?._eventSourceMessages).toEqual([]);
    expect(failed?.response.content.mimeType).toBe('x-unknown');
    expect(named?.request.queryString).toEqual([{ name: 'count', value: '6' }]);
  });

  it('round-trips through SSE Lens to the same capture', () => {
    const first = sample();
    const [har] = renderExport(first, 'har');
    const viewer = createCaptureState();
    const result = importInto(viewer, har?.text ?? '', 'capture.har');
    expect(result).toMatchObject({ format: 'sse-lens-har', ignored: 0 });
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

describe('a HAR recorded by Chrome DevTools', () => {
  const text = readFileSync(
    new URL('../fixtures/captures/chrome-devtools.har', import.meta.url),
    'utf8',
  );

  it('is itself what the HAR checks expect', () => {
    expect(harProblems(JSON.parse(text))).toEqual([]);
  });

  it('imports its event streams, joining a reconnect to the stream it continues', () => {
    const { file, format, ignored } = importText('chrome.har', text, NOW);
    expect(format).toBe('chrome-har');
    expect(ignored).toBe(2);
    expect(schemaErrors(file)).toEqual([]);
    const paths = file.connections.map((c) => new URL(c.url).pathname);
    expect(paths).toEqual(['/sse/named', '/sse/multiline', '/sse/reconnect']);
    const [named, multiline, reconnect] = file.connections;
    expect(named?.frames.map((f) => [f.type, f.id, f.source])).toEqual([
      ['message', '1', 'wire'],
      ['update', '2', 'wire'],
      ['ping', '3', 'wire'],
      ['message', '4', 'wire'],
      ['update', '5', 'wire'],
      ['ping', '6', 'wire'],
    ]);
    expect(multiline?.frames.map((f) => f.data)).toEqual([
      'event 1\nline 2\nline 3',
      'event 2\nafter a comment',
      'event 3\n\nafter an empty line',
    ]);
    expect(reconnect?.frames.map((f) => f.data)).toEqual([
      '{"n":1,"round":1}',
      '{"n":2,"round":1}',
      '{"n":3,"round":2}',
      '{"n":4,"round":2}',
    ]);
    expect(reconnect?.attempts.map((a) => [a.outcome, a.lastEventId])).toEqual([
      ['reconnect', ''],
      ['ongoing', '2'],
    ]);
    expect(named?.stack).toContain('/page?open=');
    expect(named?.page.url).toContain('/page?open=');
    for (const c of file.connections) {
      expect(c.frames.every((f, i, all) => i === 0 || f.t >= (all[i - 1]?.t ?? 0))).toBe(true);
      expect(c.frames[0]?.t ?? 0).toBeGreaterThan(c.createdAt);
    }
  });

  it('re-exports as a HAR that still passes the checks', () => {
    const { file } = importText('chrome.har', text, NOW);
    expect(harProblems(captureToHar(file))).toEqual([]);
  });
});
