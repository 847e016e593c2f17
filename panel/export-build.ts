// What each export scope covers in the panel (everything, the selected connection, or the
// frames the filters show), and the capture an export builds from the store, redacted.
import { buildCapture, exportedIds } from '../src/export/build-capture';
import { wireBody } from '../src/model/wire-merge';
import type { CaptureFile, ExportScope } from '../src/export/capture-types';
import { isRedacting, redactCapture, type RedactionOptions } from '../src/export/redact';
import type { PanelStore } from './store';

export interface ScopeSummary {
  available: boolean;
  connections: number;
  frames: number;
}

/** True when a text, type, kind or connection filter narrows the frames table. */
export function filterActive(store: PanelStore): boolean {
  return (
    store.query.value.kind === 'match' ||
    store.typeFilter.value !== null ||
    store.kindFilter.value !== null ||
    store.connectionFilter.value !== null
  );
}

export function scopeSummary(store: PanelStore, scope: ExportScope): ScopeSummary {
  const { state } = store;
  const selected = store.connectionFilter.value;
  switch (scope) {
    case 'all':
      return {
        available: state.connections.size > 0,
        connections: state.connections.size,
        frames: state.frames.length,
      };
    case 'connection': {
      const frames =
        selected === null ? 0 : state.frames.filter((f) => f.connection === selected).length;
      return {
        available: selected !== null && state.connections.has(selected),
        connections: 1,
        frames,
      };
    }
    case 'filtered': {
      const rows = store.visibleFrames.value.rows;
      return {
        available: filterActive(store),
        connections: filteredConnections(store).size,
        frames: rows.length,
      };
    }
  }
}

function filteredConnections(store: PanelStore): Set<string> {
  const keys = new Set(store.visibleFrames.value.rows.map((f) => f.connection));
  const selected = store.connectionFilter.value;
  if (selected !== null) keys.add(selected);
  return keys;
}

export function buildExport(
  store: PanelStore,
  scope: ExportScope,
  redaction: RedactionOptions,
  generatorVersion: string,
  now: number,
): CaptureFile {
  const selected = store.connectionFilter.value;
  const common = { scope, now, generatorVersion };
  const file =
    scope === 'all'
      ? buildCapture(store.state, { ...common, connections: null })
      : scope === 'connection'
        ? buildCapture(store.state, {
            ...common,
            connections: new Set(selected === null ? [] : [selected]),
          })
        : buildCapture(store.state, {
            ...common,
            connections: filteredConnections(store),
            frames: store.visibleFrames.value.rows,
          });
  return isRedacting(redaction) ? redactCapture(file, redaction) : file;
}

/**
 * The stream bodies a raw export of `scope` writes byte for byte, by connection id: those deep
 * capture holds whole. None when redacting (the bytes would carry what redaction removes) or
 * for filtered frames (the bytes hold every frame).
 */
export function exactBodies(
  store: PanelStore,
  scope: ExportScope,
  redacting: boolean,
): Map<string, Uint8Array<ArrayBuffer>> {
  const bodies = new Map<string, Uint8Array<ArrayBuffer>>();
  if (redacting || scope === 'filtered') return bodies;
  const selected = store.connectionFilter.value;
  const keys = scope === 'all' ? null : new Set(selected === null ? [] : [selected]);
  for (const [key, id] of exportedIds(store.state, keys)) {
    const body = wireBody(store.state, key);
    if (body) bodies.set(id, body);
  }
  return bodies;
}
