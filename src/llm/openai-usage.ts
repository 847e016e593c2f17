// Reads the usage object of OpenAI's two APIs, which differ only in names: Chat Completions
// (prompt/completion_tokens) and Responses (input/output_tokens), each with reasoning tokens
// under `<output>_details`.
import { count } from './builder';
import type { Usage } from './conversation';
import { asObject, type JsonObject } from './frames';

export function openAiUsage(usage: JsonObject, input: string, output: string): Usage {
  return {
    inputTokens: count(usage[input]),
    outputTokens: count(usage[output]),
    reasoningTokens: count(asObject(usage[`${output}_details`])?.['reasoning_tokens']),
  };
}
