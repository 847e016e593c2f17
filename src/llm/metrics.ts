// Timing of an assembled conversation as LLM engineers measure it: time to first token
// (content and reasoning), total duration, gaps between deltas, and output rate.
import { percentile } from '../model/stats';
import type { Conversation } from './conversation';

export interface ConversationMetrics {
  /** Request start → first content (text or tool) delta, ms. */
  ttftMs: number | null;
  /** Request start → first reasoning delta, ms. */
  ttfrMs: number | null;
  /** Request start → last frame, ms. */
  durationMs: number | null;
  gapP50Ms: number | null;
  gapP95Ms: number | null;
  gapMaxMs: number | null;
  /** Reported output tokens over first delta → last delta; null without usage. */
  outputTokensPerSecond: number | null;
  /** Assembled characters (text, reasoning, tool arguments) over the same span; for streams without usage. */
  charactersPerSecond: number | null;
}

export function conversationMetrics(
  conversation: Conversation,
  requestStart: number,
): ConversationMetrics {
  const { deltas } = conversation;
  const firstContent = deltas.find((d) => d.kind !== 'reasoning');
  const firstReasoning = deltas.find((d) => d.kind === 'reasoning');
  const gaps: number[] = [];
  for (let i = 1; i < deltas.length; i++) {
    gaps.push((deltas[i]?.t ?? 0) - (deltas[i - 1]?.t ?? 0));
  }
  const first = deltas[0];
  const last = deltas.at(-1);
  const seconds = first && last && last.t > first.t ? (last.t - first.t) / 1000 : null;
  const outputTokens = conversation.usage?.outputTokens ?? null;
  return {
    ttftMs: firstContent ? firstContent.t - requestStart : null,
    ttfrMs: firstReasoning ? firstReasoning.t - requestStart : null,
    durationMs: conversation.lastFrameAt === null ? null : conversation.lastFrameAt - requestStart,
    gapP50Ms: percentile(gaps, 50),
    gapP95Ms: percentile(gaps, 95),
    gapMaxMs: gaps.length ? Math.max(...gaps) : null,
    outputTokensPerSecond:
      seconds !== null && outputTokens !== null ? outputTokens / seconds : null,
    charactersPerSecond: seconds !== null ? assembledCharacters(conversation) / seconds : null,
  };
}

function assembledCharacters(conversation: Conversation): number {
  let total = 0;
  for (const choice of conversation.choices) {
    total += choice.text.length + choice.reasoning.length;
    for (const call of choice.toolCalls) total += call.arguments.length;
  }
  return total;
}
