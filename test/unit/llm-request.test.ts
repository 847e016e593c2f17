import { describe, expect, it } from 'vitest';
import { readLlmRequest } from '../../src/llm/request';

describe('readLlmRequest', () => {
  it('reads an OpenAI Chat request: system and developer prompts apart, tools, params', () => {
    const r = readLlmRequest(
      JSON.stringify({
        model: 'gpt-4o',
        stream: true,
        temperature: 0.2,
        n: 2,
        messages: [
          { role: 'system', content: 'Be brief.' },
          { role: 'developer', content: [{ type: 'text', text: 'No emoji.' }] },
          {
            role: 'user',
            content: [
              { type: 'text', text: 'Weather?' },
              { type: 'image_url', image_url: { url: 'x' } },
            ],
          },
          { role: 'assistant', content: 'Which city?' },
        ],
        tools: [{ type: 'function', function: { name: 'get_weather', parameters: {} } }],
        stream_options: { include_usage: true },
      }),
    );
    expect(r).toEqual({
      model: 'gpt-4o',
      system: 'Be brief.\n\nNo emoji.',
      messages: [
        { role: 'user', text: 'Weather?' },
        { role: 'assistant', text: 'Which city?' },
      ],
      tools: ['get_weather'],
      params: { stream: true, temperature: 0.2, n: 2 },
    });
  });

  it('reads an Anthropic request with a system block list and thinking budget', () => {
    const r = readLlmRequest(
      JSON.stringify({
        model: 'claude-sonnet-4-5',
        max_tokens: 1024,
        system: [{ type: 'text', text: 'You are terse.' }],
        thinking: { type: 'enabled', budget_tokens: 2000 },
        messages: [{ role: 'user', content: 'Hi' }],
        tools: [{ name: 'lookup', input_schema: {} }],
      }),
    );
    expect(r?.system).toBe('You are terse.');
    expect(r?.messages).toEqual([{ role: 'user', text: 'Hi' }]);
    expect(r?.tools).toEqual(['lookup']);
    expect(r?.params).toEqual({
      max_tokens: 1024,
      'thinking.type': 'enabled',
      'thinking.budget_tokens': 2000,
    });
  });

  it('reads a Gemini request: systemInstruction, contents with parts, declarations, generationConfig', () => {
    const r = readLlmRequest(
      JSON.stringify({
        systemInstruction: { parts: [{ text: 'Answer in French.' }] },
        contents: [
          { role: 'user', parts: [{ text: 'Hello' }] },
          { role: 'model', parts: [{ text: 'Bonjour' }] },
        ],
        tools: [{ functionDeclarations: [{ name: 'a' }, { name: 'b' }] }],
        generationConfig: {
          temperature: 1,
          maxOutputTokens: 256,
          thinkingConfig: { thinkingBudget: 0 },
        },
      }),
    );
    expect(r).toEqual({
      model: null,
      system: 'Answer in French.',
      messages: [
        { role: 'user', text: 'Hello' },
        { role: 'model', text: 'Bonjour' },
      ],
      tools: ['a', 'b'],
      params: {
        'generationConfig.temperature': 1,
        'generationConfig.maxOutputTokens': 256,
        'generationConfig.thinkingConfig.thinkingBudget': 0,
      },
    });
  });

  it('reads a Responses request with instructions and a string input', () => {
    const r = readLlmRequest(
      JSON.stringify({
        model: 'o4-mini',
        instructions: 'Think.',
        input: 'Why?',
        reasoning: { effort: 'low' },
      }),
    );
    expect(r).toEqual({
      model: 'o4-mini',
      system: 'Think.',
      messages: [{ role: 'user', text: 'Why?' }],
      tools: [],
      params: { 'reasoning.effort': 'low' },
    });
  });

  it('returns null for a body that is not a JSON object', () => {
    expect(readLlmRequest('a=1&b=2')).toBeNull();
    expect(readLlmRequest('[1]')).toBeNull();
  });
});
