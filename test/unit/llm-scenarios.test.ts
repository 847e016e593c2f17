// The /llm/* scenario routes over a real socket, read the way the panel reads a fetch body
// (the content script's framing from the Content-Type, its wire decoder fed each chunk as it
// arrived) and assembled by our own assemblers: the routes must be realistic for them, and
// every provider shape must carry the one shared script intact, byte-split character included.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatOfType } from '../../src/capture/stream-format';
import { assembleConversation } from '../../src/llm/assemble';
import type { Conversation, LlmFrame } from '../../src/llm/conversation';
import { conversationMetrics } from '../../src/llm/metrics';
import { createWireDecoder, type WireDecoder } from '../../src/sse/wire-decoder';
import { startScenarioServer, type ScenarioServer } from '../fixtures/scenario-server';
import { anthropicPlan } from '../fixtures/scenarios/llm-anthropic';
import { geminiPlan } from '../fixtures/scenarios/llm-gemini';
import { ollamaPlan } from '../fixtures/scenarios/llm-ollama';
import { openAiPlan } from '../fixtures/scenarios/llm-openai';
import {
  LLM_ANSWER,
  LLM_ANSWER_DELTAS,
  LLM_ERROR_MESSAGE,
  LLM_FINISH_REASONS,
  LLM_HOSTILE_ANSWER,
  LLM_REASONING,
  LLM_SPLIT_CHARACTER,
  LLM_TOOL_ARGUMENTS,
  LLM_TOOL_INPUT,
  LLM_TOOL_NAME,
  llmExpectedUsage,
  type LlmRouteFormat,
  LLM_TOOL_ARGUMENT_FRAGMENTS,
} from '../fixtures/scenarios/llm-script';
import { wirePieces, type LlmPlan } from '../fixtures/scenarios/llm-stream';

interface Streamed {
  contentType: string | null;
  frames: LlmFrame[];
  requestStart: number;
  conversation: Conversation | null;
}

function decoderFor(contentType: string | null): WireDecoder {
  const format = formatOfType(contentType);
  if (format !== 'sse' && format !== 'ndjson') throw new Error(`not a stream: ${contentType}`);
  return createWireDecoder(format);
}

function framesFrom(decoded: ReturnType<WireDecoder['push']>, frames: LlmFrame[]): void {
  for (const f of decoded) {
    frames.push({
      index: frames.length,
      t: Date.now(),
      type: f.type,
      data: f.data,
      kind: f.frameKind,
    });
  }
}

const ROUTES: Record<LlmRouteFormat, string> = {
  'openai-chat': '/llm/openai/chat/completions',
  anthropic: '/llm/anthropic/v1/messages',
  gemini: '/llm/gemini/v1beta/models/gemini-demo-flash:streamGenerateContent?alt=sse',
  ollama: '/llm/ollama/api/chat',
};

/** The request bodies a client of each provider sends. */
const BODIES: Record<LlmRouteFormat, object> = {
  'openai-chat': {
    model: 'gpt-demo-mini',
    stream: true,
    stream_options: { include_usage: true },
    messages: [{ role: 'user', content: 'Why is my chat slow?' }],
  },
  anthropic: {
    model: 'claude-demo',
    stream: true,
    max_tokens: 1024,
    thinking: { type: 'enabled', budget_tokens: 512 },
    messages: [{ role: 'user', content: 'Why is my chat slow?' }],
  },
  gemini: { contents: [{ role: 'user', parts: [{ text: 'Why is my chat slow?' }] }] },
  ollama: { model: 'qwen3:demo', think: true, messages: [{ role: 'user', content: 'Hi' }] },
};

/** What each provider sends as the Content-Type of its stream. */
const CONTENT_TYPES: Record<LlmRouteFormat, string> = {
  'openai-chat': 'text/event-stream; charset=utf-8',
  anthropic: 'text/event-stream; charset=utf-8',
  gemini: 'text/event-stream',
  ollama: 'application/x-ndjson',
};

const FORMATS = Object.keys(ROUTES) as LlmRouteFormat[];

/** Knobs on a route: `delay=0` unless given, so the tests run at socket speed. */
function routeUrl(origin: string, format: LlmRouteFormat, knobs = ''): string {
  const route = ROUTES[format];
  const join = route.includes('?') ? '&' : '?';
  return `${origin}${route}${join}delay=0${knobs === '' ? '' : `&${knobs}`}`;
}

