// The Conversation tab's numbers: time to first token (content and reasoning) from the
// request's start, duration, output rate, gaps between deltas, usage as reported, and every
// stall of STALL_MS or more with the frames around it.
import { STALL_MS } from '../../src/llm/metrics';
import { formatDuration } from '../format';
import type { Usage } from '../../src/llm/conversation';
import type { ConversationModel } from '../conversation/model';
import { FrameLink } from './FrameLink';

interface Props {
  model: ConversationModel;
  onSelect: (frame: number) => void;
}

const ms = (v: number | null): string => (v === null ? '—' : formatDuration(Math.round(v)));

export function ConversationMetricsBlock({ model, onSelect }: Props) {
  const { metrics: m, conversation: c } = model;
  const usage = c.usage;
  const rate =
    m.outputTokensPerSecond !== null
      ? `${m.outputTokensPerSecond.toFixed(1)} tokens/s`
      : m.charactersPerSecond !== null
        ? `${m.charactersPerSecond.toFixed(0)} characters/s (no token usage reported)`
        : '—';
  return (
    <section
      class="conversation-metrics"
      data-testid="conversation-metrics"
      data-ttft-ms={m.ttftMs === null ? '' : Math.round(m.ttftMs)}
      data-ttfr-ms={m.ttfrMs === null ? '' : Math.round(m.ttfrMs)}
      data-duration-ms={m.durationMs === null ? '' : Math.round(m.durationMs)}
      data-finish-reason={c.choices.map((choice) => choice.finishReason ?? '').join(',')}
      data-output-tokens={usage?.outputTokens ?? undefined}
      data-input-tokens={usage?.inputTokens ?? undefined}
      data-reasoning-tokens={usage?.reasoningTokens ?? undefined}
      data-stalls={m.stalls.length}
    >
      <dl class="detail-meta">
        <dt title="Request start to the first content or tool delta">Time to first token</dt>
        <dd>{ms(m.ttftMs)}</dd>
        <dt title="Request start to the first reasoning delta">Time to first reasoning</dt>
        <dd>{ms(m.ttfrMs)}</dd>
        <dt>Duration</dt>
        <dd>{ms(m.durationMs)}</dd>
        <dt>Output rate</dt>
        <dd>{rate}</dd>
        <dt>Gaps between deltas</dt>
        <dd>
          p50 {ms(m.gapP50Ms)} · p95 {ms(m.gapP95Ms)} · max {ms(m.gapMaxMs)}
        </dd>
        <dt>Usage</dt>
        <dd data-testid="conversation-usage">
          {usage ? usageText(usage) : 'not reported by the stream'}
        </dd>
        <dt>Finish reason</dt>
        <dd>{c.choices.map((choice) => choice.finishReason ?? 'none yet').join(', ') || '—'}</dd>
        <dt>Stalls (≥ {formatDuration(STALL_MS)})</dt>
        <dd data-testid="conversation-stalls">
          {m.stalls.length === 0
            ? 'none'
            : m.stalls.map((s, i) => (
                <span key={i} class="conversation-stall">
                  {formatDuration(Math.round(s.ms))} after{' '}
                  <FrameLink frame={s.fromFrame} onSelect={onSelect} />
                  {i < m.stalls.length - 1 ? '; ' : ''}
                </span>
              ))}
        </dd>
      </dl>
    </section>
  );
}

/**
 * `input 57 · output 75 · reasoning 31 tokens`; counts the stream left out follow, each saying
 * so: `input 57 · output 75 tokens · reasoning not reported`.
 */
function usageText(u: Usage): string {
  const counts: Array<[string, number | null]> = [
    ['input', u.inputTokens],
    ['output', u.outputTokens],
    ['reasoning', u.reasoningTokens],
  ];
  const known = counts.filter(([, n]) => n !== null).map(([name, n]) => `${name} ${n}`);
  const missing = counts.filter(([, n]) => n === null).map(([name]) => `${name} not reported`);
  return [...(known.length > 0 ? [`${known.join(' · ')} tokens`] : []), ...missing].join(' · ');
}
