// Redaction leaves no secret behind in any export format: query parameters, URL credentials,
// JSON keys and user patterns are replaced, and copies of those secrets elsewhere go too.
import { describe, expect, it } from 'vitest';
import { buildCapture } from '../../src/export/build-capture';
import { redactCapture, compilePatterns, redactWithNotes } from '../../src/export/redact';
import { redactJsonKeys } from '../../src/export/redact-json';
import { SecretScanner } from '../../src/export/secret-scan';
import { DEFAULT_SECRET_PARAMS, redactUrl } from '../../src/export/redact-url';
import { renderExport, type ExportFormat } from '../../src/export/render-export';
import { stateFrom, T0 } from './export-fixtures';
import { harProblems } from './export-har-check';
import { schemaErrors } from './export-schema';

const TOKEN = 'tok-9f8e7d6c5b4a';
const PASSWORD = 'hunter2-hunter2';
const BEARER = 'eyJhbGciOiJIUzI1NiJ9.payload.sig';
const USER = 'alice-admin';
const PASS = 'pa55-w0rd-x';

function secretCapture() {
  const url = `https://${USER}:${PASS}@api.test/stream?channel=news&access_token=${TOKEN}`;
  return buildCapture(
    stateFrom([
      {
        kind: 'connection',
        conn: 1,
        t: T0,
        url,
        withCredentials: false,
        frameUrl: `https://app.test/?token=${TOKEN}`,
        stack: `at connect (https://app.test/main.js?sig=${TOKEN}:1:2)`,
      },
      { kind: 'state', conn: 1, t: T0 + 1, readyState: 1, cause: 'open' },
      {
        kind: 'event',
        conn: 1,
        t: T0 + 2,
        type: 'message',
        data: JSON.stringify({ user: 'a', password: PASSWORD, nested: [{ Password: PASSWORD }] }),
        lastEventId: '1',
        origin: 'https://api.test',
        size: 10,
        truncated: false,
      },
      {
        kind: 'event',
        conn: 1,
        t: T0 + 3,
        type: 'message',
        data: `echo ${TOKEN} and ${PASSWORD}`,
        lastEventId: '2',
        origin: 'https://api.test',
        size: 10,
        truncated: false,
      },
      {
        kind: 'event',
        conn: 1,
        t: T0 + 4,
        type: 'auth',
        data: `Authorization: Bearer ${BEARER}`,
        lastEventId: '3',
        origin: 'https://api.test',
        size: 10,
        truncated: false,
      },
      {
        kind: 'event',
        conn: 1,
        t: T0 + 5,
        type: 'message',
        data: `see https://cdn.test/a.png?signature=${TOKEN}x&w=1`,
        lastEventId: '4',
        origin: 'https://api.test',
        size: 10,
        truncated: false,
      },
    ]),
    { scope: 'all', connections: null, now: T0 + 100, generatorVersion: '0.1.0' },
  );
}

const options = {
  queryParams: DEFAULT_SECRET_PARAMS,
  urlCredentials: true,
  jsonKeys: ['password'],
  patterns: ['/Bearer \\S+/i'],
};

