// Generates the README screenshots from the real thing: the built extension in Chromium,
// DevTools open on the SSE panel, the demo page's scenarios streaming. Light and dark
// DevTools themes, the chat card's POST fetch stream in the Request tab, an LLM stream in the
// Conversation tab, a failed stream explaining itself in a DevTools as narrow as a docked
// one, then the connection-limit pile-up in the budget view and in the timeline (enlarged).
// Then the panel in Chinese and Russian (scripts/locale-shots.ts) and the user guide's
// screenshots (scripts/guide-shots.ts).
// Run with `npm run screenshots`; `npm run screenshots -- --only readme` (or `locales`, or
// `guide`) makes one set.
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { startScenarioServer } from '../test/fixtures/scenario-server';
import type { DevToolsPanel } from '../test/e2e/support/devtools-panel';
import { pointAtTick } from '../test/e2e/support/timeline';
import type { Page } from '@playwright/test';
import { openDemoPanel } from './demo-panel';
import { shootGuide } from './guide-shots';
import { shootLocales } from './locale-shots';

const SETS = ['readme', 'locales', 'guide'] as const;
const only = process.argv.indexOf('--only');
const set = only === -1 ? null : process.argv[only + 1];
if (set !== null && !SETS.some((s) => s === set)) {
  console.error(`--only takes one of: ${SETS.join(', ')}`);
  process.exit(2);
}

const outDir = resolve(import.meta.dirname, '../docs/screenshots');
mkdirSync(outDir, { recursive: true });
const server = await startScenarioServer();

async function shoot(theme: 'light' | 'dark'): Promise<void> {
  const { ext, page, panel } = await openDemoPanel(
    server.origin,
    theme === 'dark' ? ['--force-dark-mode'] : [],
  );
  try {
    await panel.waitFor<boolean>(
      `Number(document.querySelector('[data-testid=frame-count]').textContent) >= 2000`,
      'two thousand frames',
      30_000,
    );
    // Show the detail pane with a JSON frame of the named-events stream: found with the table
    // narrowed to that stream (it is virtualized, and the fast streams push the frame out of
    // view), then shown among all streams again, the frame still in the detail pane.
    await panel.evaluate(
      `document.querySelector('[data-testid=connection-row][data-url*="/sse/named"]').click()`,
    );
    await panel.waitFor<boolean>(
      `(() => {
        const rows = [...document.querySelectorAll('[data-testid=frame-row]')];
        rows.findLast((r) => r.dataset.type === 'update')?.click();
        return document.querySelector('[data-testid=detail-pane][data-frame]') !== null;
      })()`,
      'the detail pane',
    );
    await panel.evaluate(`document.querySelector('.conn-row.all').click()`);
    await panel.waitFor<boolean>(
      `document.querySelector('[data-testid=detail-pane][data-frame]') !== null`,
      'the frame still shown among all streams',
    );
    await panel.screenshot(); // the first capture after a change can hold stale tiles
    const file = resolve(outDir, `panel-${theme}.png`);
    writeFileSync(file, await panel.screenshot());
    console.log(`wrote ${file}`);
    if (theme === 'light') {
      await shootRequestTab(panel);
      await shootConversationTab(panel);
      await shootFailedNarrow(panel, `${server.origin}/sse/status?code=500`);
      await shootTimeline(page, panel);
    }
  } finally {
    await ext.close();
  }
}

/** The demo's chat POST (the one fetch stream framed as SSE) in the Request tab, once done. */
async function shootRequestTab(panel: DevToolsPanel): Promise<void> {
  const row = JSON.stringify(
    '[data-testid=connection-row][data-kind=fetch][data-url*="/fetch/sse"]',
  );
  await panel.waitFor<boolean>(
    `document.querySelector(${row})?.dataset.outcome === 'complete'`,
    "the chat card's fetch stream to complete",
    30_000,
  );
  await panel.evaluate(`document.querySelector(${row}).click()`);
  await panel.waitFor<boolean>(
    `(() => {
      document.querySelector('[data-testid=tab-request]')?.click();
      return document.querySelector('[data-testid=request-details]') !== null;
    })()`,
    "the chat stream's Request tab",
  );
  await panel.screenshot(); // the first capture after a change can hold stale tiles
  const file = resolve(outDir, 'request-tab.png');
  writeFileSync(file, await panel.screenshot());
  console.log(`wrote ${file}`);
  await panel.evaluate(`document.querySelector('.conn-row.all').click()`);
}

