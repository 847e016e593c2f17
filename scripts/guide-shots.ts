// The user guide's screenshots (docs/guide.md), each from a fresh Chromium with the built
// extension and DevTools open on the SSE panel, driving the scenario server the way the guide's
// walk-throughs tell a reader to: six tabs filling the connection pool and a seventh queued,
// a listener for the wrong event type seen through deep capture, a stalled LLM stream and one
// with broken tool-call arguments in the Conversation tab, the export dialog redacting a
// chat request's secrets, and a reconnecting stream exported and served again by the real
// `sse-lens replay` (dist/cli, built by `npm run screenshots`). Called by scripts/screenshots.ts.
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import type { ScenarioServer } from '../test/fixtures/scenario-server';
import { LLM_E2E_PATH } from '../test/fixtures/scenarios/llm-e2e';
import { buildWithDeepCaptureGranted } from '../test/e2e/support/deep-capture-build';
import type { DevToolsPanel } from '../test/e2e/support/devtools-panel';
import { saveDownloadsTo } from '../test/e2e/support/downloads';
import { openBlankPanel } from './demo-panel';

interface Session {
  browser: Browser;
  page: Page;
  panel: DevToolsPanel;
  newPage: () => Promise<Page>;
}

/** Runs `shots` with DevTools open on the SSE panel for a blank page of the server. */
async function withPanel(
  origin: string,
  shots: (s: Session) => Promise<void>,
  extensionDir?: string,
): Promise<void> {
  const { ext, browser, page, panel } = await openBlankPanel(origin, { extensionDir });
  try {
    await shots({ browser, page, panel, newPage: () => ext.context.newPage() });
  } finally {
    await ext.close();
  }
}

async function save(panel: DevToolsPanel, outDir: string, name: string): Promise<void> {
  await panel.screenshot(); // the first capture after a change can hold stale tiles
  const file = resolve(outDir, name);
  writeFileSync(file, await panel.screenshot());
  console.log(`wrote ${file}`);
}

const click = (selector: string): string =>
  `document.querySelector(${JSON.stringify(selector)}).click()`;

/**
 * Six other tabs of the site each hold one stream; the inspected tab's own stream queues.
 * The budget warning with "How to fix" open, and the pool opened to list who holds the slots.
 */
async function seventhTab(origin: string, outDir: string): Promise<void> {
  await withPanel(origin, async ({ page, panel, newPage }) => {
    for (let tab = 1; tab <= 6; tab++) {
      const other = await newPage();
      await other.goto(`${origin}/page?open=/sse/hold?tab=${tab}`);
    }
    await page.bringToFront();
    await page.evaluate(`window.feed = new EventSource('/sse/hold?tab=7')`);
    await panel.waitFor<boolean>(
      `document.querySelector('[data-testid=pool-row]')?.dataset.queued === '1'`,
      'the seventh stream queued',
      20_000,
    );
    await panel.evaluate(`(() => {
      document.querySelector('[data-testid=pool-row] .pool-summary').click();
      document.querySelector('.budget-help').open = true;
      document.querySelector('[data-testid=connection-row]').click();
    })()`);
    await panel.waitFor<boolean>(
      `/waited [3-9] s/.test(document.querySelector('[data-testid=budget-warning]').textContent)`,
      'the queued stream to have waited 3 s',
      20_000,
    );
    await save(panel, outDir, 'guide-seventh-tab.png');
  });
}

/**
 * A page that listens for `updates` while the server sends `update`, with deep capture on: the
 * Connection tab says what the page listens for, and an `update` frame says no listener got it.
 */
