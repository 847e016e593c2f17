// The panel in Simplified Chinese and in Russian for the README: a fresh Chromium with the
// built extension, the demo page streaming, the language chosen in the panel's settings and
// the demo's pile-up filling the connection pool, so the toolbar, the connections and the budget
// warning all show their translations. The Chinese shot needs a CJK font on the machine
// (Debian: fonts-wqy-microhei or fonts-noto-cjk), else Chromium draws empty boxes.
// Called by scripts/screenshots.ts.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ScenarioServer } from '../test/fixtures/scenario-server';
import { openDemoPanel } from './demo-panel';

export const SHOT_LOCALES = ['zh_CN', 'ru'] as const;

async function shootLocale(server: ScenarioServer, outDir: string, locale: string): Promise<void> {
  const { ext, page, panel } = await openDemoPanel(server.origin);
  try {
    // The language is in the settings popover of the timeline, shown once streams are.
    await panel.evaluate(`document.querySelector('[data-testid=memory-settings]').click()`);
    await panel.waitFor<boolean>(
      `document.querySelector('[data-testid=language-select]') !== null`,
      'the settings popover',
    );
    await panel.evaluate(`(() => {
      const select = document.querySelector('[data-testid=language-select]');
      select.value = ${JSON.stringify(locale)};
      select.dispatchEvent(new Event('change', { bubbles: true }));
      document.querySelector('[data-testid=memory-settings]').click();
    })()`);
    await panel.waitFor<boolean>(
      `document.documentElement.lang === ${JSON.stringify(locale.replace('_', '-'))} &&
        document.querySelector('[data-testid=memory-settings-form]') === null`,
      `the panel in ${locale}`,
    );
    await page.click('#pileup [data-start]');
    await panel.waitFor<boolean>(
      `[...document.querySelectorAll('[data-testid=pool-row]')].some((r) => Number(r.dataset.queued) >= 2) &&
        document.querySelector('[data-testid=budget-warning]') !== null`,
      'the pile-up to queue two streams',
    );
    // Let the queue wait and the frames mount up, as they would for a user looking.
    await panel.waitFor<boolean>(
      `Number(document.querySelector('[data-testid=frame-count]').textContent.replace(/\\D/g, '')) >= 1000`,
      'a thousand frames',
      30_000,
    );
    await panel.screenshot(); // the first capture after a change can hold stale tiles
    const file = resolve(outDir, `panel-${locale}.png`);
    writeFileSync(file, await panel.screenshot());
    console.log(`wrote ${file}`);
  } finally {
    await ext.close();
  }
}

/** Refuses to draw Chinese in empty boxes: fontconfig must list a font for Chinese. */
function requireChineseFont(): void {
  const fonts = spawnSync('fc-list', [':lang=zh'], { encoding: 'utf8' });
  if (fonts.error === undefined && fonts.stdout.trim() === '') {
    throw new Error('no Chinese font: install one (apt-get install fonts-wqy-microhei)');
  }
}

export async function shootLocales(server: ScenarioServer, outDir: string): Promise<void> {
  requireChineseFont();
  for (const locale of SHOT_LOCALES) await shootLocale(server, outDir, locale);
}
