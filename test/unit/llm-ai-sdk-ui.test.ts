import { describe, expect, it } from 'vitest';
import { assembleAiSdkUi } from '../../src/llm/ai-sdk-ui';
import { firstAnswer, framesOf } from './llm-fixtures';

describe('assembleAiSdkUi', () => {
  it('assembles reasoning, text and a streamed tool input, up to finish and [DONE]', () => {
    const c = assembleAiSdkUi(
      framesOf([
        { type: 'start', messageId: 'msg-1' },
        { type: 'start-step' },
        { type: 'reasoning-start', id: 'r1' },
        { type: 'reasoning-delta', id: 'r1', delta: 'Weather ' },
        { type: 'reasoning-delta', id: 'r1', delta: 'needed.' },
        { type: 'reasoning-end', id: 'r1' },
        { type: 'text-start', id: 't1' },
        { type: 'text-delta', id: 't1', delta: 'Looking ' },
        { type: 'text-delta', id: 't1', delta: 'it up.' },
        { type: 'text-end', id: 't1' },
        { type: 'tool-input-start', toolCallId: 'call_1', toolName: 'getWeather' },
        { type: 'tool-input-delta', toolCallId: 'call_1', inputTextDelta: '{"city":"San ' },
        { type: 'tool-input-delta', toolCallId: 'call_1', inputTextDelta: 'Francisco"}' },
        {
          type: 'tool-input-available',
          toolCallId: 'call_1',
          toolName: 'getWeather',
          input: { city: 'San Francisco' },
        },
        { type: 'finish-step' },
        { type: 'finish' },
        '[DONE]',
      ]),
    );
    expect(firstAnswer(c)).toEqual({
      format: 'ai-sdk-ui',
      model: null,
      reasoning: 'Weather needed.',
      text: 'Looking it up.',
      finishReason: 'finish',
    });
    expect(c.choices[0]?.toolCalls.map((t) => [t.id, t.name, t.arguments])).toEqual([
      ['call_1', 'getWeather', '{"city":"San Francisco"}'],
    ]);
    expect(c.errors).toEqual([]);
  });

  it('takes a tool input given whole, and records error and abort parts', () => {
    const c = assembleAiSdkUi(
      framesOf([
        { type: 'tool-input-available', toolCallId: 'c2', toolName: 'now', input: { tz: 'UTC' } },
        { type: 'error', errorText: 'Provider returned 500' },
        { type: 'abort', reason: 'user cancelled' },
      ]),
    );
    expect(c.choices[0]?.toolCalls[0]?.arguments).toBe('{"tz":"UTC"}');
    expect(c.errors).toEqual([{ frame: 101, message: 'Provider returned 500' }]);
    expect(c.choices[0]?.finishReason).toBe('abort: user cancelled');
  });
});
