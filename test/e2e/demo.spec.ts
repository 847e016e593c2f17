// The bundled demo as a new user meets it: what its cards say must match what the scenarios
// then do, its fetch streams must show in the real panel, and an export made in the panel
// must land in a folder the user can find, under the name the export dialog showed. In
// Russian and Chinese the page keeps no English text of its catalog, and still streams.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { fetchSseEvent } from '../fixtures/scenarios/fetch-sse';
import { anthropicPlan } from '../fixtures/scenarios/llm-anthropic';
import { geminiPlan } from '../fixtures/scenarios/llm-gemini';
import { openAiPlan } from '../fixtures/scenarios/llm-openai';
import {
  LLM_ANSWER,
  LLM_HOSTILE_ANSWER,
  LLM_HOSTILE_DELTAS,
  LLM_REASONING,
  LLM_TOOL_ARGUMENTS,
  LLM_TOOL_NAME,
} from '../fixtures/scenarios/llm-script';
import { demoEnglishPhrases, demoText } from './support/demo-catalog';
import { saveDownloadsTo } from './support/downloads';
import { leftovers } from './support/english-leftovers';
import { expect, test } from './support/fixtures';
import { readRequest } from './support/request-view';
import { waitUntil } from './support/wait-until';

const forecast = (page: Page) => page.locator('#pileup [data-pileup-forecast]');

test('the pile-up card says which streams will queue, and they are the ones that do', async ({
  ext,
  server,
}) => {
  const page = await ext.context.newPage();
  await page.goto(`${server.origin}/`);
  await expect(forecast(page)).toHaveText(
    '0 other streams of this page hold a connection now, so streams 7–8 would stay in CONNECTING with no event at all.',
  );
  // Another card's open stream takes a slot, and the forecast counts it (the named stream
  // lasts about 5 s, so it is closed again well before it ends by itself).
  await page.click('#named [data-start]');
  await expect(forecast(page)).toHaveText(
    '1 other stream of this page holds a connection now, so streams 6–8 would stay in CONNECTING with no event at all.',
  );
  await page.click('#named [data-close]');
  await expect(forecast(page)).toContainText('0 other streams');
  await page.click('#pileup [data-start]');
  await expect(forecast(page)).toHaveText(
    'Streams 7, 8 are in CONNECTING, waiting for a free connection.',
  );
  // The server agrees: six pile-up streams got through, the other two never arrived.
  await expect.poll(() => server.stats().streamsByPath['/sse/hold'] ?? 0).toBe(6);
  await page.click('#pileup [data-close-one]');
  await expect(forecast(page)).toHaveText(
    'Stream 8 is in CONNECTING, waiting for a free connection.',
  );
  await expect.poll(() => server.stats().streamsByPath['/sse/hold'] ?? 0).toBe(6);
});

test('the fast card states the count the automatic run sends', async ({ ext, server }) => {
  const page = await ext.context.newPage();
  await page.goto(`${server.origin}/?auto=1`);
  const stated = await page.locator('#fast [data-fast-count]').textContent();
  expect(stated).toBe('5,000');
  await expect(page.locator('#fast .log')).toContainText(`${stated} events in`, {
    timeout: 30_000,
  });
});

/** A number a card states in its text (filled in from the page's constants). */
async function stated(page: Page, selector: string): Promise<number> {
  const text = (await page.locator(selector).first().textContent()) ?? '';
  const n = Number.parseInt(text, 10);
  if (!Number.isFinite(n)) throw new Error(`${selector} states no number: "${text}"`);
  return n;
}

