// The panel fits a docked DevTools: at 480, 800 and 1400 px wide, in both themes, nothing is
// clipped without an ellipsis and a tooltip, the key columns are there, and the detail pane
// keeps a usable width (stacking below the table when there is no room beside it). Each
// layout is saved as a PNG in the test's output folder.
import { writeFileSync } from 'node:fs';
import { launchWithExtension } from './support/chromium';
import { openDevToolsPanel } from './support/devtools-panel';
import { expect, test } from './support/fixtures';
import { auditLayout, type LayoutAudit } from './support/layout-audit';
import { testPage } from './support/pages';
import { PanelView } from './support/panel-view';

const WIDTHS = [480, 800, 1400];
const HEIGHT = 800;
/** Must match MIN_DETAIL_WIDTH in panel/components/Workspace.tsx. */
const MIN_DETAIL_WIDTH = 320;
/** Below this panel width the detail pane stacks under the frames table. */
const STACK_BELOW = 720;

for (const theme of ['light', 'dark'] as const) {
  test(`the panel fits 480, 800 and 1400 px (${theme} theme)`, async ({ server }, testInfo) => {
    // Undocked, so the panel is exactly as wide as the DevTools window.
    const ext = await launchWithExtension({
      undockedDevTools: true,
      extraArgs: theme === 'dark' ? ['--force-dark-mode'] : [],
    });
    try {
      const page = await ext.context.newPage();
      await page.goto(`${server.origin}/blank`);
      const browser = ext.context.browser();
      if (!browser) throw new Error('Chromium exposes no browser object for CDP');
      const panel = new PanelView(await openDevToolsPanel(browser, page, ext.extensionId));
      await panel.devtools.resize(WIDTHS[0] ?? 480, HEIGHT);
      const streams = [
        '/sse/named?count=40&interval=5&key=layout-with-a-rather-long-key-that-does-not-fit',
        '/sse/counter?count=30&interval=5&key=c',
        '/sse/status?code=500',
      ];
      await page.goto(testPage(server.origin, streams, ['update']));
      await panel.waitForConnections('three connections', (rows) => rows.length === 3);
      await panel.waitForFrameCount(57);
      await panel.devtools.evaluate(
        `[...document.querySelectorAll('[data-testid=frame-row]')].find((r) => r.dataset.type === 'update').click()`,
      );
      expect(await panel.devtools.evaluate(`document.documentElement.dataset.theme`)).toBe(theme);
      for (const width of WIDTHS) {
        await panel.devtools.resize(width, HEIGHT);
        const audit = await panel.devtools.waitFor<LayoutAudit>(
          `(${auditLayout.toString()})(${width})`,
          `the panel laid out at ${width} px`,
        );
        // The first capture after a resize can hold stale tiles of the panel's frame.
        await panel.devtools.screenshot();
        writeFileSync(
          testInfo.outputPath(`panel-${width}-${theme}.png`),
          await panel.devtools.screenshot(),
        );
        expect(audit.clipped, 'text clipped without an ellipsis and a title').toEqual([]);
        expect(audit.outside, 'elements past the right edge').toEqual([]);
        expect(audit.frameCount).toBe('57 frames');
        expect(audit.frameColumns).toEqual(['Time', 'Connection', 'Type', 'ID', 'Size', 'Data']);
        expect(audit.connectionColumns.slice(0, 3)).toEqual(['Connection', 'Status', 'Frames']);
        expect(audit.detailStacked).toBe(width < STACK_BELOW);
        expect(audit.detailWidth).toBeGreaterThanOrEqual(
          audit.detailStacked ? width - 1 : MIN_DETAIL_WIDTH,
        );
      }
    } finally {
      await ext.close();
    }
  });
}
