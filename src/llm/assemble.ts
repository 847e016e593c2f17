// The entry point for a connection: detects the format of its frames and assembles them
// into a Conversation, or says (null) that the stream is not a known LLM format.
import { assembleAiSdkUi } from './ai-sdk-ui';
import { assembleAnthropic } from './anthropic';
import type { Conversation, LlmFormat, LlmFrame, LlmHints } from './conversation';
import { detectFormat } from './detect';
import { assembleGemini } from './gemini';
import { assembleOllama } from './ollama';
import { assembleOpenAiChat } from './openai-chat';
import { assembleOpenAiResponses } from './openai-responses';

const ASSEMBLERS: Record<LlmFormat, (frames: readonly LlmFrame[]) => Conversation> = {
  'openai-chat': assembleOpenAiChat,
  'openai-responses': assembleOpenAiResponses,
  anthropic: assembleAnthropic,
  gemini: assembleGemini,
  ollama: assembleOllama,
  'ai-sdk-ui': assembleAiSdkUi,
};

export function assembleConversation(
  frames: readonly LlmFrame[],
  hints: LlmHints = {},
): Conversation | null {
  const format = detectFormat(frames, hints);
  return format ? ASSEMBLERS[format](frames) : null;
}
