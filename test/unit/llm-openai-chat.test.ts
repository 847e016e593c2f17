import { describe, expect, it } from 'vitest';
import { assembleOpenAiChat } from '../../src/llm/openai-chat';
import { framesOf } from './llm-fixtures';

const chunk = (choices: object[], extra: object = {}): object => ({
  id: 'chatcmpl-1',
  object: 'chat.completion.chunk',
  created: 1,
  model: 'gpt-4o-mini',
  choices,
  ...extra,
});
const delta = (d: object, index = 0, finish: string | null = null): object => ({
  index,
  delta: d,
  finish_reason: finish,
});

describe('assembleOpenAiChat', () => {
  it('joins text split across many deltas and links each run to its frame', () => {
    const words = ['Hel', 'lo', ', wor', 'ld', ' — ', 'é', '🙂'];
    const frames = framesOf([
      chunk([delta({ role: 'assistant', content: '' })]),
      ...words.map((w) => chunk([delta({ content: w })])),
      chunk([delta({}, 0, 'stop')]),
      '[DONE]',
    ]);
    const c = assembleOpenAiChat(frames);
    expect(c.format).toBe('openai-chat');
    expect(c.model).toBe('gpt-4o-mini');
    expect(c.choices).toHaveLength(1);
    const [choice] = c.choices;
    expect(choice?.text).toBe('Hello, world — é🙂');
    expect(choice?.finishReason).toBe('stop');
    expect(choice?.textSpans).toHaveLength(words.length);
    for (const [i, s] of (choice?.textSpans ?? []).entries()) {
      expect(choice?.text.slice(s.start, s.end)).toBe(words[i]);
      expect(s.frame).toBe(101 + i);
    }
    expect(c.errors).toEqual([]);
  });

  it('keeps reasoning_content (DeepSeek) apart from the answer', () => {
    const c = assembleOpenAiChat(
      framesOf([
        chunk([delta({ reasoning_content: 'Think ' })]),
        chunk([delta({ reasoning_content: 'hard.' })]),
        chunk([delta({ content: 'Answer' })], { model: 'deepseek-reasoner' }),
      ]),
    );
    expect(c.choices[0]?.reasoning).toBe('Think hard.');
    expect(c.choices[0]?.text).toBe('Answer');
    expect(c.choices[0]?.reasoningSpans.map((s) => s.frame)).toEqual([100, 101]);
    expect(c.model).toBe('deepseek-reasoner');
  });

  it('assembles parallel tool calls whose fragments interleave, split mid-token', () => {
    const call = (index: number, fn: object, id?: string): object =>
      chunk([
        delta({ tool_calls: [{ index, ...(id ? { id, type: 'function' } : {}), function: fn }] }),
      ]);
    const c = assembleOpenAiChat(
      framesOf([
        call(0, { name: 'get_weather', arguments: '' }, 'call_a'),
        call(1, { name: 'get_time', arguments: '' }, 'call_b'),
        call(0, { arguments: '{"ci' }),
        call(1, { arguments: '{"tz":"Eu' }),
        call(0, { arguments: 'ty":"Par' }),
        call(1, { arguments: 'rope/Paris"}' }),
        call(0, { arguments: 'is"}' }),
        chunk([delta({}, 0, 'tool_calls')]),
        '[DONE]',
      ]),
    );
    const calls = c.choices[0]?.toolCalls ?? [];
    expect(calls.map((t) => [t.id, t.name, t.arguments])).toEqual([
      ['call_a', 'get_weather', '{"city":"Paris"}'],
      ['call_b', 'get_time', '{"tz":"Europe/Paris"}'],
    ]);
    expect(calls[0]?.parsed).toEqual({ ok: true, value: { city: 'Paris' } });
    expect(calls[1]?.parsed).toEqual({ ok: true, value: { tz: 'Europe/Paris' } });
    expect(calls[0]?.frames).toEqual([100, 102, 104, 106]);
    expect(c.choices[0]?.finishReason).toBe('tool_calls');
  });

  it('reports invalid tool arguments with the offset where they break', () => {
    const c = assembleOpenAiChat(
      framesOf([
        chunk([
          delta({
            tool_calls: [{ index: 0, id: 'c', function: { name: 'f', arguments: '{"a":' } }],
          }),
        ]),
        chunk([delta({ tool_calls: [{ index: 0, function: { arguments: '1,,}' } }] })]),
      ]),
    );
    expect(c.choices[0]?.toolCalls[0]?.arguments).toBe('{"a":1,,}');
    expect(c.choices[0]?.toolCalls[0]?.parsed).toEqual({
      ok: false,
      error: 'invalid JSON at offset 7',
      offset: 7,
    });
  });

  it('keeps several choices (n > 1) apart, each with its finish reason', () => {
    const c = assembleOpenAiChat(
      framesOf([
        chunk([delta({ content: 'A1' }, 0), delta({ content: 'B1' }, 1)]),
        chunk([delta({ content: 'B2' }, 1)]),
        chunk([delta({ content: 'A2' }, 0)]),
        chunk([delta({}, 1, 'length'), delta({}, 0, 'stop')]),
      ]),
    );
    expect(c.choices.map((ch) => [ch.index, ch.text, ch.finishReason])).toEqual([
      [0, 'A1A2', 'stop'],
      [1, 'B1B2', 'length'],
    ]);
  });

  it('reads usage from the final chunk with empty choices', () => {
    const c = assembleOpenAiChat(
      framesOf([
        chunk([delta({ content: 'Hi' }, 0, 'stop')], { usage: null }),
        chunk([], {
          usage: {
            prompt_tokens: 12,
            completion_tokens: 34,
            total_tokens: 46,
            completion_tokens_details: { reasoning_tokens: 20 },
          },
        }),
        '[DONE]',
      ]),
    );
    expect(c.usage).toEqual({ inputTokens: 12, outputTokens: 34, reasoningTokens: 20 });
  });

  it('records an error mid-stream and a frame that is not JSON, and keeps going', () => {
    const c = assembleOpenAiChat(
      framesOf([
        chunk([delta({ content: 'Part' })]),
        '{"choices": [',
        '[1, 2]',
        { error: { message: 'Rate limit reached', type: 'rate_limit_error' } },
        chunk([delta({ content: 'ial' })]),
      ]),
    );
    expect(c.choices[0]?.text).toBe('Partial');
    expect(c.errors).toEqual([
      {
        frame: 101,
        message: 'frame is not JSON: {"choices": [',
        problem: { key: 'llm.notJson', params: { data: '{"choices": [' } },
      },
      {
        frame: 102,
        message: 'frame is not a JSON object: [1, 2]',
        problem: { key: 'llm.notObject', params: { data: '[1, 2]' } },
      },
      { frame: 103, message: 'rate_limit_error: Rate limit reached' },
    ]);
  });

  it('keeps model output containing HTML or script as the exact text', () => {
    const hostile = '<img src=x onerror=alert(1)><script>alert("x")</script>&amp;';
    const c = assembleOpenAiChat(
      framesOf([
        chunk([delta({ content: hostile.slice(0, 9) })]),
        chunk([delta({ content: hostile.slice(9) })]),
      ]),
    );
    expect(c.choices[0]?.text).toBe(hostile);
  });
});
