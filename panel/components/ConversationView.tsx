// The detail pane's Conversation tab: an LLM stream read as the model's answer (text and
// reasoning linked to their frames, tool calls, finish reason, errors), with its metrics, the
// request that asked for it, exports, and a rule editor for formats SSE Lens does not know.
// Assembly runs only while the tab is shown: a growing stream's new frames are read into the
// kept reader a few times a second at most.
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Choice, ToolCall } from '../../src/llm/conversation';
import type { ConnectionView } from '../../src/model/capture-state';
import { panelStorage } from '../limits';
import type { PanelStore } from '../store';
import { createConversationCache } from '../conversation/cache';
import { publishStalls, type ConversationContext } from '../conversation/context';
import { createIncrementalAssembler } from '../conversation/incremental';
import { conversationModel, stallSpans, type ConversationModel } from '../conversation/model';
import { loadRules } from '../conversation/rules';
import { ConversationExport } from './ConversationExport';
import { ConversationMetricsBlock } from './ConversationMetrics';
import { ConversationRequest } from './ConversationRequest';
import { ConversationRule } from './ConversationRule';
import { FrameLink } from './FrameLink';
import { LinkedText } from './LinkedText';
import '../conversation/conversation.css';
import { say, t } from '../i18n/translate';

/** `data-format` values of the test contract (design.md) where they differ from the format id. */
const CONTRACT_FORMAT: Record<string, string> = { 'ai-sdk-ui': 'ai-sdk' };

interface Props {
  store: PanelStore;
  connection: ConnectionView;
  context: ConversationContext;
}

