// fetch, its Responses and XMLHttpRequest are indistinguishable from the native ones: every
// value the fetch/XHR probe observes is identical with and without the extension in the same
// Chromium, against the same scenario server.
import { chromium } from '@playwright/test';
import { chromePath, QUIET_FLAGS } from './support/chromium';
import { expect, test } from './support/fixtures';
import { acceptKnownDifferences } from '../support/fetch-known-differences';
import { fetchTransparencyProbe } from '../support/fetch-transparency-probe';
import type { ProbeResult } from '../support/transparency-probe';

test('page code cannot tell hooked fetch and XMLHttpRequest from the native ones', async ({
  ext,
  server,
  openPanel,
}) => {
  const plain = await chromium.launch({ executablePath: chromePath(), args: QUIET_FLAGS });
  let native: ProbeResult;
  try {
    const page = await plain.newPage();
    await page.goto(`${server.origin}/blank`);
    native = await page.evaluate(fetchTransparencyProbe, 'fp-plain');
  } finally {
    await plain.close();
  }
  // Sections record a failure instead of their values: a probe broken in this browser must
  // not pass as "equally broken" in both runs.
  const failed = Object.entries(native).filter(
    ([, v]) => typeof v === 'object' && v !== null && 'probeFailed' in v,
  );
  expect(failed).toEqual([]);

  const page = await ext.context.newPage();
  await page.goto(`${server.origin}/blank`);
  const hooked = await page.evaluate(fetchTransparencyProbe, 'fp-hooks');
  // The differences still known (test/support/fetch-known-differences.ts, README), and only
  // those, are accepted; one that no longer differs fails here until it leaves the list.
  expect(acceptKnownDifferences(hooked, native, 'chromium')).toEqual([]);
  for (const group of Object.keys(native)) {
    expect(hooked[group], `probe group ${group}`).toEqual(native[group]);
  }
  expect(Object.keys(hooked)).toEqual(Object.keys(native));

  // Not vacuous: the page hook was installed in this page (its EventSource is captured).
  const panel = await openPanel(page);
  const hookedStream = '/sse/counter?count=1&interval=10&key=fp-hooked';
  await page.evaluate((url) => new EventSource(url).close(), hookedStream);
  const rows = await panel.waitForConnections('the EventSource after the probe', (r) =>
    r.some((row) => row.url === `${server.origin}${hookedStream}`),
  );
  expect(rows.map((r) => r.url)).toContain(`${server.origin}${hookedStream}`);
});
