// The export dialog's Redact section: secret query parameters, URL credentials, JSON keys in
// data and free patterns. Holds the raw text the user types; the dialog turns it into options.
// Also the warning for secrets too short to be hunted for inside other words.
import { DEFAULT_SECRET_HEADERS } from '../../src/export/redact-headers';
import { DEFAULT_SECRET_PARAMS } from '../../src/export/redact-url';
import type { RedactionOptions, ShortSecretNote } from '../../src/export/redact';
import { MIN_SCRUB_LENGTH } from '../../src/export/secret-scan';

export interface RedactionInput {
  query: boolean;
  params: string;
  credentials: boolean;
  secretHeaders: boolean;
  headerNames: string;
  jsonKeys: string;
  patterns: string;
}

export const INITIAL_REDACTION: RedactionInput = {
  query: false,
  params: DEFAULT_SECRET_PARAMS.join(', '),
  credentials: false,
  secretHeaders: false,
  headerNames: DEFAULT_SECRET_HEADERS.join(', '),
  jsonKeys: '',
  patterns: '',
};

const list = (text: string, separator: RegExp): string[] =>
  text
    .split(separator)
    .map((s) => s.trim())
    .filter((s) => s !== '');

/** No redaction: what the dialog builds before it redacts (and collects the notes). */
export const NO_REDACTION: RedactionOptions = {
  queryParams: [],
  urlCredentials: false,
  jsonKeys: [],
  patterns: [],
};

export function redactionOptions(input: RedactionInput): RedactionOptions {
  return {
    queryParams: input.query ? list(input.params, /[\s,]+/) : [],
    urlCredentials: input.credentials,
    jsonKeys: list(input.jsonKeys, /[\s,]+/),
    patterns: list(input.patterns, /\n/),
    headers: input.secretHeaders ? list(input.headerNames, /[\s,]+/) : [],
  };
}

interface Props {
  value: RedactionInput;
  onChange: (change: Partial<RedactionInput>) => void;
}

export function RedactionFields({ value, onChange }: Props) {
  return (
    <fieldset class="redaction">
      <legend>Redact</legend>
      <label>
        <input
          type="checkbox"
          data-testid="redact-query"
          checked={value.query}
          onChange={(e) => onChange({ query: e.currentTarget.checked })}
        />
        Query-string secrets
      </label>
      <input
        type="text"
        class="wide"
        aria-label="Secret query parameter names"
        data-testid="redact-params"
        value={value.params}
        disabled={!value.query}
        onInput={(e) => onChange({ params: e.currentTarget.value })}
      />
      <label>
        <input
          type="checkbox"
          data-testid="redact-credentials"
          checked={value.credentials}
          onChange={(e) => onChange({ credentials: e.currentTarget.checked })}
        />
        Credentials in URLs (user:password@)
      </label>
      <label>
        <input
          type="checkbox"
          data-testid="redact-headers"
          checked={value.secretHeaders}
          onChange={(e) => onChange({ secretHeaders: e.currentTarget.checked })}
        />
        Secret headers of fetch/XHR requests and responses
      </label>
      <input
        type="text"
        class="wide"
        aria-label="Secret header names"
        data-testid="redact-header-names"
        value={value.headerNames}
        disabled={!value.secretHeaders}
        onInput={(e) => onChange({ headerNames: e.currentTarget.value })}
      />
      <label class="stacked">
        JSON keys in data <span class="dim">(comma-separated)</span>
        <input
          type="text"
          class="wide"
          placeholder="password, token, secret"
          data-testid="redact-json-keys"
          value={value.jsonKeys}
          onInput={(e) => onChange({ jsonKeys: e.currentTarget.value })}
        />
      </label>
      <label class="stacked">
        Patterns <span class="dim">(one regular expression per line, anywhere)</span>
        <textarea
          rows={2}
          class="wide"
          placeholder="/Bearer \S+/i"
          data-testid="redact-patterns"
          value={value.patterns}
          onInput={(e) => onChange({ patterns: e.currentTarget.value })}
        />
      </label>
    </fieldset>
  );
}

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** Says which secrets were short, where they came from, and what happened to their copies. */
export function ShortSecretWarning({ notes }: { notes: readonly ShortSecretNote[] }) {
  if (notes.length === 0) return null;
  return (
    <div class="export-warning" role="status" data-testid="redact-short-warning">
      <p>
        {notes.length === 1 ? 'A secret is' : `${notes.length} secrets are`} shorter than{' '}
        {MIN_SCRUB_LENGTH} characters. Where found by its rule it is redacted; other copies are
        replaced only where they stand as a whole word (an event ID, a Last-Event-ID, a JSON value),
        not inside longer words. Check the preview.
      </p>
      <ul>
        {notes.map((n, i) => (
          <li key={i}>
            {n.source}: {plural(n.length, 'character', 'characters')},{' '}
            {plural(n.wholeWordCopies, 'other copy', 'other copies')} replaced
          </li>
        ))}
      </ul>
    </div>
  );
}
