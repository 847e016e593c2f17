// The Conversation tab's exports as pure text builders: a Markdown file a person reads (the
// answer as the model wrote it, which is itself Markdown, so nothing is escaped into HTML) and a
// JSON document of plain data for tools. Both carry the same facts. Made to be shared, they
// never carry the URL's credentials or secret query parameters (Gemini's `?key=` among them).
import { DEFAULT_SECRET_PARAMS, redactUrl } from '../export/redact-url';
import type { Choice, Conversation, ToolCall } from './conversation';
import type { ConversationMetrics } from './metrics';
import type { LlmRequest } from './request';

/** Everything one exported conversation holds. */
export interface ConversationRecord {
  /** The stream's request URL. */
  url: string;
  /** The model the stream named, else the request body's, else the URL's (Gemini). */
  model: string | null;
  conversation: Conversation;
  metrics: ConversationMetrics;
  /** The request body read as an LLM request; null when it was not one. */
  request: LlmRequest | null;
}

export const CONVERSATION_EXPORT_FORMAT = 'sse-lens-conversation';

const SECRETS = { params: new Set(DEFAULT_SECRET_PARAMS), credentials: true };

/** The stream URL without its secrets. */
function shareableUrl(url: string): string {
  return redactUrl(url, SECRETS, () => undefined).text;
}

export function conversationJson(record: ConversationRecord): string {
  const { conversation: c, metrics } = record;
  return JSON.stringify(
    {
      format: CONVERSATION_EXPORT_FORMAT,
      version: 1,
      url: shareableUrl(record.url),
      streamFormat: c.format,
      model: record.model,
      request: record.request,
      choices: c.choices.map((choice) => ({
        index: choice.index,
        text: choice.text,
        reasoning: choice.reasoning,
        toolCalls: choice.toolCalls.map(toolCallJson),
        finishReason: choice.finishReason,
      })),
      usage: c.usage,
      errors: c.errors,
      metrics,
    },
    null,
    2,
  );
}

function toolCallJson(call: ToolCall): object {
  return {
    id: call.id,
    name: call.name,
    arguments: call.arguments,
    ...(call.parsed.ok ? { parsedArguments: call.parsed.value } : { error: call.parsed.error }),
  };
}

export function conversationMarkdown(record: ConversationRecord): string {
  const { conversation: c, metrics, request } = record;
  const out: string[] = [`# Conversation: ${record.model ?? 'unknown model'}`, ''];
  out.push(`- Stream: ${shareableUrl(record.url)}`, `- Format: ${c.format}`);
  if (request) out.push(...requestLines(request));
  const several = c.choices.length > 1;
  for (const choice of c.choices) out.push('', ...choiceLines(choice, several));
  if (c.choices.length === 0) out.push('', '_No output was assembled._');
  if (c.errors.length > 0) {
    out.push('', '## Errors in the stream', '');
    for (const e of c.errors) out.push(`- frame #${e.frame}: ${oneLine(e.message)}`);
  }
  out.push('', '## Usage and timing', '', ...usageLines(c), ...metricLines(metrics));
  return `${out.join('\n')}\n`;
}

function requestLines(request: LlmRequest): string[] {
  const out = ['', '## Request', ''];
  if (request.model) out.push(`- Model: ${request.model}`);
  const params = Object.entries(request.params);
  if (params.length) out.push(`- Parameters: ${params.map(([k, v]) => `${k}=${v}`).join(', ')}`);
  if (request.tools.length) out.push(`- Tools offered: ${request.tools.join(', ')}`);
  if (request.system) out.push('', '### System', '', request.system);
  for (const m of request.messages) out.push('', `### ${m.role}`, '', m.text);
  return out;
}

function choiceLines(choice: Choice, several: boolean): string[] {
  const out = [several ? `## Answer (choice ${choice.index})` : '## Answer', ''];
  if (choice.reasoning) out.push('### Reasoning', '', fenced(choice.reasoning, ''), '');
  out.push(choice.text || '_No text._');
  for (const call of choice.toolCalls) {
    out.push('', `### Tool call: ${call.name || '(unnamed)'}${call.id ? ` (id ${call.id})` : ''}`);
    out.push('');
    if (call.parsed.ok) out.push(fenced(JSON.stringify(call.parsed.value, null, 2), 'json'));
    else out.push(`Arguments: ${call.parsed.error}`, '', fenced(call.arguments, ''));
  }
  out.push('', `Finish reason: ${choice.finishReason ?? 'none reported'}`);
  return out;
}

function usageLines(c: Conversation): string[] {
  const u = c.usage;
  if (!u) return ['- Usage: not reported'];
  const count = (n: number | null): string => (n === null ? 'not reported' : String(n));
  return [
    `- Input tokens: ${count(u.inputTokens)}`,
    `- Output tokens: ${count(u.outputTokens)}`,
    `- Reasoning tokens: ${count(u.reasoningTokens)}`,
  ];
}

function metricLines(m: ConversationMetrics): string[] {
  const ms = (v: number | null): string => (v === null ? 'n/a' : `${Math.round(v)} ms`);
  const rate = (v: number | null): string => (v === null ? 'n/a' : v.toFixed(1));
  const out = [
    `- Time to first token: ${ms(m.ttftMs)}`,
    `- Time to first reasoning: ${ms(m.ttfrMs)}`,
    `- Duration: ${ms(m.durationMs)}`,
    `- Gaps between deltas: p50 ${ms(m.gapP50Ms)}, p95 ${ms(m.gapP95Ms)}, max ${ms(m.gapMaxMs)}`,
    `- Output tokens/s: ${rate(m.outputTokensPerSecond)}`,
    `- Characters/s: ${rate(m.charactersPerSecond)}`,
    `- Stalls (≥ 2 s): ${m.stalls.length}`,
  ];
  for (const s of m.stalls)
    out.push(`  - ${Math.round(s.ms)} ms between frames #${s.fromFrame} and #${s.toFrame}`);
  return out;
}

/** A code fence longer than any run of backticks in `text`, so the text cannot close it. */
function fenced(text: string, lang: string): string {
  let longest = 0;
  for (const run of text.match(/`+/g) ?? []) longest = Math.max(longest, run.length);
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}${lang}\n${text}\n${fence}`;
}

function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ');
}

/** `conversation-api.example-2026-11-30T23-14-05.md`: the stream's host, then the export time. */
export function conversationFileName(url: string, exportedAt: number, extension: string): string {
  const host = hostOf(url)
    .replace(/[^a-zA-Z0-9.-]+/g, '_')
    .slice(0, 60);
  const stamp = new Date(exportedAt).toISOString().slice(0, 19).replace(/:/g, '-');
  return `${['conversation', host, stamp].filter((part) => part !== '').join('-')}.${extension}`;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return '';
  }
}
