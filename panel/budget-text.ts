// Everything the panel says about socket pools and the connection budget, in plain words.
// Pure functions of the pool model and the clock, so unit tests pin down the exact wording.
import type { ConnectionView, OutcomeView, QueueWait } from '../src/model/capture-state';
import {
  budgetLevel,
  type BudgetLevel,
  type MemberState,
  type PoolMember,
  type PoolView,
} from '../src/model/pools';
import { formatClock, formatDuration } from './format';

const PROTOCOL_NAMES: Record<string, string> = {
  'http/1.1': 'HTTP/1.1',
  h2: 'HTTP/2',
  h3: 'HTTP/3',
};

/** `HTTP/1.1`, `HTTP/2`, `HTTP/3`; anything else as given. */
export function protocolName(protocol: string): string {
  return PROTOCOL_NAMES[protocol] ?? protocol;
}

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** Whole seconds under a minute (`14 s`), then minutes (`4m 05s`): for waits that tick. */
export function formatWait(ms: number): string {
  return ms < 60_000 ? `${Math.floor(Math.max(0, ms) / 1000)} s` : formatDuration(ms);
}

/** The protocol as the pool row shows it. */
export function protocolLabel(pool: PoolView): string {
  if (pool.limitAssumed) return 'HTTP/1.1 assumed';
  if (pool.protocol === 'unknown') return pool.multiplexed ? 'multiplexed' : 'unknown';
  return protocolName(pool.protocol);
}

/** How the protocol was learned, or that it was not. */
export function protocolNote(pool: PoolView): string {
  return pool.limitAssumed ? 'HTTP/1.1 assumed: protocol not learned yet' : pool.protocolSource;
}

/** `6 / 6`, or for multiplexed pools `8 streams`. */
export function gaugeText(pool: PoolView): string {
  return pool.multiplexed
    ? plural(pool.inUse, 'stream', 'streams')
    : `${pool.inUse} / ${pool.limit}`;
}

/** What the gauge counts: `multiplexed (≈100 per connection)` for h2/h3. */
export function gaugeNote(pool: PoolView): string {
  return pool.multiplexed
    ? `multiplexed (≈${pool.limit} per connection)`
    : 'connections in use / limit';
}

/** How full the gauge bar is, 0 to 1. */
export function gaugeFraction(pool: PoolView): number {
  return pool.limit > 0 ? Math.min(1, pool.inUse / pool.limit) : 0;
}

