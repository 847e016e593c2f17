import { describe, expect, it } from 'vitest';
import { assembleAnthropic } from '../../src/llm/anthropic';
import {
  conversationFileName,
  conversationJson,
  conversationMarkdown,
  type ConversationRecord,
} from '../../src/llm/conversation-export';
import { conversationMetrics } from '../../src/llm/metrics';
import { assembleOpenAiChat } from '../../src/llm/openai-chat';
import { readLlmRequest } from '../../src/llm/request';
import { anthropicFrames, framesOf, START } from './llm-fixtures';

const delta = (d: object, finish: string | null = null): object => ({
  object: 'chat.completion.chunk',
  model: 'gpt-test',
  choices: [{ index: 0, delta: d, finish_reason: finish }],
});

function openAiRecord(): ConversationRecord {
  const frames = framesOf([
    delta({ role: 'assistant', reasoning_content: 'Think ```deep```.' }),
    delta({ content: 'Hello <img src=x onerror=alert(1)> & **bold**' }),
    delta({
      tool_calls: [
        { index: 0, id: 'call_1', function: { name: 'get_weather', arguments: '{"ci' } },
      ],
    }),
    delta({ tool_calls: [{ index: 0, function: { arguments: 'ty":"Paris"}' } }] }, 'tool_calls'),
    { choices: [], usage: { prompt_tokens: 7, completion_tokens: 12 } },
    '[DONE]',
  ]);
  const conversation = assembleOpenAiChat(frames);
  return {
    url: 'https://api.example/v1/chat/completions',
    model: conversation.model,
    conversation,
    metrics: conversationMetrics(conversation, START),
    request: readLlmRequest(
      JSON.stringify({
        model: 'gpt-test',
        temperature: 0.2,
        messages: [
          { role: 'system', content: 'Be brief.' },
          { role: 'user', content: 'Weather?' },
        ],
        tools: [{ type: 'function', function: { name: 'get_weather' } }],
      }),
    ),
  };
}

describe('conversation exports are made to share', () => {
  it('never carry the URL’s credentials or secret query parameters', () => {
    const url =
      'https://me:pw@gen.example/v1beta/models/g:streamGenerateContent?alt=sse&key=AIzaSECRET';
    const record = { ...openAiRecord(), url };
    for (const text of [conversationJson(record), conversationMarkdown(record)]) {
      expect(text).not.toContain('AIzaSECRET');
      expect(text).not.toContain('me:pw');
      expect(text).toContain('streamGenerateContent?alt=sse&key=REDACTED');
    }
  });
});

describe('conversationJson', () => {
  it('holds answer, reasoning, parsed tool calls, usage, metrics and the request as plain data', () => {
    const json = JSON.parse(conversationJson(openAiRecord())) as Record<string, unknown>;
    expect(json).toMatchObject({
      format: 'sse-lens-conversation',
      version: 1,
      url: 'https://api.example/v1/chat/completions',
      streamFormat: 'openai-chat',
      model: 'gpt-test',
      request: { model: 'gpt-test', system: 'Be brief.', tools: ['get_weather'] },
      choices: [
        {
          index: 0,
          text: 'Hello <img src=x onerror=alert(1)> & **bold**',
          reasoning: 'Think ```deep```.',
          toolCalls: [
            {
              id: 'call_1',
              name: 'get_weather',
              arguments: '{"city":"Paris"}',
              parsedArguments: { city: 'Paris' },
            },
          ],
          finishReason: 'tool_calls',
        },
      ],
      usage: { inputTokens: 7, outputTokens: 12, reasoningTokens: null },
      errors: [],
      metrics: { ttftMs: 110, ttfrMs: 100, stalls: [] },
    });
  });

  it('keeps broken tool arguments as sent, with where they broke', () => {
    const frames = anthropicFrames([
      { type: 'message_start', message: { model: 'claude-test', usage: { input_tokens: 3 } } },
      {
        type: 'content_block_start',
        index: 0,
        content_block: { type: 'tool_use', id: 'tu_1', name: 'search', input: {} },
      },
      {
        type: 'content_block_delta',
        index: 0,
        delta: { type: 'input_json_delta', partial_json: '{"q": "a"' },
      },
      { type: 'message_stop' },
    ]);
    const conversation = assembleAnthropic(frames);
    const record: ConversationRecord = {
      url: 'https://api.example/v1/messages',
      model: conversation.model,
      conversation,
      metrics: conversationMetrics(conversation, START),
      request: null,
    };
    const json = JSON.parse(conversationJson(record)) as {
      choices: { toolCalls: object[] }[];
    };
    expect(json.choices[0]?.toolCalls).toEqual([
      { id: 'tu_1', name: 'search', arguments: '{"q": "a"', error: 'invalid JSON at offset 9' },
    ]);
    const markdown = conversationMarkdown(record);
    expect(markdown).toContain('Arguments: invalid JSON at offset 9\n\n```\n{"q": "a"\n```');
  });
});

