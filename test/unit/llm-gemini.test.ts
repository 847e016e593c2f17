import { describe, expect, it } from 'vitest';
import { assembleGemini } from '../../src/llm/gemini';
import { firstAnswer, framesOf } from './llm-fixtures';

const chunk = (parts: object[], extra: object = {}, candidate: object = {}): object => ({
  candidates: [{ content: { role: 'model', parts }, index: 0, ...candidate }],
  modelVersion: 'gemini-2.5-flash',
  ...extra,
});

describe('assembleGemini', () => {
  it('separates thought parts from text, reads functionCall parts, finishReason and usage', () => {
    const c = assembleGemini(
      framesOf([
        chunk([{ text: 'Considering the ', thought: true }], {
          usageMetadata: { promptTokenCount: 10, thoughtsTokenCount: 5 },
        }),
        chunk([{ text: 'question.', thought: true }]),
        chunk([{ text: 'It is ' }]),
        chunk([{ text: 'sunny.' }]),
        chunk(
          [{ functionCall: { name: 'get_weather', args: { city: 'Paris' } } }],
          {},
          { finishReason: 'STOP' },
        ),
        chunk([], {
          usageMetadata: {
            promptTokenCount: 10,
            candidatesTokenCount: 7,
            thoughtsTokenCount: 12,
            totalTokenCount: 29,
          },
        }),
      ]),
    );
    expect(firstAnswer(c)).toEqual({
      format: 'gemini',
      model: 'gemini-2.5-flash',
      reasoning: 'Considering the question.',
      text: 'It is sunny.',
      finishReason: 'STOP',
    });
    expect(c.choices[0]?.toolCalls).toEqual([
      {
        id: '',
        name: 'get_weather',
        arguments: '{"city":"Paris"}',
        parsed: { ok: true, value: { city: 'Paris' } },
        frames: [104],
      },
    ]);
    expect(c.usage).toEqual({ inputTokens: 10, outputTokens: 7, reasoningTokens: 12 });
  });

  it('keeps two parallel function calls in one chunk apart', () => {
    const c = assembleGemini(
      framesOf([
        chunk([
          { functionCall: { name: 'a', args: { x: 1 } } },
          { functionCall: { name: 'b', args: {} } },
        ]),
      ]),
    );
    expect(c.choices[0]?.toolCalls.map((t) => [t.name, t.arguments])).toEqual([
      ['a', '{"x":1}'],
      ['b', '{}'],
    ]);
  });

  it('keeps several candidates apart', () => {
    const c = assembleGemini(
      framesOf([
        {
          candidates: [
            { content: { parts: [{ text: 'one' }] }, index: 0 },
            { content: { parts: [{ text: 'two' }] }, index: 1, finishReason: 'MAX_TOKENS' },
          ],
        },
      ]),
    );
    expect(c.choices.map((ch) => [ch.text, ch.finishReason])).toEqual([
      ['one', null],
      ['two', 'MAX_TOKENS'],
    ]);
  });

  it('records an error object sent mid-stream', () => {
    const c = assembleGemini(
      framesOf([
        chunk([{ text: 'Begin' }]),
        { error: { code: 503, message: 'The model is overloaded.', status: 'UNAVAILABLE' } },
      ]),
    );
    expect(c.choices[0]?.text).toBe('Begin');
    expect(c.errors).toEqual([{ frame: 101, message: 'UNAVAILABLE: The model is overloaded.' }]);
  });
});
