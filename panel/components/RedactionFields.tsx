// The export dialog's Redact section: secret query parameters, URL credentials, JSON keys in
// data and free patterns. Holds the raw text the user types; the dialog turns it into options.
// Also the warning for secrets too short to be hunted for inside other words.
import { DEFAULT_SECRET_HEADERS } from '../../src/export/redact-headers';
import { DEFAULT_SECRET_PARAMS } from '../../src/export/redact-url';
import type { RedactionOptions, ShortSecretNote } from '../../src/export/redact';
import { MIN_SCRUB_LENGTH } from '../../src/export/secret-scan';
import { t } from '../i18n/translate';

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
      <legend>{t('redact.legend')}</legend>
      <label>
        <input
          type="checkbox"
          data-testid="redact-query"
          checked={value.query}
          onChange={(e) => onChange({ query: e.currentTarget.checked })}
        />
        {t('redact.query')}
      </label>
      <input
        type="text"
        class="wide"
        aria-label={t('redact.paramsLabel')}
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
        {t('redact.credentials')}
      </label>
      <label>
        <input
          type="checkbox"
          data-testid="redact-headers"
          checked={value.secretHeaders}
          onChange={(e) => onChange({ secretHeaders: e.currentTarget.checked })}
        />
        {t('redact.headers')}
      </label>
      <input
        type="text"
        class="wide"
        aria-label={t('redact.headerNamesLabel')}
        data-testid="redact-header-names"
        value={value.headerNames}
        disabled={!value.secretHeaders}
        onInput={(e) => onChange({ headerNames: e.currentTarget.value })}
      />
      <label class="stacked">
        {t('redact.jsonKeys')} <span class="dim">{t('redact.commaSeparated')}</span>
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
        {t('redact.patterns')} <span class="dim">{t('redact.patternsHint')}</span>
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

/** Says which secrets were short, where they came from, and what happened to their copies. */
export function ShortSecretWarning({ notes }: { notes: readonly ShortSecretNote[] }) {
  if (notes.length === 0) return null;
  return (
    <div class="export-warning" role="status" data-testid="redact-short-warning">
      <p>{t('redact.short', { count: notes.length, min: MIN_SCRUB_LENGTH })}</p>
      <ul>
        {notes.map((n, i) => (
          <li key={i}>
            {t('redact.shortItem', {
              source: n.source,
              chars: t('redact.chars', { count: n.length }),
              copies: t('redact.copies', { count: n.wholeWordCopies }),
            })}
          </li>
        ))}
      </ul>
    </div>
  );
}
