import { describe, expect, it } from 'vitest';
import { assembleConversation } from '../../src/llm/assemble';
import {
  assembleWithRule,
  parseJsonPath,
  ruleMatchesUrl,
  type UserRule,
} from '../../src/llm/user-rule';
import { firstAnswer, framesOf } from './llm-fixtures';
import { sharedText } from '../../src/i18n/shared';

const rule: UserRule = {
  urlPattern: 'https://llm.internal/*/stream?*',
  textPath: '$.out.chunks[0].text',
  reasoningPath: 'out["think"]',
  finishPath: 'out.end',
};

describe('user rules', () => {
  it('parses dot, index and quoted-key paths, and says where one cannot be read', () => {
    expect(parseJsonPath('$.choices[0].delta.content')).toEqual(['choices', 0, 'delta', 'content']);
    expect(parseJsonPath('a["b c"].d')).toEqual(['a', 'b c', 'd']);
    expect(parseJsonPath('a..b')).toEqual({ error: 'cannot read the path at "..b"' });
    expect(parseJsonPath('$')).toEqual({ error: 'the path is empty' });
  });

  it('matches the URL pattern with * as any run of characters, and nothing else', () => {
    expect(ruleMatchesUrl(rule, 'https://llm.internal/v2/stream?id=1')).toBe(true);
    expect(ruleMatchesUrl(rule, 'https://llm.internal/v2/stream')).toBe(false);
    expect(ruleMatchesUrl(rule, 'https://llmXinternal/v2/stream?id=1')).toBe(false);
  });

  it('reads text, reasoning and finish at the rule paths', () => {
    const c = assembleWithRule(
      framesOf([
        { out: { think: 'Plan. ' } },
        { out: { chunks: [{ text: 'Hello ' }] } },
        { out: { chunks: [{ text: '<b>there</b>' }] } },
        { out: { end: 'complete' } },
      ]),
      rule,
    );
    expect(firstAnswer(c)).toEqual({
      format: 'custom',
      model: null,
      reasoning: 'Plan. ',
      text: 'Hello <b>there</b>',
      finishReason: 'complete',
    });
  });

  it('reports a path it cannot read as the error of the conversation', () => {
    const c = assembleWithRule(framesOf([{ a: 1 }]), { urlPattern: '*', textPath: 'a[x]' });
    expect(c.errors).toEqual([
      {
        frame: 100,
        message: 'text path: cannot read the path at "[x]"',
        problem: {
          key: 'llm.textPath',
          params: { problem: { key: 'path.unreadable', params: { rest: '[x]' } } },
        },
      },
    ]);
    expect(c.errors[0]?.problem && sharedText(c.errors[0].problem, 'ru')).toBe(
      'путь к тексту: не удаётся разобрать путь начиная с "[x]"',
    );
  });

  it('wins over detection for a matching URL, and leaves other URLs to detection', () => {
    const frames = framesOf([{ choices: [{ index: 0, delta: { content: 'x' } }] }]);
    const custom: UserRule = {
      urlPattern: 'https://proxy.example/*',
      textPath: 'choices[0].delta.content',
    };
    expect(
      assembleConversation(frames, { url: 'https://proxy.example/chat' }, [custom])?.format,
    ).toBe('custom');
    expect(
      assembleConversation(frames, { url: 'https://other.example/chat' }, [custom])?.format,
    ).toBe('openai-chat');
  });
});
