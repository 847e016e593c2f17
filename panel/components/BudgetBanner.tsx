// The plain-words warning shown when a socket pool is full or about to be, with the ways to
// fix it behind a "How to fix" disclosure.
import { budgetLevel, type PoolView } from '../../src/model/pools';
import { poolWarning } from '../budget-text';

interface Props {
  pools: readonly PoolView[];
  tabId: number;
  now: number;
}

export function BudgetBanner({ pools, tabId, now }: Props) {
  const warnings = pools.flatMap((pool) => {
    const parts = poolWarning(pool, tabId, now);
    return parts ? [{ pool, parts }] : [];
  });
  if (warnings.length === 0) return null;
  const full = warnings.some((w) => budgetLevel(w.pool) === 'full');
  return (
    <div
      class={full ? 'budget-warning full' : 'budget-warning'}
      role="status"
      data-testid="budget-warning"
    >
      {warnings.map(({ pool, parts }) => (
        <p key={pool.key}>
          {parts.map((part, i) => (
            // Waits tick every second; only the rest is worth announcing again.
            <span key={i} aria-live={part.ticking ? 'off' : undefined}>
              {part.text}
            </span>
          ))}
        </p>
      ))}
      <details class="budget-help">
        <summary>How to fix</summary>
        <ul>
          <li>
            <b>Serve the stream over HTTP/2 or HTTP/3.</b> Streams are multiplexed over one
            connection (servers commonly allow about 100 at once), so the limit of six per host no
            longer applies.
          </li>
          <li>
            <b>Share one EventSource across tabs.</b> Open it in a SharedWorker, or let one tab lead
            (elected with Web Locks or over a BroadcastChannel) and relay its events to the other
            tabs on a BroadcastChannel.
          </li>
          <li>
            <b>Open fewer streams.</b> One stream can carry several kinds of update as named events
            (<code>event:</code> lines) instead of one stream per topic.
          </li>
          <li>
            <b>Close streams you don&apos;t need.</b> Call <code>close()</code> on{' '}
            <code>pagehide</code> or when the page is hidden (<code>visibilitychange</code>), and
            open the stream again when the page is shown.
          </li>
        </ul>
      </details>
    </div>
  );
}
