// URLs of the scenario server's fetch test page (/fetch-page), and typed reads of what the
// page's own fetch/XHR code observed (window.__fetchRuns), to compare with the panel.
import type { Page } from '@playwright/test';
import { waitUntil } from './wait-until';

export type FetchRunMode =
  'reader' | 'text' | 'pipe' | 'iterate' | 'abort' | 'cancel' | 'xhr' | 'json';

export interface FetchRunSpec {
  mode: FetchRunMode;
  /** A path on the scenario server, e.g. `/fetch/sse?count=3`. */
  url: string;
}

export type FetchRunOutcome =
  | { kind: 'done' }
  | { kind: 'cancelled' }
  /** An Error's name and message; a thrown non-Error: its typeof and String(value); XHR: the event type and ''. */
  | { kind: 'error'; name: string; message: string };

export interface FetchRun {
  mode: FetchRunMode;
  url: string;
  /** Null until the response head arrived. */
  status: number | null;
  /** `response.url` / `xhr.responseURL` (the final URL after redirects); null until the head. */
  responseUrl: string | null;
  /** Each piece of text as the page got it (json: the parsed value re-serialised). */
  chunks: string[];
  /** Null while the run is still going. */
  outcome: FetchRunOutcome | null;
}

/** The reason the `abort` mode passes to `AbortController.abort()`. */
export const FETCH_ABORT_REASON = 'sse-lens test abort';

/** The request header carrying the run's index on every POST. */
export const FETCH_RUN_HEADER = 'x-sse-lens-run';

/** The JSON body run `index` POSTs (every mode but json, unless the page was told GET). */
export function fetchRunBody(index: number): string {
  return JSON.stringify({ prompt: 'hello', run: index });
}

/** `/fetch-page` starting one run per spec, in order, with `method` (default POST). */
export function fetchPage(
  origin: string,
  runs: readonly FetchRunSpec[],
  method: 'GET' | 'POST' = 'POST',
): string {
  const q = new URLSearchParams();
  for (const { mode, url } of runs) {
    q.append('run', mode);
    q.append('url', url);
  }
  if (method !== 'POST') q.set('method', method);
  return `${origin}/fetch-page?${q.toString()}`;
}

export function readFetchRuns(page: Page): Promise<FetchRun[]> {
  return page.evaluate(() => window.__fetchRuns);
}

/** Polls the page's runs until `predicate` holds; fails naming `what` and the last runs seen. */
export function waitForFetchRuns(
  page: Page,
  what: string,
  predicate: (runs: FetchRun[]) => boolean,
  timeoutMs?: number,
): Promise<FetchRun[]> {
  return waitUntil(what, () => readFetchRuns(page), predicate, timeoutMs);
}

/** Waits until every run has an outcome. */
export function waitForFetchOutcomes(page: Page, timeoutMs?: number): Promise<FetchRun[]> {
  return waitForFetchRuns(
    page,
    'every fetch run to finish',
    (runs) => runs.every((run) => run.outcome !== null),
    timeoutMs,
  );
}

/** All the text a run received. */
export function fetchRunText(run: FetchRun): string {
  return run.chunks.join('');
}

declare global {
  interface Window {
    __fetchRuns: FetchRun[];
  }
}
