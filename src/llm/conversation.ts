// The one shape every LLM stream format is assembled into, so the Conversation tab, its
// metrics and its export read the same fields whatever provider produced the frames.
import type { SharedMessage } from '../i18n/shared';

export type LlmFormat =
  | 'openai-chat'
  | 'openai-responses'
  | 'anthropic'
  | 'gemini'
  | 'ollama'
  | 'ai-sdk-ui'
  /** Read with a user-defined rule. */
  | 'custom';

/** The formats told from the frames themselves. */
export type DetectedFormat = Exclude<LlmFormat, 'custom'>;

/** The little of a captured frame the assemblers read (a panel `FrameView` fits). */
export interface LlmFrame {
  /** Position in the capture; what cross-links point at. */
  index: number;
  /** Arrival time, epoch ms. */
  t: number;
  /** SSE event type (`message` when the stream names none). */
  type: string;
  data: string;
  /** 'comment' and 'retry' frames carry no payload and are skipped. */
  kind?: string;
}

/** What the request tells about the stream, used only as hints. */
export interface LlmHints {
  url?: string;
}

/** A run of assembled text `[start, end)` and the frame that carried it. */
export interface TextSpan {
  start: number;
  end: number;
  frame: number;
}

/** Tool arguments as parsed JSON, or where the model broke them. */
export type ParsedArguments =
  { ok: true; value: unknown } | { ok: false; error: string; offset: number };

export interface ToolCall {
  id: string;
  name: string;
  /** The argument fragments joined, exactly as streamed. */
  arguments: string;
  parsed: ParsedArguments;
  /** Frames that carried any part of the call, in order. */
  frames: number[];
}

/** One answer: a choice (OpenAI), a candidate (Gemini), or the single message of the others. */
export interface Choice {
  index: number;
  text: string;
  textSpans: TextSpan[];
  reasoning: string;
  reasoningSpans: TextSpan[];
  toolCalls: ToolCall[];
  finishReason: string | null;
}

/** Token counts as the provider reported them; null where it did not. */
export interface Usage {
  inputTokens: number | null;
  outputTokens: number | null;
  reasoningTokens: number | null;
}

/** Something wrong in the stream: an error event, or a frame that could not be read. */
export interface ConversationError {
  frame: number;
  /** In English, as exports keep it. */
  message: string;
  /** Set for SSE Lens's own errors, which the panel words in its language. */
  problem?: SharedMessage;
}

/** A frame that added output, with when it arrived: what the timing metrics are made of. */
export interface Delta {
  frame: number;
  t: number;
  kind: 'text' | 'reasoning' | 'tool';
}

export interface Conversation {
  format: LlmFormat;
  model: string | null;
  choices: Choice[];
  usage: Usage | null;
  errors: ConversationError[];
  deltas: Delta[];
  /** Arrival time of the last frame read, epoch ms; null without frames. */
  lastFrameAt: number | null;
}
