// Top of the Connection tab for a stream the browser gave up on: why, in plain words, with
// the HTTP status and Content-Type the browser reported, or a note that it did not.
import type { ConnectionView } from '../../src/model/capture-state';
import { attemptReports, connectionFailed } from '../attempt-report';
import { t } from '../i18n/translate';

const SOURCE_TEXT = {
  timing: 'failure.byTiming',
  devtools: 'failure.byDevtools',
  file: 'failure.byFile',
} as const;

export function FailureSummary({ connection: c }: { connection: ConnectionView }) {
  if (!connectionFailed(c)) return null;
  const failed = attemptReports(c)
    .filter((a) => a.reason !== null)
    .at(-1);
  if (!failed) return null;
  const r = failed.response;
  return (
    <section class="failure" data-testid="failure" aria-label={t('failure.label')}>
      <h3>{t('failure.title')}</h3>
      <p class="failure-reason" data-testid="failure-reason">
        {failed.reason}
      </p>
      <dl class="detail-meta">
        <dt>{t('failure.httpStatus')}</dt>
        <dd data-testid="http-status">
          {r?.status ?? <span class="dim">{t('failure.notReported')}</span>}
        </dd>
        <dt>Content-Type</dt>
        <dd data-testid="content-type" class="wrap">
          {r?.contentType ?? <span class="dim">{t('failure.notReported')}</span>}
        </dd>
        {r && (
          <>
            <dt>{t('failure.reportedBy')}</dt>
            <dd>{t(SOURCE_TEXT[r.source])}</dd>
          </>
        )}
      </dl>
    </section>
  );
}
