// The Connection tab's attempt timeline: one line per request the browser made for the
// connection (the first, then each reconnect), with how and when it ended.
import type { ConnectionView } from '../../src/model/capture-state';
import { attemptReports, type AttemptReport } from '../attempt-report';
import { formatClock, formatDuration } from '../format';
import { useNow } from './use-now';
import { t } from '../i18n/translate';

export function AttemptList({ connection }: { connection: ConnectionView }) {
  const attempts = attemptReports(connection);
  return (
    <>
      <h3>{t('attempts.title')}</h3>
      <ol class="transitions" data-testid="attempts">
        {attempts.map((a, i) =>
          a.end === null ? <OngoingAttempt key={i} attempt={a} /> : <Attempt key={i} attempt={a} />,
        )}
      </ol>
    </>
  );
}

function OngoingAttempt({ attempt }: { attempt: AttemptReport }) {
  return <Attempt attempt={attempt} now={useNow()} />;
}

function Attempt({ attempt: a, now }: { attempt: AttemptReport; now?: number }) {
  const r = a.response;
  return (
    <li data-testid="attempt" data-outcome={a.outcome} data-status={r?.status ?? undefined}>
      <span class="dim">{formatClock(a.start)}</span> {attemptText(a, now ?? a.end ?? a.start)}
      {r?.status != null && <span class="tag"> HTTP {r.status}</span>}
      {r?.contentType != null && <span class="tag"> {r.contentType}</span>}
    </li>
  );
}

function attemptText(a: AttemptReport, now: number): string {
  const opened =
    a.open === null ? '' : t('attempts.openedAfter', { time: formatDuration(a.open - a.start) });
  const time = formatDuration((a.end ?? now) - a.start);
  switch (a.outcome) {
    case 'ongoing':
      return a.open === null
        ? t('attempts.connectingFor', { time })
        : t('attempts.openFor', { opened, time });
    case 'closed':
      return t('attempts.closed', { opened, time });
    case 'reconnect':
      return a.open === null
        ? t('attempts.failedRetried', { time })
        : t('attempts.endedRetried', { opened, time });
    case 'failed':
      return a.open === null
        ? t('attempts.failedNotRetried', { time })
        : t('attempts.endedNotRetried', { opened, time });
  }
}
