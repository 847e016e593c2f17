// Everything the panel says about socket pools and the connection budget, in plain words.
// Pure functions of the pool model, the clock and the locale, so unit tests pin down the
// exact wording.
import type { ConnectionView, OutcomeView, QueueWait } from '../src/model/capture-state';
import {
  budgetLevel,
  type BudgetLevel,
  type MemberState,
  type PoolMember,
  type PoolView,
  poolKeyParts,
} from '../src/model/pools';
import { formatClock, formatDuration } from './format';
import { say, t, type MessageKey } from './i18n/translate';

const PROTOCOL_NAMES: Record<string, string> = {
  'http/1.1': 'HTTP/1.1',
  h2: 'HTTP/2',
  h3: 'HTTP/3',
};

/** `HTTP/1.1`, `HTTP/2`, `HTTP/3`; anything else as given. */
export function protocolName(protocol: string): string {
  return PROTOCOL_NAMES[protocol] ?? protocol;
}

/** Whole seconds under a minute (`14 s`), then minutes (`4m 05s`): for waits that tick. */
export function formatWait(ms: number): string {
  return ms < 60_000
    ? t('unit.s', { n: String(Math.floor(Math.max(0, ms) / 1000)) })
    : formatDuration(ms);
}

/** The protocol as the pool row shows it. */
export function protocolLabel(pool: PoolView): string {
  if (pool.limitAssumed) return t('budget.assumed');
  if (pool.protocol === 'unknown') {
    return pool.multiplexed ? t('budget.multiplexed') : t('budget.unknown');
  }
  return protocolName(pool.protocol);
}

/** A pool's key in words: its endpoint, top-level site and credentials mode, in the locale. */
export function poolName(key: string): string {
  const parts = poolKeyParts(key);
  if (parts === null) return key;
  const credentials = parts.credentials === 'credentialed' ? 'pool.credentialed' : 'pool.anonymous';
  const site = t('pool.topSite', { site: parts.topSite, credentials: t(credentials) });
  return `${parts.endpoint} · ${site}`;
}

/** How the protocol was learned, or that it was not. */
export function protocolNote(pool: PoolView): string {
  return pool.limitAssumed ? t('budget.assumedNote') : say(pool.protocolSource);
}

/** `6 / 6`, or for multiplexed pools `8 streams`. */
export function gaugeText(pool: PoolView): string {
  return pool.multiplexed
    ? t('budget.streams', { count: pool.inUse })
    : `${pool.inUse} / ${pool.limit}`;
}

/** What the gauge counts: `multiplexed (≈100 per connection)` for h2/h3. */
export function gaugeNote(pool: PoolView): string {
  return pool.multiplexed
    ? t('budget.perConnection', { limit: pool.limit })
    : t('budget.inUseOfLimit');
}

/** How full the gauge bar is, 0 to 1. */
export function gaugeFraction(pool: PoolView): number {
  return pool.limit > 0 ? Math.min(1, pool.inUse / pool.limit) : 0;
}

/** The one-line form used in the collapsed strip: `http://a:80 6/6 · 2 queued`. */
export function poolChip(pool: PoolView): string {
  const use = pool.multiplexed ? gaugeText(pool) : `${pool.inUse}/${pool.limit}`;
  return pool.queued > 0
    ? t('budget.chipQueued', { endpoint: pool.endpoint, use, queued: pool.queued })
    : `${pool.endpoint} ${use}`;
}

const RANK: Record<BudgetLevel, number> = { ok: 0, 'nearly-full': 1, full: 2 };

/** The most alarming level over all pools; `ok` when there are none. */
export function worstLevel(pools: readonly PoolView[]): BudgetLevel {
  let worst: BudgetLevel = 'ok';
  for (const p of pools) {
    const level = budgetLevel(p);
    if (RANK[level] > RANK[worst]) worst = level;
  }
  return worst;
}

/** `1 pool, within limits`, `3 pools: 1 full, 1 nearly full`. */
export function budgetSummary(pools: readonly PoolView[]): string {
  const count = t('budget.pools', { count: pools.length });
  const full = pools.filter((p) => budgetLevel(p) === 'full').length;
  const nearly = pools.filter((p) => budgetLevel(p) === 'nearly-full').length;
  const problems = [
    full > 0 ? t('budget.full', { count: full }) : '',
    nearly > 0 ? t('budget.nearlyFull', { count: nearly }) : '',
  ];
  const said = problems.filter((s) => s !== '');
  return said.length > 0
    ? t('budget.summaryProblems', { pools: count, problems: said.join(t('budget.listSeparator')) })
    : t('budget.summaryOk', { pools: count });
}

/** The user's last expand/collapse of the strip, and how bad things were when they chose. */
export interface StripChoice {
  expanded: boolean;
  level: BudgetLevel;
}