test('the chat and NDJSON cards stream over fetch, and the panel shows both with the request', async ({
  server,
  blankPanel,
}) => {
  const { page, panel } = await blankPanel();
  await page.goto(`${server.origin}/`);
  const chatEvents = await stated(page, '#chat [data-chat-count]');
  const ndjsonLines = await stated(page, '#ndjson [data-ndjson-count]');
  const badLine = await stated(page, '#ndjson [data-ndjson-bad]');
  const prompt = 'What does the panel show?';
  await page.fill('#chat input[name=prompt]', prompt);
  await page.click('#chat [type=submit]');
  await page.click('#ndjson [data-start]');

  // The page: the reply assembled from the delta events, and the bad NDJSON line reported.
  const tokens = Array.from({ length: chatEvents }, (_, i) => fetchSseEvent(i + 1))
    .filter((e) => e.event === 'delta')
    .map((e) => (JSON.parse(e.data) as { delta: string }).delta);
  await expect(page.locator('#chat [data-chat-reply]')).toHaveText(tokens.join(' '));
  await expect(page.locator('#chat .log')).toContainText(`reply complete: ${tokens.length} tokens`);
  await expect(page.locator('#ndjson .log')).toContainText(`${ndjsonLines} lines`);
  await expect(page.locator('#ndjson .log .error')).toHaveText(
    new RegExp(`^[\\d.]+sline ${badLine}not JSON: `),
  );

  // The panel: the chat POST with its retry, comment, echo and events; the NDJSON lines, one
  // of them flagged.
  const rows = await panel.waitForConnections(
    'the chat and NDJSON fetch streams, complete',
    (r) =>
      r.some((c) => c.format === 'sse' && c.outcome === 'complete') &&
      r.some((c) => c.format === 'ndjson' && c.outcome === 'complete'),
  );
  const chat = rows.find((r) => r.format === 'sse');
  const ndjson = rows.find((r) => r.format === 'ndjson');
  expect(chat).toMatchObject({ kind: 'fetch', method: 'POST', status: '200', state: 'closed' });
  expect(chat?.url).toMatch(/\/fetch\/sse\?.*echo=1/);
  expect(chat?.frames).toBe(3 + chatEvents);
  expect(ndjson).toMatchObject({ kind: 'fetch', method: 'GET', status: '200', state: 'closed' });
  expect(ndjson?.frames).toBe(ndjsonLines);
  const frames = await panel.frames();
  expect(frames.filter((f) => f.note?.startsWith('not JSON'))).toHaveLength(1);
  expect(frames.filter((f) => f.kind === 'retry' || f.kind === 'comment')).toHaveLength(2);
  expect(frames.find((f) => f.type === 'echo')?.data).toContain(prompt);

  const request = await readRequest(panel, chat?.url ?? '', (v) => v.outcome === 'complete');
  expect(request).toMatchObject({ method: 'POST', bodyKind: 'json', status: '200' });
  expect(JSON.parse(request.body)).toEqual({ messages: [{ role: 'user', content: prompt }] });
});

test('the LLM chat card streams one answer in three shapes, and the panel shows each fetch POST', async ({
  server,
  blankPanel,
}) => {
  const { page, panel } = await blankPanel();
  await page.goto(`${server.origin}/`);
  await page.click('#llm [data-start]');
  // The page: each provider's answer and reasoning assembled from its deltas, as text.
  const formats = ['openai-chat', 'anthropic', 'gemini'];
  for (const format of formats) {
    await expect(page.locator(`#llm [data-llm-reply=${format}]`)).toHaveText(LLM_ANSWER);
    await expect(page.locator(`#llm [data-llm-reasoning=${format}]`)).toHaveText(LLM_REASONING);
  }
  const log = page.locator('#llm .log li');
  await expect(log.filter({ hasText: 'done, finish reason' })).toHaveCount(formats.length);
  await expect(
    log.filter({ hasText: `tool call ${LLM_TOOL_NAME}(${LLM_TOOL_ARGUMENTS})` }),
  ).toHaveCount(formats.length);

  // The panel: three complete fetch POSTs, each with every event its route planned.
  const expectedFrames = new Map([
    [
      '/llm/openai/chat/completions',
      openAiPlan({ stream_options: { include_usage: true } }, false).chunks.length,
    ],
    ['/llm/anthropic/v1/messages', anthropicPlan({}, false).chunks.length],
    [
      '/llm/gemini/v1beta/models/gemini-demo-flash:streamGenerateContent',
      geminiPlan('gemini-demo-flash', false).chunks.length,
    ],
  ]);
  const isLlm = (row: { url: string }) => new URL(row.url).pathname.startsWith('/llm/');
  const rows = await panel
    .waitForConnections(
      'the three LLM streams, complete',
      (r) => r.filter((c) => isLlm(c) && c.outcome === 'complete').length === formats.length,
    )
    .then((r) => r.filter(isLlm));
  expect(rows.map((r) => [new URL(r.url).pathname, r.frames]).sort()).toEqual(
    [...expectedFrames].sort(),
  );
  for (const row of rows) {
    expect(row).toMatchObject({
      kind: 'fetch',
      method: 'POST',
      status: '200',
      format: 'sse',
      state: 'closed',
    });
  }
});

test('the LLM chat card shows each answer as it streams, and markup in it as text', async ({
  ext,
  server,
}) => {
  const page = await ext.context.newPage();
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  // The page hands its knobs to the routes: every answer stalls halfway, and is hostile.
  await page.goto(`${server.origin}/?stall=4000&hostile=1`);
  await page.click('#llm [data-start]');
  const half = LLM_HOSTILE_DELTAS.slice(0, Math.floor(LLM_HOSTILE_DELTAS.length / 2)).join('');
  const replies = ['openai-chat', 'anthropic', 'gemini'].map((format) =>
    page.locator(`#llm [data-llm-reply=${format}]`),
  );
  for (const reply of replies) await expect(reply).toHaveText(half);
  for (const reply of replies) await expect(reply).toHaveText(LLM_HOSTILE_ANSWER);
  await expect(page.locator('#llm img, #llm script')).toHaveCount(0);
  expect(dialogs).toEqual([]);
});

