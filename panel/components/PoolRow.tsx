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
import type { EndpointSockets } from '../../src/deep-capture/socket-use';
import { formatClock, splitUrl } from '../format';

interface Props {
  pool: PoolView;
  /** The sockets deep capture sees the tab's requests to this endpoint use (when it is on). */
  sockets: EndpointSockets | undefined;
  /** The inspected tab, so its own connections can be told from other tabs'. */
  tabId: number;
  now: number;
}

export function PoolRow({ pool, sockets, tabId, now }: Props) {
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
      data-sockets={sockets?.sockets.length}
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
          <span class="sub" title={sockets ? socketsNote(sockets) : undefined}>
            {pool.members.length} in pool
            {sockets && ` · ${sockets.sockets.length} sockets seen`}
          </span>
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
      {open && sockets && <SocketTable sockets={sockets} />}
    </div>
  );
}

/** What deep capture saw: each socket the tab's requests to the endpoint hold, and who holds it. */
function SocketTable({ sockets }: { sockets: EndpointSockets }) {
  return (
    <table class="pool-members pool-sockets" aria-label="Sockets seen by deep capture">
      <thead>
        <tr>
          <th>Socket</th>
          <th>Protocol</th>
          <th>Held by (this tab's requests, seen by deep capture)</th>
        </tr>
      </thead>
      <tbody>
        {sockets.sockets.map((s) => (
          <tr
            key={s.id}
            data-testid="pool-socket"
            data-socket-id={s.id}
            data-protocol={s.protocol}
            data-requests={s.requests.length}
          >
            <td>#{s.id}</td>
            <td>{s.protocol || 'unknown'}</td>
            <td title={s.requests.map((r) => `${r.type} ${r.url}`).join('\n')}>
              {s.requests.map((r) => `${r.type} ${splitUrl(r.url).path}`).join(', ')}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The tooltip of the socket count: what it is, and what it cannot see. */
function socketsNote(e: EndpointSockets): string {
  const shared = e.sockets.filter((s) => s.requests.length > 1);
  return [
    `${e.sockets.length} sockets to ${e.endpoint} hold this tab's requests now, by Chrome's ` +
      'own connection ids (deep capture). Other tabs share the pool but are not seen here.',
    shared.length > 0
      ? `${shared.length} of them carry several requests at once: multiplexed (HTTP/2 or later).`
      : '',
    e.waiting > 0 ? `${e.waiting} requests are sent and have no response head yet.` : '',
  ]
    .filter(Boolean)
    .join(' ');
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
