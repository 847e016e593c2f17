// Assembles an Anthropic Messages stream: content blocks (text, thinking, tool_use) built
// from their deltas by block index, the stop reason and usage from message_start/message_delta.
import {
  ConversationBuilder,
  readAll,
  type ConversationReader,
  type FrameReader,
  count,
} from './builder';
import type { Conversation, LlmFrame } from './conversation';
import { argumentsText, asObject, asString, errorMessage } from './frames';

/** Anthropic streams have one message: everything goes to choice 0. */
const CHOICE = 0;

export function assembleAnthropic(frames: readonly LlmFrame[]): Conversation {
  return readAll(anthropicReader(), frames);
}

/** Reads a stream as it grows: each call of `read` takes the frames that arrived since. */
export function anthropicReader(): ConversationReader {
  const builder = new ConversationBuilder();
  /** Tool blocks by index, with the input given at their start (used when no delta follows). */
  const toolInputs = new Map<string, unknown>();
  const readFrame: FrameReader = (frame, event) => {
    const type = asString(event['type']) || frame.type;
    const key = String(count(event['index']) ?? 0);
    switch (type) {
      case 'message_start': {
        const message = asObject(event['message']);
        if (typeof message?.['model'] === 'string') builder.model = message['model'];
        readUsage(builder, message?.['usage']);
        break;
      }
      case 'content_block_start': {
        const block = asObject(event['content_block']);
        const blockType = asString(block?.['type']);
        if (blockType === 'tool_use' || blockType === 'server_tool_use') {
          builder.tool(CHOICE, key, frame, asString(block?.['id']), asString(block?.['name']));
          toolInputs.set(key, block?.['input']);
        } else if (blockType === 'text') {
          builder.text(CHOICE, frame, asString(block?.['text']));
        } else if (blockType === 'thinking') {
          builder.reasoning(CHOICE, frame, asString(block?.['thinking']));
        }
        break;
      }
      case 'content_block_delta':
        readDelta(builder, frame, key, asObject(event['delta']));
        break;
      case 'content_block_stop': {
        const input = toolInputs.get(key);
        if (toolInputs.has(key) && !builder.hasToolArguments(CHOICE, key) && input !== undefined)
          builder.toolArgumentsDone(CHOICE, key, frame, argumentsText(input));
        toolInputs.delete(key);
        break;
      }
      case 'message_delta': {
        const reason = asObject(event['delta'])?.['stop_reason'];
        if (typeof reason === 'string') builder.finish(CHOICE, reason);
        readUsage(builder, event['usage']);
        break;
      }
      case 'error':
        builder.error(frame, errorMessage(event['error']));
        break;
    }
  };
  return {
    read: (frames) => builder.readFrames(frames, readFrame),
    build: () => builder.build('anthropic'),
  };
}

function readDelta(
  builder: ConversationBuilder,
  frame: LlmFrame,
  key: string,
  delta: Record<string, unknown> | null,
): void {
  switch (asString(delta?.['type'])) {
    case 'text_delta':
      builder.text(CHOICE, frame, asString(delta?.['text']));
      break;
    case 'thinking_delta':
      builder.reasoning(CHOICE, frame, asString(delta?.['thinking']));
      break;
    case 'input_json_delta':
      builder.toolArguments(CHOICE, key, frame, asString(delta?.['partial_json']));
      break;
    // signature_delta only authenticates the thinking block: nothing to show.
  }
}

/** message_start carries input tokens; message_delta the cumulative output tokens. */
function readUsage(builder: ConversationBuilder, value: unknown): void {
  const usage = asObject(value);
  if (!usage) return;
  builder.reportUsage({
    inputTokens: count(usage['input_tokens']),
    outputTokens: count(usage['output_tokens']),
    reasoningTokens: null,
  });
}