describe('conversationMarkdown', () => {
  it('writes the answer as the model sent it, HTML and all, as text', () => {
    const markdown = conversationMarkdown(openAiRecord());
    expect(markdown).toContain('\nHello <img src=x onerror=alert(1)> & **bold**\n');
    expect(markdown).not.toContain('&lt;');
    expect(markdown).not.toContain('&amp;');
  });

  it('has the request, reasoning, tool call, finish reason, usage and timing', () => {
    const markdown = conversationMarkdown(openAiRecord());
    expect(markdown.startsWith('# Conversation: gpt-test\n')).toBe(true);
    for (const part of [
      '- Parameters: temperature=0.2',
      '- Tools offered: get_weather',
      '### System\n\nBe brief.',
      '### user\n\nWeather?',
      // A fence longer than the reasoning's own backticks, so they cannot end it.
      '### Reasoning\n\n````\nThink ```deep```.\n````',
      '### Tool call: get_weather (id call_1)\n\n```json\n{\n  "city": "Paris"\n}\n```',
      'Finish reason: tool_calls',
      '- Input tokens: 7',
      '- Output tokens: 12',
      '- Reasoning tokens: not reported',
      '- Time to first token: 110 ms',
      '- Time to first reasoning: 100 ms',
      '- Stalls (≥ 2 s): 0',
    ])
      expect(markdown).toContain(part);
  });

  it('lists stalls and errors, one block per choice', () => {
    const frames = framesOf([
      { choices: [{ index: 0, delta: { content: 'a' } }] },
      { choices: [{ index: 1, delta: { content: 'b' } }] },
      { error: { type: 'overloaded', message: 'try\nlater' } },
    ]);
    frames[1] = { ...(frames[1] as (typeof frames)[number]), t: START + 3000 };
    const conversation = assembleOpenAiChat(frames);
    const markdown = conversationMarkdown({
      url: 'u',
      model: null,
      conversation,
      metrics: conversationMetrics(conversation, START),
      request: null,
    });
    expect(markdown).toContain('# Conversation: unknown model');
    expect(markdown).toContain('## Answer (choice 0)\n\na\n');
    expect(markdown).toContain('## Answer (choice 1)\n\nb\n');
    expect(markdown).toContain('- frame #102: overloaded: try later');
    expect(markdown).toContain('- Stalls (≥ 2 s): 1\n  - 2900 ms between frames #100 and #101');
  });
});

describe('conversationFileName', () => {
  it('names the file after the stream host and the export time', () => {
    const at = Date.UTC(2026, 10, 30, 23, 14, 5);
    expect(conversationFileName('http://127.0.0.1:8080/v1/x', at, 'md')).toBe(
      'conversation-127.0.0.1_8080-2026-11-30T23-14-05.md',
    );
    expect(conversationFileName('not a url', at, 'json')).toBe(
      'conversation-2026-11-30T23-14-05.json',
    );
  });
});
