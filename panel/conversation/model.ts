// What the Conversation tab shows for one connection, derived from its kept frames, its
// request and the user's rules: the assembled conversation, its metrics measured from the
// request's start, the request side, and the model however it was named.
import type { Conversation, LlmFrame } from '../../src/llm/conversation';
import { detectFormat } from '../../src/llm/detect';
import { payloadFrames } from '../../src/llm/frames';
import { conversationMetrics, type ConversationMetrics } from '../../src/llm/metrics';
import { readLlmRequest, type LlmRequest } from '../../src/llm/request';
import { ruleMatchesUrl, type UserRule } from '../../src/llm/user-rule';
import type { ConnectionView } from '../../src/model/capture-state';
import type { Span } from '../../src/model/timeline';

export interface ConversationModel {
  conversation: Conversation;
  metrics: ConversationMetrics;
  request: LlmRequest | null;
  model: string | null;
  /** When the request that carried the output started, epoch ms: what TTFT counts from. */
  requestStart: number;
}

/**
 * Whether the tab is offered: the frames are a known LLM format, a rule reads them, or they
 * are JSON no built-in format knows (then the tab offers to write a rule). Looks at the first
 * frames only, so it is cheap on any stream.
 */
export type ConversationAvailability = 'detected' | 'rule' | 'unknown-json' | null;

const JSON_FRAMES_EXAMINED = 8;

export function conversationAvailability(
  frames: readonly LlmFrame[],
  url: string,
  rules: readonly UserRule[],
): ConversationAvailability {
  if (rules.some((rule) => ruleMatchesUrl(rule, url))) return 'rule';
  const first = payloadFrames(frames.slice(0, JSON_FRAMES_EXAMINED * 4)).slice(
    0,
    JSON_FRAMES_EXAMINED,
  );
  if (first.length === 0) return null;
  if (detectFormat(first, { url })) return 'detected';
  return first.some((f) => isJsonObject(f.data)) ? 'unknown-json' : null;
}

function isJsonObject(data: string): boolean {
  const text = data.trim();
  if (!text.startsWith('{')) return false;
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/** The model of `connection` from its assembled `conversation` and its kept `frames`. */
export function conversationModel(
  connection: ConnectionView,
  conversation: Conversation,
  frames: readonly LlmFrame[],
): ConversationModel {
  const body = connection.request?.body;
  const request = body && !body.binary ? readLlmRequest(body.text) : null;
  const requestStart = requestStartOf(connection, frames[0]?.t ?? Infinity);
  return {
    conversation,
    metrics: conversationMetrics(conversation, requestStart),
    request,
    model: conversation.model ?? request?.model ?? modelFromUrl(connection.url),
    requestStart,
  };
}

/**
 * The start of the attempt that carried the frames: the last time the connection began
 * connecting (created, or an EventSource retrying) before its first kept frame.
 */
export function requestStartOf(connection: ConnectionView, firstFrameAt: number): number {
  let start = connection.createdAt;
  for (const tr of connection.transitions) {
    if (tr.readyState === 0 && tr.t <= firstFrameAt && tr.t > start) start = tr.t;
  }
  return start;
}

/** Gemini names the model only in the URL: `…/models/<model>:streamGenerateContent`. */
export function modelFromUrl(url: string): string | null {
  const match = /\/models\/([^/:?#]+):\w+/.exec(url);
  return match?.[1] ? decodeURIComponent(match[1]) : null;
}

/** The conversation's stalls as time spans on its timeline lane. */
export function stallSpans(model: ConversationModel): Span[] {
  const { stalls } = model.metrics;
  if (stalls.length === 0) return [];
  const wanted = new Set(stalls.flatMap((s) => [s.fromFrame, s.toFrame]));
  const at = new Map<number, number>();
  for (const d of model.conversation.deltas) if (wanted.has(d.frame)) at.set(d.frame, d.t);
  return stalls.flatMap((s) => {
    const from = at.get(s.fromFrame);
    const to = at.get(s.toFrame);
    return from === undefined || to === undefined ? [] : [{ from, to, frames: 0 }];
  });
}
