import { describe, expect, it } from 'vitest';
import { assembleConversation } from '../../src/llm/assemble';
import { detectFormat } from '../../src/llm/detect';
import type { FrameView } from '../../src/model/capture-state';
import { framesOf } from './llm-fixtures';

describe('detectFormat', () => {
  it.each([
    ['openai-chat', [{ object: 'chat.completion.chunk', choices: [{ index: 0, delta: {} }] }]],
    ['openai-chat', [{ choices: [{ index: 0, delta: { content: 'x' } }] }]],
    ['openai-responses', [{ type: 'response.created', response: {} }]],
    ['anthropic', [{ type: 'message_start', message: {} }]],
    ['anthropic', [['content_block_delta', '{"index":0}']]],
    ['gemini', [{ candidates: [{ content: { parts: [{ text: 'x' }] } }] }]],
    ['ollama', [{ model: 'm', message: { content: 'x' }, done: false }]],
    ['ollama', [{ model: 'm', response: 'x', done: false }]],
    ['ai-sdk-ui', [{ type: 'start', messageId: 'm' }]],
    ['ai-sdk-ui', [{ type: 'text-delta', id: 't', delta: 'x' }]],
  ] as const)('recognises %s from its frames', (format, items) => {
    expect(detectFormat(framesOf([...items]))).toBe(format);
  });

  it('looks past frames that decide nothing (keep-alives, [DONE], invalid JSON)', () => {
    const frames = framesOf(['not json', { hello: 1 }, { type: 'message_start', message: {} }]);
    expect(detectFormat(frames)).toBe('anthropic');
  });

  it('falls back on the URL when no frame decides', () => {
    const frames = framesOf(['[DONE]']);
    expect(detectFormat(frames, { url: 'https://api.openai.com/v1/chat/completions' })).toBe(
      'openai-chat',
    );
    expect(
      detectFormat(frames, {
        url: 'https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse',
      }),
    ).toBe('gemini');
    expect(detectFormat(frames, { url: 'https://api.anthropic.com/v1/messages' })).toBe(
      'anthropic',
    );
    expect(detectFormat(frames, { url: 'http://localhost:11434/api/chat' })).toBe('ollama');
    expect(detectFormat(frames, { url: 'https://api.openai.com/v1/responses' })).toBe(
      'openai-responses',
    );
  });

  it('prefers what the frames show over the URL', () => {
    const frames = framesOf([{ type: 'message_start', message: {} }]);
    expect(detectFormat(frames, { url: 'https://proxy.example/v1/chat/completions' })).toBe(
      'anthropic',
    );
  });

  it('returns null for a stream that is not an LLM format', () => {
    const frames = framesOf([{ price: 1 }, 'tick']);
    expect(detectFormat(frames, { url: 'https://example.com/prices' })).toBeNull();
    expect(assembleConversation(frames)).toBeNull();
  });

  it('reads the frames the panel holds (FrameView) as they are', () => {
    const frame: FrameView = {
      index: 7,
      connection: 'd:1',
      t: 5,
      type: 'message',
      id: '',
      data: '{"choices":[{"index":0,"delta":{"content":"Hi"}}]}',
      size: 48,
      truncated: false,
      origin: 'https://app.example',
      source: 'wire',
    };
    const comment: FrameView = { ...frame, index: 8, data: ' keep-alive', kind: 'comment' };
    const c = assembleConversation([frame, comment]);
    expect(c?.choices[0]?.textSpans).toEqual([{ start: 0, end: 2, frame: 7 }]);
    expect(c?.errors).toEqual([]);
  });

  it('assembles a detected stream in its format', () => {
    const c = assembleConversation(
      framesOf([{ choices: [{ index: 0, delta: { content: 'Hi' }, finish_reason: 'stop' }] }]),
    );
    expect(c?.format).toBe('openai-chat');
    expect(c?.choices[0]?.text).toBe('Hi');
  });
});
