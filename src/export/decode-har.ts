// Reads event streams out of a HAR file: our own HARs, grouped back into connections from
// their `_sseLens` fields, or else a HAR from Chrome DevTools (decode-chrome-har.ts).
import type { CaptureConnection, CaptureFile, CaptureFrame } from './capture-types';
import { secondsToMs } from './chrome-har-entry';
import { decodeCapture, decodeConnection, decodeFrame, FrameBudget } from './decode-capture';
import { decodeChromeHar } from './decode-chrome-har';
import { said } from '../i18n/shared';
import { array, count, ImportError, isObject, number, object, string, type Obj } from './json-read';
import { IMPORT_LIMITS } from './limits';

export interface HarImport {
  file: CaptureFile;
  format: 'sse-lens-har' | 'chrome-har';
  /** Entries that are not event streams (a page's HAR holds every request). */
  ignored: number;
}

export function decodeHar(v: unknown): HarImport {
  const log = object(object(v, 'har').log, 'log');
  const entries = array(log.entries, 'log.entries');
  if (isObject(log._sseLens)) return { ...ownHar(log._sseLens, entries), format: 'sse-lens-har' };
  return { ...decodeChromeHar(log, entries), format: 'chrome-har' };
}

function ownHar(header: Obj, entries: unknown[]): Omit<HarImport, 'format'> {
  const file = decodeCapture({ ...header, connections: [] });
  const budget = new FrameBudget();
  const groups = new Map<
    string,
    { details: unknown; path: string; parts: [number, unknown[]][] }
  >();
  let ignored = 0;
  entries.forEach((raw, i) => {
    const path = `log.entries[${i}]`;
    const entry = object(raw, path);
    if (!isObject(entry._sseLens)) {
      ignored++;
      return;
    }
    const ext = entry._sseLens;
    const id = string(ext.connection, `${path}._sseLens.connection`);
    const attempt = count(ext.attempt, `${path}._sseLens.attempt`);
    let group = groups.get(id);
    if (!group) {
      if (groups.size >= IMPORT_LIMITS.maxConnections) {
        throw new ImportError(
          said('import.tooManyConnections', {
            path: 'log.entries',
            max: String(IMPORT_LIMITS.maxConnections),
          }),
        );
      }
      group = { details: undefined, path, parts: [] };
      groups.set(id, group);
    }
    if (ext.details !== undefined) {
      group.details = ext.details;
      group.path = `${path}._sseLens.details`;
    }
    // fetch/XHR entries keep every frame under _sseLens (Chrome's messages hold only events).
    const messages =
      ext.frames === undefined
        ? array(entry._eventSourceMessages, `${path}._eventSourceMessages`)
        : array(ext.frames, `${path}._sseLens.frames`);
    group.parts.push([attempt, messages]);
  });
  const connections = [...groups].map(([id, group]): CaptureConnection => {
    if (group.details === undefined) {
      throw new ImportError(said('import.noDetails', { path: 'log.entries', id: id.slice(0, 40) }));
    }
    const connection = decodeConnection(group.details, group.path, budget, false);
    group.parts.sort((a, b) => a[0] - b[0]);
    const frames = group.parts.flatMap(([attempt, messages]) =>
      messages.map((m, j) => ownFrame(m, `${id} attempt ${attempt} message ${j}`)),
    );
    budget.take(frames.length);
    return { ...connection, frames };
  });
  return { file: { ...file, connections }, ignored };
}

function ownFrame(raw: unknown, path: string): CaptureFrame {
  const m = object(raw, path);
  const extra = m._sseLens === undefined ? {} : object(m._sseLens, `${path}._sseLens`);
  return decodeFrame(
    {
      source: 'dispatch',
      ...extra,
      t: secondsToMs(number(m.time, `${path}.time`)),
      type: m.eventName,
      id: m.eventId,
      data: m.data,
    },
    path,
  );
}
