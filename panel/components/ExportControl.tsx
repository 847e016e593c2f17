// The Export button and the dialog it opens; disabled while there is nothing to export.
import { useState } from 'preact/hooks';
import type { PanelStore } from '../store';
import { ExportDialog } from './ExportDialog';
import { ExportIcon } from './icons';

export function ExportControl({ store }: { store: PanelStore }) {
  const [open, setOpen] = useState(false);
  const empty = store.connections.value.length === 0;
  return (
    <>
      <button
        type="button"
        class="tool-button"
        data-testid="export"
        aria-label="Export capture"
        title={
          empty ? 'Nothing to export yet' : 'Export: SSE Lens JSON, HAR or .sse, with redaction'
        }
        disabled={empty}
        onClick={() => setOpen(true)}
      >
        <ExportIcon />
      </button>
      {open && <ExportDialog store={store} onClose={() => setOpen(false)} />}
    </>
  );
}
