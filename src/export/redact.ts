// Redaction before export: secret query parameters and URL credentials (wherever a URL
// appears), values of chosen JSON keys inside `data` and request bodies, secret headers of
// fetch/XHR streams, and user patterns; then every other
// occurrence of a secret found that way is scrubbed too (short ones where they stand as a
// whole word), so no copy survives elsewhere.
import type { StreamTrailer } from '../sse/parse-stream';
import type { CaptureConnection, CaptureFile, CaptureFrame, HeaderPair } from './capture-types';
import { redactHeader } from './redact-headers';
import { redactJsonKeys } from './redact-json';
import {
  REDACTED,
  redactUrl,
  redactUrlsInText,
  type FoundSecret,
  type UrlRules,
} from './redact-url';
import { MIN_SCRUB_LENGTH, SecretScanner } from './secret-scan';

export interface RedactionOptions {
  /** Secret query parameter names; empty leaves parameters alone. */
  queryParams: readonly string[];
  urlCredentials: boolean;
  /** JSON object keys whose values are replaced inside `data` (case-insensitive). */
  jsonKeys: readonly string[];
  /** Regular expressions (`source` or `/source/flags`) whose matches are replaced anywhere. */
  patterns: readonly string[];
  /** Secret header names (fetch/XHR request and response heads); absent or empty: none. */
  headers?: readonly string[];
}

