// The bundled demo as a new user meets it: what its cards say must match what the scenarios
// then do, and an export made in the panel must land in a folder the user can find, under
// the name the export dialog showed.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { saveDownloadsTo } from './support/downloads';
import { expect, test } from './support/fixtures';
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
