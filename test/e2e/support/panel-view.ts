// Reads the SSE panel through its data-testid contract (design.md), so tests assert what
// a user sees rather than internal state.
import type { DevToolsPanel } from './devtools-panel';
import { waitUntil } from './wait-until';

export interface ConnectionRow {
  url: string;
  kind: string;
  state: string;
  frames: number;
  retries: number;
  queued: boolean;
  /** fetch/XHR only (undefined otherwise): request method, response status, framing, end. */
  method?: string;
  status?: string;
  format?: string;
  outcome?: string;
  mislabelled?: boolean;
  /** What the row's status badge says. */
  badge: string;
}

export interface PoolRow {
  pool: string;
  protocol: string;
  open: number;
  limit: number;
  queued: number;
  /** Of `open`: fetch bodies the page cancelled whose connections the browser still keeps. */
  lingering: number;
}

export interface FrameRow {
  type: string;
  eventId: string;
  connection: string;
  text: string;
  /** `event|comment|retry` and `page|wire`. */
  kind: string;
  source: string;
  note?: string;
  /** The data preview cell. */
  data: string;
  /** The size cell is flagged: the data was cut to the capture's limit. */
  truncated: boolean;
}

const CONNECTIONS = `[...document.querySelectorAll('[data-testid=connection-row]')].map((e) => ({
  url: e.dataset.url, kind: e.dataset.kind, state: e.dataset.state,
  frames: Number(e.dataset.frames), retries: Number(e.dataset.retries),
  queued: e.dataset.queued === 'true', method: e.dataset.method, status: e.dataset.status,
  format: e.dataset.format, outcome: e.dataset.outcome,
  mislabelled: e.dataset.mislabelled === undefined ? undefined : e.dataset.mislabelled === 'true',
  badge: e.querySelector('[data-testid=connection-status]')?.textContent ?? '' }))`;

const POOLS = `[...document.querySelectorAll('[data-testid=pool-row]')].map((e) => ({
  pool: e.dataset.pool, protocol: e.dataset.protocol, open: Number(e.dataset.open),
  limit: Number(e.dataset.limit), queued: Number(e.dataset.queued),
  lingering: Number(e.dataset.lingering) }))`;

const FRAMES = `[...document.querySelectorAll('[data-testid=frame-row]')].map((e) => ({
  type: e.dataset.type, eventId: e.dataset.eventId, connection: e.dataset.connection,
  text: e.textContent, kind: e.dataset.kind, source: e.dataset.source, note: e.dataset.note,
  data: e.querySelector('.col-data')?.textContent ?? '',
  truncated: e.querySelector('.col-size.warn') !== null }))`;

const FRAME_COUNT = `Number(document.querySelector('[data-testid=frame-count]')?.textContent ?? NaN)`;

/** What PanelView needs of a panel: Chromium's DevTools panel or Firefox's toolbox panel. */
export type PanelDocument = Pick<DevToolsPanel, 'evaluate' | 'waitFor'>;

export class PanelView<Panel extends PanelDocument = DevToolsPanel> {
  constructor(readonly devtools: Panel) {}

  connections(): Promise<ConnectionRow[]> {
    return this.devtools.evaluate(CONNECTIONS);
  }

  pools(): Promise<PoolRow[]> {
    return this.devtools.evaluate(POOLS);
  }

  /** Waits until `predicate` holds for the budget view's pool rows; returns them. */
  waitForPools(what: string, predicate: (rows: PoolRow[]) => boolean): Promise<PoolRow[]> {
    return waitUntil(what, () => this.pools(), predicate, 15_000);
  }

  /** Text of the budget warning banner, or null when there is none. */
  budgetWarning(): Promise<string | null> {
    return this.devtools.evaluate(
      `document.querySelector('[data-testid=budget-warning]')?.textContent ?? null`,
    );
  }

  frames(): Promise<FrameRow[]> {
    return this.devtools.evaluate(FRAMES);
  }

  frameCount(): Promise<number> {
    return this.devtools.evaluate(FRAME_COUNT);
  }

  /** Waits until `predicate` holds for the connection rows; returns them. */
  async waitForConnections(
    what: string,
    predicate: (rows: ConnectionRow[]) => boolean,
    timeoutMs = 15_000,
  ): Promise<ConnectionRow[]> {
    return waitUntil(what, () => this.connections(), predicate, timeoutMs);
  }

  async waitForFrameCount(n: number, timeoutMs = 15_000): Promise<void> {
    await waitUntil(
      `frame count ${n}`,
      () => this.frameCount(),
      (c) => c === n,
      timeoutMs,
    );
  }

  click(testId: string): Promise<void> {
    return this.devtools.evaluate(`document.querySelector('[data-testid=${testId}]').click()`);
  }
}
