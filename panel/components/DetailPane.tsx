// The selected frame in full: a header with its metadata, then its data raw or as a JSON
// tree, or the details of the connection it arrived on. With no frame selected it shows the
// selected connection alone (a failed stream has no frames to select). An LLM stream also
// has a Conversation tab; a stream of JSON no format matches offers one from its Connection
// tab, where the user can describe it with a rule. The tabs follow the tab pattern: the shown tab is in the tab order,
// Left/Right/Home/End move between tabs and show them, and the panel is focusable so its
// content can be scrolled from the keyboard.
import type { JSX } from 'preact';
import { useId, useMemo } from 'preact/hooks';
import type { ConnectionView, FrameView } from '../../src/model/capture-state';
import { LIMITS } from '../../src/protocol/constants';
import { formatClock, formatFrameSize } from '../format';
import { sayNote, t } from '../i18n/translate';
import { frameJsonText } from '../frame-json';
import { parseJsonContainer } from '../json-tree';
import { conversationAvailability, type ConversationAvailability } from '../conversation/model';
import type { ConversationContext } from '../conversation/context';
import { loadRules } from '../conversation/rules';
import { panelStorage } from '../limits';
import type { PanelStore } from '../store';
import { ConnectionDetails } from './ConnectionDetails';
import { ConversationView } from './ConversationView';
import { CopyButton } from './CopyButton';
import { CloseIcon } from './icons';
import { JsonTree } from './JsonTree';
import { RequestDetails } from './RequestDetails';

export type DetailTab = 'raw' | 'json' | 'connection' | 'request' | 'conversation';

interface Props {
  store: PanelStore;
  frame: FrameView | null;
  connection: ConnectionView | undefined;
  tab: DetailTab;
  onTab: (tab: DetailTab) => void;
  onClose: () => void;
  conversation: ConversationContext;
}

export function DetailPane(props: Props) {
  const { store, frame, connection, tab, onTab, onClose, conversation } = props;
  const json = useMemo(() => (frame ? parseJsonContainer(frame.data) : null), [frame]);
  const tabs: Array<[DetailTab, string]> = frame ? [['raw', t('detail.tab.raw')]] : [];
  if (json) tabs.push(['json', 'JSON']);
  const hasRequest = connection?.request !== undefined;
  if (hasRequest) tabs.push(['request', t('detail.tab.request')]);
  const availability = useConversationAvailability(connection, conversation);
  const asked = connection !== undefined && conversation.asked.value.has(connection.key);
  const hasConversation =
    availability === 'detected' || availability === 'rule' || (availability !== null && asked);
  const readAsConversation = (): void => {
    if (!connection) return;
    conversation.asked.value = new Set(conversation.asked.peek()).add(connection.key);
    onTab('conversation');
  };
  if (hasConversation) tabs.push(['conversation', t('detail.tab.conversation')]);
  tabs.push(['connection', t('detail.tab.connection')]);
  const shown =
    tab === 'conversation' && hasConversation
      ? 'conversation'
      : shownTab(tab, frame !== null, json !== null, hasRequest);
  const ids = useId();
  const onTabKey = (e: JSX.TargetedKeyboardEvent<HTMLDivElement>): void => {
    const at = tabs.findIndex(([id]) => id === shown);
    const moves: Record<string, number> = {
      ArrowRight: (at + 1) % tabs.length,
      ArrowLeft: (at - 1 + tabs.length) % tabs.length,
      Home: 0,
      End: tabs.length - 1,
    };
    const next = tabs[moves[e.key] ?? -1];
    if (!next) return;
    e.preventDefault();
    onTab(next[0]);
    e.currentTarget.querySelector<HTMLElement>(`#${CSS.escape(`${ids}-tab-${next[0]}`)}`)?.focus();
  };
  return (
    <section
      class="detail"
      aria-label={frame ? t('detail.frameDetails') : t('detail.connectionDetails')}
      data-testid="detail-pane"
      data-frame={frame?.index}
      data-tab={shown}
    >
      <h2 class="visually-hidden">
        {frame ? t('detail.frameDetails') : t('detail.connectionDetails')}
      </h2>
      <div class="detail-tabs">
        <button
          type="button"
          class="tool-button"
          aria-label={t('detail.close')}
          title={t('detail.closeTitle')}
          onClick={onClose}
        >
          <CloseIcon />
        </button>
        <div role="tablist" class="tabs" aria-label={t('detail.tabs')} onKeyDown={onTabKey}>
          {tabs.map(([id, label]) => (
            <button
              key={id}
              id={`${ids}-tab-${id}`}
              type="button"
              role="tab"
              class="tab"
              aria-selected={shown === id}
              aria-controls={`${ids}-panel`}
              tabIndex={shown === id ? 0 : -1}
              data-testid={`tab-${id}`}
              onClick={() => onTab(id)}
            >
              {label}
            </button>
          ))}
        </div>
        <span class="spacer" />
        {frame && <FrameCopyButtons frame={frame} connection={connection} />}
      </div>
      {frame && <FrameMeta frame={frame} connection={connection} />}
      <div
        id={`${ids}-panel`}
        class="detail-body"
        role="tabpanel"
        aria-labelledby={`${ids}-tab-${shown}`}
        tabIndex={0}
      >
        {shown === 'raw' && frame && <pre class="raw">{frame.data}</pre>}
        {shown === 'json' && json && <JsonTree value={json} />}
        {shown === 'connection' && connection && !hasConversation && availability !== null && (
          <p class="conversation-offer" data-testid="conversation-offer">
            {t('conv.offer')}{' '}
            <button
              type="button"
              class="text-button"
              data-testid="read-as-conversation"
              onClick={readAsConversation}
            >
              {t('conv.offerButton')}
            </button>
          </p>
        )}
        {shown === 'connection' && connection && <ConnectionDetails connection={connection} />}
        {shown === 'request' && connection && <RequestDetails connection={connection} />}
        {shown === 'conversation' && connection && (
          <ConversationView
            key={connection.key}
            store={store}
            connection={connection}
            context={conversation}
          />
        )}
      </div>
    </section>
  );
}

