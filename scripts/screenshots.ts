// Generates the README screenshots from the real thing: the built extension in Chromium,
// DevTools open on the SSE panel, the demo page's scenarios streaming. Light and dark
// DevTools themes. Run with `npm run screenshots`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { startScenarioServer } from '../test/fixtures/scenario-server';
import { launchWithExtension } from '../test/e2e/support/chromium';
import { openDevToolsPanel } from '../test/e2e/support/devtools-panel';

const outDir = resolve(import.meta.dirname, '../docs/screenshots');
mkdirSync(outDir, { recursive: true });
const server = await startScenarioServer();

async function shoot(theme: 'light' | 'dark'): Promise<void> {
  const ext = await launchWithExtension({
    undockedDevTools: true,
    extraArgs: ['--window-size=1400,900', ...(theme === 'dark' ? ['--force-dark-mode'] : [])],
  });
  try {
    const page = await ext.context.newPage();
    await page.goto(`${server.origin}/blank`);
    const browser = ext.context.browser();
    if (!browser) throw new Error('no browser object for CDP');
    const panel = await openDevToolsPanel(browser, page, ext.extensionId);
    await page.goto(`${server.origin}/?auto=1`);
    await panel.waitFor<boolean>(
      `document.querySelectorAll('[data-testid=connection-row]').length >= 7 &&
       Number(document.querySelector('[data-testid=frame-count]').textContent) >= 2000`,
      'the demo scenarios to stream',
      30_000,
    );
    // Show the detail pane with a JSON frame of the named-events stream.
    await panel.evaluate(`(() => {
      const row = [...document.querySelectorAll('[data-testid=frame-row]')]
        .find((r) => r.dataset.type === 'update');
      row?.click();
    })()`);
    await panel.waitFor<boolean>(
      `document.querySelector('[data-testid=detail-pane]') !== null`,
      'the detail pane',
    );
    const file = resolve(outDir, `panel-${theme}.png`);
    writeFileSync(file, await panel.screenshot());
    console.log(`wrote ${file}`);
  } finally {
    await ext.close();
  }
}

try {
  await shoot('light');
  await shoot('dark');
} finally {
  await server.close();
}
