// Tells which LLM stream format a connection carries, from the frames themselves (event
// names, JSON shape), falling back on the request URL when no frame decides.
import type { DetectedFormat, LlmFrame, LlmHints } from './conversation';
import { asArray, asObject, asString, payloadFrames, type JsonObject } from './frames';

/** Frames looked at: the shape shows in the first few of any of these formats. */
const FRAMES_EXAMINED = 8;

const ANTHROPIC_EVENTS = new Set([
  'message_start',
  'content_block_start',
  'content_block_delta',
  'content_block_stop',
  'message_delta',
  'message_stop',
]);

/** Part types of the AI SDK UI message stream that no provider format uses. */
const AI_SDK_UI_PARTS = new Set([
  'text-start',
  'text-delta',
  'reasoning-start',
  'reasoning-delta',
  'tool-input-start',
  'tool-input-delta',
  'start-step',
  'finish-step',
]);

const URL_HINTS: [RegExp, DetectedFormat][] = [
  [/\/chat\/completions\b/, 'openai-chat'],
  [/\/v1\/responses\b/, 'openai-responses'],
  [/\/v1\/messages\b/, 'anthropic'],
  [/:streamGenerateContent\b/, 'gemini'],
  [/\/api\/(?:chat|generate)\b/, 'ollama'],
];

export function detectFormat(
  frames: readonly LlmFrame[],
  hints: LlmHints = {},
): DetectedFormat | null {
  for (const frame of payloadFrames(frames).slice(0, FRAMES_EXAMINED)) {
    if (ANTHROPIC_EVENTS.has(frame.type)) return 'anthropic';
    const format = formatOfJson(parse(frame.data));
    if (format) return format;
  }
  const url = hints.url ?? '';
  return URL_HINTS.find(([pattern]) => pattern.test(url))?.[1] ?? null;
}

function parse(data: string): JsonObject | null {
  try {
    return asObject(JSON.parse(data));
  } catch {
    return null;
  }
}

function formatOfJson(json: JsonObject | null): DetectedFormat | null {
  if (!json) return null;
  const type = asString(json['type']);
  if (ANTHROPIC_EVENTS.has(type)) return 'anthropic';
  if (type.startsWith('response.')) return 'openai-responses';
  if (AI_SDK_UI_PARTS.has(type) || (type === 'start' && 'messageId' in json)) return 'ai-sdk-ui';
  if (json['object'] === 'chat.completion.chunk') return 'openai-chat';
  const firstChoice = asObject(asArray(json['choices'])[0]);
  if (firstChoice && 'delta' in firstChoice) return 'openai-chat';
  if (Array.isArray(json['candidates']) || asObject(json['usageMetadata'])) return 'gemini';
  if (typeof json['done'] === 'boolean' && ('message' in json || 'response' in json))
    return 'ollama';
  return null;
}