export function isRedacting(o: RedactionOptions): boolean {
  return (
    o.queryParams.length > 0 ||
    o.urlCredentials ||
    o.jsonKeys.length > 0 ||
    o.patterns.length > 0 ||
    (o.headers ?? []).length > 0
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

/** A secret shorter than MIN_SCRUB_LENGTH: its other copies go only where they stand alone. */
export interface ShortSecretNote {
  /** Which rule found it: 'query parameter "token"', 'JSON key "pin"', 'URL credentials'. */
  source: string;
  length: number;
  /** Copies elsewhere replaced as whole words (ids, Last-Event-ID, data). */
  wholeWordCopies: number;
}

export interface Redaction {
  file: CaptureFile;
  shortSecrets: ShortSecretNote[];
}

export function redactCapture(file: CaptureFile, options: RedactionOptions): CaptureFile {
  return redactWithNotes(file, options).file;
}

/** Redacts `file`, and says which secrets were too short to hunt for inside other words. */
export function redactWithNotes(file: CaptureFile, options: RedactionOptions): Redaction {
  const compiled = compilePatterns(options.patterns);
  if (!compiled.ok) throw new Error(compiled.error);
  const rules: UrlRules = {
    params: new Set(options.queryParams.map((p) => p.toLowerCase())),
    credentials: options.urlCredentials,
  };
  const keys = new Set(options.jsonKeys.map((k) => k.toLowerCase()));
  const headerNames = new Set((options.headers ?? []).map((h) => h.toLowerCase()));
  const secrets = new Set<string>();
  /** Short secrets, each with the first rule that found it. */
  const shortSources = new Map<string, string>();
  const found: FoundSecret = (s, source) => {
    if (s === '' || s === REDACTED) return;
    secrets.add(s);
    if (s.length < MIN_SCRUB_LENGTH && !shortSources.has(s)) shortSources.set(s, source);
  };
  let replaced = 0;

  // Pass 1: the rules that find secrets, remembering every value they replace.
  const stage = (text: string, url: boolean): string => {
    const r = url ? redactUrl(text, rules, found) : redactUrlsInText(text, rules, found);
    replaced += r.replaced;
    return r.text;
  };
  const header = ([name, value]: HeaderPair): HeaderPair => {
    const r = redactHeader(name, value, headerNames, found);
    replaced += r.replaced;
    return [name, stage(r.value, false)];
  };
  // A form-encoded request body is a query string: its secret parameters go like a URL's.
  const form = (body: string): string => {
    const r = redactUrl(`&${body}`, rules, found);
    replaced += r.replaced;
    return r.text.slice(1);
  };
  const staged = file.connections.map((c) =>
    stageConnection(c, { stage, header, form }, (data) => {
      const r = redactJsonKeys(data, keys, (s, key) => found(s, `JSON key "${key}"`));
      replaced += r.replaced;
      return r.text;
    }),
  );

  // Pass 2: user patterns, then every remaining copy of a secret, in every text field, in one
  // scan per text however many secrets there are.
  const scanner = new SecretScanner(secrets);
  const shortCopies = new Map<string, number>();
  const scrub = (text: string): string => {
    let out = text;
    for (const re of compiled.regexes) {
      out = out.replace(re, () => {
        replaced++;
        return REDACTED;
      });
    }
    if (scanner.empty) return out;
    const spans = scanner.find(out);
    if (spans.length === 0) return out;
    const parts: string[] = [];
    let copied = 0;
    for (const { start, end } of spans) {
      const copy = out.slice(start, end);
      if (shortSources.has(copy)) shortCopies.set(copy, (shortCopies.get(copy) ?? 0) + 1);
      parts.push(out.slice(copied, start), REDACTED);
      copied = end;
    }
    parts.push(out.slice(copied));
    replaced += spans.length;
    return parts.join('');
  };
  const connections = staged.map((c) => mapText(c, scrub));
  return {
    file: {
      ...file,
      redaction: {
        queryParams: [...options.queryParams],
        urlCredentials: options.urlCredentials,
        jsonKeys: [...options.jsonKeys],
        patterns: compiled.regexes.length,
        ...(headerNames.size > 0 && { headers: [...(options.headers ?? [])] }),
        replaced,
      },
      connections,
    },
    shortSecrets: [...shortSources].map(([secret, source]) => ({
      source,
      length: secret.length,
      wholeWordCopies: shortCopies.get(secret) ?? 0,
    })),
  };
}

type Stage = (text: string, url: boolean) => string;

interface Stages {
  stage: Stage;
  header: (h: HeaderPair) => HeaderPair;
  form: (body: string) => string;
}

function stageConnection(
  c: CaptureConnection,
  { stage, header, form }: Stages,
  json: (data: string) => string,
): CaptureConnection {
  const formBody = c.request?.headers.some(
    ([name, value]) =>
      name.toLowerCase() === 'content-type' &&
      value.toLowerCase().startsWith('application/x-www-form-urlencoded'),
  );
  return {
    ...c,
    url: stage(c.url, true),
    page: { url: c.page.url === null ? null : stage(c.page.url, true) },
    frame: { ...c.frame, url: stage(c.frame.url, true) },
    stack: stage(c.stack, false),
    frames: c.frames.map((f) => ({ ...f, data: stage(json(f.data), false) })),
    ...(c.request && {
      request: {
        ...c.request,
        headers: c.request.headers.map(header),
        ...(c.request.body && {
          body: {
            ...c.request.body,
            text: stage(formBody ? form(c.request.body.text) : json(c.request.body.text), false),
          },
        }),
      },
    }),
    ...(c.response && {
      response: {
        ...c.response,
        url: stage(c.response.url, true),
        headers: c.response.headers.map(header),
      },
    }),
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
    ...(f.note !== undefined && { note: fn(f.note) }),
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
    ...(c.trailer && { trailer: redactTrailer(c.trailer, fn) }),
    ...(c.request && {
      request: {
        ...c.request,
        headers: c.request.headers.map(([n, v]): HeaderPair => [n, fn(v)]),
        ...(c.request.body && { body: { ...c.request.body, text: fn(c.request.body.text) } }),
      },
    }),
    ...(c.response && {
      response: {
        ...c.response,
        statusText: fn(c.response.statusText),
        url: fn(c.response.url),
        headers: c.response.headers.map(([n, v]): HeaderPair => [n, fn(v)]),
      },
    }),
    ...(c.end && { end: { ...c.end, error: fn(c.end.error) } }),
    ...(c.imported && { imported: { ...c.imported, name: fn(c.imported.name) } }),
  };
}

function redactTrailer(t: StreamTrailer, fn: (s: string) => string): StreamTrailer {
  return {
    ...t,
    ...(t.comments && { comments: t.comments.map(fn) }),
    ...(t.lastEventId !== undefined && { lastEventId: fn(t.lastEventId) }),
  };
}
