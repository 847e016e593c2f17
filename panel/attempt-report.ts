// What the Connection tab says about each request a connection made: when it started, whether
// it opened, how it ended, the HTTP status and Content-Type the browser reported, and in plain
// words why it failed. Pure, so every sentence is pinned down by unit tests. Deep capture will
// add the browser's own error text as another response source; `reasonFor` is where it goes.
import { deriveAttempts, responsesByAttempt } from '../src/export/attempts';
import type { CaptureAttempt } from '../src/export/capture-types';
import type { ConnectionView, RequestResponse, Transition } from '../src/model/capture-state';

export interface AttemptReport {
  start: number;
  open: number | null;
  end: number | null;
  outcome: CaptureAttempt['outcome'];
  response: RequestResponse | null;
  /** Why the attempt ended, when it did not end by the page's close(). */
  reason: string | null;
}

export function attemptReports(c: ConnectionView): AttemptReport[] {
  const attempts = deriveAttempts(c.createdAt, c.transitions, []);
  const responses = responsesByAttempt(attempts, c.responses ?? []);
  return attempts.map((a, i) => {
    const response = responses[i] ?? null;
    return {
      start: a.start,
      open: a.open,
      end: a.end,
      outcome: a.outcome,
      response,
      reason: reasonFor(a, response),
    };
  });
}

/** The connection ended because the browser gave up (not by the page's close()). */
export function connectionFailed(c: ConnectionView): boolean {
  const last: Transition | undefined = c.transitions.at(-1);
  return c.readyState === 2 && last?.cause === 'error';
}

const NOT_REPORTED =
  'The browser did not report the HTTP status or Content-Type to the page (it withholds them ' +
  'for responses EventSource refuses, and for cross-origin responses without ' +
  'Timing-Allow-Origin).';

export function reasonFor(a: CaptureAttempt, r: RequestResponse | null): string | null {
  if (a.outcome === 'ongoing' || a.outcome === 'closed') return null;
  if (a.open !== null) {
    return a.outcome === 'reconnect'
      ? 'The stream ended (the server closed it, or the network dropped); the browser reconnects.'
      : 'The stream ended and the browser did not reconnect.';
  }
  if (r?.status != null) return statusReason(r.status, r.contentType);
  if (r?.contentType != null && !isEventStream(r.contentType))
    return contentTypeReason(r.contentType);
  if (a.outcome === 'reconnect') {
    return 'No response: the request failed at the network level (connection refused or reset); the browser retries.';
  }
  if (r && !r.responded) {
    return 'No response: the request failed (network error, or blocked by CORS), and EventSource gave up.';
  }
  if (r) return `The server answered, but EventSource refused the response. ${NOT_REPORTED}`;
  return `EventSource gave up before it opened. ${NOT_REPORTED}`;
}

function statusReason(status: number, contentType: string | null): string {
  if (status === 204) return 'HTTP 204: the server asked the browser not to reconnect.';
  if (status !== 200) return `HTTP ${status}: EventSource fails on any status but 200.`;
  if (contentType !== null && !isEventStream(contentType)) return contentTypeReason(contentType);
  if (contentType === null) {
    return 'HTTP 200 without a Content-Type: EventSource requires text/event-stream.';
  }
  return 'HTTP 200 text/event-stream, yet the stream failed before it opened.';
}

function contentTypeReason(contentType: string): string {
  return `Content-Type ${mediaType(contentType)}: EventSource requires text/event-stream.`;
}

function mediaType(contentType: string): string {
  return (contentType.split(';')[0] ?? '').trim().toLowerCase();
}

function isEventStream(contentType: string): boolean {
  return mediaType(contentType) === 'text/event-stream';
}
