// The Import button: picks a capture file (SSE Lens JSON, a HAR, .sse or .ndjson), adds its
// connections to the panel marked as imported, and says what was imported or why it was not.
import { useRef, useState } from 'preact/hooks';
import { readImportFile } from '../import-read';
import type { PanelStore } from '../store';
import { CloseIcon, ImportIcon } from './icons';
import '../import-export.css';
import { say, t } from '../i18n/translate';
import { ImportError } from '../../src/export/json-read';

type Notice = { kind: 'status' | 'error'; text: string };

const FORMAT_NAMES = {
  'sse-lens-json': () => t('import.format.json'),
  'sse-lens-har': () => 'SSE Lens HAR',
  'chrome-har': () => 'HAR',
  'event-stream': () => t('import.format.eventStream'),
  ndjson: () => 'NDJSON',
} as const;

export function ImportControl({ store }: { store: PanelStore }) {
  const input = useRef<HTMLInputElement>(null);
  const [notice, setNotice] = useState<Notice | null>(null);

  const importFile = async (file: File): Promise<void> => {
    try {
      const result = await readImportFile(file);
      const count = store.importCapture(result.file, result.format, file.name);
      const frames = result.file.connections.reduce((n, c) => n + c.frames.length, 0);
      const ignored = result.ignored > 0 ? t('import.ignored', { count: result.ignored }) : '';
      setNotice({
        kind: 'status',
        text: t('import.done', {
          format: FORMAT_NAMES[result.format](),
          name: file.name,
          connections: t('count.connections', { count }),
          frames: t('count.frames', { count: frames }),
          ignored,
        }),
      });
    } catch (e) {
      const reason =
        e instanceof ImportError ? say(e.problem) : e instanceof Error ? e.message : String(e);
      setNotice({ kind: 'error', text: t('import.failed', { name: file.name, reason }) });
    }
  };

  return (
    <>
      <button
        type="button"
        class="tool-button"
        data-testid="import"
        aria-label={t('import.label')}
        title={t('import.title')}
        onClick={() => input.current?.click()}
      >
        <ImportIcon />
      </button>
      <input
        ref={input}
        type="file"
        hidden
        data-testid="import-file"
        accept=".json,.har,.sse,.ndjson,.jsonl,.txt,application/json,text/event-stream,application/x-ndjson"
        onChange={(e) => {
          const file = e.currentTarget.files?.[0];
          e.currentTarget.value = '';
          if (file) void importFile(file);
        }}
      />
      {notice && (
        <span
          class={`import-notice ${notice.kind}`}
          role={notice.kind === 'error' ? 'alert' : 'status'}
          data-testid={notice.kind === 'error' ? 'import-error' : 'import-status'}
          title={notice.text}
        >
          <span class="text">{notice.text}</span>
          <button
            type="button"
            class="tool-button"
            aria-label={t('import.dismiss')}
            onClick={() => setNotice(null)}
          >
            <CloseIcon />
          </button>
        </span>
      )}
    </>
  );
}
