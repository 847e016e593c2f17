// SSE Lens JSON: a live model exports to a file the JSON Schema accepts, and importing that
// file and exporting again gives the same capture (connections, attempts, frames, order).
import { describe, expect, it } from 'vitest';
import { clearCapture } from '../../src/model/apply-batch';
import { createCaptureState, type CaptureState } from '../../src/model/capture-state';
import { buildCapture } from '../../src/export/build-capture';
import type { CaptureFile } from '../../src/export/capture-types';
import { renderExport } from '../../src/export/render-export';
import { importInto, PAGE, sampleRecords, stateFrom, T0 } from './export-fixtures';
import { schemaErrors } from './export-schema';

const NOW = T0 + 10_000;

function exportAll(state: CaptureState, now = NOW): CaptureFile {
  return buildCapture(state, { scope: 'all', connections: null, now, generatorVersion: '0.1.0' });
}

/** A capture without the fields an import adds or an export stamps. */
function comparable(file: CaptureFile) {
  return {
    ...file,
    exportedAt: 0,
    connections: file.connections.map(({ imported: _imported, ...c }) => c),
  };
}

describe('SSE Lens JSON export', () => {
  it('writes every connection, transition, attempt and frame, valid against the schema', () => {
    const file = exportAll(stateFrom(sampleRecords()));
    expect(schemaErrors(file)).toEqual([]);
    expect(file).toMatchObject({
      format: 'sse-lens-capture',
      version: 1,
      scope: 'all',
      evicted: 0,
    });
    const [named, reconnect, failed] = file.connections;
    expect(named).toMatchObject({
      id: 'c1',
      url: 'http://127.0.0.1:4000/sse/named?count=6',
      page: { url: PAGE.url },
      frame: { url: PAGE.url, top: true },
      state: 'open',
      listenedTypes: ['update'],
      received: 4,
    });
    expect(named?.frames.map((f) => [f.type, f.id, f.data, f.source])).toEqual([
      ['message', '1', '{"n":1,"type":"message"}', 'dispatch'],
      ['update', '2', '{"n":2,"type":"update"}', 'dispatch'],
      ['message', '4', 'line 1\nline 2\n\nline 4', 'dispatch'],
      ['update', '5', '', 'dispatch'],
    ]);
    expect(named?.frames[0]).not.toHaveProperty('origin');
    expect(reconnect?.attempts).toEqual([
      {
        start: T0 + 1,
        open: T0 + 10,
        end: T0 + 41,
        outcome: 'reconnect',
        retryMs: null,
        lastEventId: '',
      },
      {
        start: T0 + 41,
        open: T0 + 350,
        end: null,
        outcome: 'ongoing',
        retryMs: null,
        lastEventId: '2',
      },
    ]);
    expect(failed).toMatchObject({ state: 'closed', closedAt: T0 + 30, frames: [] });
    expect(failed?.attempts[0]?.outcome).toBe('failed');
  });

  it('round-trips: export, import, export again gives the same capture', () => {
    const first = exportAll(stateFrom(sampleRecords()));
    const [json] = renderExport(first, 'json');
    const viewer = createCaptureState();
    const result = importInto(viewer, json?.text ?? '', 'capture.json');
    expect(result.format).toBe('sse-lens-json');
    const again = exportAll(viewer);
    expect(schemaErrors(again)).toEqual([]);
    expect(comparable(again)).toEqual(comparable(first));
    expect(again.connections.every((c) => c.imported?.name === 'capture.json')).toBe(true);
    const views = [...viewer.connections.values()];
    // A capture is a record of the past: streams still open when it ended are shown closed
    // at its last time, remembering how they ended (and re-exported as they were, above).
    const last = Math.max(...first.connections.flatMap((c) => c.frames.map((f) => f.t)));
    expect(
      views.map((c) => [c.state, c.imported?.endedAs, c.frames, c.retries, c.imported?.format]),
    ).toEqual([
      ['closed', 'open', 4, 0, 'sse-lens-json'],
      ['closed', 'open', 4, 1, 'sse-lens-json'],
      ['closed', undefined, 0, 0, 'sse-lens-json'],
    ]);
    expect(views[0]?.closedAt).toBeGreaterThanOrEqual(last);
    expect(viewer.frames.map((f) => f.id)).toEqual(['1', '1', '2', '2', '4', '5', '3', '4']);
    expect(viewer.frames.map((f) => f.index)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    clearCapture(viewer);
    expect(viewer.connections.size).toBe(0);
  });

  it('exports one connection, or just the filtered frames', () => {
    const state = stateFrom(sampleRecords());
    const key = `${PAGE.id}:2`;
    const one = buildCapture(state, {
      scope: 'connection',
      connections: new Set([key]),
      now: NOW,
      generatorVersion: '0.1.0',
    });
    expect(one.connections.map((c) => [c.url, c.frames.length])).toEqual([
      ['http://127.0.0.1:4000/sse/reconnect?count=2', 4],
    ]);
    const updates = state.frames.filter((f) => f.type === 'update');
    const filtered = buildCapture(state, {
      scope: 'filtered',
      connections: new Set(updates.map((f) => f.connection)),
      frames: updates,
      now: NOW,
      generatorVersion: '0.1.0',
    });
    expect(schemaErrors(filtered)).toEqual([]);
    expect(filtered.connections).toHaveLength(1);
    expect(filtered.connections[0]?.frames.map((f) => f.id)).toEqual(['2', '5']);
    expect(filtered.connections[0]?.received).toBe(4);
  });

  it('keeps truncation, foreign origins, eviction counts and wire fields', () => {
    const state = stateFrom([
      {
        kind: 'connection',
        conn: 1,
        t: T0,
        url: 'http://a.test/s',
        withCredentials: false,
        frameUrl: 'http://a.test/',
        stack: '',
      },
      {
        kind: 'event',
        conn: 1,
        t: T0 + 1,
        type: 'message',
        data: 'abc',
        lastEventId: '',
        origin: 'http://b.test',
        size: 5_000_000,
        truncated: true,
      },
    ]);
    state.evictedInPanel = 7;
    const file = exportAll(state);
    expect(file.evicted).toBe(7);
    expect(file.connections[0]?.frames[0]).toEqual({
      t: T0 + 1,
      type: 'message',
      id: '',
      data: 'abc',
      source: 'dispatch',
      size: 5_000_000,
      truncated: true,
      origin: 'http://b.test',
    });
    const viewer = createCaptureState();
    importInto(viewer, 'retry: 5\n: hi\ndata: x\n\n: tail\n', 'fixture.sse');
    const wire = exportAll(viewer);
    expect(schemaErrors(wire)).toEqual([]);
    expect(wire.connections[0]).toMatchObject({
      url: 'fixture.sse',
      frames: [{ type: 'message', id: '', data: 'x', source: 'wire', comments: ['hi'], retry: 5 }],
      trailer: { comments: ['tail'] },
    });
  });
});
