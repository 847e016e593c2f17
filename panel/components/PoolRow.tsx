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
import type { CredentialsMode } from '../../src/model/site';
import { say, t, type MessageKey } from '../i18n/translate';

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
      aria-label={t('pool.label', { endpoint: pool.endpoint })}
      class={`pool-row ${budgetLevel(pool)}`}
      data-testid="pool-row"
      data-pool={pool.key}
      data-protocol={pool.protocol}
      data-open={pool.inUse}
      data-limit={pool.limit}
      data-queued={pool.queued}
      data-lingering={pool.lingering}
      data-sockets={sockets?.sockets.length}
    >
      <div
        class="pool-summary"
        role="button"
        tabIndex={0}
        aria-expanded={open}
        aria-controls={membersId}
        title={open ? t('pool.hide') : t('pool.show')}
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
            {t('pool.topSite', {
              site: pool.topSite,
              credentials: t(CREDENTIALS[pool.credentials]),
            })}
          </span>
        </span>
        <span
          class="pool-cell"
          title={t('pool.protocolLearned', { source: say(pool.protocolSource) })}
        >
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
            {t('pool.queued', { count: pool.queued })}
          </span>
          <span class="sub">{queueNote(pool, now)}</span>
        </span>
        <span class="pool-cell">
          <span class={pool.reconnecting > 0 ? 'main' : 'main dim'}>
            {t('pool.reconnecting', { count: pool.reconnecting })}
          </span>
          <span class="sub" title={sockets ? socketsNote(sockets) : undefined}>
            {t('pool.inPool', { count: pool.members.length })}
            {sockets && ` · ${t('pool.socketsSeen', { count: sockets.sockets.length })}`}
          </span>
        </span>
      </div>
      <table
        id={membersId}
        class="pool-members"
        aria-label={t('pool.membersLabel', { endpoint: pool.endpoint })}
        hidden={!open}
      >
        <thead>
          <tr>
            <th>{t('pool.col.tab')}</th>
            <th>{t('pool.col.frame')}</th>
            <th>{t('pool.col.stream')}</th>
            <th>{t('pool.col.state')}</th>
            <th>{t('pool.col.since')}</th>
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
    <table class="pool-members pool-sockets" aria-label={t('pool.socketsLabel')}>
      <thead>
        <tr>
          <th>{t('pool.col.socket')}</th>
          <th>{t('pool.col.protocol')}</th>
          <th>{t('pool.col.heldBy')}</th>
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
            <td>{s.protocol || t('budget.unknown')}</td>
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
    t('pool.socketsNote', { count: e.sockets.length, endpoint: e.endpoint }),
    shared.length > 0 ? t('pool.socketsShared', { count: shared.length }) : '',
    e.waiting > 0 ? t('pool.socketsWaiting', { count: e.waiting }) : '',
  ]
    .filter(Boolean)
    .join(' ');
}

const CREDENTIALS: Readonly<Record<CredentialsMode, MessageKey>> = {
  credentialed: 'pool.credentialed',
  anonymous: 'pool.anonymous',
};

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
        {thisTab && <span class="this-tab">{t('pool.thisTab')}</span>}
        {memberTab(m)}
        {!thisTab && <span class="dim">{` · ${t('budget.tab', { id: String(m.tabId) })}`}</span>}
      </td>
      <td title={m.frameUrl}>{memberFrame(m)}</td>
      <td title={m.url}>{splitUrl(m.url).path}</td>
      <td>
        <span class={`badge ${state.tone}`} title={state.title}>
          {state.label}
        </span>
        {m.retryDelay && (
          <span class="dim" data-testid="retry-delay" title={retryDelayNote(m, say) ?? ''}>
            {' '}
            {retryDelayLabel(m, say)}
          </span>
        )}
      </td>
      <td class="num">
        {formatClock(m.since)} <span class="dim">({formatWait(now - m.since)})</span>
      </td>
    </tr>
  );
}
