// Redaction of fetch/XHR streams: secret request and response headers (Authorization, Cookie,
// API keys) and secrets inside request bodies (JSON keys, form fields) are replaced, and their
// copies anywhere else in the export go too, in every format.
import { describe, expect, it } from 'vitest';
import { buildCapture } from '../../src/export/build-capture';
import { redactCapture, redactWithNotes } from '../../src/export/redact';
import { DEFAULT_SECRET_HEADERS, redactHeader } from '../../src/export/redact-headers';
import { DEFAULT_SECRET_PARAMS } from '../../src/export/redact-url';
import { renderExport, type ExportFormat } from '../../src/export/render-export';
import { NOW, stateFrom, T0 } from './export-fixtures';
import { API_KEY, BEARER, CHAT_BODY, fetchRecords } from './export-fetch-fixtures';
import { schemaErrors } from './export-schema';

const SESSION = 'sess-5c0ffee5c0ffee';
const PASSWORD = 'correct-horse-battery';

function capture() {
  const records = fetchRecords();
  // The chat stream echoes the API key in an event, and the NDJSON request sends a cookie.
  records.push({
    kind: 'event',
    conn: 1,
    t: T0 + 41,
    type: 'message',
    data: `{"echo":"${API_KEY}"}`,
    lastEventId: '3',
    origin: 'http://127.0.0.1:4000',
    size: 10,
    truncated: false,
    source: 'wire',
    frameKind: 'event',
  });
  const ndjson = records.find((r) => r.kind === 'connection' && r.conn === 2);
  if (ndjson?.kind === 'connection' && ndjson.request) {
    ndjson.request.headers.push(['cookie', `theme=dark; session=${SESSION}`]);
  }
  records.push({
    kind: 'connection',
    conn: 4,
    t: T0 + 300,
    url: 'http://127.0.0.1:4000/login/stream',
    withCredentials: false,
    frameUrl: 'http://127.0.0.1:4000/page',
    stack: '',
    api: 'xhr',
    request: {
      method: 'POST',
      headers: [['content-type', 'application/x-www-form-urlencoded']],
      credentials: 'same-origin',
    },
  });
  records.push({
    kind: 'body',
    conn: 4,
    t: T0 + 301,
    text: `user=al&password=${PASSWORD}&remember=1`,
    binary: false,
    kept: 40,
    size: 40,
  });
  return buildCapture(stateFrom(records), {
    scope: 'all',
    connections: null,
    now: NOW,
    generatorVersion: '0.1.0',
  });
}

const options = {
  queryParams: DEFAULT_SECRET_PARAMS,
  urlCredentials: true,
  jsonKeys: ['api_key'],
  patterns: [],
  headers: DEFAULT_SECRET_HEADERS,
};

describe('redaction of fetch streams', () => {
  for (const format of ['json', 'har', 'sse'] as ExportFormat[]) {
    it(`leaves no header or body secret in the ${format} export`, () => {
      const text = renderExport(redactCapture(capture(), options), format)
        .map((f) => f.text)
        .join('\n');
      for (const secret of [API_KEY, BEARER.slice(7), SESSION, PASSWORD]) {
        expect(text).not.toContain(secret);
      }
    });
  }

  it('keeps what each header is, and the rest of the request', () => {
    const { file, shortSecrets } = redactWithNotes(capture(), options);
    expect(schemaErrors(file)).toEqual([]);
    const [chat, ndjson, , form] = file.connections;
    expect(chat?.request?.headers).toEqual([
      ['content-type', 'application/json'],
      ['authorization', 'Bearer REDACTED'],
      ['x-api-key', 'REDACTED'],
    ]);
    expect(chat?.request?.body?.text).toBe(CHAT_BODY.replace(API_KEY, 'REDACTED'));
    expect(chat?.frames.at(-1)?.data).toBe('{"echo":"REDACTED"}');
    expect(chat?.response?.headers).toEqual([['content-type', 'text/event-stream; charset=utf-8']]);
    expect(ndjson?.request?.headers).toEqual([['cookie', 'theme=REDACTED; session=REDACTED']]);
    expect(form?.request?.body?.text).toBe('user=al&password=REDACTED&remember=1');
    expect(file.redaction?.headers).toEqual(DEFAULT_SECRET_HEADERS);
    // "dark" is a short cookie value: redacted where it stood, hunted only as a whole word.
    expect(shortSecrets).toContainEqual({
      source: 'header "cookie"',
      length: 4,
      wholeWordCopies: 0,
    });
  });

  it('leaves headers alone unless asked', () => {
    const file = redactCapture(capture(), { ...options, headers: [] });
    expect(file.connections[0]?.request?.headers[1]).toEqual(['authorization', BEARER]);
    expect(file.redaction).not.toHaveProperty('headers');
  });

  it('redacts Set-Cookie values but keeps the attributes, and Basic credentials', () => {
    const names = new Set(['set-cookie', 'authorization']);
    const seen: string[] = [];
    const found = (s: string) => seen.push(s);
    expect(redactHeader('Set-Cookie', 'sid=abc123xyz; Path=/; HttpOnly', names, found)).toEqual({
      value: 'sid=REDACTED; Path=/; HttpOnly',
      replaced: 1,
    });
    expect(redactHeader('Authorization', 'Basic YWxpY2U6cHc=', names, found).value).toBe(
      'Basic REDACTED',
    );
    expect(redactHeader('Accept', 'text/event-stream', names, found).replaced).toBe(0);
    expect(seen).toEqual(['abc123xyz', 'YWxpY2U6cHc=']);
  });
});
