import { describe, expect, it } from 'vitest';
import { assembleAnthropic } from '../../src/llm/anthropic';
import { anthropicFrames, framesOf } from './llm-fixtures';

const messageStart = {
  type: 'message_start',
  message: {
    id: 'msg_1',
    type: 'message',
    role: 'assistant',
    content: [],
    model: 'claude-sonnet-4-5',
    stop_reason: null,
    usage: { input_tokens: 25, output_tokens: 1 },
  },
};
const blockDelta = (index: number, delta: object): Record<string, unknown> => ({
  type: 'content_block_delta',
  index,
  delta,
});

describe('assembleAnthropic', () => {
  it('assembles thinking, text and a tool_use block with its stop reason and usage', () => {
    const frames = anthropicFrames([
      messageStart,
      { type: 'content_block_start', index: 0, content_block: { type: 'thinking', thinking: '' } },
      blockDelta(0, { type: 'thinking_delta', thinking: 'The user wants ' }),
      blockDelta(0, { type: 'thinking_delta', thinking: 'the weather.' }),
      blockDelta(0, { type: 'signature_delta', signature: 'EqQBCgIYAhIM' }),
      { type: 'content_block_stop', index: 0 },
      { type: 'ping' },
      { type: 'content_block_start', index: 1, content_block: { type: 'text', text: '' } },
      blockDelta(1, { type: 'text_delta', text: 'Let me ' }),
      blockDelta(1, { type: 'text_delta', text: 'check.' }),
      { type: 'content_block_stop', index: 1 },
      {
        type: 'content_block_start',
        index: 2,
        content_block: { type: 'tool_use', id: 'toolu_01', name: 'get_weather', input: {} },
      },
      blockDelta(2, { type: 'input_json_delta', partial_json: '' }),
      blockDelta(2, { type: 'input_json_delta', partial_json: '{"locat' }),
      blockDelta(2, { type: 'input_json_delta', partial_json: 'ion": "San Fra' }),
      blockDelta(2, { type: 'input_json_delta', partial_json: 'ncisco, CA"}' }),
      { type: 'content_block_stop', index: 2 },
      {
        type: 'message_delta',
        delta: { stop_reason: 'tool_use', stop_sequence: null },
        usage: { output_tokens: 89 },
      },
      { type: 'message_stop' },
    ]);
    const c = assembleAnthropic(frames);
    expect(c.format).toBe('anthropic');
    expect(c.model).toBe('claude-sonnet-4-5');
    const [choice] = c.choices;
    expect(choice?.reasoning).toBe('The user wants the weather.');
    expect(choice?.text).toBe('Let me check.');
    expect(choice?.textSpans.map((s) => s.frame)).toEqual([108, 109]);
    expect(choice?.toolCalls).toEqual([
      {
        id: 'toolu_01',
        name: 'get_weather',
        arguments: '{"location": "San Francisco, CA"}',
        parsed: { ok: true, value: { location: 'San Francisco, CA' } },
        frames: [111, 112, 113, 114, 115],
      },
    ]);
    expect(choice?.finishReason).toBe('tool_use');
    expect(c.usage).toEqual({ inputTokens: 25, outputTokens: 89, reasoningTokens: null });
    expect(c.errors).toEqual([]);
  });

  it('uses the input given at the start of a tool_use block when no delta follows', () => {
    const c = assembleAnthropic(
      anthropicFrames([
        messageStart,
        {
          type: 'content_block_start',
          index: 0,
          content_block: { type: 'tool_use', id: 't', name: 'now', input: { tz: 'UTC' } },
        },
        { type: 'content_block_stop', index: 0 },
      ]),
    );
    expect(c.choices[0]?.toolCalls[0]?.arguments).toBe('{"tz":"UTC"}');
  });

  it('records an error event mid-stream and keeps the text received before it', () => {
    const c = assembleAnthropic(
      anthropicFrames([
        messageStart,
        { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } },
        blockDelta(0, { type: 'text_delta', text: 'Half an ans' }),
        { type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } },
      ]),
    );
    expect(c.choices[0]?.text).toBe('Half an ans');
    expect(c.choices[0]?.finishReason).toBeNull();
    expect(c.errors).toEqual([{ frame: 103, message: 'overloaded_error: Overloaded' }]);
  });

  it('reports a tool input the model broke, with the offset', () => {
    const c = assembleAnthropic(
      anthropicFrames([
        {
          type: 'content_block_start',
          index: 0,
          content_block: { type: 'tool_use', id: 't', name: 'f', input: {} },
        },
        blockDelta(0, { type: 'input_json_delta', partial_json: '{"q": "a' }),
        { type: 'content_block_stop', index: 0 },
      ]),
    );
    expect(c.choices[0]?.toolCalls[0]?.parsed).toEqual({
      ok: false,
      error: 'invalid JSON at offset 8',
      offset: 8,
    });
  });

  it('skips SSE comments and reads the event type from the SSE event name when data lacks it', () => {
    const frames = framesOf([
      [
        'content_block_delta',
        JSON.stringify({ index: 0, delta: { type: 'text_delta', text: 'ok' } }),
      ],
    ]);
    frames.unshift({ index: 99, t: 0, type: 'message', data: 'keep-alive', kind: 'comment' });
    const c = assembleAnthropic(frames);
    expect(c.choices[0]?.text).toBe('ok');
    expect(c.errors).toEqual([]);
  });
});
