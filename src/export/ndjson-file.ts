// Raw NDJSON files (`.ndjson`): one line per frame of an NDJSON stream, or per envelope
// payload of a Connect stream (its end-of-stream envelope last, as it was sent); and such a
// file read as a one-connection capture, cut into lines by the same decoder live capture uses.
import { createWireDecoder } from '../sse/wire-decoder';
import type { CaptureConnection, CaptureFile } from './capture-types';
import { decodeFrame, FrameBudget } from './decode-capture';
import { said } from '../i18n/shared';
import { ImportError } from './json-read';
import { singleStreamCapture } from './single-stream-capture';

/** The file's lines; a line break inside a payload (whitespace, in JSON) would split it. */
export function connectionToNdjson(c: CaptureConnection): string {
  return c.frames.map((f) => `${f.data.replace(/[\r\n]+/g, '')}\n`).join('');
}

/** True when `text` reads as NDJSON: every line that is not blank is JSON, and there are two. */
export function looksLikeNdjson(text: string): boolean {
  const lines = text.split('\n').filter((line) => line.trim() !== '');
  if (lines.length < 2) return false;
  return lines.every((line) => {
    try {
      JSON.parse(line);
      return true;
    } catch {
      return false;
    }
  });
}

export function decodeNdjson(text: string, name: string, now: number): CaptureFile {
  const decoder = createWireDecoder('ndjson');
  const lines = [...decoder.push(text), ...decoder.end()];
  if (lines.length === 0) throw new ImportError(said('import.noLines'));
  new FrameBudget().take(lines.length);
  const frames = lines.map((line, i) =>
    decodeFrame(
      {
        t: now,
        type: line.type,
        id: line.id,
        data: line.data,
        source: 'wire',
        ...(line.note !== undefined && { note: line.note }),
      },
      `line ${i + 1}`,
    ),
  );
  return singleStreamCapture(name, now, frames, {
    kind: 'fetch',
    response: {
      t: now,
      status: 200,
      statusText: 'OK',
      url: name,
      redirected: false,
      headers: [['content-type', 'application/x-ndjson']],
      format: 'ndjson',
      mislabelled: false,
    },
  });
}
