// Redacts the values of secret HTTP headers (Authorization, Cookie, API keys) in the request
// and response heads of fetch/XHR streams. The parts that say what a header is stay (the
// auth scheme, cookie names and attributes) and only the secret parts are replaced; each
// one is reported, so its copies elsewhere (echoed in data, a body, a URL) are scrubbed too.
import { REDACTED, type FoundSecret } from './redact-url';

/** Header names treated as secrets by default (compared case-insensitively). */
export const DEFAULT_SECRET_HEADERS: readonly string[] = [
  'authorization',
  'proxy-authorization',
  'cookie',
  'set-cookie',
  'x-api-key',
  'api-key',
  'apikey',
  'x-auth-token',
  'x-access-token',
  'x-csrf-token',
  'x-xsrf-token',
  'x-amz-security-token',
  'x-goog-api-key',
];

/** `value` with its secret parts replaced, and how many were; names must be lower-case. */
export function redactHeader(
  name: string,
  value: string,
  secretNames: ReadonlySet<string>,
  found: FoundSecret,
): { value: string; replaced: number } {
  const lower = name.toLowerCase();
  if (!secretNames.has(lower) || value === '' || value === REDACTED) {
    return { value, replaced: 0 };
  }
  const source = `header "${lower}"`;
  if (lower === 'cookie') return cookiePairs(value.split(/;\s*/), '; ', source, found);
  if (lower === 'set-cookie') {
    const [pair = '', ...attributes] = value.split(';');
    const r = cookiePairs([pair.trim()], '', source, found);
    return { value: [r.value, ...attributes].join(';'), replaced: r.replaced };
  }
  // `Bearer <token>`, `Basic <credentials>`: the scheme says what kind of secret it was.
  const scheme = /^([A-Za-z][\w-]*) +(\S.*)$/s.exec(value);
  if ((lower === 'authorization' || lower === 'proxy-authorization') && scheme) {
    found(scheme[2] ?? '', source);
    return { value: `${scheme[1] ?? ''} ${REDACTED}`, replaced: 1 };
  }
  found(value, source);
  return { value: REDACTED, replaced: 1 };
}

function cookiePairs(
  pairs: string[],
  separator: string,
  source: string,
  found: FoundSecret,
): { value: string; replaced: number } {
  let replaced = 0;
  const out = pairs.map((pair) => {
    const eq = pair.indexOf('=');
    const secret = eq === -1 ? pair : pair.slice(eq + 1);
    if (secret === '') return pair;
    found(secret, source);
    replaced++;
    return eq === -1 ? REDACTED : `${pair.slice(0, eq + 1)}${REDACTED}`;
  });
  return { value: out.join(separator), replaced };
}
