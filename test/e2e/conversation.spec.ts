// The Conversation tab in the real panel: a page POSTs with fetch and reads provider-shaped LLM
// streams (OpenAI Chat, Anthropic, Gemini) replayed by the scenario server over a real socket;
// the tab must show the assembled answer, reasoning, tool call, finish reason, usage and a TTFT
// that matches the server's delay, render hostile output as text, link text and frames both
// ways, mark stalls, export Markdown and JSON, and read an unknown format with a user's rule.
import type { Page } from '@playwright/test';
import { LLM_E2E_GEMINI_PATH, LLM_E2E_PATH } from '../fixtures/scenarios/llm-e2e';
import {
  LLM_ANSWER,
  LLM_FINISH_REASONS,
  LLM_REASONING,
  LLM_TOOL_INPUT,
  LLM_TOOL_NAME,
  llmExpectedUsage,
  type LlmRouteFormat,
} from '../fixtures/scenarios/llm-script';
import { PanelTab } from './export/panel-tab';
import {
  OPEN_CONVERSATION_TAB,
  READ_CONVERSATION,
  type ConversationRead,
} from './support/conversation-view';
import { selectConnection } from './support/detail-view';
import { expect, test } from './support/fixtures';
import {
  ANSWER,
  ANSWER_DELAY_MS,
  anthropicFrames,
  geminiFrames,
  llmRequestBody,
  openAiChatFrames,
  postAndRead,
  REASONING,
  REASONING_DELAY_MS,
  TOOL_ARGS,
  TOOL_NAME,
  USAGE,
} from './support/llm-streams';
import type { PanelView } from './support/panel-view';
import { waitUntil } from './support/wait-until';

/** Generous for a loaded 2-core machine; the lower bound is the server's own wait. */
const TTFT_TOLERANCE_MS = 1500;
const FIRST_REASONING_MS = REASONING_DELAY_MS;
/** Server waits before the first answer delta: reasoning delay, second reasoning delta, answer delay. */
const FIRST_ANSWER_MS = REASONING_DELAY_MS + 20 + ANSWER_DELAY_MS;

const prettyArgs = JSON.stringify(TOOL_ARGS, null, 2);

/**
 * The stream is read to its end: finished, and its usage shown (OpenAI and Gemini send usage
 * in a chunk after the one that finishes, which the panel may render on its own).
 */
const ended = (c: ConversationRead): boolean => c.finishReason !== '' && c.outputTokens !== null;

/** Selects the stream's connection in the DevTools panel, opens the tab, reads it once `ready`. */
function readConversation(
  panel: PanelView,
  url: string,
  ready: (c: ConversationRead) => boolean,
): Promise<ConversationRead> {
  return waitUntil(
    `the Conversation tab of ${url}`,
    async () => {
      await selectConnection(panel, url);
      await panel.devtools.evaluate(OPEN_CONVERSATION_TAB);
      return panel.devtools.evaluate<ConversationRead | null>(READ_CONVERSATION);
    },
    (c): c is ConversationRead => c !== null && ready(c),
  ) as Promise<ConversationRead>;
}

test('OpenAI chat: answer, reasoning, tool call split mid-token, usage and TTFT in DevTools', async ({
  server,
  blankPanel,
}) => {
  const { page, panel } = await blankPanel();
  const url = `${server.origin}${LLM_E2E_PATH}`;
  await postAndRead(page, url, llmRequestBody('gpt-e2e', openAiChatFrames()));
  const c = await readConversation(panel, url, ended);
  expect(c).toMatchObject({
    format: 'openai-chat',
    model: 'gpt-e2e',
    text: ANSWER,
    reasoning: REASONING,
    toolCalls: [{ name: TOOL_NAME, id: 'call_e2e', args: prettyArgs }],
    finishReason: 'tool_calls',
    outputTokens: USAGE.output,
    usage: `input ${USAGE.input} · output ${USAGE.output} · reasoning ${USAGE.reasoning} tokens`,
    stalls: 0,
    requestModel: 'gpt-e2e',
    requestRoles: ['system', 'user'],
    requestTools: TOOL_NAME,
    requestParams: 'stream=true, temperature=0.3',
  });
  expect(c.ttfrMs).toBeGreaterThanOrEqual(FIRST_REASONING_MS);
  expect(c.ttfrMs).toBeLessThan(FIRST_REASONING_MS + TTFT_TOLERANCE_MS);
  expect(c.ttftMs).toBeGreaterThanOrEqual(FIRST_ANSWER_MS);
  expect(c.ttftMs).toBeLessThan(FIRST_ANSWER_MS + TTFT_TOLERANCE_MS);
});

