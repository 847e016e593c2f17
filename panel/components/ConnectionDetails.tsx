// The detail pane's "Connection" tab: everything known about the selected connection, including
// why it failed, its attempts, socket pool, waits behind the connection limit, readyState
// history (its middle elided when long), listened event types and initiator stack.
import { Fragment } from 'preact';
import {
  KEEP_FIRST_HISTORY,
  type ConnectionView,
  type QueueWait,
} from '../../src/model/capture-state';
import { protocolName, queueWaitText } from '../budget-text';
import { formatBytes, formatClock, formatCount } from '../format';
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
        <dt>URL</dt>
        <dd class="wrap">{c.url}</dd>
        <dt>Kind</dt>
        <dd>
          {c.kind}
          {c.withCredentials && ', withCredentials'}
        </dd>
        <dt>Frame</dt>
        <dd class="wrap">{c.top ? `top (${c.frameUrl})` : c.frameUrl}</dd>
        <dt>State</dt>
        <dd>
          <span class={`badge ${c.state}`}>{c.state}</span>
          {c.imported?.endedAs && (
            <span class="dim"> ({c.imported.endedAs} when the imported capture ended)</span>
          )}
        </dd>
        <dt>Frames</dt>
        <dd>
          {c.frames} ({formatBytes(c.bytes)}), {c.retries} retries
        </dd>
        <dt>Pool</dt>
        <dd class="wrap" data-testid="connection-pool">
          {c.pool ? (
            `${c.pool.key} (${protocolName(c.pool.protocol)})`
          ) : (
            <span class="dim">not placed in a socket pool</span>
          )}
        </dd>
        <dt>Listens for</dt>
        <dd>
          {c.listenedTypes.length > 0 ? (
            c.listenedTypes.join(', ')
          ) : (
            <span class="dim">no named event types</span>
          )}
        </dd>
      </dl>
      {c.queueWaits.length > 0 && (
        <>
          <h3>Waits for a free connection</h3>
          <ol class="transitions">
            {c.queueWaits.map((w, i) => (
              <Fragment key={i}>
                {i === KEEP_FIRST_HISTORY && c.queueWaitsElided && (
                  <Elided count={c.queueWaitsElided} what="waits" />
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
      <h3>State changes</h3>
      <ol class="transitions" data-testid="state-changes">
        {c.transitions.map((tr, i) => (
          <Fragment key={i}>
            {i === KEEP_FIRST_HISTORY && c.transitionsElided && (
              <Elided count={c.transitionsElided} what="state changes" />
            )}
            <li>
              <span class="dim">{formatClock(tr.t)}</span> {transitionText(tr)}
            </li>
          </Fragment>
        ))}
      </ol>
      <h3>Initiator</h3>
      {c.stack ? <pre class="raw">{c.stack}</pre> : <p class="dim">No stack recorded.</p>}
    </div>
  );
}

/** Where the middle of a long history was dropped to bound memory. */
function Elided({ count, what }: { count: number; what: string }) {
  return (
    <li class="dim" data-testid="history-elided">
      … {formatCount(count)} {what} not kept in memory …
    </li>
  );
}

/** A wait still going on: its duration ticks. */
function OngoingWait({ wait }: { wait: QueueWait }) {
  return <li>{queueWaitText(wait, useNow())}</li>;
}
