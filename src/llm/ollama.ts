// Assembles an Ollama NDJSON stream, /api/chat (`message.content`, `message.thinking`,
// `message.tool_calls`) or /api/generate (`response`, `thinking`), with the final
// `done` line's reason and token counts.
import {
  ConversationBuilder,
  readAll,
  type ConversationReader,
  type FrameReader,
  count,
} from './builder';
import type { Conversation, LlmFrame } from './conversation';
import { argumentsText, asArray, asObject, asString } from './frames';

/** Ollama streams one answer: everything goes to choice 0. */
const CHOICE = 0;

export function assembleOllama(frames: readonly LlmFrame[]): Conversation {
  return readAll(ollamaReader(), frames);
}

/** Reads a stream as it grows: each call of `read` takes the frames that arrived since. */
export function ollamaReader(): ConversationReader {
  const builder = new ConversationBuilder();
  let toolCalls = 0;
  const readFrame: FrameReader = (frame, line) => {
    if (typeof line['error'] === 'string') builder.error(frame, line['error']);
    if (typeof line['model'] === 'string') builder.model = line['model'];
    const message = asObject(line['message']);
    builder.reasoning(CHOICE, frame, asString(message?.['thinking'] ?? line['thinking']));
    builder.text(CHOICE, frame, asString(message?.['content'] ?? line['response']));
    // Ollama sends each tool call whole, arguments as an object.
    for (const value of asArray(message?.['tool_calls'])) {
      const fn = asObject(asObject(value)?.['function']);
      const key = String(toolCalls++);
      builder.tool(CHOICE, key, frame, asString(asObject(value)?.['id']), asString(fn?.['name']));
      builder.toolArguments(CHOICE, key, frame, argumentsText(fn?.['arguments']));
    }
    if (line['done'] === true) {
      builder.finish(CHOICE, asString(line['done_reason']) || 'done');
      builder.reportUsage({
        inputTokens: count(line['prompt_eval_count']),
        outputTokens: count(line['eval_count']),
        reasoningTokens: null,
      });
    }
  };
  return {
    read: (frames) => builder.readFrames(frames, readFrame),
    build: () => builder.build('ollama'),
  };
}