test('Anthropic: thinking, text and a tool_use streamed as input_json_delta', async ({
  server,
  blankPanel,
}) => {
  const { page, panel } = await blankPanel();
  const url = `${server.origin}${LLM_E2E_PATH}`;
  await postAndRead(page, url, llmRequestBody('claude-e2e', anthropicFrames()));
  const c = await readConversation(panel, url, ended);
  expect(c).toMatchObject({
    format: 'anthropic',
    model: 'claude-e2e',
    text: ANSWER,
    reasoning: REASONING,
    toolCalls: [{ name: TOOL_NAME, id: 'toolu_e2e', args: prettyArgs }],
    finishReason: 'tool_use',
    outputTokens: USAGE.output,
  });
  expect(c.ttftMs).toBeGreaterThanOrEqual(FIRST_ANSWER_MS);
  expect(c.ttftMs).toBeLessThan(FIRST_ANSWER_MS + TTFT_TOLERANCE_MS);
});

test('Gemini: the model named by the URL, thought parts, a functionCall, usageMetadata', async ({
  server,
  blankPanel,
}) => {
  const { page, panel } = await blankPanel();
  const url = `${server.origin}${LLM_E2E_GEMINI_PATH}?alt=sse`;
  await postAndRead(page, url, llmRequestBody('', geminiFrames()));
  const c = await readConversation(panel, url, ended);
  expect(c).toMatchObject({
    format: 'gemini',
    model: 'gemini-e2e',
    text: ANSWER,
    reasoning: REASONING,
    toolCalls: [{ name: TOOL_NAME, args: prettyArgs }],
    finishReason: 'STOP',
    outputTokens: USAGE.output,
  });
  // Gemini sends the thought whole after REASONING_DELAY_MS, then waits ANSWER_DELAY_MS.
  expect(c.ttftMs).toBeGreaterThanOrEqual(REASONING_DELAY_MS + ANSWER_DELAY_MS);
  expect(c.ttftMs).toBeLessThan(REASONING_DELAY_MS + ANSWER_DELAY_MS + TTFT_TOLERANCE_MS);
});

test('hostile model output is shown as text and creates no element', async ({
  server,
  blankPanel,
}) => {
  const { page, panel } = await blankPanel();
  const url = `${server.origin}${LLM_E2E_PATH}`;
  const hostile = [
    'Look: <img src=x onerror="window.__pwned=1">',
    ' and <script>window.__pwned=2</script>',
    ' <b>bold</b> <a href="javascript:window.__pwned=3">x</a>',
  ];
  await postAndRead(page, url, llmRequestBody('gpt-e2e', openAiChatFrames(hostile)));
  const c = await readConversation(panel, url, ended);
  expect(c.text).toBe(hostile.join(''));
  const created = await panel.devtools.evaluate<{ elements: number; pwned: unknown }>(`({
    elements: document.querySelectorAll(
      '[data-testid=conversation] :is(img, script, b, a)').length,
    pwned: window.__pwned ?? null,
  })`);
  expect(created).toEqual({ elements: 0, pwned: null });
});

