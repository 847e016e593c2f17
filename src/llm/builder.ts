// Accumulates what the format readers find in frames (text, reasoning, tool-call fragments,
// finish reasons, usage, errors) into a Conversation, so each reader only maps its format.
import type {
  Choice,
  Conversation,
  ConversationError,
  Delta,
  LlmFormat,
  LlmFrame,
  TextSpan,
  Usage,
} from './conversation';
import { said, sharedText, type SharedMessage } from '../i18n/shared';
import { asObject, payloadFrames, type JsonObject } from './frames';
import { parseArguments } from './json-args';

interface ToolDraft {
  id: string;
  name: string;
  arguments: string;
  frames: number[];
}

interface ChoiceDraft {
  index: number;
  text: string;
  textSpans: TextSpan[];
  reasoning: string;
  reasoningSpans: TextSpan[];
  tools: Map<string, ToolDraft>;
  finishReason: string | null;
}

/** What a format reader does with each frame's JSON object. */
export type FrameReader = (frame: LlmFrame, json: JsonObject) => void;

/**
 * A format's reader kept across calls, so a growing stream is read once: `read` takes the
 * frames that arrived since the last call, `build` gives the conversation so far (a snapshot
 * that later reads do not change).
 */
export interface ConversationReader {
  read(frames: readonly LlmFrame[]): void;
  build(): Conversation;
}

/** Reads `frames` whole with a fresh reader. */
export function readAll(reader: ConversationReader, frames: readonly LlmFrame[]): Conversation {
  reader.read(frames);
  return reader.build();
}

/** A value that is a number, else null: providers omit counts they do not report. */
export function count(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

export class ConversationBuilder {
  model: string | null = null;
  private readonly choices = new Map<number, ChoiceDraft>();
  private readonly errors: ConversationError[] = [];
  private readonly deltas: Delta[] = [];
  private usage: Usage | null = null;
  private lastFrameAt: number | null = null;

  /**
   * Calls `read` with the JSON object of each frame that carries a payload, in order, and
   * records the frames that are not one. `[DONE]`, the end marker of OpenAI-style streams,
   * is not JSON and is passed over.
   */
  readFrames(frames: readonly LlmFrame[], read: FrameReader): void {
    for (const frame of payloadFrames(frames)) {
      this.lastFrameAt = frame.t;
      if (frame.data.trim() === '[DONE]') continue;
      const json = this.json(frame);
      if (json === undefined) continue;
      const object = asObject(json);
      if (object) read(frame, object);
      else this.error(frame, said('llm.notObject', { data: frame.data.slice(0, 200) }));
    }
  }

  text(choice: number, frame: LlmFrame, text: string): void {
    this.append(choice, frame, text, 'text');
  }

  reasoning(choice: number, frame: LlmFrame, text: string): void {
    this.append(choice, frame, text, 'reasoning');
  }

  /** Starts or updates the tool call `key` of a choice; empty id/name leave what is known. */
  tool(choice: number, key: string, frame: LlmFrame, id: string, name: string): void {
    const draft = this.toolDraft(choice, key, frame);
    if (id !== '') draft.id = id;
    if (name !== '') draft.name = name;
  }

  toolArguments(choice: number, key: string, frame: LlmFrame, fragment: string): void {
    const draft = this.toolDraft(choice, key, frame);
    draft.arguments += fragment;
    if (fragment !== '') this.delta(frame, 'tool');
  }

  /** Replaces the arguments with the complete text a format sends at the end of a call. */
  toolArgumentsDone(choice: number, key: string, frame: LlmFrame, complete: string): void {
    this.toolDraft(choice, key, frame).arguments = complete;
  }

  hasToolArguments(choice: number, key: string): boolean {
    return (this.choices.get(choice)?.tools.get(key)?.arguments ?? '') !== '';
  }

  finish(choice: number, reason: string): void {
    this.choice(choice).finishReason = reason;
  }

  /** Merges reported counts: later reports win, counts not in them stay. */
  reportUsage(usage: Usage): void {
    const before = this.usage;
    this.usage = {
      inputTokens: usage.inputTokens ?? before?.inputTokens ?? null,
      outputTokens: usage.outputTokens ?? before?.outputTokens ?? null,
      reasoningTokens: usage.reasoningTokens ?? before?.reasoningTokens ?? null,
    };
  }

  /** A provider's own error text as it came, or one of ours (worded on screen in the panel's language). */
  error(frame: LlmFrame, what: string | SharedMessage): void {
    this.errors.push(
      typeof what === 'string'
        ? { frame: frame.index, message: what }
        : { frame: frame.index, message: sharedText(what), problem: what },
    );
  }

  /** The frame's data as JSON, or undefined after recording why it is not. */
  private json(frame: LlmFrame): unknown {
    try {
      return JSON.parse(frame.data) as unknown;
    } catch {
      this.error(frame, said('llm.notJson', { data: frame.data.slice(0, 200) }));
      return undefined;
    }
  }

  build(format: LlmFormat): Conversation {
    const choices: Choice[] = [...this.choices.values()]
      .sort((a, b) => a.index - b.index)
      .map((c) => ({
        index: c.index,
        text: c.text,
        textSpans: c.textSpans.slice(),
        reasoning: c.reasoning,
        reasoningSpans: c.reasoningSpans.slice(),
        finishReason: c.finishReason,
        toolCalls: [...c.tools.values()].map((t) => ({
          id: t.id,
          name: t.name,
          arguments: t.arguments,
          parsed: parseArguments(t.arguments),
          frames: t.frames.slice(),
        })),
      }));
    return {
      format,
      model: this.model,
      choices,
      usage: this.usage,
      errors: this.errors.slice(),
      deltas: this.deltas.slice(),
      lastFrameAt: this.lastFrameAt,
    };
  }

  private choice(index: number): ChoiceDraft {
    let draft = this.choices.get(index);
    if (!draft) {
      draft = {
        index,
        text: '',
        textSpans: [],
        reasoning: '',
        reasoningSpans: [],
        tools: new Map(),
        finishReason: null,
      };
      this.choices.set(index, draft);
    }
    return draft;
  }

  private toolDraft(choice: number, key: string, frame: LlmFrame): ToolDraft {
    const tools = this.choice(choice).tools;
    let draft = tools.get(key);
    if (!draft) {
      draft = { id: '', name: '', arguments: '', frames: [] };
      tools.set(key, draft);
    }
    if (draft.frames.at(-1) !== frame.index) draft.frames.push(frame.index);
    return draft;
  }

  private append(choice: number, frame: LlmFrame, text: string, kind: 'text' | 'reasoning'): void {
    if (text === '') return;
    const draft = this.choice(choice);
    const spans = kind === 'text' ? draft.textSpans : draft.reasoningSpans;
    spans.push(span(draft[kind], text, frame));
    draft[kind] += text;
    this.delta(frame, kind);
  }

  private delta(frame: LlmFrame, kind: Delta['kind']): void {
    const last = this.deltas.at(-1);
    if (last && last.frame === frame.index && last.kind === kind) return;
    this.deltas.push({ frame: frame.index, t: frame.t, kind });
  }
}

function span(before: string, added: string, frame: LlmFrame): TextSpan {
  return { start: before.length, end: before.length + added.length, frame: frame.index };
}
