// Redacts secrets in URLs as text, without re-serializing them (which would change unrelated
// parts): values of secret query (and fragment) parameters, and user:password credentials.
// Each secret found is reported with where it came from, so the caller can scrub its other
// occurrences too and say which rule found a secret too short to hunt for everywhere.

export const REDACTED = 'REDACTED';

/** Query parameter names treated as secrets by default (compared case-insensitively). */
export const DEFAULT_SECRET_PARAMS: readonly string[] = [
  'access_token',
  'api_key',
  'api-key',
  'apikey',
  'auth',
  'auth_token',
  'authorization',
  'client_secret',
  'code',
  'credential',
  'id_token',
  'jwt',
  'key',
  'passwd',
  'password',
  'private_token',
  'refresh_token',
  'secret',
  'session',
  'session_id',
  'sessionid',
  'sid',
  'sig',
  'signature',
  'token',
  'x-amz-credential',
  'x-amz-security-token',
  'x-amz-signature',
];

export interface UrlRules {
  /** Lower-case parameter names, or null to leave parameters alone. */
  params: ReadonlySet<string> | null;
  credentials: boolean;
}

/** Receives each secret value and a phrase naming its source ('query parameter "token"'). */
export type FoundSecret = (secret: string, source: string) => void;

export interface UrlRedaction {
  text: string;
  replaced: number;
}

/** Absolute URLs inside free text (stacks, data): up to whitespace, quotes or brackets. */
const URL_IN_TEXT = /\b[a-z][a-z0-9+.-]*:\/\/[^\s"'<>()[\]{}`\\]+/gi;
const USERINFO = /^([a-z][a-z0-9+.-]*:\/\/)([^@/?#]*)@/i;

/** Redacts one URL; `found` receives each secret value (raw and percent-decoded). */
export function redactUrl(url: string, rules: UrlRules, found: FoundSecret): UrlRedaction {
  let replaced = 0;
  let text = url;
  if (rules.credentials) {
    text = text.replace(USERINFO, (_match, scheme: string, userinfo: string) => {
      for (const part of userinfo.split(':')) report(part, 'URL credentials', found);
      replaced++;
      return `${scheme}${userinfo.includes(':') ? `${REDACTED}:${REDACTED}` : REDACTED}@`;
    });
  }
  const params = rules.params;
  if (params !== null && params.size > 0) {
    text = text.replace(
      /([?#&;])([^=&#;]*)=([^&#;]*)/g,
      (match, sep: string, name: string, value: string) => {
        if (value === '' || value === REDACTED || !params.has(decode(name).toLowerCase()))
          return match;
        report(value, `query parameter "${decode(name)}"`, found);
        replaced++;
        return `${sep}${name}=${REDACTED}`;
      },
    );
  }
  return { text, replaced };
}

/** Applies `redactUrl` to every absolute URL inside `text`. */
export function redactUrlsInText(text: string, rules: UrlRules, found: FoundSecret): UrlRedaction {
  let replaced = 0;
  const out = text.replace(URL_IN_TEXT, (match) => {
    // Stack frames end a URL with `:line:column`, which is not part of a parameter value.
    const position = /(:\d+){1,2}$/.exec(match)?.[0] ?? '';
    const r = redactUrl(match.slice(0, match.length - position.length), rules, found);
    replaced += r.replaced;
    return r.text + position;
  });
  return { text: out, replaced };
}

function report(raw: string, source: string, found: FoundSecret): void {
  if (raw === '') return;
  found(raw, source);
  const decoded = decode(raw);
  if (decoded !== raw) found(decoded, source);
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}
