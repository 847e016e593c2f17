// Builds frames for the LLM assembler tests: payloads as providers' public docs show them,
// numbered and timed as the panel would hold them.
import type { Conversation, LlmFrame } from '../../src/llm/conversation';

/** Request start used by the fixtures; frames arrive from START + 100 ms. */
export const START = 1_000_000;

/** Frames from [type, data] pairs, or data alone (type 'message'), 10 ms apart from START + 100. */
export function framesOf(items: (string | [string, string] | object)[]): LlmFrame[] {
  return items.map((item, i) => {
    const [type, data]: [string, string] = Array.isArray(item)
      ? (item as [string, string])
      : ['message', typeof item === 'string' ? item : JSON.stringify(item)];
    return { index: 100 + i, t: START + 100 + i * 10, type, data };
  });
}

/** Anthropic frames: the event name is both the SSE type and the payload's `type`. */
export function anthropicFrames(events: Record<string, unknown>[]): LlmFrame[] {
  return framesOf(events.map((e) => [String(e['type']), JSON.stringify(e)] as [string, string]));
}

/** Format, model and the first choice's text fields, to compare in one assertion. */
export function firstAnswer(c: Conversation): object {
  const choice = c.choices[0];
  return {
    format: c.format,
    model: c.model,
    reasoning: choice?.reasoning,
    text: choice?.text,
    finishReason: choice?.finishReason,
  };
}