describe('redaction', () => {
  for (const format of ['json', 'har', 'sse'] as ExportFormat[]) {
    it(`leaves no secret in the ${format} export`, () => {
      const files = renderExport(redactCapture(secretCapture(), options), format);
      const text = files.map((f) => f.text).join('\n');
      for (const secret of [TOKEN, PASSWORD, BEARER, USER, PASS])
        expect(text).not.toContain(secret);
      expect(text).toContain('REDACTED');
    });
  }

  it('keeps everything else, and says what it did', () => {
    const redacted = redactCapture(secretCapture(), options);
    expect(schemaErrors(redacted)).toEqual([]);
    const c = redacted.connections[0];
    expect(c?.url).toBe(
      'https://REDACTED:REDACTED@api.test/stream?channel=news&access_token=REDACTED',
    );
    expect(c?.frame.url).toBe('https://app.test/?token=REDACTED');
    expect(c?.stack).toBe('at connect (https://app.test/main.js?sig=REDACTED:1:2)');
    expect(c?.frames.map((f) => f.data)).toEqual([
      '{"user":"a","password":"REDACTED","nested":[{"Password":"REDACTED"}]}',
      'echo REDACTED and REDACTED',
      'Authorization: REDACTED',
      'see https://cdn.test/a.png?signature=REDACTED&w=1',
    ]);
    expect(redacted.redaction).toMatchObject({
      urlCredentials: true,
      jsonKeys: ['password'],
      patterns: 1,
    });
    expect(redacted.redaction?.replaced).toBeGreaterThanOrEqual(9);
    expect(harProblems(JSON.parse(renderExport(redacted, 'har')[0]?.text ?? ''))).toEqual([]);
  });

  it('treats a "__proto__" key in data as data', () => {
    const capture = secretCapture();
    const frame = capture.connections[0]?.frames[0];
    if (frame) frame.data = '{"__proto__":{"password":"x1234567"},"password":"y1234567"}';
    const out = redactCapture(capture, { ...options, jsonKeys: ['password'] });
    expect(out.connections[0]?.frames[0]?.data).toBe(
      '{"__proto__":{"password":"REDACTED"},"password":"REDACTED"}',
    );
  });

  it('rejects patterns that are invalid or match empty text', () => {
    expect(compilePatterns(['a(b'])).toMatchObject({
      ok: false,
      error: expect.stringContaining('pattern 1') as string,
    });
    expect(compilePatterns(['ok', 'x*'])).toEqual({
      ok: false,
      error: 'pattern 2 matches empty text',
    });
  });

  it('redacts URLs as text, leaving harmless parameters and encoding alone', () => {
    const found: string[] = [];
    const r = redactUrl(
      '/s?a=%20b&Token=x%2By&token=',
      { params: new Set(['token']), credentials: true },
      (s) => found.push(s),
    );
    expect(r).toEqual({ text: '/s?a=%20b&Token=REDACTED&token=', replaced: 1 });
    expect(found).toEqual(['x%2By', 'x+y']);
  });

  it('removes a short secret wherever it stands as a whole word, and says so', () => {
    const SHORT = 'ab12x';
    const capture = buildCapture(
      stateFrom([
        {
          kind: 'connection',
          conn: 1,
          t: T0,
          url: `https://api.test/stream?token=${SHORT}`,
          withCredentials: false,
          frameUrl: 'https://app.test/',
          stack: '',
        },
        { kind: 'state', conn: 1, t: T0 + 1, readyState: 1, cause: 'open' },
        {
          kind: 'event',
          conn: 1,
          t: T0 + 2,
          type: 'message',
          data: `{"echo":"${SHORT}","word":"xab12xy"}`,
          lastEventId: SHORT,
          origin: 'https://api.test',
          size: 10,
          truncated: false,
        },
        { kind: 'state', conn: 1, t: T0 + 3, readyState: 0, cause: 'error' },
        { kind: 'state', conn: 1, t: T0 + 4, readyState: 1, cause: 'open' },
      ]),
      { scope: 'all', connections: null, now: T0 + 100, generatorVersion: '0.1.0' },
    );
    const { file, shortSecrets } = redactWithNotes(capture, options);
    const c = file.connections[0];
    expect(c?.frames.map((f) => [f.id, f.data])).toEqual([
      ['REDACTED', '{"echo":"REDACTED","word":"xab12xy"}'],
    ]);
    expect(c?.attempts.map((a) => a.lastEventId)).toEqual(['', 'REDACTED']);
    expect(shortSecrets).toEqual([
      { source: 'query parameter "token"', length: 5, wholeWordCopies: 3 },
    ]);
    for (const format of ['json', 'har', 'sse'] as ExportFormat[]) {
      const text = renderExport(file, format)
        .map((f) => f.text)
        .join('\n');
      expect(text.replaceAll('xab12xy', '')).not.toMatch(/\bab12x\b/);
    }
  });

  it('edits JSON in place: big numbers, key order and spacing survive', () => {
    const data =
      '{ "id": 12345678901234567890123,\n  "Password" : [1e400, "s3cr\\u0065t"], "z": 1 }';
    const found: string[] = [];
    const r = redactJsonKeys(data, new Set(['password']), (s) => found.push(s));
    expect(r).toEqual({
      text: '{ "id": 12345678901234567890123,\n  "Password" : "REDACTED", "z": 1 }',
      replaced: 1,
    });
    expect(found).toEqual(['1e400', 's3cret', 's3cr\\u0065t']);
    const deep = `${'['.repeat(100_000)}{"password":"deep-secret"}${']'.repeat(100_000)}`;
    expect(redactJsonKeys(deep, new Set(['password']), () => {}).text).toContain(
      '{"password":"REDACTED"}',
    );
  });

  it('finds every copy of many secrets in one scan, merging overlapping copies', () => {
    const scanner = new SecretScanner(['abcdef', 'cdefgh', 'xyz', 'hhhhhh', 'hhhhhhhh']);
    const text = 'abcdefgh xyz xyzw hhhhhhhhh';
    const spans = scanner.find(text);
    expect(spans.map((s) => text.slice(s.start, s.end))).toEqual(['abcdefgh', 'xyz', 'hhhhhhhhh']);
    // Against a naive search, on random text over a small alphabet (so secrets overlap often).
    let seed = 7;
    const random = (n: number): number => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed % n;
    };
    const word = (n: number): string =>
      Array.from({ length: n }, () => 'ab'[random(2)] ?? '').join('');
    const secrets = Array.from({ length: 40 }, () => word(6 + random(4)));
    const haystack = word(5_000);
    const covered = new Array<boolean>(haystack.length).fill(false);
    for (const secret of secrets) {
      for (let i = haystack.indexOf(secret); i >= 0; i = haystack.indexOf(secret, i + 1))
        covered.fill(true, i, i + secret.length);
    }
    const got = new Array<boolean>(haystack.length).fill(false);
    for (const s of new SecretScanner(secrets).find(haystack)) got.fill(true, s.start, s.end);
    expect(got).toEqual(covered);
  });
});
