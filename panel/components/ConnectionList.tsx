// The connections pane: one row per EventSource with its state, counters and origin frame.
// Selecting a row narrows the frames table to that connection; "All connections" resets.
import { useMemo } from 'preact/hooks';
import type { ConnectionView } from '../../src/model/capture-state';
import type { PoolMember, PoolView } from '../../src/model/pools';
import type { PanelStore } from '../store';
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
  return (
    <div class="connections">
      <div class="conn-grid conn-header" aria-hidden="true">
        <span title="Connection">Connection</span>
        <span title="Status">Status</span>
        <span class="num" title="Frames">
          Frames
        </span>
        <span class="num" title="Retries">
          Retries
        </span>
        <span class="num" title="Size">
          Size
        </span>
        <span class="num" title="Age of a live connection, lifetime of a closed one">
          Time
        </span>
        <span title="The document (top or iframe) that opened the connection">Frame</span>
      </div>
      <div class="conn-body" role="listbox" aria-label="Connections">
        <AllConnectionsRow
          connections={connections}
          selected={selected === null}
          onSelect={() => select(null)}
        />
        {connections.map((c) => (
          <ConnectionRow
            key={c.key}
            connection={c}
            member={members.get(c.key)}
            now={now}
            selected={selected === c.key}
            onToggle={() => select(selected === c.key ? null : c.key)}
          />
        ))}
      </div>
    </div>
  );
}

function AllConnectionsRow(props: {
  connections: readonly ConnectionView[];
  selected: boolean;
  onSelect: () => void;
}) {
  const { connections, selected, onSelect } = props;
  const open = connections.filter((c) => c.state === 'open').length;
  const queued = connections.filter((c) => c.queued).length;
  return (
    <div
      class={selected ? 'conn-grid conn-row all selected' : 'conn-grid conn-row all'}
      role="option"
      tabIndex={0}
      aria-selected={selected}
      onClick={onSelect}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          onSelect();
        }
      }}
    >
      <span class="conn-name">All connections</span>
      <span class="dim">
        {connections.length} total, {open} open{queued > 0 && `, ${queued} queued`}
      </span>
    </div>
  );
}
