import { describe, expect, it } from 'vitest';
import { assembleOpenAiResponses } from '../../src/llm/openai-responses';
import { firstAnswer, framesOf } from './llm-fixtures';

const ev = (type: string, fields: object = {}): [string, string] => [
  type,
  JSON.stringify({ type, ...fields }),
];
const response = (fields: object): object => ({
  id: 'resp_1',
  object: 'response',
  model: 'o4-mini',
  output: [],
  ...fields,
});

describe('assembleOpenAiResponses', () => {
  it('assembles reasoning summary, output text and a function call, with usage', () => {
    const c = assembleOpenAiResponses(
      framesOf([
        ev('response.created', { response: response({ status: 'in_progress' }) }),
        ev('response.reasoning_summary_text.delta', { output_index: 0, delta: 'Need ' }),
        ev('response.reasoning_summary_text.delta', { output_index: 0, delta: 'a lookup.' }),
        ev('response.output_text.delta', { output_index: 1, content_index: 0, delta: 'Checking' }),
        ev('response.output_text.delta', { output_index: 1, content_index: 0, delta: '…' }),
        ev('response.output_item.added', {
          output_index: 2,
          item: {
            type: 'function_call',
            id: 'fc_1',
            call_id: 'call_9',
            name: 'search',
            arguments: '',
          },
        }),
        ev('response.function_call_arguments.delta', {
          output_index: 2,
          item_id: 'fc_1',
          delta: '{"q":"ss',
        }),
        ev('response.function_call_arguments.delta', {
          output_index: 2,
          item_id: 'fc_1',
          delta: 'e"}',
        }),
        ev('response.function_call_arguments.done', {
          output_index: 2,
          item_id: 'fc_1',
          arguments: '{"q":"sse"}',
        }),
        ev('response.completed', {
          response: response({
            status: 'completed',
            usage: {
              input_tokens: 40,
              output_tokens: 60,
              output_tokens_details: { reasoning_tokens: 32 },
              total_tokens: 100,
            },
          }),
        }),
      ]),
    );
    expect(firstAnswer(c)).toEqual({
      format: 'openai-responses',
      model: 'o4-mini',
      reasoning: 'Need a lookup.',
      text: 'Checking…',
      finishReason: 'completed',
    });
    expect(c.choices[0]?.toolCalls.map((t) => [t.id, t.name, t.arguments, t.parsed])).toEqual([
      ['call_9', 'search', '{"q":"sse"}', { ok: true, value: { q: 'sse' } }],
    ]);
    expect(c.usage).toEqual({ inputTokens: 40, outputTokens: 60, reasoningTokens: 32 });
  });

  it('records response.failed with its error and status', () => {
    const c = assembleOpenAiResponses(
      framesOf([
        ev('response.output_text.delta', { output_index: 0, delta: 'Par' }),
        ev('response.failed', {
          response: response({
            status: 'failed',
            error: { code: 'server_error', message: 'The server had an error' },
          }),
        }),
      ]),
    );
    expect(c.choices[0]?.text).toBe('Par');
    expect(c.choices[0]?.finishReason).toBe('failed');
    expect(c.errors).toEqual([{ frame: 101, message: 'server_error: The server had an error' }]);
  });

  it('gives an incomplete response its reason and records a bare error event', () => {
    const c = assembleOpenAiResponses(
      framesOf([
        ev('error', { code: 'rate_limit_exceeded', message: 'Slow down' }),
        ev('response.incomplete', {
          response: response({
            status: 'incomplete',
            incomplete_details: { reason: 'max_output_tokens' },
          }),
        }),
      ]),
    );
    expect(c.choices[0]?.finishReason).toBe('incomplete: max_output_tokens');
    expect(c.errors).toEqual([{ frame: 100, message: 'rate_limit_exceeded: Slow down' }]);
  });
});
