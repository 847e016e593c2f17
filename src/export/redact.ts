// Redaction before export: secret query parameters and URL credentials (wherever a URL
// appears), values of chosen JSON keys inside `data`, and user patterns; then every other
// occurrence of a secret found that way is scrubbed too, so no copy survives elsewhere.
import type { CaptureConnection, CaptureFile, CaptureFrame } from './capture-types';
import { REDACTED, redactUrl, redactUrlsInText, type UrlRules } from './redact-url';

export interface RedactionOptions {
  /** Secret query parameter names; empty leaves parameters alone. */
  queryParams: readonly string[];
  urlCredentials: boolean;
  /** JSON object keys whose values are replaced inside `data` (case-insensitive). */
  jsonKeys: readonly string[];
  /** Regular expressions (`source` or `/source/flags`) whose matches are replaced anywhere. */
  patterns: readonly string[];
}

/** Secrets shorter than this are redacted where found but not hunted for elsewhere. */
export const MIN_SCRUB_LENGTH = 6;

export function isRedacting(o: RedactionOptions): boolean {
  return (
    o.queryParams.length > 0 || o.urlCredentials || o.jsonKeys.length > 0 || o.patterns.length > 0
  );
}

/** Compiles user patterns; an invalid one is reported by its position, not thrown. */
export function compilePatterns(
  patterns: readonly string[],
): { ok: true; regexes: RegExp[] } | { ok: false; error: string } {
  const regexes: RegExp[] = [];
  for (const [i, pattern] of patterns.entries()) {
    const literal = /^\/(.+)\/([a-z]*)$/s.exec(pattern);
    const source = literal ? (literal[1] ?? '') : pattern;
    const flags = `${(literal?.[2] ?? '').replace(/[gy]/g, '')}g`;
    try {
      const re = new RegExp(source, flags);
      if (re.test('')) return { ok: false, error: `pattern ${i + 1} matches empty text` };
      regexes.push(re);
    } catch (e) {
      return {
        ok: false,
        error: `pattern ${i + 1}: ${e instanceof Error ? e.message : String(e)}`,
      };
    }
  }
  return { ok: true, regexes };
}

export function redactCapture(file: CaptureFile, options: RedactionOptions): CaptureFile {
  const compiled = compilePatterns(options.patterns);
  if (!compiled.ok) throw new Error(compiled.error);
  const rules: UrlRules = {
    params: new Set(options.queryParams.map((p) => p.toLowerCase())),
    credentials: options.urlCredentials,
  };
  const keys = new Set(options.jsonKeys.map((k) => k.toLowerCase()));
  const secrets = new Set<string>();
  const found = (s: string): void => {
    if (s.length >= MIN_SCRUB_LENGTH && s !== REDACTED) secrets.add(s);
  };
  let replaced = 0;

  // Pass 1: the rules that find secrets, remembering every value they replace.
  const stage = (text: string, url: boolean): string => {
    const r = url ? redactUrl(text, rules, found) : redactUrlsInText(text, rules, found);
    replaced += r.replaced;
    return r.text;
  };
  const staged = file.connections.map((c) =>
    stageConnection(c, stage, (data) => {
      const r = redactJsonKeys(data, keys, found);
      replaced += r.replaced;
      return r.text;
    }),
  );

  // Pass 2: user patterns, then every remaining copy of a secret, in every text field.
  const scrubbers = secrets.size > 0 ? [...compiled.regexes, anyOf(secrets)] : compiled.regexes;
  const scrub = (text: string): string => {
    let out = text;
    for (const re of scrubbers) {
      out = out.replace(re, () => {
        replaced++;
        return REDACTED;
      });
    }
    return out;
  };
  const connections = staged.map((c) => mapText(c, scrub));
  return {
    ...file,
    redaction: {
      queryParams: [...options.queryParams],
      urlCredentials: options.urlCredentials,
      jsonKeys: [...options.jsonKeys],
      patterns: compiled.regexes.length,
      replaced,
    },
    connections,
  };
}

/** One regex matching any of the secrets, longest first so none is left half-replaced. */
function anyOf(secrets: ReadonlySet<string>): RegExp {
  const sorted = [...secrets].sort((a, b) => b.length - a.length);
  return new RegExp(sorted.map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'g');
}

type Stage = (text: string, url: boolean) => string;

function stageConnection(
  c: CaptureConnection,
  stage: Stage,
  json: (data: string) => string,
): CaptureConnection {
  return {
    ...c,
    url: stage(c.url, true),
    page: { url: c.page.url === null ? null : stage(c.page.url, true) },
    frame: { ...c.frame, url: stage(c.frame.url, true) },
    stack: stage(c.stack, false),
    frames: c.frames.map((f) => ({ ...f, data: stage(json(f.data), false) })),
  };
}

/** Applies `fn` to every free-text field of a connection (not to enums, numbers or pool keys). */
function mapText(c: CaptureConnection, fn: (text: string) => string): CaptureConnection {
  const frame = (f: CaptureFrame): CaptureFrame => ({
    ...f,
    type: fn(f.type),
    id: fn(f.id),
    data: fn(f.data),
    ...(f.origin !== undefined && { origin: fn(f.origin) }),
    ...(f.comments && { comments: f.comments.map(fn) }),
  });
  return {
    ...c,
    url: fn(c.url),
    page: { url: c.page.url === null ? null : fn(c.page.url) },
    frame: { ...c.frame, url: fn(c.frame.url) },
    stack: fn(c.stack),
    listenedTypes: c.listenedTypes.map(fn),
    attempts: c.attempts.map((a) => ({ ...a, lastEventId: fn(a.lastEventId) })),
    frames: c.frames.map(frame),
    ...(c.trailer?.comments && { trailer: { ...c.trailer, comments: c.trailer.comments.map(fn) } }),
    ...(c.imported && { imported: { ...c.imported, name: fn(c.imported.name) } }),
  };
}

/**
 * Replaces the values of `keys` anywhere in JSON `data` with "REDACTED". Data that is not a
 * JSON object or array is returned as is; changed data is re-serialized compactly.
 */
export function redactJsonKeys(
  data: string,
  keys: ReadonlySet<string>,
  found: (secret: string) => void,
): { text: string; replaced: number } {
  const start = data.trimStart()[0];
  if (keys.size === 0 || (start !== '{' && start !== '[')) return { text: data, replaced: 0 };
  let parsed: unknown;
  try {
    parsed = JSON.parse(data);
  } catch {
    return { text: data, replaced: 0 };
  }
  let replaced = 0;
  const walk = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(walk);
    if (typeof v !== 'object' || v === null) return v;
    // No prototype: a "__proto__" key in the data stays an ordinary key.
    const out = Object.create(null) as Record<string, unknown>;
    for (const [k, value] of Object.entries(v)) {
      if (keys.has(k.toLowerCase())) {
        collect(value, found);
        replaced++;
        out[k] = REDACTED;
      } else {
        out[k] = walk(value);
      }
    }
    return out;
  };
  const result = walk(parsed);
  return replaced === 0 ? { text: data, replaced } : { text: JSON.stringify(result), replaced };
}

/** Every string and number inside a redacted JSON value, for scrubbing elsewhere. */
function collect(v: unknown, found: (secret: string) => void): void {
  if (typeof v === 'string' || typeof v === 'number') found(String(v));
  else if (Array.isArray(v)) v.forEach((x) => collect(x, found));
  else if (typeof v === 'object' && v !== null) Object.values(v).forEach((x) => collect(x, found));
}