async function unlistened(origin: string, outDir: string): Promise<void> {
  const build = buildWithDeepCaptureGranted();
  try {
    await withPanel(
      origin,
      async ({ page, panel }) => {
        // A click made before the panel has learned that the permission is granted asks for
        // it, which a script's click (no user gesture) cannot do: then the switch shows an
        // error, and a second click finds the permission granted.
        await panel.evaluate(click('[data-testid=deep-capture-toggle]'));
        await panel.waitFor<boolean>(
          `(() => {
            const toggle = document.querySelector('[data-testid=deep-capture-toggle]');
            if (toggle.dataset.state === 'error') toggle.click();
            return toggle.dataset.state === 'on';
          })()`,
          'deep capture on',
        );
        await page.goto(`${origin}/page?open=/sse/named,/sse/wire&listen=updates`);
        const row = JSON.stringify('[data-testid=connection-row][data-url*="/sse/named"]');
        await panel.waitFor<boolean>(
          `document.querySelector(${row})?.dataset.frames === '5'`,
          'the named stream’s five frames',
          20_000,
        );
        await panel.evaluate(`document.querySelector(${row}).click()`);
        await panel.waitFor<boolean>(
          `document.querySelector('[data-testid=detail-pane]')?.dataset.tab === 'connection'`,
          'the Connection tab',
        );
        await save(panel, outDir, 'guide-listens-for.png');
        await panel.evaluate(`(() => {
          const rows = [...document.querySelectorAll('[data-testid=frame-row]')];
          rows.find((r) => r.dataset.type === 'update' && r.dataset.source === 'wire').click();
        })()`);
        await panel.waitFor<boolean>(
          `document.querySelector('[data-testid=detail-pane][data-frame]') !== null`,
          'the update frame in the detail pane',
        );
        // All streams again: the /sse/wire stream adds its retry: and comment rows.
        await panel.evaluate(click('.conn-row.all'));
        await panel.waitFor<boolean>(
          `document.querySelector('[data-testid=frame-row][data-kind=comment]') !== null &&
           document.querySelector('[data-testid=detail-pane][data-frame]') !== null`,
          'all frames, the update frame still shown',
        );
        await save(panel, outDir, 'guide-unlistened.png');
      },
      build.dir,
    );
  } finally {
    build.remove();
  }
}

/** The demo's LLM card with `?ttft=1500&stall=3000`: the OpenAI stream in the Conversation tab. */
async function llmStall(origin: string, outDir: string): Promise<void> {
  await withPanel(origin, async ({ page, panel }) => {
    await page.goto(`${origin}/?ttft=1500&stall=3000`);
    await page.click('#llm [data-start]');
    const row = JSON.stringify('[data-testid=connection-row][data-url*="/llm/openai/"]');
    await panel.waitFor<boolean>(
      `[...document.querySelectorAll('[data-testid=connection-row][data-url*="/llm/"]')]
        .filter((r) => r.dataset.outcome === 'complete').length === 3`,
      'the three LLM streams to complete',
      30_000,
    );
    await panel.evaluate(`document.querySelector(${row}).click()`);
    await panel.waitFor<boolean>(
      `(() => {
        document.querySelector('[data-testid=tab-conversation]')?.click();
        const metrics = document.querySelector('[data-testid=conversation-metrics]');
        return metrics?.dataset.stalls === '1' && metrics.dataset.finishReason !== '';
      })()`,
      "the OpenAI stream's Conversation tab with its stall",
    );
    await panel.evaluate(`document.querySelector('[data-testid=timeline]').focus()`);
    await panel.evaluate(`document.querySelector('[data-testid=timeline]')
      .dispatchEvent(new KeyboardEvent('keydown', { key: '0', bubbles: true }))`);
    await save(panel, outDir, 'guide-llm-stall.png');
  });
}

/**
 * A Chat Completions stream whose tool-call arguments break off, then an error event, POSTed
 * to the scenario server's replay route from the page (the guide's console snippet).
 */
