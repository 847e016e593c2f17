// Keeps what the browser reported about each request of a connection (status, Content-Type,
// whether a response arrived). Two sources can report the same request: Resource Timing in
// the page and DevTools' network log; they are merged, keeping whichever knows more.
import type { ConnectionView, RequestResponse } from './capture-state';

/** Requests remembered per connection; a stream that reconnects forever keeps its latest. */
export const MAX_RESPONSES = 100;
/** Two reports of one request start within this many ms of each other. */
const SAME_REQUEST_MS = 50;

export function noteResponse(c: ConnectionView, r: RequestResponse): void {
  const responses = (c.responses ??= []);
  const same = responses.find(
    (known) => known.source !== r.source && Math.abs(known.start - r.start) <= SAME_REQUEST_MS,
  );
  if (same) {
    same.responded ||= r.responded;
    same.status ??= r.status;
    same.contentType ??= r.contentType;
    return;
  }
  responses.push({ ...r });
  responses.sort((a, b) => a.start - b.start);
  if (responses.length > MAX_RESPONSES) responses.splice(0, responses.length - MAX_RESPONSES);
}

/** Slack between the page's clock and the reporting source's, ms. */
const CLOCK_SLACK_MS = 50;

/**
 * A response reported by URL only (DevTools' network log): it goes to the latest live-captured
 * connection to that URL made before the request started and not closed before it. False when
 * no connection fits (yet).
 */
export function noteResponseForUrl(
  connections: Iterable<ConnectionView>,
  url: string,
  r: RequestResponse,
): boolean {
  let best: ConnectionView | undefined;
  for (const c of connections) {
    if (c.url !== url || c.imported || c.createdAt > r.start + CLOCK_SLACK_MS) continue;
    if (c.closedAt !== null && c.closedAt < r.start - CLOCK_SLACK_MS) continue;
    if (!best || c.createdAt >= best.createdAt) best = c;
  }
  if (best) noteResponse(best, r);
  return best !== undefined;
}
