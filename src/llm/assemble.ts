// The entry point for a connection: detects the format of its frames and assembles them
// into a Conversation, or says (null) that the stream is not a known LLM format.
import { assembleAiSdkUi } from './ai-sdk-ui';
import { assembleAnthropic } from './anthropic';
import type { Conversation, DetectedFormat, LlmFrame, LlmHints } from './conversation';
import { detectFormat } from './detect';
import { assembleGemini } from './gemini';
import { assembleOllama } from './ollama';
import { assembleOpenAiChat } from './openai-chat';
import { assembleOpenAiResponses } from './openai-responses';
import { assembleWithRule, ruleMatchesUrl, type UserRule } from './user-rule';

const ASSEMBLERS: Record<DetectedFormat, (frames: readonly LlmFrame[]) => Conversation> = {
  'openai-chat': assembleOpenAiChat,
  'openai-responses': assembleOpenAiResponses,
  anthropic: assembleAnthropic,
  gemini: assembleGemini,
  ollama: assembleOllama,
  'ai-sdk-ui': assembleAiSdkUi,
};

/**
 * A user's rule for the request URL wins over detection (the user said how to read it);
 * otherwise the format detected from the frames, with the URL as a hint.
 */
export function assembleConversation(
  frames: readonly LlmFrame[],
  hints: LlmHints = {},
  rules: readonly UserRule[] = [],
): Conversation | null {
  const url = hints.url;
  const rule = url === undefined ? undefined : rules.find((r) => ruleMatchesUrl(r, url));
  if (rule) return assembleWithRule(frames, rule);
  const format = detectFormat(frames, hints);
  return format ? ASSEMBLERS[format](frames) : null;
}
