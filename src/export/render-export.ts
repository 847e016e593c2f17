// Serializes a capture into the files one export produces: a JSON capture, a HAR, or one raw
// stream per connection (`.sse` for event streams, `.ndjson` for NDJSON and Connect bodies),
// each with a descriptive file name and MIME type.
import type { CaptureConnection, CaptureFile } from './capture-types';
import { connectionToEventStream } from './event-stream-file';
import { connectionToNdjson } from './ndjson-file';
import { originOf } from '../model/site';
import { captureToHar } from './write-har';

export type ExportFormat = 'json' | 'har' | 'sse';

export interface ExportedFile {
  name: string;
  mime: string;
  /** The file's text; for a body written byte for byte, decoded for display only. */
  text: string;
  /** Set when the file is a stream's body exactly as received: write these, not `text`. */
  bytes?: Uint8Array<ArrayBuffer>;
}

/**
 * `exact`: stream bodies deep capture holds whole, by connection id. A raw export writes those
 * byte for byte; every other stream is written from its frames.
 */
export function renderExport(
  file: CaptureFile,
  format: ExportFormat,
  exact: ReadonlyMap<string, Uint8Array<ArrayBuffer>> = new Map(),
): ExportedFile[] {
  const base = baseName(file);
  switch (format) {
    case 'json':
      return [{ name: `${base}.json`, mime: 'application/json', text: json(file) }];
    case 'har':
      return [{ name: `${base}.har`, mime: 'application/json', text: json(captureToHar(file)) }];
    case 'sse':
      return file.connections.map((c) => {
        const ndjson = rawKind(c) === 'ndjson';
        const name = rawFileName(base, c);
        const mime = ndjson ? 'application/x-ndjson' : 'text/event-stream';
        const bytes = exact.get(c.id);
        if (bytes) return { name, mime, text: new TextDecoder().decode(bytes), bytes };
        return { name, mime, text: ndjson ? connectionToNdjson(c) : connectionToEventStream(c) };
      });
  }
}

/** NDJSON and Connect bodies are written as lines; everything else as an event stream. */
function rawKind(c: CaptureConnection): 'sse' | 'ndjson' {
  const format = c.response?.format;
  return format === 'ndjson' || format === 'connect' ? 'ndjson' : 'sse';
}

/** The names `renderExport` gives its files, in the same order, without rendering them. */
export function exportFileNames(file: CaptureFile, format: ExportFormat): string[] {
  const base = baseName(file);
  return format === 'sse'
    ? file.connections.map((c) => rawFileName(base, c))
    : [`${base}.${format}`];
}

function rawFileName(base: string, c: CaptureConnection): string {
  return `${base}-${c.id}.${rawKind(c)}`;
}

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** `sse-lens-127.0.0.1-2026-11-21T20-28-04`: host of the first stream, then export time. */
export function baseName(file: CaptureFile): string {
  const first = file.connections[0];
  const host = first ? (originOf(first.url) ?? '').replace(/^[a-z]+:\/\//, '') : '';
  const stamp = new Date(file.exportedAt).toISOString().slice(0, 19).replace(/:/g, '-');
  const safeHost = host.replace(/[^a-zA-Z0-9.-]+/g, '_').slice(0, 60);
  return ['sse-lens', safeHost, stamp].filter((part) => part !== '').join('-');
}
