// The Conversation tab's numbers: time to first token (content and reasoning) from the
// request's start, duration, output rate, gaps between deltas, usage as reported, and every
// stall of STALL_MS or more with the frames around it.
import { STALL_MS } from '../../src/llm/metrics';
import { formatDuration, formatFixed } from '../format';
import type { Usage } from '../../src/llm/conversation';
import type { ConversationModel } from '../conversation/model';
import { FrameLink } from './FrameLink';
import { t } from '../i18n/translate';

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
      ? t('conv.tokensPerSecond', { rate: formatFixed(m.outputTokensPerSecond, 1) })
      : m.charactersPerSecond !== null
        ? t('conv.charsPerSecond', { rate: formatFixed(m.charactersPerSecond, 0) })
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
        <dt title={t('conv.ttftTitle')}>{t('conv.ttft')}</dt>
        <dd>{ms(m.ttftMs)}</dd>
        <dt title={t('conv.ttfrTitle')}>{t('conv.ttfr')}</dt>
        <dd>{ms(m.ttfrMs)}</dd>
        <dt>{t('conv.duration')}</dt>
        <dd>{ms(m.durationMs)}</dd>
        <dt>{t('conv.outputRate')}</dt>
        <dd>{rate}</dd>
        <dt>{t('conv.gaps')}</dt>
        <dd>
          {t('conv.gapsValue', { p50: ms(m.gapP50Ms), p95: ms(m.gapP95Ms), max: ms(m.gapMaxMs) })}
        </dd>
        <dt>{t('conv.usage')}</dt>
        <dd data-testid="conversation-usage">
          {usage ? usageText(usage) : t('conv.usageNotReported')}
        </dd>
        <dt>{t('conv.finishReasonTerm')}</dt>
        <dd>
          {c.choices.map((choice) => choice.finishReason ?? t('conv.noneYet')).join(', ') || '—'}
        </dd>
        <dt>{t('conv.stalls', { time: formatDuration(STALL_MS) })}</dt>
        <dd data-testid="conversation-stalls">
          {m.stalls.length === 0
            ? t('conv.none')
            : m.stalls.map((s, i) => (
                <span key={i} class="conversation-stall">
                  {t('conv.stallAfter', { time: formatDuration(Math.round(s.ms)) })}{' '}
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
    [t('conv.input'), u.inputTokens],
    [t('conv.output'), u.outputTokens],
    [t('conv.reasoningTokens'), u.reasoningTokens],
  ];
  const known = counts.filter(([, n]) => n !== null).map(([name, n]) => `${name} ${n}`);
  const missing = counts
    .filter(([, n]) => n === null)
    .map(([name]) => t('conv.notReported', { name }));
  const tokens = known.length > 0 ? [t('conv.tokens', { counts: known.join(' · ') })] : [];
  return [...tokens, ...missing].join(' · ');
}