/** The panel as a tab on `page`'s stream, with the stream's Conversation tab open. */
async function conversationTab(
  ext: Parameters<typeof PanelTab.open>[0],
  page: Page,
  url: string,
): Promise<Page> {
  const tab = await PanelTab.open(ext, await ext.tabIdOf(page));
  const panel = tab.page;
  await panel.locator(`[data-testid=connection-row][data-url="${url}"]`).click();
  await panel.locator('[data-testid=tab-conversation]').click();
  await expect(panel.locator('[data-testid=conversation-metrics]')).toHaveAttribute(
    'data-finish-reason',
    /./,
  );
  return panel;
}

/** Clicks the character at `offset` of the answer text. */
async function clickCharacter(panel: Page, offset: number): Promise<void> {
  const box = await panel.evaluate((at) => {
    const root = document.querySelector('[data-testid=conversation-text]') as HTMLElement;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    let left = at;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const length = node.textContent?.length ?? 0;
      if (left < length) {
        const range = document.createRange();
        range.setStart(node, left);
        range.setEnd(node, left + 1);
        const r = range.getBoundingClientRect();
        return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
      }
      left -= length;
    }
    throw new Error(`no character at ${at}`);
  }, offset);
  await panel.mouse.click(box.x, box.y);
}

const selectedRowData = (panel: Page): Promise<string | null> =>
  panel
    .locator('[data-testid=frame-row][aria-selected=true] .col-data')
    .textContent({ timeout: 5000 });

test('cross-links: text selects its frame, a frame highlights its text', async ({
  ext,
  server,
  blankPanel,
}) => {
  const { page } = await blankPanel();
  const url = `${server.origin}${LLM_E2E_PATH}`;
  await postAndRead(page, url, llmRequestBody('gpt-e2e', openAiChatFrames()));
  const panel = await conversationTab(ext, page, url);
  const text = panel.locator('[data-testid=conversation-text]');
  await expect(text).toHaveText(ANSWER);

  // A click on the "u" of "sunny" selects the frame that carried "sunny"; the tab stays open.
  await clickCharacter(panel, ANSWER.indexOf('sunny') + 1);
  await expect.poll(() => selectedRowData(panel)).toContain('"content":"sunny"');
  await expect(panel.locator('[data-testid=detail-pane]')).toHaveAttribute(
    'data-tab',
    'conversation',
  );
  await expect(text.locator('[data-testid=conversation-highlight]')).toHaveText('sunny');

  // Selecting another frame in the table highlights the text it carried.
  await panel.locator('[data-testid=frame-row]', { hasText: '"content":" today"' }).click();
  await expect(text.locator('[data-testid=conversation-highlight]')).toHaveText(' today');
  // Reasoning frames highlight in the reasoning.
  await panel
    .locator('[data-testid=frame-row]', { hasText: '"reasoning_content"' })
    .first()
    .click();
  await expect(
    panel.locator('[data-testid=conversation-reasoning] [data-testid=conversation-highlight]'),
  ).toHaveText(REASONING.slice(0, 20));
  await expect(text.locator('[data-testid=conversation-highlight]')).toHaveCount(0);

  // Keyboard: on the focused answer, Right steps to the next frame of text; Enter selects the
  // frame under the text selection.
  await panel.locator('[data-testid=frame-row]', { hasText: '"content":"sunny"' }).click();
  await text.focus();
  await panel.keyboard.press('ArrowRight');
  await expect(text.locator('[data-testid=conversation-highlight]')).toHaveText(' today');
  await panel.evaluate((at) => {
    const root = document.querySelector('[data-testid=conversation-text]') as HTMLElement;
    const node = [...root.childNodes].at(-1) as Node;
    const range = document.createRange();
    const local = at - (root.textContent?.length ?? 0) + (node.textContent?.length ?? 0);
    range.setStart(node, local);
    range.setEnd(node, local + 1);
    document.getSelection()?.removeAllRanges();
    document.getSelection()?.addRange(range);
  }, ANSWER.indexOf('✓'));
  await panel.keyboard.press('Enter');
  await expect.poll(() => selectedRowData(panel)).toContain('✓');
});

