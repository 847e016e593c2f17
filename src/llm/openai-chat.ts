// Assembles an OpenAI Chat Completions stream (and the many servers that copy it): content
// and reasoning deltas per choice, tool calls built from fragments by index, the usage chunk.
import {
  ConversationBuilder,
  readAll,
  type ConversationReader,
  type FrameReader,
  count,
} from './builder';
import type { Conversation, LlmFrame } from './conversation';
import { openAiUsage } from './openai-usage';
import { asArray, asObject, asString, errorMessage } from './frames';

export function assembleOpenAiChat(frames: readonly LlmFrame[]): Conversation {
  return readAll(openAiChatReader(), frames);
}

/** Reads a stream as it grows: each call of `read` takes the frames that arrived since. */
export function openAiChatReader(): ConversationReader {
  const builder = new ConversationBuilder();
  const readFrame: FrameReader = (frame, chunk) => {
    if (chunk['error'] !== undefined) builder.error(frame, errorMessage(chunk['error']));
    if (typeof chunk['model'] === 'string') builder.model = chunk['model'];
    for (const choice of asArray(chunk['choices'])) readChoice(builder, frame, asObject(choice));
    const usage = asObject(chunk['usage']);
    if (usage) {
      builder.reportUsage(openAiUsage(usage, 'prompt_tokens', 'completion_tokens'));
    }
  };
  return {
    read: (frames) => builder.readFrames(frames, readFrame),
    build: () => builder.build('openai-chat'),
  };
}

function readChoice(
  builder: ConversationBuilder,
  frame: LlmFrame,
  choice: Record<string, unknown> | null,
): void {
  if (!choice) return;
  const index = count(choice['index']) ?? 0;
  const delta = asObject(choice['delta']);
  if (delta) {
    // DeepSeek names it reasoning_content; OpenRouter and others reasoning.
    builder.reasoning(index, frame, asString(delta['reasoning_content']));
    builder.reasoning(index, frame, asString(delta['reasoning']));
    builder.text(index, frame, asString(delta['content']));
    builder.text(index, frame, asString(delta['refusal']));
    for (const call of asArray(delta['tool_calls'])) {
      const toolCall = asObject(call);
      if (!toolCall) continue;
      const key = String(count(toolCall['index']) ?? 0);
      const fn = asObject(toolCall['function']);
      builder.tool(index, key, frame, asString(toolCall['id']), asString(fn?.['name']));
      builder.toolArguments(index, key, frame, asString(fn?.['arguments']));
    }
  }
  const finish = choice['finish_reason'];
  if (typeof finish === 'string') builder.finish(index, finish);
}
