// The top toolbar: record/pause, clear, preserve log, frame filters, import and export, and
// the capture counters tests and users read.
import type { PanelStore } from '../store';
import { captureNotices, type CaptureNotice } from '../capture-notices';
import { FilterControls } from './FilterControls';
import { ExportControl } from './ExportControl';
import { ClearIcon, RecordIcon } from './icons';
import { ImportControl } from './ImportControl';
import { DeepCaptureToggle, type DeepCaptureProps } from './DeepCaptureToggle';
import { t } from '../i18n/translate';

interface Props {
  store: PanelStore;
  onClear: () => void;
  deep: DeepCaptureProps;
}

export function Toolbar({ store, onClear, deep }: Props) {
  const stats = store.stats.value;
  const recordLabel = stats.recording ? t('toolbar.pause') : t('toolbar.resume');
  return (
    <div class="toolbar" role="toolbar" aria-label={t('toolbar.label')}>
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
        aria-label={t('toolbar.clear')}
        title={t('toolbar.clear')}
        onClick={onClear}
      >
        <ClearIcon />
      </button>
      <span class="divider" />
      <label class="check" title={t('toolbar.preserveLogTitle')}>
        <input
          type="checkbox"
          data-testid="preserve-log"
          checked={stats.preserveLog}
          onChange={(e) => store.setPreserveLog(e.currentTarget.checked)}
        />
        {t('toolbar.preserveLog')}
      </label>
      <span class="divider" />
      <DeepCaptureToggle store={store} {...deep} />
      <span class="divider" />
      <FilterControls store={store} />
      <span class="divider" />
      <ImportControl store={store} />
      <ExportControl store={store} />
      <span class="spacer" />
      {captureNotices(stats.counters).map((notice) => (
        <Notice key={notice.testId} notice={notice} />
      ))}
      <span class="count">
        <span data-testid="frame-count" title={t('toolbar.frameCountTitle')}>
          {stats.frames}
        </span>{' '}
        {t('toolbar.frames', { count: stats.frames })}
      </span>
    </div>
  );
}

/** A counter the user should know about; its tooltip repeats the text (narrow toolbars
 * ellipsize it) and says what happened. */
function Notice({ notice }: { notice: CaptureNotice }) {
  return (
    <span
      class="notice"
      role="status"
      data-testid={notice.testId}
      data-count={notice.count}
      title={`${notice.text}.\n\n${notice.tooltip}`}
    >
      {notice.text}
    </span>
  );
}
