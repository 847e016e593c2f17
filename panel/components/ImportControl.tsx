// The Import button: picks a capture file (SSE Lens JSON, a HAR, .sse or .ndjson), adds its
// connections to the panel marked as imported, and says what was imported or why it was not.
import { useRef, useState } from 'preact/hooks';
import { plural } from '../format';
import { readImportFile } from '../import-read';
import type { PanelStore } from '../store';
import { CloseIcon, ImportIcon } from './icons';
import '../import-export.css';

type Notice = { kind: 'status' | 'error'; text: string };

const FORMAT_NAMES = {
  'sse-lens-json': 'SSE Lens capture',
  'sse-lens-har': 'SSE Lens HAR',
  'chrome-har': 'HAR',
  'event-stream': 'event stream',
  ndjson: 'NDJSON',
} as const;

export function ImportControl({ store }: { store: PanelStore }) {
  const input = useRef<HTMLInputElement>(null);
  const [notice, setNotice] = useState<Notice | null>(null);

  const importFile = async (file: File): Promise<void> => {
    try {
      const result = await readImportFile(file);
      const count = store.importCapture(result.file, result.format, file.name);
      const frames = result.file.connections.reduce((n, c) => n + c.frames.length, 0);
      const ignored =
        result.ignored > 0 ? `; ${plural(result.ignored, 'other request')} ignored` : '';
      setNotice({
        kind: 'status',
        text: `Imported ${FORMAT_NAMES[result.format]} ${file.name}: ${plural(count, 'connection')}, ${plural(frames, 'frame')}${ignored}`,
      });
    } catch (e) {
      const reason = e instanceof Error ? e.message : String(e);
      setNotice({ kind: 'error', text: `Could not import ${file.name}: ${reason}` });
    }
  };

  return (
    <>
      <button
        type="button"
        class="tool-button"
        data-testid="import"
        aria-label="Import capture"
        title="Import a capture: SSE Lens JSON, HAR (also from Chrome DevTools) or .sse"
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
            aria-label="Dismiss"
            onClick={() => setNotice(null)}
          >
            <CloseIcon />
          </button>
        </span>
      )}
    </>
  );
}
