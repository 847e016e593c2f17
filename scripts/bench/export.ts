// Phase 4, export and redaction (in Node, no browser): 10,000 frames exported to each format
// and imported back, and redaction with every rule at 10,000 and 40,000 frames, each frame
// with its own secret, to show redaction stays linear in the capture's size.
import { createCaptureState } from '../../src/model/capture-state';
import { buildCapture } from '../../src/export/build-capture';
import type { CaptureFile } from '../../src/export/capture-types';
import { redactCapture } from '../../src/export/redact';
import { DEFAULT_SECRET_PARAMS } from '../../src/export/redact-url';
import { renderExport, type ExportFormat } from '../../src/export/render-export';
import { importInto, NOW } from '../../test/unit/export-fixtures';
import { bigState } from '../../test/unit/export-scale-data';
import type { Figure, PhaseResult } from './report';
import { median } from './stats';

const FRAMES = 10_000;
const REDACT_SIZES = [10_000, 40_000];
const RUNS = 5;
const FORMATS: ExportFormat[] = ['json', 'har', 'sse'];

function capture(frames: number): CaptureFile {
  return buildCapture(bigState(frames), {
    scope: 'all',
    connections: null,
    now: NOW,
    generatorVersion: 'bench',
  });
}

/** Runs `fn` RUNS times; the samples in ms. */
function sample(fn: () => void): number[] {
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    fn();
    samples.push(performance.now() - start);
  }
  return samples;
}

const spread = (samples: readonly number[]): string =>
  `${Math.round(Math.min(...samples))}–${Math.round(Math.max(...samples))} ms`;

function importAll(files: { name: string; text: string }[]): number {
  const viewer = createCaptureState();
  for (const f of files) importInto(viewer, f.text, f.name, f.name);
  return viewer.frames.length;
}

export function measureExport(): PhaseResult {
  const figures: Figure[] = [];
  const notes: string[] = [];
  const raw: Record<string, number[]> = {};
  const file = capture(FRAMES);
  for (const format of FORMATS) {
    const exported = sample(() => renderExport(file, format));
    const files = renderExport(file, format);
    let imported = 0;
    const importing = sample(() => (imported = importAll(files)));
    if (imported !== FRAMES) notes.push(`${format}: imported ${imported} of ${FRAMES} frames`);
    figures.push(
      {
        label: `export ${FRAMES} frames to ${format}`,
        value: median(exported),
        unit: 'ms',
        target: 1000,
      },
      {
        label: `import ${FRAMES} frames from ${format}`,
        value: median(importing),
        unit: 'ms',
        target: 1000,
      },
    );
    notes.push(
      `${format}: export ${spread(exported)}, import ${spread(importing)} over ${RUNS} runs`,
    );
    raw[`export-${format}`] = exported;
    raw[`import-${format}`] = importing;
  }
  for (const frames of REDACT_SIZES) {
    const big = frames === FRAMES ? file : capture(frames);
    const chars = big.connections.reduce(
      (n, c) => n + c.frames.reduce((m, f) => m + f.data.length, 0),
      0,
    );
    const redacting = sample(() =>
      redactCapture(big, {
        queryParams: DEFAULT_SECRET_PARAMS,
        urlCredentials: true,
        jsonKeys: ['password'],
        patterns: ['/user/'],
      }),
    );
    figures.push({
      label: `redact ${frames} frames, ${frames} distinct secrets`,
      value: median(redacting),
      unit: 'ms',
      target: frames === FRAMES ? 1000 : undefined,
    });
    notes.push(
      `redact ${frames} frames (${(chars / 1e6).toFixed(1)} M chars of data): ${spread(redacting)} over ${RUNS} runs`,
    );
    raw[`redact-${frames}`] = redacting;
  }
  return { name: 'export', figures, notes, raw };
}
