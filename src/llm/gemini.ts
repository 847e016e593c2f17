// Assembles a Google Gemini streamGenerateContent (alt=sse) stream: text and thought parts
// per candidate, whole functionCall parts, finishReason and usageMetadata.
import {
  ConversationBuilder,
  readAll,
  type ConversationReader,
  type FrameReader,
  count,
} from './builder';
import type { Conversation, LlmFrame } from './conversation';
import { argumentsText, asArray, asObject, asString, errorMessage } from './frames';

export function assembleGemini(frames: readonly LlmFrame[]): Conversation {
  return readAll(geminiReader(), frames);
}

/** Reads a stream as it grows: each call of `read` takes the frames that arrived since. */
export function geminiReader(): ConversationReader {
  const builder = new ConversationBuilder();
  /** Function calls seen per candidate: each part is a whole call, keyed by its position. */
  const callCounts = new Map<number, number>();
  const readFrame: FrameReader = (frame, chunk) => {
    if (chunk['error'] !== undefined) builder.error(frame, errorMessage(chunk['error']));
    if (typeof chunk['modelVersion'] === 'string') builder.model = chunk['modelVersion'];
    for (const value of asArray(chunk['candidates'])) {
      const candidate = asObject(value);
      if (!candidate) continue;
      const index = count(candidate['index']) ?? 0;
      for (const partValue of asArray(asObject(candidate['content'])?.['parts'])) {
        const part = asObject(partValue);
        if (!part) continue;
        const call = asObject(part['functionCall']);
        if (call) {
          const key = String(callCounts.get(index) ?? 0);
          callCounts.set(index, Number(key) + 1);
          builder.tool(index, key, frame, asString(call['id']), asString(call['name']));
          builder.toolArguments(index, key, frame, argumentsText(call['args']));
        } else if (part['thought'] === true) {
          builder.reasoning(index, frame, asString(part['text']));
        } else {
          builder.text(index, frame, asString(part['text']));
        }
      }
      const finish = candidate['finishReason'];
      if (typeof finish === 'string') builder.finish(index, finish);
    }
    const usage = asObject(chunk['usageMetadata']);
    if (usage) {
      builder.reportUsage({
        inputTokens: count(usage['promptTokenCount']),
        outputTokens: count(usage['candidatesTokenCount']),
        reasoningTokens: count(usage['thoughtsTokenCount']),
      });
    }
  };
  return {
    read: (frames) => builder.readFrames(frames, readFrame),
    build: () => builder.build('gemini'),
  };
}
