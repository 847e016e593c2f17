// One connection in the connections pane, carrying the `connection-row` test hooks. The
// tooltip holds what does not fit in a row: full URL, listened types, initiator stack. Its
// accessible name (its text) says what each number is, as the column header is visual only.
import type { ComponentChildren } from 'preact';
import type { ConnectionView } from '../../src/model/capture-state';
import type { PoolMember } from '../../src/model/pools';
import { connectionStatus } from '../budget-text';
import { contextName } from '../context-names';
import { formatBytes, formatDuration, splitUrl } from '../format';
import { t } from '../i18n/translate';

interface Props {
  connection: ConnectionView;
  /** Its place in the live budget view, which tells why a connecting stream waits. */
  member: PoolMember | undefined;
  now: number;
  selected: boolean;
  /** The listbox's one option in the tab order. */
  tabStop: boolean;
  onFocus: () => void;
  onToggle: () => void;
}

export function ConnectionRow(props: Props) {
  const { connection: c, member, now, selected, tabStop, onFocus, onToggle } = props;
  const { origin, path } = splitUrl(c.url);
  const status = connectionStatus(c, member, now);
  // An imported stream that was still open ends, for its age, at its last activity.
  const elapsed = (c.closedAt ?? (c.imported ? c.lastActivity : now)) - c.createdAt;
  return (
    <div
      class={selected ? 'conn-grid conn-row selected' : 'conn-grid conn-row'}
      role="option"
      tabIndex={tabStop ? 0 : -1}
      aria-selected={selected}
      title={tooltip(c)}
      data-testid="connection-row"
      data-url={c.url}
      data-kind={c.kind}
      data-state={c.state}
      data-queued={String(c.queued)}
      data-frames={c.frames}
      data-retries={c.retries}
      data-imported={c.imported?.name}
      data-method={c.request?.method}
      data-status={c.head?.status}
      data-format={c.head?.format ?? undefined}
      data-outcome={c.outcome?.outcome}
      data-mislabelled={c.head?.mislabelled ? 'true' : undefined}
      data-server-retry={c.serverRetry}
      data-context={c.context ?? 'window'}
      data-unattributed={c.unattributed ? 'true' : undefined}
      onFocus={onFocus}
      onClick={onToggle}
      onKeyDown={(e) => {
        if (e.key === 'Enter' || e.key === ' ') {
          e.preventDefault();
          onToggle();
        }
      }}
    >
      <span class="conn-name">
        {c.imported && (
          <span class="badge imported" title={t('conn.importedFrom', { name: c.imported.name })}>
            {t('conn.imported')}
          </span>
        )}
        {c.context && (
          <span
            class="badge api"
            title={t('conn.openedByContext', {
              context: contextName(c),
              url: c.frameUrl,
            })}
          >
            {contextName(c)}
          </span>
        )}
        {c.request && (
          <span class="badge api" title={c.kind === 'xhr' ? 'XMLHttpRequest' : 'fetch()'}>
            {c.kind} {c.request.method}
          </span>
        )}
        {c.head?.mislabelled && (
          <span class="badge failed" title={t('conn.mislabelledTitle')}>
            {t('conn.mislabelled')}
          </span>
        )}
        <span class="path">{path}</span>
        {origin && <span class="origin">{origin}</span>}
      </span>
      <span>
        <span
          class={`badge ${status.tone}`}
          title={status.title ?? undefined}
          data-testid="connection-status"
        >
          {status.label}
        </span>
      </span>
      <span class="num">
        {c.frames}
        <Said>{` ${t('conn.saidFrames', { count: c.frames })},`}</Said>
      </span>
      <span class={c.retries > 0 ? 'num warn' : 'num'}>
        {c.retries}
        <Said>{` ${t('conn.saidRetries', { count: c.retries })},`}</Said>
      </span>
      <span class="num">{formatBytes(c.bytes)}</span>
      <span class="num">
        <Said>{`, ${c.closedAt === null ? t('conn.saidOpenFor') : t('conn.saidLasted')} `}</Said>
        {formatDuration(elapsed)}
      </span>
      <span class="frame-url">
        <Said>{`, ${t('conn.saidOpenedBy')} ${c.context ? `${contextName(c)} ` : ''}`}</Said>
        {c.top ? t('conn.top') : c.frameUrl}
        {!c.context && <Said>{` ${t('conn.saidDocument')}`}</Said>}
      </span>
    </div>
  );
}

/** Words for assistive technology only, between a row's cells. */
function Said({ children }: { children: ComponentChildren }) {
  return <span class="visually-hidden">{children}</span>;
}

function tooltip(c: ConnectionView): string {
  const lines = [c.url, `${c.kind}${c.withCredentials ? ', withCredentials' : ''}`];
  if (c.request)
    lines.push(`${c.request.method}${c.head ? ` → ${c.head.status} ${c.head.statusText}` : ''}`);
  if (c.context) {
    lines.push(t('conn.seenByDeep', { context: contextName(c), url: c.frameUrl }));
  } else if (!c.top) lines.push(t('conn.frameLine', { url: c.frameUrl }));
  if (c.listenedTypes.length > 0) {
    lines.push(t('conn.listensFor', { types: c.listenedTypes.join(', ') }));
  }
  if (c.stack) lines.push('', t('conn.initiator'), c.stack);
  return lines.join('\n');
}
