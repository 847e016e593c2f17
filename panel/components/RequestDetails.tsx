// The detail pane's "Request" tab for a fetch/XHR stream: the request the page made (method,
// URL, headers, body), the response head (status, final URL, headers, how the body is framed,
// a warning for a stream served under a type EventSource would reject), the timing from
// request to end, and how the stream ended with the error the page saw.
import type { ConnectionView, HeadView, OutcomeView } from '../../src/model/capture-state';
import { LIMITS } from '../../src/protocol/constants';
import { formatBytes, formatClock, formatDuration } from '../format';
import { bodyDisplay, headerValue } from '../request-body';

const FORMAT_NAMES = {
  sse: 'Server-Sent Events',
  ndjson: 'NDJSON',
  connect: 'Connect streaming JSON',
};

const OUTCOME_TEXT: Record<OutcomeView['outcome'], string> = {
  complete: 'Complete: the body ended normally',
  aborted: 'Aborted by the page',
  cancelled: 'Cancelled by the reader',
  'network-error': 'Network error',
  'http-error': 'HTTP error',
};

export function RequestDetails({ connection: c }: { connection: ConnectionView }) {
  const request = c.request;
  if (!request) return null;
  return (
    <div
      class="request-details"
      data-testid="request-details"
      data-connection={c.key}
      data-url={c.url}
    >
      <h3>Request</h3>
      <dl class="detail-meta">
        <dt>Method</dt>
        <dd data-testid="request-method">{request.method}</dd>
        <dt>URL</dt>
        <dd class="wrap">{c.url}</dd>
        <dt>API</dt>
        <dd>
          {c.kind === 'xhr' ? 'XMLHttpRequest' : 'fetch()'}, credentials {request.credentials}
        </dd>
      </dl>
      <h4>Headers</h4>
      <HeaderTable
        headers={request.headers}
        testId="request-headers"
        empty="No headers set by the page"
      />
      <RequestBody connection={c} />
      <h3>Response</h3>
      {c.head ? <ResponseHead head={c.head} /> : <p class="dim">No response yet.</p>}
      <h3>Timing</h3>
      <Timing connection={c} />
    </div>
  );
}

function RequestBody({ connection: c }: { connection: ConnectionView }) {
  const request = c.request;
  if (!request) return null;
  const body = request.body;
  if (request.method === 'GET' || request.method === 'HEAD') return null;
  if (!body) {
    return (
      <p class="dim" data-testid="request-body" data-body="none">
        No body, or not read yet.
      </p>
    );
  }
  const shown = bodyDisplay(body, headerValue(request.headers, 'content-type'));
  const size =
    body.size === null ? 'size unknown (a stream still sending)' : formatBytes(body.size);
  return (
    <section
      class="request-body"
      data-testid="request-body"
      data-body={shown.kind}
      data-size={body.size ?? ''}
    >
      <h4>Body · {size}</h4>
      {shown.kind === 'json' && <pre class="raw">{shown.text}</pre>}
      {shown.kind === 'text' && <pre class="raw">{shown.text}</pre>}
      {shown.kind === 'fields' && (
        <HeaderTable headers={shown.fields} testId="request-fields" empty="No fields." />
      )}
      {shown.kind === 'binary' && <p class="dim">Binary body: {size}, not shown.</p>}
      {shown.kind === 'empty' && <p class="dim">Empty body.</p>}
      {body.size !== null && body.kept < body.size && (
        <p class="detail-notice" role="note" data-testid="request-body-truncated">
          Showing the first {formatBytes(body.kept)} of {formatBytes(body.size)} (bodies are kept up
          to {formatBytes(LIMITS.maxRequestBodyBytes)}).
        </p>
      )}
    </section>
  );
}

function ResponseHead({ head }: { head: HeadView }) {
  const type = headerValue(head.headers, 'content-type');
  return (
    <>
      {head.mislabelled && (
        <p class="detail-notice warn" role="note" data-testid="mislabelled-warning">
          Served as {type ?? 'no Content-Type'}, but the body is an event stream. EventSource would
          reject this response (it requires text/event-stream); fetch readers accept it.
        </p>
      )}
      {head.format === null && (
        <p class="detail-notice" role="note" data-testid="not-a-stream">
          The request asked for a stream, but the response is {type ?? 'untyped'}: not captured as
          one.
        </p>
      )}
      <dl class="detail-meta">
        <dt>Status</dt>
        <dd data-testid="response-status" data-status={head.status}>
          <span class={head.status >= 400 ? 'warn' : undefined}>
            {head.status} {head.statusText}
          </span>
        </dd>
        <dt>Final URL</dt>
        <dd class="wrap">
          {head.url}
          {head.redirected && <span class="dim"> (redirected)</span>}
        </dd>
        <dt>Framing</dt>
        <dd>{head.format ? FORMAT_NAMES[head.format] : <span class="dim">not a stream</span>}</dd>
      </dl>
      <h4>Headers</h4>
      <HeaderTable headers={head.headers} testId="response-headers" empty="No headers" />
    </>
  );
}

function Timing({ connection: c }: { connection: ConnectionView }) {
  const at = (t: number | undefined): string =>
    t === undefined ? '—' : `${formatClock(t)} (+${formatDuration(t - c.createdAt)})`;
  const outcome = c.outcome;
  return (
    <dl class="detail-meta" data-testid="request-timing">
      <dt>Started</dt>
      <dd>{formatClock(c.createdAt)}</dd>
      <dt>Headers</dt>
      <dd>{at(c.head?.t)}</dd>
      <dt>First frame</dt>
      <dd
        data-testid="time-to-first-frame"
        data-ms={c.firstFrameAt === undefined ? '' : c.firstFrameAt - c.createdAt}
      >
        {at(c.firstFrameAt)}
      </dd>
      <dt>Ended</dt>
      <dd>{at(outcome?.t)}</dd>
      <dt>Outcome</dt>
      <dd data-testid="request-outcome" data-outcome={outcome?.outcome ?? ''}>
        {outcome ? (
          <span class={outcome.outcome === 'complete' ? undefined : 'warn'}>
            {OUTCOME_TEXT[outcome.outcome]}
            {outcome.outcome === 'http-error' && c.head && ` ${c.head.status}`}
            {outcome.error && `: ${outcome.error}`}
          </span>
        ) : (
          <span class="dim">{c.head ? 'streaming' : 'waiting for the response'}</span>
        )}
      </dd>
    </dl>
  );
}

/** Name/value pairs (headers, or a body's form fields) as a two-column table. */
function HeaderTable(props: {
  headers: readonly [string, string][];
  testId: string;
  empty: string;
}) {
  if (props.headers.length === 0) return <p class="dim">{props.empty}</p>;
  return (
    <table class="header-table" data-testid={props.testId}>
      <tbody>
        {props.headers.map(([name, value], i) => (
          <tr key={i}>
            <th scope="row">{name}</th>
            <td>{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
