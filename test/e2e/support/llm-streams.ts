// Provider-shaped LLM streams for the Conversation tab's end-to-end tests, built from the
// field names of the providers' public streaming references, with one answer, reasoning and
// tool call shared by all of them. The page POSTs them to /fetch/llm-e2e, which replays them.
import type { Page } from '@playwright/test';
import type { ReplayFrame } from '../../fixtures/scenarios/llm-e2e';

export const REASONING = 'The user wants the weather in Paris; call the tool.';
/** The answer's deltas, in order; a multi-byte character on its own in one. */
export const ANSWER_DELTAS = ['Paris is ', 'sunny', ' today', ': 21 °C — naïve café ', '✓', '.'];
export const ANSWER = ANSWER_DELTAS.join('');
export const TOOL_NAME = 'get_weather';
/** The arguments split mid-token, as models stream them. */
export const TOOL_ARG_PARTS = ['{"ci', 'ty":"Par', 'is","unit":"cel', 'sius"}'];
export const TOOL_ARGS = { city: 'Paris', unit: 'celsius' };
/** Server-side wait before the first reasoning delta and then before the first answer delta. */
export const REASONING_DELAY_MS = 300;
export const ANSWER_DELAY_MS = 500;
export const USAGE = { input: 12, output: 34, reasoning: 9 };

const DELTA_GAP_MS = 20;

const frame = (data: object | string, delayMs = DELTA_GAP_MS, event?: string): ReplayFrame => ({
  data: typeof data === 'string' ? data : JSON.stringify(data),
  delayMs,
  ...(event === undefined ? {} : { event }),
});

/** OpenAI Chat Completions chunks with `reasoning_content`, a split tool call, usage, [DONE]. */
export function openAiChatFrames(answerDeltas: readonly string[] = ANSWER_DELTAS): ReplayFrame[] {
  const chunk = (delta: object, finish: string | null = null): object => ({
    id: 'chatcmpl-e2e',
    object: 'chat.completion.chunk',
    model: 'gpt-e2e',
    choices: [{ index: 0, delta, finish_reason: finish }],
  });
  const [firstArgs, ...restArgs] = TOOL_ARG_PARTS;
  return [
    frame(chunk({ role: 'assistant', content: '' }), 0),
    frame(chunk({ reasoning_content: REASONING.slice(0, 20) }), REASONING_DELAY_MS),
    frame(chunk({ reasoning_content: REASONING.slice(20) })),
    ...answerDeltas.map((content, i) =>
      frame(chunk({ content }), i === 0 ? ANSWER_DELAY_MS : DELTA_GAP_MS),
    ),
    frame(
      chunk({
        tool_calls: [
          {
            index: 0,
            id: 'call_e2e',
            type: 'function',
            function: { name: TOOL_NAME, arguments: firstArgs },
          },
        ],
      }),
    ),
    ...restArgs.map((args) =>
      frame(chunk({ tool_calls: [{ index: 0, function: { arguments: args } }] })),
    ),
    frame(chunk({}, 'tool_calls')),
    frame({
      id: 'chatcmpl-e2e',
      object: 'chat.completion.chunk',
      model: 'gpt-e2e',
      choices: [],
      usage: {
        prompt_tokens: USAGE.input,
        completion_tokens: USAGE.output,
        completion_tokens_details: { reasoning_tokens: USAGE.reasoning },
      },
    }),
    frame('[DONE]'),
  ];
}

/** Anthropic Messages events: thinking (with a signature), text, tool_use by input_json_delta. */
export function anthropicFrames(): ReplayFrame[] {
  const event = (payload: Record<string, unknown>, delayMs = DELTA_GAP_MS): ReplayFrame =>
    frame(payload, delayMs, String(payload['type']));
  const delta = (index: number, d: object, delayMs = DELTA_GAP_MS): ReplayFrame =>
    event({ type: 'content_block_delta', index, delta: d }, delayMs);
  return [
    event(
      {
        type: 'message_start',
        message: {
          id: 'msg_e2e',
          type: 'message',
          role: 'assistant',
          model: 'claude-e2e',
          content: [],
          usage: { input_tokens: USAGE.input, output_tokens: 1 },
        },
      },
      0,
    ),
    event({
      type: 'content_block_start',
      index: 0,
      content_block: { type: 'thinking', thinking: '' },
    }),
    delta(0, { type: 'thinking_delta', thinking: REASONING.slice(0, 20) }, REASONING_DELAY_MS),
    delta(0, { type: 'thinking_delta', thinking: REASONING.slice(20) }),
    delta(0, { type: 'signature_delta', signature: 'c2lnbmF0dXJl' }),
    event({ type: 'content_block_stop', index: 0 }),
    event({ type: 'ping' }),
    event({ type: 'content_block_start', index: 1, content_block: { type: 'text', text: '' } }),
    ...ANSWER_DELTAS.map((text, i) =>
      delta(1, { type: 'text_delta', text }, i === 0 ? ANSWER_DELAY_MS : DELTA_GAP_MS),
    ),
    event({ type: 'content_block_stop', index: 1 }),
    event({
      type: 'content_block_start',
      index: 2,
      content_block: { type: 'tool_use', id: 'toolu_e2e', name: TOOL_NAME, input: {} },
    }),
    ...TOOL_ARG_PARTS.map((partial_json) => delta(2, { type: 'input_json_delta', partial_json })),
    event({ type: 'content_block_stop', index: 2 }),
    event({
      type: 'message_delta',
      delta: { stop_reason: 'tool_use', stop_sequence: null },
      usage: { output_tokens: USAGE.output },
    }),
    event({ type: 'message_stop' }),
  ];
}

/** Gemini streamGenerateContent (alt=sse) chunks: a thought part, text parts, a functionCall. */
export function geminiFrames(): ReplayFrame[] {
  const parts = (list: object[], extra: object = {}): object => ({
    candidates: [{ index: 0, content: { role: 'model', parts: list }, ...extra }],
  });
  return [
    frame(parts([{ text: REASONING, thought: true }]), REASONING_DELAY_MS),
    ...ANSWER_DELTAS.map((text, i) =>
      frame(parts([{ text }]), i === 0 ? ANSWER_DELAY_MS : DELTA_GAP_MS),
    ),
    frame(
      parts([{ functionCall: { name: TOOL_NAME, args: TOOL_ARGS } }], { finishReason: 'STOP' }),
    ),
    frame({
      candidates: [],
      usageMetadata: {
        promptTokenCount: USAGE.input,
        candidatesTokenCount: USAGE.output,
        thoughtsTokenCount: USAGE.reasoning,
      },
    }),
  ];
}

/** The request body the page sends: an LLM request, plus the frames the route replays. */
export function llmRequestBody(model: string, frames: readonly ReplayFrame[]): string {
  return JSON.stringify({
    model,
    stream: true,
    temperature: 0.3,
    messages: [
      { role: 'system', content: 'You are a weather bot.' },
      { role: 'user', content: 'Weather in Paris?' },
    ],
    tools: [{ type: 'function', function: { name: TOOL_NAME, parameters: { type: 'object' } } }],
    frames,
  });
}

/** The page POSTs `body` to `url` with fetch and reads the stream to its end. */
export function postAndRead(page: Page, url: string, body: string): Promise<string> {
  return page.evaluate(
    async ({ url, body }) => {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
      });
      const reader = (response.body as ReadableStream<Uint8Array>).getReader();
      const decoder = new TextDecoder();
      let text = '';
      for (;;) {
        const { done, value } = await reader.read();
        if (done) return text + decoder.decode();
        text += decoder.decode(value, { stream: true });
      }
    },
    { url, body },
  );
}
