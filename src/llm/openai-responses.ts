// Assembles an OpenAI Responses API stream: output text and reasoning (summary or full)
// deltas, function calls built from argument deltas by output item, and the terminal
// response.completed / incomplete / failed event with usage and status.
import {
  ConversationBuilder,
  readAll,
  type ConversationReader,
  type FrameReader,
  count,
} from './builder';
import type { Conversation, LlmFrame } from './conversation';
import { openAiUsage } from './openai-usage';
import { asObject, asString, errorMessage, type JsonObject } from './frames';

/** A response is one answer: everything goes to choice 0. */
const CHOICE = 0;

export function assembleOpenAiResponses(frames: readonly LlmFrame[]): Conversation {
  return readAll(openAiResponsesReader(), frames);
}

/** Reads a stream as it grows: each call of `read` takes the frames that arrived since. */
export function openAiResponsesReader(): ConversationReader {
  const builder = new ConversationBuilder();
  const readFrame: FrameReader = (frame, event) => {
    const type = asString(event['type']) || frame.type;
    const key = String(count(event['output_index']) ?? asString(event['item_id']));
    switch (type) {
      case 'response.created':
      case 'response.in_progress':
        readResponse(builder, asObject(event['response']));
        break;
      case 'response.output_text.delta':
      case 'response.refusal.delta':
        builder.text(CHOICE, frame, asString(event['delta']));
        break;
      case 'response.reasoning_summary_text.delta':
      case 'response.reasoning_text.delta':
        builder.reasoning(CHOICE, frame, asString(event['delta']));
        break;
      case 'response.output_item.added': {
        const item = asObject(event['item']);
        if (item?.['type'] === 'function_call') {
          const id = asString(item['call_id']) || asString(item['id']);
          builder.tool(CHOICE, key, frame, id, asString(item['name']));
          builder.toolArguments(CHOICE, key, frame, asString(item['arguments']));
        }
        break;
      }
      case 'response.function_call_arguments.delta':
        builder.toolArguments(CHOICE, key, frame, asString(event['delta']));
        break;
      case 'response.function_call_arguments.done':
        if (typeof event['arguments'] === 'string')
          builder.toolArgumentsDone(CHOICE, key, frame, event['arguments']);
        break;
      case 'response.completed':
      case 'response.incomplete':
      case 'response.failed': {
        const response = asObject(event['response']);
        readResponse(builder, response);
        const failure = response?.['error'] ?? event['error'];
        if (failure !== undefined && failure !== null) builder.error(frame, errorMessage(failure));
        break;
      }
      case 'error':
        builder.error(frame, errorMessage({ code: event['code'], message: event['message'] }));
        break;
    }
  };
  return {
    read: (frames) => builder.readFrames(frames, readFrame),
    build: () => builder.build('openai-responses'),
  };
}

/** Model, usage and final status from a response object; status is the finish reason. */
function readResponse(builder: ConversationBuilder, response: JsonObject | null): void {
  if (!response) return;
  if (typeof response['model'] === 'string') builder.model = response['model'];
  const status = asString(response['status']);
  if (status !== '' && status !== 'in_progress' && status !== 'queued') {
    const reason = asString(asObject(response['incomplete_details'])?.['reason']);
    builder.finish(CHOICE, reason ? `${status}: ${reason}` : status);
  }
  const usage = asObject(response['usage']);
  if (usage) {
    builder.reportUsage(openAiUsage(usage, 'input_tokens', 'output_tokens'));
  }
}
