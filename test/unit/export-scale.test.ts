// Exports and imports stay fast at the sizes the panel holds: 10,000 frames go through every
// format and back well within a second each on the 2-core reference machine.
import { describe, expect, it } from 'vitest';
import { appendImported } from '../../src/model/apply-batch';
import { createCaptureState } from '../../src/model/capture-state';
import { buildCapture } from '../../src/export/build-capture';
import { importText } from '../../src/export/import-file';
import { redactCapture } from '../../src/export/redact';
import { DEFAULT_SECRET_PARAMS } from '../../src/export/redact-url';
import { renderExport, type ExportFormat } from '../../src/export/render-export';
import { captureToViews } from '../../src/export/to-state';
import { NOW, stateFrom, T0 } from './export-fixtures';

const FRAMES = 10_000;

function bigState() {
  const records: Parameters<typeof stateFrom>[0] = [];
  for (let c = 1; c <= 4; c++) {
    records.push({
      kind: 'connection',
      conn: c,
      t: T0,
      url: `http://127.0.0.1:4000/s${c}?token=abcdef123456`,
      withCredentials: false,
      frameUrl: 'http://127.0.0.1:4000/',
      stack: '',
    });
    records.push({ kind: 'state', conn: c, t: T0 + 1, readyState: 1, cause: 'open' });
  }
  for (let i = 0; i < FRAMES; i++) {
    const data = JSON.stringify({ n: i, user: 'u', password: `pw${i}`, pad: 'x'.repeat(60) });
    records.push({
      kind: 'event',
      conn: (i % 4) + 1,
      t: T0 + 2 + i,
      type: i % 3 ? 'message' : 'update',
      data,
      lastEventId: String(i),
      origin: 'http://127.0.0.1:4000',
      size: data.length,
      truncated: false,
    });
  }
  return stateFrom(records);
}

const timed = <T>(fn: () => T): [T, number] => {
  const start = performance.now();
  const value = fn();
  return [value, performance.now() - start];
};

describe(`${FRAMES.toLocaleString('en-US')} frames`, () => {
  const state = bigState();
  const file = buildCapture(state, {
    scope: 'all',
    connections: null,
    now: NOW,
    generatorVersion: '0.1.0',
  });

  for (const format of ['json', 'har', 'sse'] as ExportFormat[]) {
    it(`export to ${format} and import back`, () => {
      const [files, exportMs] = timed(() =>
        renderExport(
          buildCapture(state, {
            scope: 'all',
            connections: null,
            now: NOW,
            generatorVersion: '0.1.0',
          }),
          format,
        ),
      );
      const [frames, importMs] = timed(() => {
        const viewer = createCaptureState();
        for (const f of files) {
          const result = importText(f.name, f.text, NOW);
          const views = captureToViews(result.file, {
            docId: f.name,
            name: f.name,
            format: result.format,
            importedAt: NOW,
          });
          appendImported(viewer, views.connections, views.frames);
        }
        return viewer.frames.length;
      });
      expect(frames).toBe(FRAMES);
      expect(exportMs).toBeLessThan(1000);
      expect(importMs).toBeLessThan(1000);
    });
  }

  it('redact with every rule', () => {
    const [redacted, ms] = timed(() =>
      redactCapture(file, {
        queryParams: DEFAULT_SECRET_PARAMS,
        urlCredentials: true,
        jsonKeys: ['password'],
        patterns: ['/pw\\d+/'],
      }),
    );
    expect(redacted.redaction?.replaced).toBeGreaterThanOrEqual(FRAMES);
    expect(ms).toBeLessThan(1000);
  });
});