/** The one-line form used in the collapsed strip: `http://a:80 6/6 · 2 queued`. */
export function poolChip(pool: PoolView): string {
  const use = pool.multiplexed ? gaugeText(pool) : `${pool.inUse}/${pool.limit}`;
  return pool.queued > 0
    ? `${pool.endpoint} ${use} · ${pool.queued} queued`
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
  const count = plural(pools.length, 'pool', 'pools');
  const full = pools.filter((p) => budgetLevel(p) === 'full').length;
  const nearly = pools.filter((p) => budgetLevel(p) === 'nearly-full').length;
  const problems = [full > 0 ? `${full} full` : '', nearly > 0 ? `${nearly} nearly full` : ''];
  const said = problems.filter((s) => s !== '');
  return said.length > 0 ? `${count}: ${said.join(', ')}` : `${count}, within limits`;
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

const holdsSlot = (m: PoolMember): boolean => m.state === 'open' || m.state === 'waiting-server';

/** Which tabs hold the pool's slots: `this tab and 1 other tab`, `2 other tabs`. */
export function slotHolders(pool: PoolView, tabId: number): string {
  const tabs = new Set(pool.members.filter(holdsSlot).map((m) => m.tabId));
  const others = [...tabs].filter((t) => t !== tabId).length;
  const otherText = plural(others, 'other tab', 'other tabs');
  if (!tabs.has(tabId)) return others > 0 ? otherText : 'no tab';
  return others > 0 ? `this tab and ${otherText}` : 'this tab';
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
  const wait = longestQueueWait(pool, now);
  if (wait !== null) {
    const one = pool.queued === 1;
    parts.push(
      { text: ` ${plural(pool.queued, 'EventSource', 'EventSources')} `, ticking: false },
      {
        text: one
          ? `is queued and has waited ${formatWait(wait)}.`
          : `are queued and have waited up to ${formatWait(wait)}.`,
        ticking: true,
      },
    );
  }
  parts.push({ text: ` ${consequence(pool, level)}`, ticking: false });
  return parts;
}

function headline(pool: PoolView, tabId: number): string {
  const holders = `held by ${slotHolders(pool, tabId)}`;
  if (pool.multiplexed) {
    const name = pool.protocol === 'unknown' ? 'multiplexed' : protocolName(pool.protocol);
    return `${pool.endpoint} has ${pool.inUse} of about ${pool.limit} concurrent ${name} streams in use (${holders}).`;
  }
  const what = pool.limitAssumed ? 'connections' : 'HTTP/1.1 connections';
  const assumed = pool.limitAssumed ? '; HTTP/1.1 assumed: protocol not learned yet' : '';
  return `${pool.endpoint} has ${pool.inUse} of ${pool.limit} ${what} in use (${holders}${assumed}).`;
}

function consequence(pool: PoolView, level: BudgetLevel): string {
  if (pool.multiplexed) return 'New streams to this host will wait until one closes.';
  const requests =
    pool.credentials === 'credentialed'
      ? 'Any other request to this host from this site — fetch, images, navigation —'
      : 'Any other request made without credentials to this host from this site';
  return level === 'full'
    ? `${requests} will wait too.`
    : 'The next stream or request to this host from this site will take the last connection.';
}

/** Tone of a status badge: the contract states, plus queued. */
export type StatusTone = 'connecting' | 'open' | 'closed' | 'queued' | 'failed';

export interface StateWords {
  label: string;
  tone: StatusTone;
  title: string;
}

const MEMBER_STATES: Record<MemberState, StateWords> = {
  open: { label: 'open', tone: 'open', title: 'Open: holds a connection and receives events.' },
  'waiting-server': {
    label: 'awaiting server',
    tone: 'connecting',
    title: 'Holds a connection: the request is sent and the server has not answered yet.',
  },
  queued: {
    label: 'queued',
    tone: 'queued',
    title: 'Queued behind the connection limit: no connection is free for it yet.',
  },
  reconnecting: {
    label: 'reconnecting',
    tone: 'connecting',
    title: 'Reconnecting after an error: waits out the retry delay, holding no connection.',
  },
};

export function memberStateWords(state: MemberState): StateWords {
  return MEMBER_STATES[state];
}

/** Under the queued count: how long the queue has waited. */
export function queueNote(pool: PoolView, now: number): string {
  const wait = longestQueueWait(pool, now);
  if (wait === null) return 'none waiting';
  return pool.queued === 1 ? `waiting ${formatWait(wait)}` : `longest wait ${formatWait(wait)}`;
}

/** The tab a member lives in: its title, else its URL. */
export function memberTab(member: PoolMember): string {
  return member.tabTitle || member.tabUrl || `tab ${member.tabId}`;
}

/** `top` for the tab's own document, else the frame's URL. */
export function memberFrame(member: PoolMember): string {
  return member.frameId === 0 ? 'top' : member.frameUrl;
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
  if (c.outcome) return outcomeStatus(c, c.outcome);
  if (c.state !== 'connecting') return { label: c.state, tone: c.state, title: null };
  const wait = c.queueWaits.at(-1);
  if (c.queued && wait) {
    return {
      label: 'queued',
      tone: 'queued',
      title: `Queued behind the connection limit for ${formatWait(now - wait.since)}. The budget view lists the connections holding the slots.`,
    };
  }
  if (member?.state === 'reconnecting') {
    return { label: 'reconnecting', tone: 'connecting', title: MEMBER_STATES.reconnecting.title };
  }
  if (member?.state === 'waiting-server' && now - member.since > SLOW_SERVER_MS) {
    return {
      label: 'awaiting server',
      tone: 'connecting',
      title: `Waiting for the server for ${formatWait(now - member.since)}: the request holds a connection but has no response yet.`,
    };
  }
  return { label: 'connecting', tone: 'connecting', title: null };
}

/** A fetch/XHR stream that ended: how, in the row's words. */
function outcomeStatus(c: ConnectionView, o: OutcomeView): ConnectionStatus {
  const title = o.error === '' ? null : o.error;
  switch (o.outcome) {
    case 'complete':
      return c.head?.format === null
        ? { label: 'not a stream', tone: 'closed', title: 'The response was not a stream' }
        : { label: 'closed', tone: 'closed', title: 'The body ended normally' };
    case 'http-error':
      return { label: `HTTP ${c.head?.status ?? 'error'}`, tone: 'failed', title };
    case 'aborted':
      return { label: 'aborted', tone: 'failed', title };
    case 'cancelled':
      return { label: 'cancelled', tone: 'closed', title };
    case 'network-error':
      return { label: 'network error', tone: 'failed', title };
  }
}

/** `waited 4.2 s for a free connection, 20:15:01.000 → 20:15:05.200`, or the ongoing wait. */
export function queueWaitText(wait: QueueWait, now: number): string {
  if (wait.until === null) {
    return `waiting for a free connection for ${formatWait(now - wait.since)}, since ${formatClock(wait.since)}`;
  }
  const took = formatDuration(wait.until - wait.since);
  return `waited ${took} for a free connection, ${formatClock(wait.since)} → ${formatClock(wait.until)}`;
}
