// The entry point for a connection: detects the format of its frames and assembles them
// into a Conversation, or says (null) that the stream is not a known LLM format; or gives the
// format's reader, to read a growing stream frame batch by frame batch.
import { aiSdkUiReader } from './ai-sdk-ui';
import { anthropicReader } from './anthropic';
import { readAll, type ConversationReader } from './builder';
import type { Conversation, DetectedFormat, LlmFrame, LlmHints } from './conversation';
import { detectFormat } from './detect';
import { geminiReader } from './gemini';
import { ollamaReader } from './ollama';
import { openAiChatReader } from './openai-chat';
import { openAiResponsesReader } from './openai-responses';
import { ruleMatchesUrl, ruleReader, type UserRule } from './user-rule';

const READERS: Record<DetectedFormat, () => ConversationReader> = {
  'openai-chat': openAiChatReader,
  'openai-responses': openAiResponsesReader,
  anthropic: anthropicReader,
  gemini: geminiReader,
  ollama: ollamaReader,
  'ai-sdk-ui': aiSdkUiReader,
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
  const reader = conversationReader(frames, hints, rules);
  return reader ? readAll(reader, frames) : null;
}

/**
 * A reader for the stream whose first frames are `frames` (it reads none of them yet), or null
 * while they tell no format: the panel keeps it and feeds it the frames as they arrive.
 */
export function conversationReader(
  frames: readonly LlmFrame[],
  hints: LlmHints = {},
  rules: readonly UserRule[] = [],
): ConversationReader | null {
  const url = hints.url;
  const rule = url === undefined ? undefined : rules.find((r) => ruleMatchesUrl(r, url));
  if (rule) return ruleReader(rule);
  const format = detectFormat(frames, hints);
  return format ? READERS[format]() : null;
}