export function ConversationView({ store, connection, context }: Props) {
  const frames = context.lanes.value.lanes.get(connection.key)?.frames ?? [];
  const rulesVersion = context.rulesVersion.value;
  const rules = useMemo(
    () => loadRules(panelStorage(), connection.url),
    [connection.url, rulesVersion],
  );
  const cache = useMemo(() => createConversationCache<ConversationModel | null>(), []);
  const assembler = useMemo(createIncrementalAssembler, []);
  const [, setWake] = useState(0);
  const inputs = `${connection.key}:${rulesVersion}:${connection.request?.body?.kept ?? -1}`;
  const { value: model, retryInMs } = cache.get(
    {
      connection: connection.key,
      firstFrame: frames[0]?.index ?? -1,
      frames: frames.length,
      inputs,
    },
    () => {
      const conversation = assembler.assemble(inputs, frames, { url: connection.url }, rules);
      return conversation && conversationModel(connection, conversation, frames);
    },
  );
  // Frames arrived since the last build, too soon to rebuild: come back for them.
  useEffect(() => {
    if (retryInMs === null) return;
    const id = setTimeout(() => setWake((n) => n + 1), retryInMs);
    return () => clearTimeout(id);
  }, [retryInMs, frames.length]);
  useEffect(() => {
    if (model) publishStalls(context, connection.key, stallSpans(model));
    // After the next frame is painted, the update's cost is known.
    let timer = 0;
    const frame = requestAnimationFrame(() => {
      timer = window.setTimeout(() => cache.shown(), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }, [model]);

  const selected = store.selectedFrame.value;
  const select = (frame: number): void => {
    store.selectedFrame.value = frame;
  };
  const evicted = connection.frames - frames.length;
  if (!model) {
    return (
      <div class="conversation" data-testid="conversation" data-format="">
        <p class="dim conversation-unknown" data-testid="conversation-unknown">
          {frames.length === 0 ? t('conv.noFrames') : t('conv.unknown')}
        </p>
        <ConversationRule connection={connection} rules={rules} context={context} open />
      </div>
    );
  }
  const { conversation } = model;
  const several = conversation.choices.length > 1;
  return (
    <div
      class="conversation"
      data-testid="conversation"
      data-format={CONTRACT_FORMAT[conversation.format] ?? conversation.format}
      data-model={model.model ?? ''}
      data-choices={conversation.choices.length}
    >
      <div class="conversation-head">
        <span>
          <strong data-testid="conversation-model">{model.model ?? t('conv.modelNotNamed')}</strong>{' '}
          <span class="dim">· {conversation.format}</span>
        </span>
        <span class="spacer" />
        <ConversationExport url={connection.url} model={model} />
      </div>
      {evicted > 0 && (
        <p class="detail-notice" role="note" data-testid="conversation-evicted">
          {t('conv.evicted', { evicted, kept: frames.length })}
        </p>
      )}
      <ConversationMetricsBlock model={model} onSelect={select} />
      {conversation.errors.length > 0 && (
        <section class="conversation-errors" data-testid="conversation-errors">
          <h3>{t('conv.errors')}</h3>
          <ul>
            {conversation.errors.map((e, i) => (
              <li key={i} class="warn">
                <FrameLink frame={e.frame} onSelect={select} />{' '}
                {e.problem ? say(e.problem) : e.message}
              </li>
            ))}
          </ul>
        </section>
      )}
      {conversation.choices.length === 0 && <p class="dim">{t('conv.noOutput')}</p>}
      {conversation.choices.map((choice) => (
        <ChoiceBlock
          key={choice.index}
          choice={choice}
          several={several}
          selected={selected}
          onSelect={select}
        />
      ))}
      <ConversationRequest request={model.request} />
      <ConversationRule connection={connection} rules={rules} context={context} open={false} />
    </div>
  );
}

interface ChoiceProps {
  choice: Choice;
  several: boolean;
  selected: number | null;
  onSelect: (frame: number) => void;
}

function ChoiceBlock({ choice, several, selected, onSelect }: ChoiceProps) {
  const [reasoningOpen, setReasoningOpen] = useState(true);
  const reasoningSelected =
    selected !== null && choice.reasoningSpans.some((s) => s.frame === selected);
  // A frame of the reasoning was selected elsewhere: show it.
  useEffect(() => {
    if (reasoningSelected) setReasoningOpen(true);
  }, [reasoningSelected, selected]);
  return (
    <section
      class="conversation-choice"
      data-testid="conversation-choice"
      data-index={choice.index}
      data-finish-reason={choice.finishReason ?? ''}
    >
      {several && <h3>{t('conv.choice', { index: String(choice.index) })}</h3>}
      {choice.reasoning !== '' && (
        <details
          class="conversation-reasoning"
          open={reasoningOpen}
          onToggle={(e) => setReasoningOpen(e.currentTarget.open)}
        >
          <summary>{t('conv.reasoningSummary', { count: choice.reasoning.length })}</summary>
          <LinkedText
            text={choice.reasoning}
            spans={choice.reasoningSpans}
            selected={selected}
            onSelect={onSelect}
            testId="conversation-reasoning"
            label={t('conv.reasoning')}
          />
        </details>
      )}
      <h3>{t('conv.answer')}</h3>
      <LinkedText
        text={choice.text}
        spans={choice.textSpans}
        selected={selected}
        onSelect={onSelect}
        testId="conversation-text"
        label={t('conv.answer')}
      />
      {choice.text === '' && (
        <p class="dim">{choice.toolCalls.length > 0 ? t('conv.calledTools') : t('conv.noText')}</p>
      )}
      {choice.toolCalls.map((call, i) => (
        <ToolCallBlock key={i} call={call} selected={selected} onSelect={onSelect} />
      ))}
      <p class="dim">
        {t('conv.finishReason')}{' '}
        <span data-testid="conversation-finish">{choice.finishReason ?? t('conv.noneYet')}</span>
      </p>
    </section>
  );
}

interface ToolCallProps {
  call: ToolCall;
  selected: number | null;
  onSelect: (frame: number) => void;
}

function ToolCallBlock({ call, selected, onSelect }: ToolCallProps) {
  const active = selected !== null && call.frames.includes(selected);
  const first = call.frames[0];
  return (
    <section
      class={active ? 'conversation-tool active' : 'conversation-tool'}
      data-testid="conversation-tool-call"
      data-name={call.name}
      data-id={call.id}
      data-valid={String(call.parsed.ok)}
    >
      <h4>
        {t('conv.toolCall')} <code>{call.name || t('conv.unnamed')}</code>
        {call.id && <span class="dim">{t('conv.toolId', { id: call.id })}</span>}
        {first !== undefined && (
          <span class="dim">
            {' '}
            {t('conv.toolFrames', { count: String(call.frames.length) })}{' '}
            <FrameLink frame={first} onSelect={onSelect} />
          </span>
        )}
      </h4>
      {call.parsed.ok ? (
        <pre class="raw" data-testid="conversation-tool-args">
          {JSON.stringify(call.parsed.value, null, 2)}
        </pre>
      ) : (
        <>
          <p class="warn" data-testid="conversation-tool-args">
            {t('conv.invalidArgs', { offset: call.parsed.offset })}
          </p>
          <pre class="raw" data-testid="conversation-tool-raw">
            {call.arguments}
          </pre>
        </>
      )}
    </section>
  );
}