async function llmBroken(origin: string, outDir: string): Promise<void> {
  await withPanel(origin, async ({ page, panel }) => {
    await page.evaluate(BROKEN_TOOL_CALL_SNIPPET);
    const row = JSON.stringify(`[data-testid=connection-row][data-url*="${LLM_E2E_PATH}"]`);
    await panel.waitFor<boolean>(
      `document.querySelector(${row})?.dataset.outcome === 'complete'`,
      'the broken stream to end',
      20_000,
    );
    await panel.evaluate(`document.querySelector(${row}).click()`);
    await panel.waitFor<boolean>(
      `(() => {
        document.querySelector('[data-testid=tab-conversation]')?.click();
        return document.querySelector('[data-testid=conversation-errors]') !== null;
      })()`,
      'the Conversation tab with the error',
    );
    await save(panel, outDir, 'guide-llm-broken.png');
  });
}

/**
 * The guide's console snippet, run as written in the page: a Chat Completions stream whose
 * tool-call arguments stop mid-string, then an error, replayed by the scenario server.
 */
const BROKEN_TOOL_CALL_SNIPPET = `(async () => {
  const chunk = (delta, finish = null) => ({
    object: 'chat.completion.chunk',
    model: 'gpt-demo-mini',
    choices: [{ index: 0, delta, finish_reason: finish }],
  });
  const frames = [
    chunk({ content: 'Let me check the weather.' }),
    chunk({
      tool_calls: [
        {
          index: 0,
          id: 'call_1',
          type: 'function',
          function: { name: 'get_weather', arguments: '{"city": ' },
        },
      ],
    }),
    chunk({ tool_calls: [{ index: 0, function: { arguments: '"Par' } }] }, 'tool_calls'),
    { error: { type: 'server_error', message: 'upstream closed the connection' } },
  ].map((data) => ({ data: JSON.stringify(data), delayMs: 200 }));
  const response = await fetch('${LLM_E2E_PATH}', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ model: 'gpt-demo-mini', stream: true, frames }),
  });
  await response.text();
})()`;

/**
 * A chat POST carrying an API key in its URL and Authorization header and a session token in
 * its JSON body (which the server echoes back), exported with those three redacted.
 */
async function exportDialog(origin: string, outDir: string): Promise<void> {
  await withPanel(origin, async ({ page, panel }) => {
    await page.evaluate(`(async () => {
      const response = await fetch('/fetch/sse?count=3&echo=1&api_key=sk-demo-4f9a2c71e0', {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          Authorization: 'Bearer sk-demo-4f9a2c71e0',
        },
        body: JSON.stringify({ prompt: 'Hello', session_token: 'st-7c1d9e2b55aa' }),
      });
      await response.text();
    })()`);
    await panel.waitFor<boolean>(
      `document.querySelector('[data-testid=connection-row]')?.dataset.outcome === 'complete'`,
      'the chat stream to end',
      20_000,
    );
    await panel.evaluate(click('[data-testid=connection-row]'));
    await panel.evaluate(click('[data-testid=export]'));
    await panel.waitFor<boolean>(
      `document.querySelector('[data-testid=export-dialog]') !== null`,
      'the export dialog',
    );
    await panel.evaluate(`(() => {
      document.querySelector('[data-testid=export-scope-connection]').click();
      document.querySelector('[data-testid=redact-query]').click();
      document.querySelector('[data-testid=redact-headers]').click();
      const keys = document.querySelector('[data-testid=redact-json-keys]');
      keys.value = 'session_token';
      keys.dispatchEvent(new Event('input', { bubbles: true }));
    })()`);
    await panel.waitFor<boolean>(
      `/\\d+ values redacted/.test(document.querySelector('[data-testid=export-summary]').textContent)`,
      'the preview with the secrets redacted',
    );
    // Scroll the preview past the redaction rules to the request: its headers and body.
    await panel.evaluate(`(() => {
      const pre = document.querySelector('[data-testid=export-preview]');
      const text = pre.firstChild;
      const range = document.createRange();
      const at = text.data.indexOf('"request"');
      range.setStart(text, at);
      range.setEnd(text, at + 1);
      pre.scrollTop += range.getBoundingClientRect().top - pre.getBoundingClientRect().top - 4;
    })()`);
    await save(panel, outDir, 'guide-export-redaction.png');
  });
}

