// Assembles the Vercel AI SDK UI message stream (what `useChat` reads): text and reasoning
// blocks from their deltas, tool inputs streamed by toolCallId, error, abort and finish parts.
import { ConversationBuilder, readAll, type ConversationReader, type FrameReader } from './builder';
import type { Conversation, LlmFrame } from './conversation';
import { argumentsText, asString } from './frames';

/** A UI message stream carries one assistant message: everything goes to choice 0. */
const CHOICE = 0;

export function assembleAiSdkUi(frames: readonly LlmFrame[]): Conversation {
  return readAll(aiSdkUiReader(), frames);
}

/** Reads a stream as it grows: each call of `read` takes the frames that arrived since. */
export function aiSdkUiReader(): ConversationReader {
  const builder = new ConversationBuilder();
  const readFrame: FrameReader = (frame, part) => {
    const toolCallId = asString(part['toolCallId']);
    switch (asString(part['type'])) {
      case 'text-delta':
        builder.text(CHOICE, frame, asString(part['delta']));
        break;
      case 'reasoning-delta':
        builder.reasoning(CHOICE, frame, asString(part['delta']));
        break;
      case 'tool-input-start':
        builder.tool(CHOICE, toolCallId, frame, toolCallId, asString(part['toolName']));
        break;
      case 'tool-input-delta':
        builder.toolArguments(CHOICE, toolCallId, frame, asString(part['inputTextDelta']));
        break;
      case 'tool-input-available':
        // The whole input as an object; the streamed text, when there was one, stays as sent.
        builder.tool(CHOICE, toolCallId, frame, toolCallId, asString(part['toolName']));
        if (!builder.hasToolArguments(CHOICE, toolCallId))
          builder.toolArgumentsDone(CHOICE, toolCallId, frame, argumentsText(part['input']));
        break;
      case 'error':
      case 'tool-input-error':
      case 'tool-output-error':
        builder.error(frame, asString(part['errorText']) || JSON.stringify(part));
        break;
      case 'abort': {
        const reason = asString(part['reason']);
        builder.finish(CHOICE, reason ? `abort: ${reason}` : 'abort');
        break;
      }
      case 'finish':
        builder.finish(CHOICE, asString(part['finishReason']) || 'finish');
        break;
    }
  };
  return {
    read: (frames) => builder.readFrames(frames, readFrame),
    build: () => builder.build('ai-sdk-ui'),
  };
}
