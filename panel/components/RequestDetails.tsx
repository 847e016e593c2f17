// The detail pane's "Request" tab for a fetch/XHR stream: the request the page made (method,
// URL, headers, body), the response head (status, final URL, headers, how the body is framed,
// a warning for a stream served under a type EventSource would reject), the timing from
// request to end, and how the stream ended with the error the page saw.
import type { ConnectionView, HeadView, OutcomeView } from '../../src/model/capture-state';
import { LIMITS } from '../../src/protocol/constants';
import { formatBytes, formatClock, formatDuration } from '../format';
import { bodyDisplay, headerValue } from '../request-body';
import { t, type MessageKey } from '../i18n/translate';

const FORMAT_NAMES = {
  sse: () => t('request.format.sse'),
  ndjson: () => 'NDJSON',
  connect: () => t('request.format.connect'),
};

const OUTCOME_TEXT: Record<OutcomeView['outcome'], MessageKey> = {
  complete: 'request.outcome.complete',
  aborted: 'request.outcome.aborted',
  cancelled: 'request.outcome.cancelled',
  'network-error': 'request.outcome.networkError',
  'http-error': 'request.outcome.httpError',
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
      <h3>{t('request.title')}</h3>
      <dl class="detail-meta">
        <dt>{t('request.method')}</dt>
        <dd data-testid="request-method">{request.method}</dd>
        <dt>{t('request.url')}</dt>
        <dd class="wrap">{c.url}</dd>
        <dt>{t('request.api')}</dt>
        <dd>
          {t('request.apiValue', {
            api: c.kind === 'xhr' ? 'XMLHttpRequest' : 'fetch()',
            credentials: request.credentials,
          })}
        </dd>
      </dl>
      <h4>{t('request.headers')}</h4>
      <HeaderTable
        headers={request.headers}
        testId="request-headers"
        empty={t('request.noHeadersSet')}
      />
      <RequestBody connection={c} />
      <h3>{t('request.response')}</h3>
      {c.head ? <ResponseHead head={c.head} /> : <p class="dim">{t('request.noResponse')}</p>}
      <h3>{t('request.timing')}</h3>
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
        {t('request.noBody')}
      </p>
    );
  }
  const shown = bodyDisplay(body, headerValue(request.headers, 'content-type'));
  const size = body.size === null ? t('request.sizeUnknown') : formatBytes(body.size);
  return (
    <section
      class="request-body"
      data-testid="request-body"
      data-body={shown.kind}
      data-size={body.size ?? ''}
    >
      <h4>{t('request.body', { size })}</h4>
      {shown.kind === 'json' && <pre class="raw">{shown.text}</pre>}
      {shown.kind === 'text' && <pre class="raw">{shown.text}</pre>}
      {shown.kind === 'fields' && (
        <HeaderTable headers={shown.fields} testId="request-fields" empty={t('request.noFields')} />
      )}
      {shown.kind === 'binary' && <p class="dim">{t('request.binary', { size })}</p>}
      {shown.kind === 'empty' && <p class="dim">{t('request.empty')}</p>}
      {body.size !== null && body.kept < body.size && (
        <p class="detail-notice" role="note" data-testid="request-body-truncated">
          {t('request.bodyTruncated', {
            kept: formatBytes(body.kept),
            size: formatBytes(body.size),
            max: formatBytes(LIMITS.maxRequestBodyBytes),
          })}
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
          {t('request.mislabelled', { type: type ?? t('request.noContentType') })}
        </p>
      )}
      {head.format === null && (
        <p class="detail-notice" role="note" data-testid="not-a-stream">
          {t('request.notAStreamNote', { type: type ?? t('request.untyped') })}
        </p>
      )}
      <dl class="detail-meta">
        <dt>{t('request.status')}</dt>
        <dd data-testid="response-status" data-status={head.status}>
          <span class={head.status >= 400 ? 'warn' : undefined}>
            {head.status} {head.statusText}
          </span>
        </dd>
        <dt>{t('request.finalUrl')}</dt>
        <dd class="wrap">
          {head.url}
          {head.redirected && <span class="dim">{` ${t('request.redirected')}`}</span>}
        </dd>
        <dt>{t('request.framing')}</dt>
        <dd>
          {head.format ? (
            FORMAT_NAMES[head.format]()
          ) : (
            <span class="dim">{t('request.notAStream')}</span>
          )}
        </dd>
      </dl>
      <h4>{t('request.headers')}</h4>
      <HeaderTable
        headers={head.headers}
        testId="response-headers"
        empty={t('request.noHeaders')}
      />
    </>
  );
}

function Timing({ connection: c }: { connection: ConnectionView }) {
  const at = (time: number | undefined): string =>
    time === undefined ? '—' : `${formatClock(time)} (+${formatDuration(time - c.createdAt)})`;
  const outcome = c.outcome;
  return (
    <dl class="detail-meta" data-testid="request-timing">
      <dt>{t('request.started')}</dt>
      <dd>{formatClock(c.createdAt)}</dd>
      <dt>{t('request.headersAt')}</dt>
      <dd>{at(c.head?.t)}</dd>
      <dt>{t('request.firstFrame')}</dt>
      <dd
        data-testid="time-to-first-frame"
        data-ms={c.firstFrameAt === undefined ? '' : c.firstFrameAt - c.createdAt}
      >
        {at(c.firstFrameAt)}
      </dd>
      <dt>{t('request.ended')}</dt>
      <dd>{at(outcome?.t)}</dd>
      <dt>{t('request.outcome')}</dt>
      <dd data-testid="request-outcome" data-outcome={outcome?.outcome ?? ''}>
        {outcome ? (
          <span class={outcome.outcome === 'complete' ? undefined : 'warn'}>
            {t(OUTCOME_TEXT[outcome.outcome])}
            {outcome.outcome === 'http-error' && c.head && ` ${c.head.status}`}
            {outcome.error && `: ${outcome.error}`}
          </span>
        ) : (
          <span class="dim">{c.head ? t('request.streaming') : t('request.waiting')}</span>
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