test('exports the conversation as Markdown and JSON', async ({ ext, server, blankPanel }) => {
  const { page } = await blankPanel();
  const url = `${server.origin}${LLM_E2E_PATH}`;
  await postAndRead(page, url, llmRequestBody('gpt-e2e', openAiChatFrames()));
  const panel = await conversationTab(ext, page, url);
  const ttft = Number(
    await panel.locator('[data-testid=conversation-metrics]').getAttribute('data-ttft-ms'),
  );
  const download = async (testId: string): Promise<{ name: string; text: string }> => {
    const [file] = await Promise.all([
      panel.waitForEvent('download'),
      panel.locator(`[data-testid=${testId}]`).click(),
    ]);
    const { readFile } = await import('node:fs/promises');
    return { name: file.suggestedFilename(), text: await readFile(await file.path(), 'utf8') };
  };

  const markdown = await download('conversation-download-markdown');
  expect(markdown.name).toMatch(/^conversation-127\.0\.0\.1_\d+-[\dT-]+\.md$/);
  for (const part of [
    '# Conversation: gpt-e2e',
    `### Reasoning\n\n\`\`\`\n${REASONING}\n\`\`\``,
    `\n${ANSWER}\n`,
    `### Tool call: ${TOOL_NAME} (id call_e2e)\n\n\`\`\`json\n${prettyArgs}\n\`\`\``,
    'Finish reason: tool_calls',
    `- Output tokens: ${USAGE.output}`,
    `- Time to first token: ${ttft} ms`,
  ])
    expect(markdown.text).toContain(part);

  const json = await download('conversation-download-json');
  expect(json.name).toMatch(/\.json$/);
  expect(JSON.parse(json.text)).toMatchObject({
    format: 'sse-lens-conversation',
    streamFormat: 'openai-chat',
    model: 'gpt-e2e',
    choices: [
      {
        text: ANSWER,
        reasoning: REASONING,
        toolCalls: [{ id: 'call_e2e', name: TOOL_NAME, parsedArguments: TOOL_ARGS }],
        finishReason: 'tool_calls',
      },
    ],
    usage: { inputTokens: USAGE.input, outputTokens: USAGE.output },
    request: { model: 'gpt-e2e', system: 'You are a weather bot.' },
  });
  expect(
    Math.round((JSON.parse(json.text) as { metrics: { ttftMs: number } }).metrics.ttftMs),
  ).toBe(ttft);
});

test('a stall of 2 s between deltas is listed and marked on the timeline', async ({
  ext,
  server,
  blankPanel,
}) => {
  const { page } = await blankPanel();
  const url = `${server.origin}${LLM_E2E_PATH}`;
  const frames = openAiChatFrames();
  const sunny = frames.findIndex((f) => f.data.includes('"content":"sunny"'));
  frames[sunny] = { ...frames[sunny]!, delayMs: 2300 };
  await postAndRead(page, url, llmRequestBody('gpt-e2e', frames));
  const panel = await conversationTab(ext, page, url);
  await expect(panel.locator('[data-testid=conversation-metrics]')).toHaveAttribute(
    'data-stalls',
    '1',
  );
  await expect(panel.locator('[data-testid=conversation-stalls]')).toContainText('after frame #');
  await expect(panel.locator('[data-testid=timeline-notes]')).toContainText('1 output stall(s)');
});

