// Recognizes what a file is (SSE Lens JSON, a HAR, a raw event stream or NDJSON) and reads it into a
// capture. The single entry point for the panel's Import button and the replay CLI.
import type { CaptureFile, ImportFormat } from './capture-types';
import { decodeCapture } from './decode-capture';
import { decodeHar } from './decode-har';
import { decodeEventStream } from './event-stream-file';
import { said } from '../i18n/shared';
import { ImportError, isObject } from './json-read';
import { decodeNdjson, looksLikeNdjson } from './ndjson-file';
import { IMPORT_LIMITS } from './limits';

export interface ImportResult {
  file: CaptureFile;
  format: ImportFormat;
  /** HAR entries that were not event streams. */
  ignored: number;
}

export function importText(name: string, text: string, now: number): ImportResult {
  if (text.length > IMPORT_LIMITS.maxFileBytes) throw tooLarge(text.length);
  const body = text.replace(/^\uFEFF/, '');
  const first = body.trimStart()[0];
  if (first !== '{' && first !== '[') {
    // A `data` line without a colon is a data field too (an empty line of data).
    if (/^data(?::|$)/m.test(body)) {
      return { file: decodeEventStream(body, name, now), format: 'event-stream', ignored: 0 };
    }
    throw new ImportError(said('import.notCaptureText'));
  }
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (e) {
    if (/\.(ndjson|jsonl)$/i.test(name) || looksLikeNdjson(body)) {
      return { file: decodeNdjson(body, name, now), format: 'ndjson', ignored: 0 };
    }
    throw new ImportError(
      said('import.invalidJson', { error: e instanceof Error ? e.message : String(e) }),
    );
  }
  if (isObject(value) && 'format' in value) {
    return { file: decodeCapture(value), format: 'sse-lens-json', ignored: 0 };
  }
  if (isObject(value) && 'log' in value) return decodeHar(value);
  throw new ImportError(said('import.notCaptureJson'));
}

export function tooLarge(bytes: number): ImportError {
  const mb = (n: number): string => String(Math.round(n / (1024 * 1024)));
  return new ImportError(
    said('import.tooLarge', { size: mb(bytes), max: mb(IMPORT_LIMITS.maxFileBytes) }),
  );
}
