// The top toolbar: record/pause, clear, preserve log, frame filters, import and export, and
// the capture counters tests and users read.
import type { PanelStore } from '../store';
import { formatCount } from '../format';
import { FilterControls } from './FilterControls';
import { ExportControl } from './ExportControl';
import { ClearIcon, RecordIcon } from './icons';
import { ImportControl } from './ImportControl';

export function Toolbar({ store, onClear }: { store: PanelStore; onClear: () => void }) {
  const stats = store.stats.value;
  const recordLabel = stats.recording ? 'Pause recording' : 'Resume recording';
  return (
    <div class="toolbar" role="toolbar" aria-label="SSE capture">
      <button
        type="button"
        class={stats.recording ? 'tool-button record recording' : 'tool-button record'}
        data-testid="record-toggle"
        aria-pressed={stats.recording}
        aria-label={recordLabel}
        title={recordLabel}
        onClick={() => store.setRecording(!stats.recording)}
      >
        <RecordIcon />
      </button>
      <button
        type="button"
        class="tool-button"
        data-testid="clear"
        aria-label="Clear"
        title="Clear"
        onClick={onClear}
      >
        <ClearIcon />
      </button>
      <span class="divider" />
      <label class="check" title="Keep connections and frames when the page navigates">
        <input
          type="checkbox"
          data-testid="preserve-log"
          checked={stats.preserveLog}
          onChange={(e) => store.setPreserveLog(e.currentTarget.checked)}
        />
        Preserve log
      </label>
      <span class="divider" />
      <FilterControls store={store} />
      <span class="divider" />
      <ImportControl store={store} />
      <ExportControl store={store} />
      <span class="spacer" />
      {stats.droppedWhilePaused > 0 && (
        <Notice text={`${formatCount(stats.droppedWhilePaused)} not recorded while paused`} />
      )}
      {stats.evicted > 0 && (
        <Notice text={`${formatCount(stats.evicted)} older records evicted to bound memory`} />
      )}
      <span class="count">
        <span
          data-testid="frame-count"
          title="Frames received over all connections, including any since evicted from memory"
        >
          {stats.frames}
        </span>{' '}
        frames
      </span>
    </div>
  );
}

/** A counter the user should know about; titled because narrow toolbars ellipsize it. */
function Notice({ text }: { text: string }) {
  return (
    <span class="notice" role="status" title={text}>
      {text}
    </span>
  );
}
