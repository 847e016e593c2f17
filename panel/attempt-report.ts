// What the Connection tab says about each request a connection made: when it started, whether
// it opened, how it ended, the HTTP status and Content-Type the browser reported, and in plain
// words why it failed. Pure, so every sentence is pinned down by unit tests. Deep capture will
// add the browser's own error text as another response source; `reasonFor` is where it goes.
import { deriveAttempts, responsesByAttempt } from '../src/export/attempts';
import type { CaptureAttempt } from '../src/export/capture-types';
import type { ConnectionView, RequestResponse, Transition } from '../src/model/capture-state';
import { t } from './i18n/translate';

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

export function reasonFor(a: CaptureAttempt, r: RequestResponse | null): string | null {
  if (a.outcome === 'ongoing' || a.outcome === 'closed') return null;
  if (a.open !== null) {
    return a.outcome === 'reconnect' ? t('failure.endedReconnects') : t('failure.endedNoReconnect');
  }
  if (r?.status != null) return statusReason(r.status, r.contentType);
  if (r?.contentType != null && !isEventStream(r.contentType))
    return contentTypeReason(r.contentType);
  if (a.outcome === 'reconnect') {
    return t('failure.networkRetries');
  }
  if (r && !r.responded) {
    return t('failure.networkGaveUp');
  }
  const notReported = t('failure.notReportedLong');
  if (r) return t('failure.refused', { notReported });
  return t('failure.gaveUp', { notReported });
}

function statusReason(status: number, contentType: string | null): string {
  if (status === 204) return t('failure.204');
  if (status !== 200) return t('failure.status', { status: String(status) });
  if (contentType !== null && !isEventStream(contentType)) return contentTypeReason(contentType);
  if (contentType === null) {
    return t('failure.noContentType');
  }
  return t('failure.failedBeforeOpen');
}

function contentTypeReason(contentType: string): string {
  return t('failure.contentType', { type: mediaType(contentType) });
}

function mediaType(contentType: string): string {
  return (contentType.split(';')[0] ?? '').trim().toLowerCase();
}

function isEventStream(contentType: string): boolean {
  return mediaType(contentType) === 'text/event-stream';
}