/** The demo's Anthropic stream read as a conversation: thinking, answer, tool call, metrics. */
async function shootConversationTab(panel: DevToolsPanel): Promise<void> {
  const row = JSON.stringify('[data-testid=connection-row][data-url*="/llm/anthropic/"]');
  await panel.waitFor<boolean>(
    `document.querySelector(${row})?.dataset.outcome === 'complete'`,
    "the chat card's Anthropic stream to complete",
    30_000,
  );
  await panel.evaluate(`document.querySelector(${row}).click()`);
  await panel.waitFor<boolean>(
    `(() => {
      document.querySelector('[data-testid=tab-conversation]')?.click();
      const metrics = document.querySelector('[data-testid=conversation-metrics]');
      return metrics?.dataset.finishReason === 'tool_use';
    })()`,
    "the Anthropic stream's Conversation tab",
  );
  await panel.screenshot(); // the first capture after a change can hold stale tiles
  const file = resolve(outDir, 'conversation-tab.png');
  writeFileSync(file, await panel.screenshot());
  console.log(`wrote ${file}`);
  await panel.evaluate(`document.querySelector('.conn-row.all').click()`);
}

/** A docked-width DevTools (530 px) with the demo's HTTP 500 stream selected. */
async function shootFailedNarrow(panel: DevToolsPanel, url: string): Promise<void> {
  const [width, height] = await panel.evaluate<[number, number]>('[innerWidth, innerHeight]');
  const row = JSON.stringify(`[data-testid=connection-row][data-url="${url}"]`);
  await panel.evaluate(`document.querySelector(${row}).click()`);
  await panel.resize(530, height);
  await panel.waitFor<boolean>(
    `innerWidth === 530 && document.querySelector('[data-testid=failure-reason]') !== null`,
    "the failed stream's Connection tab at 530 px",
  );
  await panel.screenshot(); // the first capture after a resize can hold stale tiles
  const file = resolve(outDir, 'failed-stream.png');
  writeFileSync(file, await panel.screenshot());
  console.log(`wrote ${file}`);
  await panel.resize(width, height);
  await panel.evaluate(`document.querySelector('.conn-row.all').click()`);
  await panel.waitFor<boolean>(`innerWidth === ${width}`, 'the panel at its width again');
}

/**
 * The timeline made taller, with the pile-up's 7th and 8th streams queued (hatched) and the
 * pointer on an `update` frame's tick.
 */
async function shootTimeline(page: Page, panel: DevToolsPanel): Promise<void> {
  await page.click('#pileup [data-start]');
  await panel.waitFor<boolean>(
    `[...document.querySelectorAll('[data-testid=pool-row]')].some((r) => Number(r.dataset.queued) >= 2)`,
    'the pile-up to queue two streams',
  );
  // The budget view: the warning, and the full pool opened to show who holds the slots.
  await panel.evaluate(`(() => {
    const row = [...document.querySelectorAll('[data-testid=pool-row]')]
      .find((r) => Number(r.dataset.queued) >= 2);
    row?.querySelector('.pool-summary')?.click();
  })()`);
  await panel.waitFor<boolean>(
    `document.querySelector('[data-testid=budget-warning]') !== null &&
      document.querySelector('[data-testid=pool-row] .pool-summary[aria-expanded=true]') !== null`,
    'the budget warning and the pool opened',
  );
  const budget = resolve(outDir, 'budget.png');
  writeFileSync(budget, await panel.screenshot());
  console.log(`wrote ${budget}`);
  // Grow the timeline with its splitter's keyboard resize, then show a tick's tooltip.
  await panel.evaluate(`(() => {
    const splitter = document.querySelector('[aria-label="Resize timeline"]');
    for (let i = 0; i < 12; i++) {
      splitter.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowDown', bubbles: true }));
    }
  })()`);
  await panel.waitFor<boolean>(
    `document.querySelector('[data-testid=timeline]').clientHeight > 300`,
    'the taller timeline',
  );
  // Lanes are in the connections list's order.
  const lane = await panel.evaluate<number>(
    `[...document.querySelectorAll('[data-testid=connection-row]')]
      .findIndex((r) => r.dataset.url.includes('/sse/named'))`,
  );
  const t = await panel.evaluate<number>(
    `Number(document.querySelector('[data-testid=frame-row][data-type=update]').dataset.time)`,
  );
  await pointAtTick(panel, 'pointermove', t, lane);
  await panel.waitFor<boolean>(
    `document.querySelector('[data-testid=timeline-tooltip]') !== null`,
    'the tick tooltip',
  );
  const file = resolve(outDir, 'timeline.png');
  writeFileSync(file, await panel.screenshot());
  console.log(`wrote ${file}`);
}

try {
  if (set === null || set === 'readme') {
    await shoot('light');
    await shoot('dark');
  }
  if (set === null || set === 'locales') await shootLocales(server, outDir);
  if (set === null || set === 'guide') await shootGuide(server, outDir);
} finally {
  await server.close();
}
