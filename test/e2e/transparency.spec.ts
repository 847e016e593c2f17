// The wrapped EventSource is indistinguishable from the native one: every value page code
// can observe is identical with and without the extension in the same Chromium.
import { chromium } from '@playwright/test';
import { chromePath, QUIET_FLAGS } from './support/chromium';
import { expect, test } from './support/fixtures';
import { transparencyProbe, type ProbeResult } from '../support/transparency-probe';

test('page code cannot tell the wrapped EventSource from the native one', async ({
  ext,
  server,
  openPanel,
}) => {
  const streamPath = '/sse/hold?key=probe';
  const plain = await chromium.launch({ executablePath: chromePath(), args: QUIET_FLAGS });
  let native: ProbeResult;
  try {
    const page = await plain.newPage();
    await page.goto(`${server.origin}/blank`);
    native = await page.evaluate(transparencyProbe, streamPath);
  } finally {
    await plain.close();
  }

  const page = await ext.context.newPage();
  await page.goto(`${server.origin}/blank`);
  const hooked = await page.evaluate(transparencyProbe, streamPath);
  expect(hooked).toEqual(native);

  // Not vacuous: the hook really was in place and captured the probe's connections,
  // including the ftp:// one, which Chromium constructs and then fails.
  const panel = await openPanel(page);
  const rows = await panel.waitForConnections('the probe connections', (r) => r.length === 3);
  expect(rows.map((r) => r.url).sort()).toEqual(
    ['ftp://x/', `${server.origin}${streamPath}`, `${server.origin}${streamPath}`].sort(),
  );
  expect(rows.every((r) => r.state === 'closed')).toBe(true);
});