test('the XHR card reads the stream as responseText grows, and the panel shows it', async ({
  server,
  blankPanel,
}) => {
  const { page, panel } = await blankPanel();
  await page.goto(`${server.origin}/`);
  const events = await stated(page, '#xhr [data-xhr-count]');
  await page.click('#xhr [data-start]');
  await expect(page.locator('#xhr .log')).toContainText(`done${events} events`);
  await expect(page.locator('#xhr .log')).toContainText('progress');
  expect(
    server
      .stats()
      .requests.filter((r) => r.path === '/fetch/sse')
      .at(-1),
  ).toMatchObject({
    method: 'POST',
    body: { text: JSON.stringify({ client: 'xhr' }) },
  });
  // Its retry, comment and events, read from responseText as it grew.
  const [xhr] = await panel
    .waitForConnections('the XHR stream, complete', (r) =>
      r.some((c) => c.kind === 'xhr' && c.outcome === 'complete'),
    )
    .then((r) => r.filter((c) => c.kind === 'xhr'));
  expect(xhr).toMatchObject({ method: 'POST', status: '200', format: 'sse', state: 'closed' });
  expect(xhr?.frames).toBe(2 + events);
});

test('an export from the panel lands in the chosen folder under the name the dialog shows', async ({
  ext,
  server,
  openPanel,
}) => {
  const dir = await mkdtemp(join(tmpdir(), 'sse-lens-exports-'));
  try {
    const browser = ext.context.browser();
    if (!browser) throw new Error('Chromium exposes no browser object for CDP');
    await saveDownloadsTo(browser, dir);
    const page = await ext.context.newPage();
    await page.goto(`${server.origin}/`);
    const panel = await openPanel(page);
    await page.click('#named [data-start]');
    await panel.waitForConnections('the named stream', (rows) => rows.length === 1);
    await panel.click('export');
    const label = await waitUntil(
      'the download button',
      () =>
        panel.devtools.evaluate<string | null>(
          `document.querySelector('[data-testid=export-download]')?.textContent ?? null`,
        ),
      (text) => text !== null,
    );
    const name = (label ?? '').replace(/^Download /, '');
    expect(name).toMatch(/^sse-lens-127\.0\.0\.1_\d+-.*\.json$/);
    await panel.click('export-download');
    const text = await waitUntil(
      `${name} in ${dir}`,
      () => readFile(join(dir, name), 'utf8').catch(() => ''),
      (t) => t.endsWith('}\n'),
    );
    expect(JSON.parse(text)).toMatchObject({ format: 'sse-lens-capture', version: 1 });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

/**
 * What the page shows: `all` its text bar the model's answers (the LLM routes stream English),
 * `own` only what the page itself writes (title, headings, buttons, badges, log labels,
 * language links, accessible names and input values), where no stream's data can be.
 */
function shownText(page: Page): Promise<{ all: string; own: string }> {
  return page.evaluate(() => {
    const all: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT, {
      acceptNode: (node) =>
        node.parentElement?.closest('.reply, .thinking, script, style')
          ? NodeFilter.FILTER_REJECT
          : NodeFilter.FILTER_ACCEPT,
    });
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      all.push(node.textContent ?? '');
    }
    const own = [document.title];
    for (const el of document.querySelectorAll('h1, h2, button, .state, .log .kind, nav')) {
      own.push(el.textContent ?? '');
    }
    for (const el of document.querySelectorAll('[aria-label], [title], [placeholder]')) {
      own.push(...['aria-label', 'title', 'placeholder'].map((a) => el.getAttribute(a) ?? ''));
    }
    for (const input of document.querySelectorAll('input')) own.push(input.value);
    return { all: [...all, ...own].join('\n'), own: own.join('\n') };
  });
}

test('the demo page takes its language from ?lang=, else the browser, and its links switch it', async ({
  ext,
  server,
}) => {
  /** The page's `<html lang>` for a browser whose language is `language`. */
  const pageLang = async (language: string, query = ''): Promise<string | null> => {
    const page = await ext.context.newPage();
    await page.addInitScript((tag) => {
      Object.defineProperty(Navigator.prototype, 'language', { get: () => tag });
    }, language);
    await page.goto(`${server.origin}/${query}`);
    const lang = await page.locator('html').getAttribute('lang');
    await page.close();
    return lang;
  };
  const cases: [string, string, string][] = [
    ['ru-RU', '', 'ru'],
    ['ru', '', 'ru'],
    ['zh-CN', '', 'zh-CN'],
    ['zh-SG', '', 'zh-CN'],
    ['zh-Hans-HK', '', 'zh-CN'],
    ['zh-TW', '', 'en'],
    ['zh-Hant', '', 'en'],
    ['de-DE', '', 'en'],
    ['ru-RU', '?lang=zh_CN', 'zh-CN'],
    ['zh-CN', '?lang=en', 'en'],
    ['ru-RU', '?lang=fr', 'ru'],
  ];
  for (const [language, query, lang] of cases) {
    expect(await pageLang(language, query), `${language} ${query}`).toBe(lang);
  }

  // The switch is links, reached and followed with the keyboard; the other knobs stay.
  const page = await ext.context.newPage();
  await page.goto(`${server.origin}/?lang=en&stall=3000&hostile=1`);
  await expect(page.locator('nav.languages [aria-current]')).toHaveText('English');
  await page.locator('nav.languages a[lang=ru]').focus();
  await page.keyboard.press('Enter');
  await page.waitForURL((url) => url.searchParams.get('lang') === 'ru');
  expect(Object.fromEntries(new URL(page.url()).searchParams)).toEqual({
    lang: 'ru',
    stall: '3000',
    hostile: '1',
  });
  await expect(page.locator('html')).toHaveAttribute('lang', 'ru');
  await expect(page.locator('nav.languages [aria-current]')).toHaveText('Русский');
  await expect(page.locator('#start-all')).toHaveText(demoText('ru', 'toolbar.startAll'));
});

test.describe('the demo page in Russian and in Chinese', () => {
  test.afterEach(({ server }) => server.reset());

  for (const { locale, lang } of [
    { locale: 'ru', lang: 'ru' },
    { locale: 'zh_CN', lang: 'zh-CN' },
  ]) {
    test(`?lang=${locale}: no English text of the catalog is left, and every card still streams`, async ({
      server,
      blankPanel,
    }) => {
      const { page, panel } = await blankPanel();
      await page.goto(`${server.origin}/?lang=${locale}`);
      await expect(page.locator('html')).toHaveAttribute('lang', lang);
      await expect(page).toHaveTitle(demoText(locale, 'page.title'));
      await expect(page.locator('nav.languages [aria-current]')).toHaveAttribute('lang', lang);

      // The pile-up alone: six streams get a connection, two wait; closing one lets the 7th in.
      await page.click('#pileup [data-start]');
      await expect(page.locator('#pileup .chips .state.open')).toHaveCount(6);
      const waiting = ['7', '8'].join(demoText(locale, 'list.separator'));
      await expect(forecast(page)).toHaveText(
        demoText(locale, 'pileup.waiting', { streams: waiting }, 2),
      );
      await page.click('#pileup [data-close-one]');
      await expect(forecast(page)).toHaveText(
        demoText(locale, 'pileup.waiting', { streams: '8' }, 1),
      );
      await expect(page.locator('#pileup .log')).toContainText(
        demoText(locale, 'pileup.gotConnection', { n: '7' }),
      );
      await page.click('#close-all');

      // Every other card, as the demo's automatic run starts them; the cards whose streams end
      // by themselves are read once they have closed.
      await page.click('#start-all');
      const closed = demoText(locale, 'state.closed');
      for (const id of ['fast', 'large', 'chat', 'llm', 'ndjson', 'xhr']) {
        await expect(page.locator(`#${id} header .state`)).toHaveText(closed, { timeout: 30_000 });
      }
      await expect(page.locator('#failures .log .error')).toHaveCount(3);
      await expect(page.locator('#reconnect .log .error').first()).toContainText(
        demoText(locale, 'note.serverHungUp', { retry: '1500' }),
      );
      await expect(page.locator('#ndjson .log')).toContainText(
        demoText(locale, 'count.lines', { count: '8' }, 8),
      );

      // The panel lists them all: the pile-up's eight, then the EventSource cards' and the
      // complete fetch and XHR streams.
      const rows = await panel.waitForConnections(
        'the pile-up, the EventSource cards and the complete fetch and XHR streams',
        (r) =>
          r.filter((c) => c.kind === 'eventsource').length >= 8 + 8 &&
          r.filter((c) => c.kind === 'fetch' && c.outcome === 'complete').length === 5 &&
          r.some((c) => c.kind === 'xhr' && c.outcome === 'complete'),
      );
      expect(rows.filter((r) => new URL(r.url).pathname === '/sse/hold')).toHaveLength(8);

      // A single English word may be in what a stream sent (`token 2`); a phrase may not.
      const phrases = demoEnglishPhrases(locale);
      const words = phrases.filter((phrase) => !phrase.includes(' '));
      expect(phrases.length).toBeGreaterThan(100);
      expect(words.length).toBeGreaterThan(25);
      const shown = await shownText(page);
      expect(
        leftovers(
          shown.all,
          phrases.filter((phrase) => !words.includes(phrase)),
        ),
      ).toEqual([]);
      expect(leftovers(shown.own, words)).toEqual([]);
    });
  }
});