test('a stream no built-in format knows has no Conversation tab until asked; a user rule reads it, and is remembered', async ({
  ext,
  server,
  blankPanel,
}) => {
  const { page } = await blankPanel();
  const url = `${server.origin}${LLM_E2E_PATH}?custom=1`;
  const frames = [
    { data: JSON.stringify({ out: { t: 'Hel' } }), delayMs: 10 },
    { data: JSON.stringify({ out: { t: 'lo' }, end: 'done' }), delayMs: 10 },
  ];
  await postAndRead(page, url, JSON.stringify({ frames }));
  const tab = await PanelTab.open(ext, await ext.tabIdOf(page));
  const panel = tab.page;
  await panel.locator('[data-testid=connection-row]').click();
  // Plain JSON is no conversation: the Connection tab offers to read it as one.
  await expect(panel.locator('[data-testid=conversation-offer]')).toBeVisible();
  await expect(panel.locator('[data-testid=tab-conversation]')).toHaveCount(0);
  await panel.locator('[data-testid=read-as-conversation]').click();
  await expect(panel.locator('[data-testid=tab-conversation]')).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await expect(panel.locator('[data-testid=conversation-unknown]')).toBeVisible();

  await panel.locator('[data-testid=rule-textPath]').fill('out..t');
  await expect(panel.locator('[data-testid=rule-textPath-error]')).toHaveText(
    'Cannot use this path: cannot read the path at "..t"',
  );
  await expect(panel.locator('[data-testid=rule-save]')).toBeDisabled();
  await panel.locator('[data-testid=rule-textPath]').fill('out.t');
  await panel.locator('[data-testid=rule-finishPath]').fill('end');
  await panel.locator('[data-testid=rule-save]').click();
  const view = panel.locator('[data-testid=conversation]');
  await expect(view).toHaveAttribute('data-format', 'custom');
  await expect(view.locator('[data-testid=conversation-text]')).toHaveText('Hello');
  await expect(view.locator('[data-testid=conversation-metrics]')).toHaveAttribute(
    'data-finish-reason',
    'done',
  );

  // A new panel (same extension storage) applies the saved rule: the tab is there at once.
  await panel.close();
  const again = (await PanelTab.open(ext, await ext.tabIdOf(page))).page;
  await again.locator('[data-testid=connection-row]').click();
  await expect(again.locator('[data-testid=conversation-offer]')).toHaveCount(0);
  await again.locator('[data-testid=tab-conversation]').click();
  await expect(again.locator('[data-testid=conversation-text]')).toHaveText('Hello');
});

test('a stream still arriving is shown as it grows, and complete once it ends', async ({
  ext,
  server,
  blankPanel,
}) => {
  const { page } = await blankPanel();
  const url = `${server.origin}${LLM_E2E_PATH}`;
  const words = Array.from({ length: 80 }, (_, i) => `w${i} `);
  const frames = openAiChatFrames(words).map((f) => ({ ...f, delayMs: 75 }));
  const streamed = postAndRead(page, url, llmRequestBody('gpt-e2e', frames));
  const panel = (await PanelTab.open(ext, await ext.tabIdOf(page))).page;
  await panel.locator(`[data-testid=connection-row][data-url="${url}"]`).click();
  await panel.locator('[data-testid=tab-conversation]').click();
  const text = panel.locator('[data-testid=conversation-text]');
  // Part of the answer, while the stream is still open.
  await expect
    .poll(async () => {
      const shown = (await text.textContent()) ?? '';
      return shown.length > 0 && shown.length < words.join('').length;
    })
    .toBe(true);
  await streamed;
  await expect(text).toHaveText(words.join(''));
  await expect(panel.locator('[data-testid=conversation-metrics]')).toHaveAttribute(
    'data-finish-reason',
    'tool_calls',
  );
});

