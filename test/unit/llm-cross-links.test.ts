import { describe, expect, it } from 'vitest';
import { frameAtOffset, spansOfFrame } from '../../src/llm/cross-links';
import { assembleOpenAiChat } from '../../src/llm/openai-chat';
import { framesOf } from './llm-fixtures';

const chunk = (content: string): object => ({ choices: [{ index: 0, delta: { content } }] });

describe('cross-links', () => {
  const c = assembleOpenAiChat(framesOf([chunk('ab'), chunk(''), chunk('cde'), chunk('f')]));
  const spans = c.choices[0]?.textSpans ?? [];

  it('finds the frame that carried each character, and none outside the text', () => {
    expect([0, 1, 2, 3, 4, 5].map((i) => frameAtOffset(spans, i))).toEqual([
      100, 100, 102, 102, 102, 103,
    ]);
    expect(frameAtOffset(spans, 6)).toBeNull();
    expect(frameAtOffset(spans, -1)).toBeNull();
    expect(frameAtOffset([], 0)).toBeNull();
  });

  it('gives the runs of text a frame carried, none for a frame that carried nothing', () => {
    expect(spansOfFrame(spans, 102)).toEqual([{ start: 2, end: 5, frame: 102 }]);
    expect(spansOfFrame(spans, 101)).toEqual([]);
  });
});