/** Whether the connection's frames are (or may be, by a rule) an LLM stream; cheap per render. */
function useConversationAvailability(
  connection: ConnectionView | undefined,
  context: ConversationContext,
): ConversationAvailability {
  const frames = connection ? context.lanes.value.lanes.get(connection.key)?.frames : undefined;
  const url = connection?.url ?? '';
  const rulesVersion = context.rulesVersion.value;
  const rules = useMemo(() => loadRules(panelStorage(), url), [url, rulesVersion]);
  const first = frames?.[0]?.index;
  const count = Math.min(frames?.length ?? 0, AVAILABILITY_FRAMES);
  return useMemo(
    () => (frames === undefined ? null : conversationAvailability(frames, url, rules)),
    [first, count, url, rules],
  );
}

/** Frames after these do not change whether the tab is offered (the check reads the first few). */
const AVAILABILITY_FRAMES = 32;

/** The tab to show: the one asked for when it exists here, else the nearest that does. */
function shownTab(tab: DetailTab, frame: boolean, json: boolean, request: boolean): DetailTab {
  if (tab === 'conversation') return frame ? 'raw' : 'connection';
  if (tab === 'request') return request ? 'request' : frame ? 'raw' : 'connection';
  if (!frame) return 'connection';
  return tab === 'json' && !json ? 'raw' : tab;
}

function FrameCopyButtons({ frame, connection }: FrameProps) {
  return (
    <>
      <CopyButton
        label={t('detail.copyData')}
        title={t('detail.copyDataTitle')}
        testId="copy-data"
        text={() => frame.data}
      />
      <CopyButton
        label={t('detail.copyJson')}
        title={t('detail.copyJsonTitle')}
        testId="copy-json"
        text={() => frameJsonText(frame, connection)}
      />
    </>
  );
}

interface FrameProps {
  frame: FrameView;
  connection: ConnectionView | undefined;
}

function frameKindLabel(frame: FrameView): string {
  if (frame.kind === 'comment') return t('detail.commentLine');
  if (frame.kind === 'retry') return t('detail.retryField');
  return frame.type;
}

function FrameMeta({ frame, connection }: FrameProps) {
  return (
    <>
      <dl class="detail-meta">
        <dt>{t('detail.type')}</dt>
        <dd>{frameKindLabel(frame)}</dd>
        <dt>{t('detail.id')}</dt>
        <dd>{frame.id || <span class="dim">{t('detail.none')}</span>}</dd>
        <dt>{t('detail.time')}</dt>
        <dd>{formatClock(frame.t)}</dd>
        <dt>{t('detail.size')}</dt>
        <dd>{formatFrameSize(frame.size, frame.truncated)}</dd>
        <dt>{t('detail.origin')}</dt>
        <dd>{frame.origin}</dd>
        <dt>{t('detail.connection')}</dt>
        <dd class="wrap">{connection?.url ?? frame.connection}</dd>
        <dt>{t('detail.source')}</dt>
        <dd>
          {frame.source === 'both'
            ? t('detail.sourceBoth')
            : frame.source === 'wire'
              ? connection?.kind === 'eventsource'
                ? t('detail.sourceWireOnly')
                : t('detail.sourceBody')
              : t('detail.sourcePage')}
        </dd>
      </dl>
      {frame.note && (
        <p class="detail-notice warn" role="note" data-testid="frame-note">
          {sayNote(frame.note)}
        </p>
      )}
      {frame.truncated && (
        <p class="detail-notice" role="note">
          {t('detail.truncated', { max: LIMITS.maxDataChars, size: frame.size })}
        </p>
      )}
    </>
  );
}
