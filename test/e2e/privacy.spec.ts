// Privacy: the extension makes no network request of its own. Over CDP, the Network domain of
// the service worker, the devtools page and the DevTools panel frame records every request
// while a capture, an export and an import run; only the extension's own packaged files and the
// panel's blob: downloads may appear there. The inspected page, recorded the same way, shows
// that the recording sees real requests.
import { expect, test } from './support/fixtures';
import { testPage, waitForReceived } from './support/pages';
import { recordRequests } from './support/target-network';

test('no network request leaves the extension during capture, export and import', async ({
  ext,
  server,
  blankPanel,
}) => {
  const browser = ext.context.browser();
  if (!browser) throw new Error('Chromium exposes no browser object for CDP');
  const own = `chrome-extension://${ext.extensionId}/`;
  const { page, panel } = await blankPanel();
  const recorded = await recordRequests(
    browser,
    (t) => t.url.startsWith(own) || t.url.startsWith(`${server.origin}/blank`),
  );
  const extensionTargets = recorded.filter((r) => r.target.startsWith(own));
  expect(extensionTargets.map((r) => new URL(r.target).pathname).sort()).toEqual([
    '/background.js',
    '/devtools.html',
    '/panel.html',
  ]);

  // Capture.
  await page.goto(testPage(server.origin, ['/sse/counter?count=5&interval=10&key=privacy']));
  await waitForReceived(page, 5);
  await panel.waitForFrameCount(5);
  // Export (a blob behind an <a download>) …
  await panel.click('export');
  await panel.click('export-format-json');
  await panel.devtools.waitFor(
    `document.querySelector('[data-testid=export-download]') !== null`,
    'the export dialog',
  );
  await panel.click('export-download');
  await panel.click('export-close');
  // … and import, through the panel's file input.
  const file = JSON.stringify({ format: 'sse-lens-capture', version: 1 });
  await panel.devtools.evaluate(`(() => {
    const input = document.querySelector('[data-testid=import-file]');
    const files = new DataTransfer();
    files.items.add(new File([${JSON.stringify(file)}], 'empty.json'));
    input.files = files.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
  })()`);
  await panel.devtools.waitFor(
    `document.querySelector('[data-testid=import-status], [data-testid=import-error]') !== null`,
    'the import verdict',
  );

  // The recording works on each kind of target: the page's stream, and a fetch of the
  // extension's own manifest from the panel and from the worker.
  await panel.devtools.evaluate(`fetch('/manifest.json').then((r) => r.ok)`);
  const sw = await ext.serviceWorker();
  await sw.evaluate(() => fetch('/manifest.json').then((r) => r.ok));
  const inspected = recorded.find((r) => !r.target.startsWith(own));
  expect(inspected?.urls).toContain(`${server.origin}/sse/counter?count=5&interval=10&key=privacy`);
  const urlsOf = (path: string): string[] =>
    recorded.find((r) => r.target.startsWith(`${own}${path}`))?.urls ?? [];
  await expect.poll(() => urlsOf('panel.html')).toContain(`${own}manifest.json`);
  await expect.poll(() => urlsOf('background.js')).toContain(`${own}manifest.json`);

  const foreign = extensionTargets.flatMap((r) =>
    r.urls
      .filter((u) => !u.startsWith(own) && !u.startsWith(`blob:${own}`))
      .map((u) => `${r.target}: ${u}`),
  );
  expect(foreign).toEqual([]);
});