test('two choices, broken tool arguments and an error mid-stream are all shown', async ({
  ext,
  server,
  blankPanel,
}) => {
  const { page } = await blankPanel();
  const url = `${server.origin}${LLM_E2E_PATH}`;
  const chunk = (index: number, delta: object, finish: string | null = null): object => ({
    object: 'chat.completion.chunk',
    model: 'gpt-e2e',
    choices: [{ index, delta, finish_reason: finish }],
  });
  const call = (args: string, id?: string): object => ({
    tool_calls: [
      { index: 0, ...(id ? { id } : {}), function: { name: 'lookup', arguments: args } },
    ],
  });
  const frames = [
    chunk(0, { content: 'A0 ' }),
    chunk(1, { content: 'B0 ' }),
    chunk(0, { content: 'A1' }),
    chunk(1, { content: 'B1' }, 'stop'),
    chunk(0, call('{"city": ', 'call_bad')),
    chunk(0, call('"Par'), 'tool_calls'),
    { error: { type: 'server_error', message: 'overloaded <b>now</b>' } },
  ]
    .map((data) => ({ data: JSON.stringify(data), delayMs: 10 }))
    .concat({ data: 'not json', delayMs: 10 });
  await postAndRead(page, url, llmRequestBody('gpt-e2e', frames));
  const panel = await conversationTab(ext, page, url);
  const view = panel.locator('[data-testid=conversation]');
  await expect(view).toHaveAttribute('data-choices', '2');
  const choice = (i: number) =>
    view.locator(`[data-testid=conversation-choice][data-index="${i}"]`);
  await expect(choice(0).locator('[data-testid=conversation-text]')).toHaveText('A0 A1');
  await expect(choice(1).locator('[data-testid=conversation-text]')).toHaveText('B0 B1');
  await expect(choice(1)).toHaveAttribute('data-finish-reason', 'stop');
  const tool = choice(0).locator('[data-testid=conversation-tool-call]');
  await expect(tool).toHaveAttribute('data-name', 'lookup');
  await expect(tool).toHaveAttribute('data-id', 'call_bad');
  await expect(tool.locator('[data-testid=conversation-tool-args]')).toHaveText(
    'invalid JSON at offset 13',
  );
  await expect(tool.locator('[data-testid=conversation-tool-raw]')).toHaveText('{"city": "Par');
  await expect(view.locator('[data-testid=conversation-metrics]')).toHaveAttribute(
    'data-finish-reason',
    'tool_calls,stop',
  );
  await expect(view.locator('[data-testid=conversation-errors]')).toContainText(
    'server_error: overloaded <b>now</b>',
  );
  await expect(view.locator('[data-testid=conversation-errors] b')).toHaveCount(0);
  await expect(view.locator('[data-testid=conversation-errors]')).toContainText(
    'frame is not JSON: not json',
  );

  // SSE Lens's own words follow the panel's language; the provider's error is shown as sent.
  await panel.locator('[data-testid=memory-settings]').click();
  await panel.locator('[data-testid=language-select]').selectOption('ru');
  await expect(tool.locator('[data-testid=conversation-tool-args]')).toHaveText(
    'недопустимый JSON на смещении 13',
  );
  const errors = view.locator('[data-testid=conversation-errors]');
  await expect(errors).toContainText('кадр не является JSON: not json');
  await expect(errors).toContainText('server_error: overloaded <b>now</b>');
});

test("the demo's provider routes each read as the same conversation, from the panel", async ({
  server,
  blankPanel,
}) => {
  const { page, panel } = await blankPanel();
  const body = JSON.stringify({
    model: 'demo-model',
    stream: true,
    stream_options: { include_usage: true },
    messages: [{ role: 'user', content: 'How are the stream timings?' }],
  });
  const routes: Array<[LlmRouteFormat, string, string]> = [
    ['openai-chat', '/llm/openai/chat/completions?delay=0', 'demo-model'],
    ['anthropic', '/llm/anthropic/v1/messages?delay=0', 'demo-model'],
    [
      'gemini',
      '/llm/gemini/v1beta/models/gemini-demo:streamGenerateContent?alt=sse&delay=0',
      'gemini-demo',
    ],
    ['ollama', '/llm/ollama/api/chat?delay=0', 'demo-model'],
  ];
  for (const [format, path, model] of routes) {
    const url = `${server.origin}${path}`;
    await postAndRead(page, url, body);
    const c = await readConversation(panel, url, ended);
    expect(c, format).toMatchObject({
      format,
      model,
      text: LLM_ANSWER,
      reasoning: LLM_REASONING,
      toolCalls: [{ name: LLM_TOOL_NAME, args: JSON.stringify(LLM_TOOL_INPUT, null, 2) }],
      finishReason: LLM_FINISH_REASONS[format],
      outputTokens: llmExpectedUsage(format).outputTokens,
    });
  }
});
