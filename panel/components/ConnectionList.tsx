// The connections pane: one row per EventSource with its state, counters and origin frame.
// Selecting a row narrows the frames table to that connection; "All connections" resets.
// A listbox with one option in the tab order: arrows, Home and End move focus between
// options, Enter or Space selects.
import type { JSX } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import type { ConnectionView } from '../../src/model/capture-state';
import type { PoolMember, PoolView } from '../../src/model/pools';
import type { PanelStore } from '../store';
import { t } from '../i18n/translate';
import { ConnectionRow } from './ConnectionRow';
import { useNow } from './use-now';

/** Each live connection's place in the budget view, by connection key. */
function membersByKey(pools: readonly PoolView[]): Map<string, PoolMember> {
  const members = new Map<string, PoolMember>();
  for (const pool of pools) for (const m of pool.members) members.set(m.key, m);
  return members;
}

export function ConnectionList({ store }: { store: PanelStore }) {
  const now = useNow();
  const connections = store.connections.value;
  const pools = store.pools.value;
  const members = useMemo(() => membersByKey(pools), [pools]);
  const selected = store.connectionFilter.value;
  const select = (key: string | null): void => {
    store.connectionFilter.value = key;
  };
  /** The option last focused (null: All connections), while it is still listed. */
  const [focused, setFocused] = useState<string | null | undefined>(undefined);
  const tabStop =
    focused === null || connections.some((c) => c.key === focused) ? focused : selected;
  return (
    <div class="connections">
      <div class="conn-grid conn-header" aria-hidden="true">
        <span title={t('conn.col.connection')}>{t('conn.col.connection')}</span>
        <span title={t('conn.col.status')}>{t('conn.col.status')}</span>
        <span class="num" title={t('conn.col.frames')}>
          {t('conn.col.frames')}
        </span>
        <span class="num" title={t('conn.col.retries')}>
          {t('conn.col.retries')}
        </span>
        <span class="num" title={t('conn.col.size')}>
          {t('conn.col.size')}
        </span>
        <span class="num" title={t('conn.col.timeTitle')}>
          {t('conn.col.time')}
        </span>
        <span title={t('conn.col.frameTitle')}>{t('conn.col.frame')}</span>
      </div>
      <div class="conn-body" role="listbox" aria-label={t('conn.listLabel')} onKeyDown={moveFocus}>
        <AllConnectionsRow
          connections={connections}
          selected={selected === null}
          tabStop={tabStop === null}
          onFocus={() => setFocused(null)}
          onSelect={() => select(null)}
        />
        {connections.map((c) => (
          <ConnectionRow
            key={c.key}
            connection={c}
            member={members.get(c.key)}
            now={now}
            selected={selected === c.key}
            tabStop={tabStop === c.key}
            onFocus={() => setFocused(c.key)}
            onToggle={() => select(selected === c.key ? null : c.key)}
          />
        ))}
      </div>
    </div>
  );
}

/** Arrow keys, Home and End move focus between the listbox's options. */
function moveFocus(e: JSX.TargetedKeyboardEvent<HTMLDivElement>): void {
  const options = [...e.currentTarget.querySelectorAll<HTMLElement>('[role=option]')];
  const at = options.indexOf(e.target as HTMLElement);
  const moves: Record<string, number> = {
    ArrowDown: at + 1,
    ArrowUp: at - 1,
    Home: 0,
    End: options.length - 1,
  };
  const next = moves[e.key];
  if (at === -1 || next === undefined) return;
  e.preventDefault();
  options[Math.max(0, Math.min(options.length - 1, next))]?.focus();
}

function AllConnectionsRow(props: {
  connections: readonly ConnectionView[];
  selected: boolean;
  tabStop: boolean;
  onFocus: () => void;
  onSelect: () => void;
}) {
  const { connections, selected, tabStop, onFocus, onSelect } = props;
  const open = connections.filter((c) => c.state === 'open').length;
  const queued = connections.filter((c) => c.queued).length;
  return (
    <div
      class={selected ? 'conn-grid conn-row all selected' : 'conn-grid conn-row all'}
      role="option"
      tabIndex={tabStop ? 0 : -1}
      aria-selected={selected}
      onFocus={onFocus}
      onClick={onSelect}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          onSelect();
        }
      }}
    >
      <span class="conn-name">{t('conn.all')}</span>
      <span class="dim">
        {t('conn.allSummary', { total: connections.length, open })}
        {queued > 0 && t('conn.allQueued', { queued })}
      </span>
    </div>
  );
}
