// Typed, throw-on-mismatch readers for untrusted JSON. Every failure names the path of the
// offending value ("connections[2].frames[7].t: expected a time"), so a user sees what is
// wrong with a file, and importers never hold a value of the wrong type.
import { said, sharedText, type SharedMessage } from '../i18n/shared';
import { LIMITS } from '../protocol/constants';

/** A file that cannot be imported: `problem` for each reader to word, `message` in English. */
export class ImportError extends Error {
  override name = 'ImportError';
  constructor(readonly problem: SharedMessage) {
    super(sharedText(problem));
  }
}

export type Obj = Record<string, unknown>;

export function fail(path: string, expected: SharedMessage): never {
  throw new ImportError(said('import.expected', { path, expected }));
}

export function isObject(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function object(v: unknown, path: string): Obj {
  return isObject(v) ? v : fail(path, said('expect.object'));
}

/** Rejects properties outside `allowed`, as the schema's `additionalProperties: false`. */
export function exactObject(v: unknown, path: string, allowed: readonly string[]): Obj {
  const o = object(v, path);
  for (const key of Object.keys(o)) {
    if (!allowed.includes(key))
      throw new ImportError(said('import.unknownProperty', { path, key: clip(key) }));
  }
  return o;
}

export function array(v: unknown, path: string, max = Number.MAX_SAFE_INTEGER): unknown[] {
  if (!Array.isArray(v)) fail(path, said('expect.array'));
  if (v.length > max)
    throw new ImportError(said('import.tooManyItems', { path, max: String(max) }));
  return v;
}

/** A string, cut to `max` characters like captured fields are. */
export function string(v: unknown, path: string, max: number = LIMITS.maxFieldChars): string {
  if (typeof v !== 'string') fail(path, said('expect.string'));
  return v.length > max ? v.slice(0, max) : v;
}

export function boolean(v: unknown, path: string): boolean {
  return typeof v === 'boolean' ? v : fail(path, said('expect.boolean'));
}

export function number(v: unknown, path: string): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : fail(path, said('expect.number'));
}

export function count(v: unknown, path: string): number {
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0
    ? v
    : fail(path, said('expect.count'));
}

/** Epoch milliseconds. */
export function time(v: unknown, path: string): number {
  return typeof v === 'number' && Number.isFinite(v) && v >= 0
    ? v
    : fail(path, said('expect.time'));
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
  return found !== undefined
    ? found
    : fail(path, said('expect.oneOf', { values: values.join(', ') }));
}

export function stringList(v: unknown, path: string, max = 10_000): string[] {
  return array(v, path, max).map((s, i) => string(s, `${path}[${i}]`));
}

/** Keys and values quoted in messages are cut, so a hostile file cannot flood the UI. */
export function clip(text: string, max = 40): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