/**
 * Whether the budget strip shows its rows. By default it does unless every pool is fine and
 * there are several; a user's choice holds until some pool gets worse than when they chose.
 */
export function stripExpanded(pools: readonly PoolView[], choice: StripChoice | null): boolean {
  const level = worstLevel(pools);
  if (choice !== null && RANK[level] <= RANK[choice.level]) return choice.expanded;
  return level !== 'ok' || pools.length < 3;
}

/** Longest current wait among the pool's queued members, or null when none is queued. */
export function longestQueueWait(pool: PoolView, now: number): number | null {
  const waits = pool.members.filter((m) => m.state === 'queued').map((m) => now - m.since);
  return waits.length > 0 ? Math.max(...waits) : null;
}

const holdsSlot = (m: PoolMember): boolean =>
  m.state === 'open' || m.state === 'waiting-server' || m.state === 'lingering';

/** Which tabs hold the pool's slots: `this tab and 1 other tab`, `2 other tabs`. */
export function slotHolders(pool: PoolView, tabId: number): string {
  const tabs = new Set(pool.members.filter(holdsSlot).map((m) => m.tabId));
  const others = [...tabs].filter((t) => t !== tabId).length;
  const otherText = t('budget.otherTabs', { count: others });
  if (!tabs.has(tabId)) return others > 0 ? otherText : t('budget.noTab');
  return others > 0 ? t('budget.thisTabAnd', { others: otherText }) : t('budget.thisTab');
}

/** A piece of the warning; `ticking` pieces change every second and are not announced. */
export interface WarningPart {
  text: string;
  ticking: boolean;
}

/** The plain-words warning for a pool that is full or nearly full; null when it is fine. */
export function poolWarning(pool: PoolView, tabId: number, now: number): WarningPart[] | null {
  const level = budgetLevel(pool);
  if (level === 'ok') return null;
  const parts: WarningPart[] = [{ text: headline(pool, tabId), ticking: false }];
  if (pool.lingering > 0) {
    parts.push({ text: ` ${t('budget.lingering', { count: pool.lingering })}`, ticking: false });
  }
  const wait = longestQueueWait(pool, now);
  if (wait !== null) {
    const one = pool.queued === 1;
    parts.push(
      { text: ` ${queuedStreams(pool)} `, ticking: false },
      {
        text: one
          ? t('budget.queuedOne', { wait: formatWait(wait) })
          : t('budget.queuedMany', { wait: formatWait(wait) }),
        ticking: true,
      },
    );
  }
  parts.push({ text: ` ${consequence(pool, level)}`, ticking: false });
  return parts;
}

/** `2 EventSources` when only EventSources wait, else `2 streams` (fetch/XHR among them). */
function queuedStreams(pool: PoolView): string {
  const queued = pool.members.filter((m) => m.state === 'queued');
  const key = queued.every((m) => m.api === undefined)
    ? 'budget.queuedSources'
    : 'budget.queuedStreams';
  return t(key, { count: pool.queued });
}

function headline(pool: PoolView, tabId: number): string {
  const holders = t('budget.heldBy', { holders: slotHolders(pool, tabId) });
  const { endpoint, inUse, limit } = pool;
  if (pool.multiplexed) {
    const name =
      pool.protocol === 'unknown' ? t('budget.multiplexed') : protocolName(pool.protocol);
    return t('budget.headlineMux', { endpoint, inUse, limit, name, holders });
  }
  if (pool.limitAssumed) {
    const assumed = t('budget.assumedSuffix');
    return t('budget.headline', { endpoint, inUse, limit, holders, assumed });
  }
  return t('budget.headlineH1', { endpoint, inUse, limit, holders, assumed: '' });
}

function consequence(pool: PoolView, level: BudgetLevel): string {
  if (pool.multiplexed) return t('budget.muxWait');
  if (level !== 'full') return t('budget.lastConnection');
  return pool.credentials === 'credentialed'
    ? t('budget.fullCredentialed')
    : t('budget.fullAnonymous');
}

/** Tone of a status badge: the contract states, plus queued. */
export type StatusTone = 'connecting' | 'open' | 'closed' | 'queued' | 'failed';

export interface StateWords {
  label: string;
  tone: StatusTone;
  title: string;
}

const MEMBER_STATES: Record<
  MemberState,
  { label: MessageKey; tone: StatusTone; title: MessageKey }
> = {
  open: { label: 'state.open', tone: 'open', title: 'state.openTitle' },
  'waiting-server': {
    label: 'state.awaitingServer',
    tone: 'connecting',
    title: 'state.awaitingServerTitle',
  },
  queued: { label: 'state.queued', tone: 'queued', title: 'state.queuedTitle' },
  reconnecting: {
    label: 'state.reconnecting',
    tone: 'connecting',
    title: 'state.reconnectingTitle',
  },
  lingering: { label: 'state.lingering', tone: 'closed', title: 'state.lingeringTitle' },
};

