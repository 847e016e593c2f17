import { describe, expect, it } from 'vitest';
import { assembleConversation, conversationReader } from '../../src/llm/assemble';
import type { LlmFrame } from '../../src/llm/conversation';
import type { ReplayFrame } from '../fixtures/scenarios/llm-e2e';
import { anthropicFrames, geminiFrames, openAiChatFrames } from '../e2e/support/llm-streams';

function llmFrames(replay: readonly ReplayFrame[]): LlmFrame[] {
  return replay.map((f, i) => ({
    index: i,
    t: 1000 + i * 10,
    type: f.event ?? 'message',
    data: f.data,
  }));
}

const STREAMS: [string, LlmFrame[]][] = [
  ['openai-chat', llmFrames(openAiChatFrames())],
  ['anthropic', llmFrames(anthropicFrames())],
  ['gemini', llmFrames(geminiFrames())],
];

describe('conversationReader', () => {
  it.each(STREAMS)('%s read in batches equals the stream read whole', (_, frames) => {
    const whole = assembleConversation(frames);
    for (let cut = 1; cut < frames.length; cut++) {
      const reader = conversationReader(frames);
      reader?.read(frames.slice(0, cut));
      reader?.read(frames.slice(cut));
      expect(reader?.build()).toEqual(whole);
    }
  });

  it('gives snapshots that later frames do not change', () => {
    const frames = llmFrames(openAiChatFrames());
    const reader = conversationReader(frames);
    reader?.read(frames.slice(0, 5));
    const early = reader?.build();
    const copy = structuredClone(early);
    reader?.read(frames.slice(5));
    expect(early).toEqual(copy);
    expect(reader?.build().choices[0]?.text.length).toBeGreaterThan(
      early?.choices[0]?.text.length ?? 0,
    );
  });

  it('reads with a user rule in batches, and reports a broken rule once', () => {
    const frames = llmFrames([{ data: '{"o":"a"}' }, { data: '{"o":"b"}' }]);
    const url = 'https://x.example/s';
    const reader = conversationReader(frames, { url }, [{ urlPattern: '*', textPath: 'o' }]);
    reader?.read(frames.slice(0, 1));
    reader?.read(frames.slice(1));
    expect(reader?.build().choices[0]?.text).toBe('ab');
    const broken = conversationReader(frames, { url }, [{ urlPattern: '*', textPath: 'o..' }]);
    broken?.read(frames.slice(0, 1));
    broken?.read(frames.slice(1));
    expect(broken?.build().errors).toEqual([
      {
        frame: 0,
        message: 'text path: cannot read the path at ".."',
        problem: {
          key: 'llm.textPath',
          params: { problem: { key: 'path.unreadable', params: { rest: '..' } } },
        },
      },
    ]);
  });

  it('is null while the frames tell no format', () => {
    expect(conversationReader(llmFrames([{ data: 'tick' }]))).toBeNull();
  });
});