describe('LLM scenario routes, read and assembled as the panel does', () => {
  let server: ScenarioServer;

  beforeAll(async () => {
    server = await startScenarioServer();
  });
  afterAll(async () => {
    await server.close();
  });

  async function stream(url: string, body: object): Promise<Streamed> {
    const requestStart = Date.now();
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    const contentType = response.headers.get('content-type');
    const decoder = decoderFor(contentType);
    const frames: LlmFrame[] = [];
    if (response.body === null) throw new Error(`no body from ${url}`);
    for await (const chunk of response.body) {
      framesFrom(decoder.push(chunk), frames);
    }
    framesFrom(decoder.end(), frames);
    const conversation = assembleConversation(frames, { url });
    return { contentType, frames, requestStart, conversation };
  }

  for (const format of FORMATS) {
    describe(format, () => {
      it('streams the shared script: reasoning, answer, tool call, finish reason, usage', async () => {
        const { conversation, contentType, frames } = await stream(
          routeUrl(server.origin, format),
          BODIES[format],
        );
        expect(contentType).toBe(CONTENT_TYPES[format]);
        expect(frames.every((f) => f.kind === 'event')).toBe(true);
        expect(conversation).not.toBeNull();
        const [choice, ...others] = conversation?.choices ?? [];
        expect(others).toEqual([]);
        expect({
          format: conversation?.format,
          reasoning: choice?.reasoning,
          text: choice?.text,
          finishReason: choice?.finishReason,
          usage: conversation?.usage,
          errors: conversation?.errors,
        }).toEqual({
          format,
          reasoning: LLM_REASONING,
          text: LLM_ANSWER,
          finishReason: LLM_FINISH_REASONS[format],
          usage: llmExpectedUsage(format),
          errors: [],
        });
        expect(choice?.toolCalls).toHaveLength(1);
        expect(choice?.toolCalls[0]).toMatchObject({
          name: LLM_TOOL_NAME,
          arguments: LLM_TOOL_ARGUMENTS,
          parsed: { ok: true, value: LLM_TOOL_INPUT },
        });
      });

      it('keeps the byte-split character whole when its halves arrive in separate chunks', () => {
        const plan = planOf(format);
        const pieces = plan.chunks.flatMap((c) => wirePieces(c.body));
        // One write ends mid-character: it is not UTF-8 on its own.
        const halves = pieces.filter((p) => typeof p !== 'string');
        expect(halves).toHaveLength(2);
        expect(() => new TextDecoder('utf-8', { fatal: true }).decode(halves[0])).toThrow();
        const decoder = decoderFor(CONTENT_TYPES[format]);
        const frames: LlmFrame[] = [];
        for (const piece of pieces) framesFrom(decoder.push(piece), frames);
        framesFrom(decoder.end(), frames);
        const text = assembleConversation(frames, { url: ROUTES[format] })?.choices[0]?.text;
        expect(text).toBe(LLM_ANSWER);
        expect(text).toContain(`café ${LLM_SPLIT_CHARACTER}`);
      });

      it('error=1: the provider error arrives mid-answer and the stream ends there', async () => {
        const { conversation } = await stream(
          routeUrl(server.origin, format, 'error=1'),
          BODIES[format],
        );
        expect(conversation?.errors).toHaveLength(1);
        expect(conversation?.errors[0]?.message).toContain(LLM_ERROR_MESSAGE);
        const choice = conversation?.choices[0];
        expect(choice?.text.length).toBeGreaterThan(0);
        expect(LLM_ANSWER.startsWith(choice?.text ?? '')).toBe(true);
        expect(choice?.text).not.toBe(LLM_ANSWER);
        expect(choice?.finishReason).toBeNull();
        expect(choice?.toolCalls).toEqual([]);
      });

      it('hostile=1: the answer carries markup and script, as text', async () => {
        const { conversation } = await stream(
          routeUrl(server.origin, format, 'hostile=1'),
          BODIES[format],
        );
        expect(conversation?.choices[0]?.text).toBe(LLM_HOSTILE_ANSWER);
        expect(LLM_HOSTILE_ANSWER).toContain('<img src=x onerror=alert(1)>');
        expect(LLM_HOSTILE_ANSWER).toContain('<script>');
      });

      it('ttft and stall: the first answer delta waits, and so does the middle one', async () => {
        const ttft = 800;
        const stall = 1000;
        const { conversation, requestStart } = await stream(
          routeUrl(server.origin, format, `ttft=${ttft}&stall=${stall}`),
          BODIES[format],
        );
        if (conversation === null) throw new Error('no conversation');
        expect(conversation.choices[0]?.text).toBe(LLM_ANSWER);
        // Times from the request's start, when the server's waits add up (a gap between two
        // arrivals can shrink when the first is read late). Timers fire up to 1 ms early.
        const since = (t: number | undefined): number => (t ?? NaN) - requestStart;
        const text = conversation.deltas.filter((d) => d.kind === 'text');
        expect(text).toHaveLength(LLM_ANSWER_DELTAS.length);
        const middle = Math.floor(LLM_ANSWER_DELTAS.length / 2);
        const metrics = conversationMetrics(conversation, requestStart);
        expect(metrics.ttfrMs).toBeLessThan(ttft);
        expect(metrics.ttftMs).toBeGreaterThanOrEqual(ttft - 1);
        expect(since(text[middle - 1]?.t)).toBeLessThan(ttft + stall);
        expect(since(text[middle]?.t)).toBeGreaterThanOrEqual(ttft + stall - 1);
      });
    });
  }

  for (const format of ['openai-chat', 'anthropic'] as const) {
    it(`${format}: broken=1 stops the streamed tool arguments short, invalid JSON`, async () => {
      const { conversation } = await stream(
        routeUrl(server.origin, format, 'broken=1'),
        BODIES[format],
      );
      const call = conversation?.choices[0]?.toolCalls[0];
      expect(call?.arguments).toBe(LLM_TOOL_ARGUMENT_FRAGMENTS.slice(0, -1).join(''));
      expect(call?.parsed.ok).toBe(false);
      // Everything else is the script as ever.
      expect(conversation?.choices[0]?.text).toBe(LLM_ANSWER);
    });
  }

  it('openai-chat: n=3 interleaves three choices, each with the whole script', async () => {
    const { conversation, frames } = await stream(routeUrl(server.origin, 'openai-chat'), {
      ...BODIES['openai-chat'],
      n: 3,
    });
    const choiceOf = (f: LlmFrame): unknown =>
      (JSON.parse(f.data) as { choices?: { index: number }[] }).choices?.[0]?.index;
    // Chunks alternate 0, 1, 2 from the first one.
    expect(frames.slice(0, 6).map(choiceOf)).toEqual([0, 1, 2, 0, 1, 2]);
    expect(
      conversation?.choices.map((c) => [c.index, c.text, c.reasoning, c.finishReason]),
    ).toEqual([0, 1, 2].map((i) => [i, LLM_ANSWER, LLM_REASONING, 'tool_calls']));
    expect(conversation?.choices.map((c) => c.toolCalls.map((t) => [t.id, t.arguments]))).toEqual(
      [0, 1, 2].map((i) => [[`call_demo${i}`, LLM_TOOL_ARGUMENTS]]),
    );
    expect(conversation?.usage).toEqual(llmExpectedUsage('openai-chat', 3));
  });

  it('openai-chat: no usage chunk unless the body asks stream_options.include_usage', async () => {
    const { conversation, frames } = await stream(routeUrl(server.origin, 'openai-chat'), {
      model: 'gpt-demo-mini',
      stream: true,
      messages: [],
    });
    expect(conversation?.usage).toBeNull();
    expect(frames.at(-1)?.data).toBe('[DONE]');
    expect(frames.some((f) => f.data.includes('"usage"'))).toBe(false);
  });

  it('gemini: the model comes from the path, and without alt=sse the route answers 400', async () => {
    const { conversation } = await stream(routeUrl(server.origin, 'gemini'), BODIES.gemini);
    expect(conversation?.model).toBe('gemini-demo-flash');
    const refused = await fetch(
      `${server.origin}/llm/gemini/v1beta/models/gemini-demo-flash:streamGenerateContent`,
      { method: 'POST', body: '{}' },
    );
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ error: { status: 'INVALID_ARGUMENT' } });
  });

  it('records each request with its body, like the /fetch/ routes', async () => {
    server.reset();
    await stream(routeUrl(server.origin, 'anthropic'), BODIES.anthropic);
    expect(server.stats().requests).toMatchObject([
      { path: ROUTES.anthropic, method: 'POST', body: { text: JSON.stringify(BODIES.anthropic) } },
    ]);
  });
});

function planOf(format: LlmRouteFormat): LlmPlan {
  switch (format) {
    case 'openai-chat':
      return openAiPlan(BODIES['openai-chat'] as Record<string, unknown>, false);
    case 'anthropic':
      return anthropicPlan({}, false);
    case 'gemini':
      return geminiPlan('gemini-demo-flash', false);
    case 'ollama':
      return ollamaPlan({}, false);
  }
}
