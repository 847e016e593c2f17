// Timing of an assembled conversation as LLM engineers measure it: time to first token
// (content and reasoning), total duration, gaps between deltas and stalls, and output rate.
import { percentile } from '../model/stats';
import type { Conversation } from './conversation';

/** Gap between deltas from which the stream counts as stalled, ms. */
export const STALL_MS = 2000;

/** A wait of at least STALL_MS between two output-carrying frames. */
export interface Stall {
  /** The frame before the wait and the one that ended it. */
  fromFrame: number;
  toFrame: number;
  ms: number;
}

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
  stalls: Stall[];
}

export function conversationMetrics(
  conversation: Conversation,
  requestStart: number,
): ConversationMetrics {
  const { deltas } = conversation;
  const firstContent = deltas.find((d) => d.kind !== 'reasoning');
  const firstReasoning = deltas.find((d) => d.kind === 'reasoning');
  const gaps: number[] = [];
  const stalls: Stall[] = [];
  let gapMax: number | null = null;
  for (let i = 1; i < deltas.length; i++) {
    const before = deltas[i - 1];
    const after = deltas[i];
    if (!before || !after) continue;
    const gap = after.t - before.t;
    gaps.push(gap);
    gapMax = Math.max(gapMax ?? gap, gap);
    if (gap >= STALL_MS) stalls.push({ fromFrame: before.frame, toFrame: after.frame, ms: gap });
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
    gapMaxMs: gapMax,
    outputTokensPerSecond:
      seconds !== null && outputTokens !== null ? outputTokens / seconds : null,
    charactersPerSecond: seconds !== null ? assembledCharacters(conversation) / seconds : null,
    stalls,
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
