// Typed, throw-on-mismatch readers for untrusted JSON. Every failure names the path of the
// offending value ("connections[2].frames[7].t: expected a time"), so a user sees what is
// wrong with a file, and importers never hold a value of the wrong type.
import { LIMITS } from '../protocol/constants';

export class ImportError extends Error {
  override name = 'ImportError';
}

export type Obj = Record<string, unknown>;

export function fail(path: string, expected: string): never {
  throw new ImportError(`${path}: expected ${expected}`);
}

export function isObject(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function object(v: unknown, path: string): Obj {
  return isObject(v) ? v : fail(path, 'an object');
}

/** Rejects properties outside `allowed`, as the schema's `additionalProperties: false`. */
export function exactObject(v: unknown, path: string, allowed: readonly string[]): Obj {
  const o = object(v, path);
  for (const key of Object.keys(o)) {
    if (!allowed.includes(key)) throw new ImportError(`${path}: unknown property "${clip(key)}"`);
  }
  return o;
}

export function array(v: unknown, path: string, max = Number.MAX_SAFE_INTEGER): unknown[] {
  if (!Array.isArray(v)) fail(path, 'an array');
  if (v.length > max) throw new ImportError(`${path}: more than ${max} items`);
  return v;
}

/** A string, cut to `max` characters like captured fields are. */
export function string(v: unknown, path: string, max: number = LIMITS.maxFieldChars): string {
  if (typeof v !== 'string') fail(path, 'a string');
  return v.length > max ? v.slice(0, max) : v;
}

export function boolean(v: unknown, path: string): boolean {
  return typeof v === 'boolean' ? v : fail(path, 'true or false');
}

export function number(v: unknown, path: string): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : fail(path, 'a number');
}

export function count(v: unknown, path: string): number {
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0
    ? v
    : fail(path, 'a whole number ≥ 0');
}

/** Epoch milliseconds. */
export function time(v: unknown, path: string): number {
  return typeof v === 'number' && Number.isFinite(v) && v >= 0
    ? v
    : fail(path, 'a time (epoch ms ≥ 0)');
}

export function nullable<T>(v: unknown, path: string, read: (v: unknown, path: string) => T) {
  return v === null ? null : read(v, path);
}

export function oneOf<T extends string | number>(
  v: unknown,
  path: string,
  values: readonly T[],
): T {
  const found = values.find((x) => x === v);
  return found !== undefined ? found : fail(path, `one of ${values.join(', ')}`);
}

export function stringList(v: unknown, path: string, max = 10_000): string[] {
  return array(v, path, max).map((s, i) => string(s, `${path}[${i}]`));
}

/** Keys and values quoted in messages are cut, so a hostile file cannot flood the UI. */
export function clip(text: string, max = 40): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
