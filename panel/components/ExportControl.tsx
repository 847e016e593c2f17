// The Export button and the dialog it opens; disabled while there is nothing to export.
import { useState } from 'preact/hooks';
import type { PanelStore } from '../store';
import { ExportDialog } from './ExportDialog';
import { ExportIcon } from './icons';
import { t } from '../i18n/translate';

export function ExportControl({ store }: { store: PanelStore }) {
  const [open, setOpen] = useState(false);
  const empty = store.connections.value.length === 0;
  return (
    <>
      <button
        type="button"
        class="tool-button"
        data-testid="export"
        aria-label={t('export.label')}
        title={empty ? t('export.empty') : t('export.title')}
        disabled={empty}
        onClick={() => setOpen(true)}
      >
        <ExportIcon />
      </button>
      {open && <ExportDialog store={store} onClose={() => setOpen(false)} />}
    </>
  );
}
