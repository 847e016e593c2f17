// Exports and imports hold up at the sizes the panel holds: 10,000 frames go through every
// format and back with nothing lost, and redaction removes every one of 10,000 secrets. How
// long that takes is measured by `npm run bench` (scripts/bench/export.ts), not asserted here.
import { describe, expect, it } from 'vitest';
import { createCaptureState } from '../../src/model/capture-state';
import { buildCapture } from '../../src/export/build-capture';
import { redactCapture } from '../../src/export/redact';
import { DEFAULT_SECRET_PARAMS } from '../../src/export/redact-url';
import { renderExport, type ExportFormat } from '../../src/export/render-export';
import { importInto, NOW } from './export-fixtures';
import { URL_TOKEN, bigState } from './export-scale-data';

const FRAMES = 10_000;

describe(`${FRAMES.toLocaleString('en-US')} frames`, () => {
  const state = bigState(FRAMES);
  const file = buildCapture(state, {
    scope: 'all',
    connections: null,
    now: NOW,
    generatorVersion: '0.1.0',
  });

  for (const format of ['json', 'har', 'sse'] as ExportFormat[]) {
    it(`export to ${format} and import back`, () => {
      const files = renderExport(file, format);
      const viewer = createCaptureState();
      for (const f of files) importInto(viewer, f.text, f.name, f.name);
      expect(viewer.frames.length).toBe(FRAMES);
      expect(viewer.frames.map((f) => f.data).sort()).toEqual(
        file.connections.flatMap((c) => c.frames.map((f) => f.data)).sort(),
      );
    });
  }

  it('redact with every rule: no secret survives, everything else does', () => {
    const redacted = redactCapture(file, {
      queryParams: DEFAULT_SECRET_PARAMS,
      urlCredentials: true,
      jsonKeys: ['password'],
      patterns: ['/user/'],
    });
    const text = renderExport(redacted, 'json')[0]?.text ?? '';
    expect(text).not.toContain(URL_TOKEN);
    expect(text).not.toMatch(/pw-\d+-secret/);
    expect(text).not.toContain('"user"');
    const frames = redacted.connections.flatMap((c) => c.frames);
    expect(frames).toHaveLength(FRAMES);
    for (const f of frames) {
      const n = Number(f.id);
      const note = n % 100 === 99 ? ',"note":"was REDACTED"' : '';
      expect(f.data).toBe(
        `{"n":${n},"REDACTED":"u","password":"REDACTED","pad":"${'x'.repeat(60)}"${note}}`,
      );
    }
    expect(redacted.connections.map((c) => c.url)).toEqual(
      [1, 2, 3, 4].map((c) => `http://127.0.0.1:4000/s${c}?token=REDACTED`),
    );
    // Every frame's password, each echo and URL, and every "user" key.
    expect(redacted.redaction?.replaced).toBe(FRAMES + FRAMES / 100 + 4 + FRAMES);
  });
});
