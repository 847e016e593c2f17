// One socket pool in the budget view, carrying the `pool-row` test hooks: endpoint, protocol
// and how it was learned, the gauge, queue and reconnects; expands to the connections in it.
import { useId, useState } from 'preact/hooks';
import {
  budgetLevel,
  retryDelayLabel,
  retryDelayNote,
  type PoolMember,
  type PoolView,
} from '../../src/model/pools';
import {
  formatWait,
  gaugeFraction,
  gaugeNote,
  gaugeText,
  memberFrame,
  memberStateWords,
  memberTab,
  protocolLabel,
  protocolNote,
  queueNote,
} from '../budget-text';
import { formatClock, splitUrl } from '../format';

interface Props {
  pool: PoolView;
  /** The inspected tab, so its own connections can be told from other tabs'. */
  tabId: number;
  now: number;
}

export function PoolRow({ pool, tabId, now }: Props) {
  const [open, setOpen] = useState(false);
  const membersId = useId();
  const toggle = (): void => setOpen((o) => !o);
  return (
    <div
      role="listitem"
      aria-label={`Pool ${pool.endpoint}`}
      class={`pool-row ${budgetLevel(pool)}`}
      data-testid="pool-row"
      data-pool={pool.key}
      data-protocol={pool.protocol}
      data-open={pool.inUse}
      data-limit={pool.limit}
      data-queued={pool.queued}
    >
      <div
        class="pool-summary"
        role="button"
        tabIndex={0}
        aria-expanded={open}
        aria-controls={membersId}
        title={open ? 'Hide the connections in this pool' : 'Show the connections in this pool'}
        onClick={toggle}
        onKeyDown={(e) => {
          if (e.key === 'Enter' || e.key === ' ') {
            e.preventDefault();
            toggle();
          }
        }}
      >
        <span class={open ? 'twisty open' : 'twisty'} aria-hidden="true" />
        <span class="pool-cell">
          <span class="main pool-endpoint">{pool.endpoint}</span>
          <span class="sub">
            top-level site {pool.topSite} · {pool.credentials}
          </span>
        </span>
        <span class="pool-cell" title={`How the protocol was learned: ${pool.protocolSource}`}>
          <span class="main">{protocolLabel(pool)}</span>
          <span class="sub">{protocolNote(pool)}</span>
        </span>
        <span class="pool-cell">
          <span class="main gauge">
            <span class="gauge-bar" aria-hidden="true">
              <span class="gauge-fill" style={{ width: `${gaugeFraction(pool) * 100}%` }} />
            </span>
            <span class="gauge-text">{gaugeText(pool)}</span>
          </span>
          <span class="sub">{gaugeNote(pool)}</span>
        </span>
        <span class="pool-cell">
          <span class={pool.queued > 0 ? 'main queued-count' : 'main dim'}>
            {pool.queued} queued
          </span>
          <span class="sub">{queueNote(pool, now)}</span>
        </span>
        <span class="pool-cell">
          <span class={pool.reconnecting > 0 ? 'main' : 'main dim'}>
            {pool.reconnecting} reconnecting
          </span>
          <span class="sub">{pool.members.length} in pool</span>
        </span>
      </div>
      <table
        id={membersId}
        class="pool-members"
        aria-label={`Connections in the pool of ${pool.endpoint}`}
        hidden={!open}
      >
        <thead>
          <tr>
            <th>Tab</th>
            <th>Frame</th>
            <th>Stream</th>
            <th>State</th>
            <th>Since</th>
          </tr>
        </thead>
        <tbody>
          {pool.members.map((m) => (
            <MemberRow key={m.key} member={m} thisTab={m.tabId === tabId} now={now} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function MemberRow({
  member: m,
  thisTab,
  now,
}: {
  member: PoolMember;
  thisTab: boolean;
  now: number;
}) {
  const state = memberStateWords(m.state);
  return (
    <tr>
      <td title={m.tabUrl}>
        {thisTab && <span class="this-tab">this tab</span>}
        {memberTab(m)}
        {!thisTab && <span class="dim"> · tab {m.tabId}</span>}
      </td>
      <td title={m.frameUrl}>{memberFrame(m)}</td>
      <td title={m.url}>{splitUrl(m.url).path}</td>
      <td>
        <span class={`badge ${state.tone}`} title={state.title}>
          {state.label}
        </span>
        {m.retryDelay && (
          <span class="dim" data-testid="retry-delay" title={retryDelayNote(m) ?? ''}>
            {' '}
            {retryDelayLabel(m)}
          </span>
        )}
      </td>
      <td class="num">
        {formatClock(m.since)} <span class="dim">({formatWait(now - m.since)})</span>
      </td>
    </tr>
  );
}