const CLI = resolve(import.meta.dirname, '../bin/sse-lens.js');
const RECONNECT = '/sse/reconnect?retry=1500';

/**
 * The reconnect scenario exported as SSE Lens JSON from the export dialog, served by
 * `sse-lens replay`, and a page pointed at the replay's URL: its reconnects come back as
 * captured, each carrying the Last-Event-ID.
 */
async function replay(origin: string, outDir: string): Promise<void> {
  const downloads = mkdtempSync(join(tmpdir(), 'sse-lens-guide-'));
  try {
    await withPanel(origin, async ({ browser, page, panel }) => {
      await saveDownloadsTo(browser, downloads);
      await page.goto(`${origin}/page?open=${RECONNECT}`);
      const row = `document.querySelector('[data-testid=connection-row]')`;
      await panel.waitFor<boolean>(
        `${row}?.dataset.frames === '6'`,
        'the two rounds of the reconnect scenario',
        20_000,
      );
      await panel.evaluate(`${row}.click()`);
      await panel.evaluate(click('[data-testid=export]'));
      await panel.waitFor<boolean>(
        `document.querySelector('[data-testid=export-dialog]') !== null`,
        'the export dialog',
      );
      await panel.evaluate(click('[data-testid=export-scope-connection]'));
      await panel.evaluate(click('[data-testid=export-download]'));
      const file = await waitForFile(downloads, '.json');
      await panel.evaluate(click('[data-testid=export-close]'));

      const cli = spawn(process.execPath, [CLI, 'replay', join(downloads, file)], {
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      try {
        const url = await replayUrl(cli.stdout);
        await panel.evaluate(click('[data-testid=clear]'));
        await page.goto(`${origin}/page?open=${url}`);
        await panel.waitFor<boolean>(
          `${row}?.dataset.frames === '6' && ${row}.dataset.retries === '1'`,
          'the replayed stream with its reconnect',
          20_000,
        );
        await panel.evaluate(`${row}.click()`);
        await panel.waitFor<boolean>(
          `document.querySelector('[data-testid=detail-pane]')?.dataset.tab === 'connection'`,
          'the Connection tab',
        );
        await save(panel, outDir, 'guide-replay.png');
      } finally {
        cli.kill('SIGTERM');
      }
    });
  } finally {
    rmSync(downloads, { recursive: true, force: true });
  }
}

/** The name of the first file ending in `suffix` to appear in `dir`. */
async function waitForFile(dir: string, suffix: string): Promise<string> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const name = readdirSync(dir).find((f) => f.endsWith(suffix));
    if (name !== undefined) return name;
    if (Date.now() > deadline) throw new Error(`no ${suffix} download in ${dir}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The first URL `sse-lens replay` prints that it serves; its output is shown too. */
function replayUrl(stdout: NodeJS.ReadableStream): Promise<string> {
  return new Promise((resolveUrl, reject) => {
    let text = '';
    stdout.setEncoding('utf8');
    stdout.on('data', (chunk: string) => {
      process.stdout.write(chunk);
      text += chunk;
      const served = /^ {2}(http:\/\/127\.0\.0\.1:\d+\/\S+)$/m.exec(text);
      if (served?.[1] !== undefined) resolveUrl(served[1]);
    });
    stdout.on('end', () => reject(new Error(`sse-lens replay printed no URL:\n${text}`)));
  });
}

/** Every guide screenshot, each in its own browser. */
export async function shootGuide(server: ScenarioServer, outDir: string): Promise<void> {
  await seventhTab(server.origin, outDir);
  await unlistened(server.origin, outDir);
  await llmStall(server.origin, outDir);
  await llmBroken(server.origin, outDir);
  await exportDialog(server.origin, outDir);
  await replay(server.origin, outDir);
}
