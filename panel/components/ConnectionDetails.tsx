// The detail pane's "Connection" tab: everything known about the selected connection, including
// why it failed, its attempts, socket pool, waits behind the connection limit, readyState
// history (its middle elided when long), listened event types and initiator stack.
import { Fragment } from 'preact';
import {
  KEEP_FIRST_HISTORY,
  type ConnectionView,
  type QueueWait,
} from '../../src/model/capture-state';
import { connectionStateWord, poolName, protocolName, queueWaitText } from '../budget-text';
import { contextName } from '../context-names';
import { formatBytes, formatClock } from '../format';
import { t } from '../i18n/translate';
import { transitionText } from '../transition-text';
import { AttemptList } from './AttemptList';
import { FailureSummary } from './FailureSummary';
import { useNow } from './use-now';

export function ConnectionDetails({ connection: c }: { connection: ConnectionView }) {
  return (
    <div
      class="conn-details"
      data-testid="connection-details"
      data-connection={c.key}
      data-url={c.url}
    >
      <FailureSummary connection={c} />
      <dl class="detail-meta">
        <dt>{t('details.url')}</dt>
        <dd class="wrap">{c.url}</dd>
        <dt>{t('details.kind')}</dt>
        <dd>
          {c.kind}
          {c.withCredentials && ', withCredentials'}
        </dd>
        <dt>{c.context ? t('details.openedBy') : t('details.frame')}</dt>
        <dd class="wrap">
          {c.context
            ? t('details.openedByValue', { worker: contextName(c), url: c.frameUrl })
            : c.top
              ? t('details.top', { url: c.frameUrl })
              : c.frameUrl}
        </dd>
        <dt>{t('details.state')}</dt>
        <dd>
          <span class={`badge ${c.state}`}>{connectionStateWord(c.state)}</span>
          {c.imported?.endedAs && (
            <span class="dim">
              {` ${t('details.endedAs', { state: connectionStateWord(c.imported.endedAs) })}`}
            </span>
          )}
        </dd>
        <dt>{t('details.frames')}</dt>
        <dd>
          {t('details.framesValue', {
            frames: String(c.frames),
            size: formatBytes(c.bytes),
            retries: String(c.retries),
          })}
        </dd>
        <dt>{t('details.pool')}</dt>
        <dd class="wrap" data-testid="connection-pool">
          {c.pool ? (
            `${poolName(c.pool.key)} (${protocolName(c.pool.protocol)})`
          ) : (
            <span class="dim">{t('details.noPool')}</span>
          )}
        </dd>
        <dt>{t('details.listensFor')}</dt>
        <dd>
          {c.listenedTypes.length > 0 ? (
            c.listenedTypes.join(', ')
          ) : (
            <span class="dim">{t('details.noNamedTypes')}</span>
          )}
        </dd>
      </dl>
      {c.queueWaits.length > 0 && (
        <>
          <h3>{t('details.waits')}</h3>
          <ol class="transitions">
            {c.queueWaits.map((w, i) => (
              <Fragment key={i}>
                {i === KEEP_FIRST_HISTORY && c.queueWaitsElided && (
                  <Elided text={t('details.elidedWaits', { count: c.queueWaitsElided })} />
                )}
                {w.until !== null ? (
                  <li>{queueWaitText(w, w.until)}</li>
                ) : c.imported ? (
                  <li>{queueWaitText(w, c.closedAt ?? c.lastActivity)}</li>
                ) : (
                  <OngoingWait wait={w} />
                )}
              </Fragment>
            ))}
          </ol>
        </>
      )}
      <AttemptList connection={c} />
      <h3>{t('details.stateChanges')}</h3>
      <ol class="transitions" data-testid="state-changes">
        {c.transitions.map((tr, i) => (
          <Fragment key={i}>
            {i === KEEP_FIRST_HISTORY && c.transitionsElided && (
              <Elided text={t('details.elidedChanges', { count: c.transitionsElided })} />
            )}
            <li>
              <span class="dim">{formatClock(tr.t)}</span> {transitionText(tr)}
            </li>
          </Fragment>
        ))}
      </ol>
      <h3>{t('details.initiator')}</h3>
      {c.stack ? <pre class="raw">{c.stack}</pre> : <p class="dim">{t('details.noStack')}</p>}
    </div>
  );
}

/** Where the middle of a long history was dropped to bound memory. */
function Elided({ text }: { text: string }) {
  return (
    <li class="dim" data-testid="history-elided">
      {text}
    </li>
  );
}

/** A wait still going on: its duration ticks. */
function OngoingWait({ wait }: { wait: QueueWait }) {
  return <li>{queueWaitText(wait, useNow())}</li>;
}
