// Generates the README's Firefox screenshots from the real thing: the built dist/firefox in
// headless Firefox ESR, the DevTools toolbox docked below the demo page with the SSE panel
// selected, the demo's scenarios streaming; light and dark DevTools themes. Drives Firefox
// through the same harness as the Firefox panel suite (test/firefox/toolbox.ts).
// Run with `npm run screenshots:firefox`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { startScenarioServer } from '../test/fixtures/scenario-server';
import { launchFirefoxToolbox } from '../test/firefox/toolbox';

const outDir = resolve(import.meta.dirname, '../docs/screenshots');
const dist = resolve(import.meta.dirname, '../dist/firefox');
mkdirSync(outDir, { recursive: true });

const server = await startScenarioServer();
const ff = await launchFirefoxToolbox();
try {
  await ff.install(dist);
  await ff.resize(1400, 900, 600);
  // Each theme gets a toolbox of its own, opened after the theme is set, as for a user who
  // keeps DevTools in that theme.
  for (const theme of ['light', 'dark'] as const) {
    await ff.setTheme(theme);
    const tab = await ff.openTab(`${server.origin}/blank`);
    const panel = await tab.openPanel();
    await tab.navigate(`${server.origin}/?auto=1`);
    await panel.waitFor<boolean>(
      `document.querySelectorAll('[data-testid=connection-row]').length >= 7 &&
        Number(document.querySelector('[data-testid=frame-count]').textContent) >= 2000 &&
        document.documentElement.dataset.theme === '${theme}'`,
      `the demo scenarios to stream, in the ${theme} theme`,
      30_000,
    );
    await panel.screenshot(); // the first capture after a change can hold stale tiles
    const file = resolve(outDir, `firefox-panel-${theme}.png`);
    writeFileSync(file, await panel.screenshot());
    console.log(`wrote ${file}`);
    await tab.close();
  }
} finally {
  await ff.close();
  await server.close();
}
