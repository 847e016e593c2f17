// The export dialog: what to export (all, the selected connection, the filtered frames), in
// which format and with what redacted; it builds the capture its preview and downloads show.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { CaptureFile, ExportScope } from '../../src/export/capture-types';
import {
  compilePatterns,
  isRedacting,
  redactWithNotes,
  type ShortSecretNote,
} from '../../src/export/redact';
import { renderExport, type ExportFormat } from '../../src/export/render-export';
import { appVersion } from '../app-version';
import { buildExport, exactBodies, scopeSummary } from '../export-build';
import { downloadFile } from '../export-download';
import { useDebounced } from '../use-debounced';
import type { PanelStore } from '../store';
import { ExportPreview, PREVIEW_FRAMES } from './ExportPreview';
import { CloseIcon } from './icons';
import {
  INITIAL_REDACTION,
  NO_REDACTION,
  RedactionFields,
  ShortSecretWarning,
  redactionOptions,
} from './RedactionFields';
import '../import-export.css';
import { t, type MessageKey } from '../i18n/translate';

const PREVIEW_CHARS = 20_000;
/** How long typing in the redaction fields must pause before the preview is rebuilt. */
const TYPING_MS = 250;

const SCOPES: { value: ExportScope; label: MessageKey }[] = [
  { value: 'all', label: 'conn.all' },
  { value: 'connection', label: 'export.scope.connection' },
  { value: 'filtered', label: 'export.scope.filtered' },
];

const FORMATS: { value: ExportFormat; label: () => string; note: MessageKey }[] = [
  { value: 'json', label: () => 'SSE Lens JSON', note: 'export.format.jsonNote' },
  { value: 'har', label: () => 'HAR 1.2', note: 'export.format.harNote' },
  {
    value: 'sse',
    label: () => t('export.format.raw'),
    note: 'export.format.rawNote',
  },
];

type Built =
  | {
      ok: true;
      file: CaptureFile;
      preview: string;
      shortSecrets: ShortSecretNote[];
      /** Raw streams written byte for byte, by connection id. */
      exact: Map<string, Uint8Array<ArrayBuffer>>;
      exactNote: string | null;
    }
  | { ok: false; error: string };

export function ExportDialog({ store, onClose }: { store: PanelStore; onClose: () => void }) {
  const summaries = useMemo(
    () => Object.fromEntries(SCOPES.map((s) => [s.value, scopeSummary(store, s.value)])),
    [store],
  );
  const [scope, setScope] = useState<ExportScope>(() =>
    summaries.filtered?.available ? 'filtered' : 'all',
  );
  const [format, setFormat] = useState<ExportFormat>('json');
  const [redaction, setRedaction] = useState(INITIAL_REDACTION);
  const dialog = useRef<HTMLDivElement>(null);

  useEffect(() => {
    dialog.current?.querySelector<HTMLElement>('input:checked')?.focus();
  }, []);

  // Typing in the redaction fields rebuilds the preview once it pauses.
  const settled = useDebounced(redaction, TYPING_MS);
  const options = useMemo(() => redactionOptions(settled), [settled]);

  const built: Built = useMemo(() => {
    const compiled = compilePatterns(options.patterns);
    if (!compiled.ok) return { ok: false, error: compiled.error };
    const raw = buildExport(store, scope, NO_REDACTION, appVersion(), Date.now());
    const { file, shortSecrets } = isRedacting(options)
      ? redactWithNotes(raw, options)
      : { file: raw, shortSecrets: [] };
    const short = {
      ...file,
      connections: file.connections.map((c) => ({
        ...c,
        frames: c.frames.slice(0, PREVIEW_FRAMES),
      })),
    };
    const redacting = isRedacting(options);
    const exact = format === 'sse' ? exactBodies(store, scope, redacting) : new Map();
    const text = renderExport(short, format, exact)
      .map((f) => (format === 'sse' ? `# ${f.name}\n${f.text}` : f.text))
      .join('\n');
    const exactNote =
      format !== 'sse'
        ? null
        : exact.size > 0
          ? t('export.exact', { count: exact.size, total: file.connections.length })
          : redacting && exactBodies(store, scope, false).size > 0
            ? t('export.exactRedacting')
            : null;
    return {
      ok: true,
      file,
      preview: text.slice(0, PREVIEW_CHARS),
      shortSecrets,
      exact,
      exactNote,
    };
  }, [store, scope, format, options]);

  const download = (file: CaptureFile): void => {
    const exact = built.ok ? built.exact : new Map<string, Uint8Array<ArrayBuffer>>();
    for (const f of renderExport(file, format, exact)) downloadFile(f);
  };

  return (
    <div class="modal-backdrop" onClick={(e) => e.target === e.currentTarget && onClose()}>
      <div
        ref={dialog}
        class="export-dialog"
        role="dialog"
        aria-modal="true"
        aria-label={t('export.label')}
        data-testid="export-dialog"
        onKeyDown={(e) => e.key === 'Escape' && onClose()}
      >
        <header>
          <h2>{t('export.label')}</h2>
          <button
            type="button"
            class="tool-button"
            aria-label={t('export.close')}
            data-testid="export-close"
            onClick={onClose}
          >
            <CloseIcon />
          </button>
        </header>
        <div class="export-options">
          <fieldset>
            <legend>{t('export.what')}</legend>
            {SCOPES.map((s) => {
              const summary = summaries[s.value];
              return (
                <label key={s.value} class={summary?.available ? '' : 'dim'}>
                  <input
                    type="radio"
                    name="export-scope"
                    data-testid={`export-scope-${s.value}`}
                    checked={scope === s.value}
                    disabled={!summary?.available}
                    onChange={() => setScope(s.value)}
                  />
                  {t(s.label)}
                  {summary?.available && (
                    <span class="dim">
                      {' '}
                      {t('export.scopeSummary', {
                        connections: String(summary.connections),
                        frames: String(summary.frames),
                      })}
                    </span>
                  )}
                </label>
              );
            })}
          </fieldset>
          <fieldset>
            <legend>{t('export.format')}</legend>
            {FORMATS.map((f) => (
              <label key={f.value}>
                <input
                  type="radio"
                  name="export-format"
                  data-testid={`export-format-${f.value}`}
                  checked={format === f.value}
                  onChange={() => setFormat(f.value)}
                />
                {f.label()} <span class="dim">{t(f.note)}</span>
              </label>
            ))}
          </fieldset>
          <RedactionFields
            value={redaction}
            onChange={(change) => setRedaction((r) => ({ ...r, ...change }))}
          />
        </div>
        {built.ok && built.exactNote !== null && (
          <p class="export-summary dim" data-testid="export-exact" data-exact={built.exact.size}>
            {built.exactNote}
          </p>
        )}
        {built.ok && <ShortSecretWarning notes={built.shortSecrets} />}
        {built.ok ? (
          <ExportPreview
            file={built.file}
            text={built.preview}
            format={format}
            onDownload={download}
          />
        ) : (
          <p class="export-error" role="alert" data-testid="export-error">
            {built.error}
          </p>
        )}
      </div>
    </div>
  );
}
