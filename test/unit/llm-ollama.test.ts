import { describe, expect, it } from 'vitest';
import { assembleOllama } from '../../src/llm/ollama';
import { framesOf } from './llm-fixtures';

const chat = (message: object, extra: object = {}): object => ({
  model: 'llama3.2',
  created_at: '2025-01-01T00:00:00Z',
  message: { role: 'assistant', content: '', ...message },
  done: false,
  ...extra,
});

describe('assembleOllama', () => {
  it('assembles /api/chat lines with thinking, tool calls and the final counts', () => {
    const c = assembleOllama(
      framesOf([
        chat({ thinking: 'Hmm' }),
        chat({ content: 'The sky' }),
        chat({ content: ' is blue.' }),
        chat({ tool_calls: [{ function: { name: 'lookup', arguments: { term: 'sky' } } }] }),
        chat({ tool_calls: [{ function: { name: 'echo', arguments: '{"s":1}' } }] }),
        chat({}, { done: true, done_reason: 'stop', prompt_eval_count: 26, eval_count: 290 }),
      ]),
    );
    expect(c.format).toBe('ollama');
    expect(c.model).toBe('llama3.2');
    const [choice] = c.choices;
    expect(choice?.reasoning).toBe('Hmm');
    expect(choice?.text).toBe('The sky is blue.');
    expect(choice?.toolCalls.map((t) => [t.name, t.arguments])).toEqual([
      ['lookup', '{"term":"sky"}'],
      ['echo', '{"s":1}'],
    ]);
    expect(choice?.finishReason).toBe('stop');
    expect(c.usage).toEqual({ inputTokens: 26, outputTokens: 290, reasoningTokens: null });
  });

  it('assembles /api/generate lines and records an error line', () => {
    const c = assembleOllama(
      framesOf([
        { model: 'llama3.2', response: 'Once', done: false },
        { model: 'llama3.2', response: ' upon', done: false },
        { error: 'model runner has unexpectedly stopped' },
      ]),
    );
    expect(c.choices[0]?.text).toBe('Once upon');
    expect(c.errors).toEqual([{ frame: 102, message: 'model runner has unexpectedly stopped' }]);
  });
});
