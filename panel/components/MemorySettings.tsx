// The gear in the timeline header and its popover: caps on the frames and the data characters
// the panel keeps (oldest evicted first), remembered in the panel page's localStorage, and the
// panel's language.
import { useEffect, useRef, useState } from 'preact/hooks';
import { formatCount } from '../format';
import {
  LIMIT_RANGE,
  MI,
  DEFAULT_LIMITS,
  normalizeLimits,
  panelStorage,
  saveLimits,
} from '../limits';
import type { PanelStore } from '../store';
import { t } from '../i18n/translate';
import { LanguageSelect } from './LanguageSelect';

export function MemorySettings({ store }: { store: PanelStore }) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const outside = (e: PointerEvent): void => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', outside);
    return () => document.removeEventListener('pointerdown', outside);
  }, [open]);
  return (
    <div class="settings" ref={root}>
      <button
        type="button"
        class="tool-button"
        data-testid="memory-settings"
        aria-label={t('settings.label')}
        aria-expanded={open}
        title={t('settings.title')}
        onClick={() => setOpen(!open)}
      >
        <GearIcon />
      </button>
      {open && <SettingsForm store={store} onDone={() => setOpen(false)} />}
    </div>
  );
}

function SettingsForm({ store, onDone }: { store: PanelStore; onDone: () => void }) {
  const { state } = store;
  const [frames, setFrames] = useState(String(state.maxFrames));
  const [dataMi, setDataMi] = useState(String(Math.round(state.maxDataChars / MI)));
  const evicted = store.stats.value.counters.evictedInPanel;
  const apply = (e: Event): void => {
    e.preventDefault();
    const limits = normalizeLimits({
      maxFrames: Number(frames),
      maxDataChars: Number(dataMi) * MI,
    });
    saveLimits(panelStorage(), limits);
    store.setLimits(limits);
    onDone();
  };
  return (
    <form
      class="settings-popover"
      role="dialog"
      aria-label={t('settings.label')}
      data-testid="memory-settings-form"
      onSubmit={apply}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onDone();
      }}
    >
      <p class="settings-intro">{t('settings.intro')}</p>
      <label>
        {t('settings.framesKept')}
        <input
          type="number"
          name="maxFrames"
          min={LIMIT_RANGE.maxFrames[0]}
          max={LIMIT_RANGE.maxFrames[1]}
          step={1}
          required
          value={frames}
          onInput={(e) => setFrames(e.currentTarget.value)}
        />
      </label>
      <label>
        {t('settings.dataKept')}
        <input
          type="number"
          name="maxDataMi"
          min={LIMIT_RANGE.maxDataChars[0] / MI}
          max={LIMIT_RANGE.maxDataChars[1] / MI}
          step={1}
          required
          value={dataMi}
          onInput={(e) => setDataMi(e.currentTarget.value)}
        />
      </label>
      <p class="dim">
        {t('settings.holding', {
          frames: formatCount(state.frames.length),
          kib: formatCount(Math.ceil(state.dataChars / 1024)),
        })}{' '}
        {evicted > 0 ? t('settings.evicted', { count: evicted }) : t('settings.nothingEvicted')}
      </p>
      <div class="settings-actions">
        <button
          type="button"
          class="text-button"
          onClick={() => {
            setFrames(String(DEFAULT_LIMITS.maxFrames));
            setDataMi(String(DEFAULT_LIMITS.maxDataChars / MI));
          }}
        >
          {t('settings.defaults')}
        </button>
        <span class="spacer" />
        <button type="button" class="text-button" onClick={onDone}>
          {t('settings.cancel')}
        </button>
        <button type="submit" class="text-button primary" data-testid="memory-settings-apply">
          {t('settings.apply')}
        </button>
      </div>
      <LanguageSelect storage={panelStorage()} />
    </form>
  );
}

function GearIcon() {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true">
      <g fill="none" stroke="currentColor" stroke-width="1.4">
        <circle cx="8" cy="8" r="2.2" />
        <path d="M8 1.8v2M8 12.2v2M1.8 8h2M12.2 8h2M3.6 3.6l1.4 1.4M11 11l1.4 1.4M3.6 12.4L5 11M11 5l1.4-1.4" />
      </g>
    </svg>
  );
}