export function memberStateWords(state: MemberState): StateWords {
  const words = MEMBER_STATES[state];
  return { label: t(words.label), tone: words.tone, title: t(words.title) };
}

const CONNECTION_STATES: Record<ConnectionView['state'], MessageKey> = {
  connecting: 'state.connecting',
  open: 'state.open',
  closed: 'state.closed',
};

/** A connection's readyState in the panel's words: `connecting`, `open`, `closed`. */
export function connectionStateWord(state: ConnectionView['state']): string {
  return t(CONNECTION_STATES[state]);
}

/** Under the queued count: how long the queue has waited. */
export function queueNote(pool: PoolView, now: number): string {
  const wait = longestQueueWait(pool, now);
  if (wait === null) return t('budget.noneWaiting');
  return pool.queued === 1
    ? t('budget.waiting', { wait: formatWait(wait) })
    : t('budget.longestWait', { wait: formatWait(wait) });
}

/** The tab a member lives in: its title, else its URL. */
export function memberTab(member: PoolMember): string {
  return member.tabTitle || member.tabUrl || t('budget.tab', { id: String(member.tabId) });
}

/** `top` for the tab's own document, else the frame's URL. */
export function memberFrame(member: PoolMember): string {
  return member.frameId === 0 ? t('conn.top') : member.frameUrl;
}

export interface ConnectionStatus {
  label: string;
  tone: StatusTone;
  /** Why it is in this state, when there is more to say than the label. */
  title: string | null;
}

/** A connection sent but unanswered this long is worth calling "waiting for the server". */
export const SLOW_SERVER_MS = 2000;

/**
 * What the connections list shows in its status column. A connecting EventSource can be
 * queued behind the limit, waiting out its reconnection delay, or waiting for a slow server;
 * `member` is its state in the live budget view, when the background has placed it.
 */
export function connectionStatus(
  c: ConnectionView,
  member: PoolMember | undefined,
  now: number,
): ConnectionStatus {
  if (c.outcome && member?.state === 'lingering') return memberStateWords('lingering');
  if (c.outcome) return outcomeStatus(c, c.outcome);
  if (c.state !== 'connecting') {
    return { label: connectionStateWord(c.state), tone: c.state, title: null };
  }
  const wait = c.queueWaits.at(-1);
  if (c.queued && wait) {
    return {
      label: t('state.queued'),
      tone: 'queued',
      title: t('state.queuedFor', { wait: formatWait(now - wait.since) }),
    };
  }
  if (member?.state === 'reconnecting') {
    return {
      label: t('state.reconnecting'),
      tone: 'connecting',
      title: t('state.reconnectingTitle'),
    };
  }
  if (member?.state === 'waiting-server' && now - member.since > SLOW_SERVER_MS) {
    return {
      label: t('state.awaitingServer'),
      tone: 'connecting',
      title: t('state.awaitingServerFor', { wait: formatWait(now - member.since) }),
    };
  }
  return { label: t('state.connecting'), tone: 'connecting', title: null };
}

/** A fetch/XHR stream that ended: how, in the row's words. */
function outcomeStatus(c: ConnectionView, o: OutcomeView): ConnectionStatus {
  const title = o.error === '' ? null : o.error;
  switch (o.outcome) {
    case 'complete':
      return c.head?.format === null
        ? { label: t('state.notAStream'), tone: 'closed', title: t('state.notAStreamTitle') }
        : { label: t('state.closed'), tone: 'closed', title: t('state.closedTitle') };
    case 'http-error': {
      const status = c.head?.status;
      const label =
        status === undefined ? t('state.httpError') : t('state.http', { status: String(status) });
      return { label, tone: 'failed', title };
    }
    case 'aborted':
      return { label: t('state.aborted'), tone: 'failed', title };
    case 'cancelled':
      return { label: t('state.cancelled'), tone: 'closed', title };
    case 'network-error':
      return { label: t('state.networkError'), tone: 'failed', title };
  }
}

/** `waited 4.2 s for a free connection, 20:15:01.000 → 20:15:05.200`, or the ongoing wait. */
export function queueWaitText(wait: QueueWait, now: number): string {
  if (wait.until === null) {
    return t('budget.waitingFor', {
      wait: formatWait(now - wait.since),
      since: formatClock(wait.since),
    });
  }
  return t('budget.waited', {
    took: formatDuration(wait.until - wait.since),
    from: formatClock(wait.since),
    to: formatClock(wait.until),
  });
}
