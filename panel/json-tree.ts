// Shapes parsed JSON for the detail pane's tree view: which values can be expanded, their
// one-line previews, and their children in pages so a 100k-element array stays cheap.

export type JsonContainer = unknown[] | Record<string, unknown>;

/** The parsed value when `text` is a JSON object or array; null for anything else. */
export function parseJsonContainer(text: string): JsonContainer | null {
  const start = text.trimStart()[0];
  if (start !== '{' && start !== '[') return null;
  try {
    const value: unknown = JSON.parse(text);
    return isContainer(value) ? value : null;
  } catch {
    return null;
  }
}

export function isContainer(value: unknown): value is JsonContainer {
  return typeof value === 'object' && value !== null;
}

export interface JsonChildren {
  entries: Array<[key: string, value: unknown]>;
  /** Children not included because of the limit. */
  more: number;
}

/** The first `limit` children of an array or object, as key/value pairs. */
export function jsonChildren(value: JsonContainer, limit: number): JsonChildren {
  if (Array.isArray(value)) {
    const shown = value.slice(0, limit);
    return {
      entries: shown.map((v, i): [string, unknown] => [String(i), v]),
      more: value.length - shown.length,
    };
  }
  const keys = Object.keys(value);
  return {
    entries: keys.slice(0, limit).map((k): [string, unknown] => [k, value[k]]),
    more: Math.max(0, keys.length - limit),
  };
}

const PREVIEW_KEYS = 5;

/** One-line summary of a container: `Array(3)`, `{id, name, …}`, `{}`. */
export function jsonPreview(value: JsonContainer): string {
  if (Array.isArray(value)) return `Array(${value.length})`;
  const keys: string[] = [];
  for (const key in value) {
    if (keys.length === PREVIEW_KEYS) return `{${keys.join(', ')}, …}`;
    keys.push(key);
  }
  return `{${keys.join(', ')}}`;
}

export type JsonLeafKind = 'string' | 'number' | 'boolean' | 'null';

/** A primitive JSON value as shown in the tree (strings quoted) with its kind for colour. */
export function jsonLeaf(value: unknown): { kind: JsonLeafKind; text: string } {
  if (typeof value === 'string') return { kind: 'string', text: JSON.stringify(value) };
  if (typeof value === 'number') return { kind: 'number', text: String(value) };
  if (typeof value === 'boolean') return { kind: 'boolean', text: String(value) };
  return { kind: 'null', text: 'null' };
}
