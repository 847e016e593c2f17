import { describe, expect, it } from 'vitest';
import type { LlmFrame } from '../../src/llm/conversation';
import { conversationMetrics, STALL_MS } from '../../src/llm/metrics';
import { assembleOpenAiChat } from '../../src/llm/openai-chat';
import { START } from './llm-fixtures';

/** OpenAI chunks at chosen times (ms after START). */
function timed(items: [number, object | string][]): LlmFrame[] {
  return items.map(([at, payload], i) => ({
    index: i,
    t: START + at,
    type: 'message',
    data: typeof payload === 'string' ? payload : JSON.stringify(payload),
  }));
}
const delta = (d: object): object => ({ choices: [{ index: 0, delta: d }] });

describe('conversationMetrics', () => {
  it('measures TTFT to content and to reasoning, duration, gaps and tokens/s', () => {
    const frames = timed([
      [50, delta({ role: 'assistant' })],
      [200, delta({ reasoning_content: 'a' })],
      [300, delta({ reasoning_content: 'b' })],
      [700, delta({ content: 'c' })],
      [720, delta({ content: 'd' })],
      [760, delta({ content: 'e' })],
      [1200, { choices: [], usage: { prompt_tokens: 3, completion_tokens: 50 } }],
      [1210, '[DONE]'],
    ]);
    const m = conversationMetrics(assembleOpenAiChat(frames), START);
    expect(m.ttfrMs).toBe(200);
    expect(m.ttftMs).toBe(700);
    expect(m.durationMs).toBe(1210);
    // Gaps between deltas: 100, 400, 20, 40.
    expect(m.gapP50Ms).toBe(40);
    expect(m.gapP95Ms).toBe(400);
    expect(m.gapMaxMs).toBe(400);
    // 50 tokens from the first delta (200) to the last (760): 0.56 s.
    expect(m.outputTokensPerSecond).toBeCloseTo(50 / 0.56, 6);
    expect(m.charactersPerSecond).toBeCloseTo(5 / 0.56, 6);
    expect(m.stalls).toEqual([]);
  });

  it(`marks each wait of ${STALL_MS} ms or more between deltas as a stall`, () => {
    const frames = timed([
      [100, delta({ content: 'a' })],
      [100 + STALL_MS - 1, delta({ content: 'b' })],
      [100 + STALL_MS - 1 + STALL_MS, delta({ content: 'c' })],
    ]);
    const m = conversationMetrics(assembleOpenAiChat(frames), START);
    expect(m.stalls).toEqual([{ fromFrame: 1, toFrame: 2, ms: STALL_MS }]);
  });

  it('counts a tool-call delta as first content, and gives characters/s without usage', () => {
    const frames = timed([
      [
        120,
        delta({ tool_calls: [{ index: 0, id: 'c', function: { name: 'f', arguments: '{"a"' } }] }),
      ],
      [620, delta({ tool_calls: [{ index: 0, function: { arguments: ':1}' } }] })],
    ]);
    const m = conversationMetrics(assembleOpenAiChat(frames), START);
    expect(m.ttftMs).toBe(120);
    expect(m.ttfrMs).toBeNull();
    expect(m.outputTokensPerSecond).toBeNull();
    expect(m.charactersPerSecond).toBeCloseTo('{"a":1}'.length / 0.5, 6);
    expect(m.gapMaxMs).toBe(500);
  });

  it('measures a long stream (200,000 deltas) without running out of stack', () => {
    const conversation = assembleOpenAiChat([]);
    conversation.deltas = Array.from({ length: 200_000 }, (_, i) => ({
      frame: i,
      t: START + i * 2 + (i === 1000 ? 50 : 0),
      kind: 'text' as const,
    }));
    const m = conversationMetrics(conversation, START);
    expect(m.gapMaxMs).toBe(52);
    expect(m.gapP50Ms).toBe(2);
  });

  it('gives nulls for a stream with no output', () => {
    const m = conversationMetrics(assembleOpenAiChat([]), START);
    expect(m).toEqual({
      ttftMs: null,
      ttfrMs: null,
      durationMs: null,
      gapP50Ms: null,
      gapP95Ms: null,
      gapMaxMs: null,
      outputTokensPerSecond: null,
      charactersPerSecond: null,
      stalls: [],
    });
  });
});
