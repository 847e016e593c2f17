// The Chrome Web Store package, loaded as a user installs it: the zip `npm run package`
// writes (made here from dist/chrome by the same code), unpacked into a temp dir, with
// manifest.json at its root; Chromium loads it, its service worker and the SSE panel come
// up, and a stream on a scenario page is captured frame by frame.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { zipExtension } from '../../scripts/package/web-ext-zip';
import { unzipToTemp, type Unpacked } from '../support/unzip';
import { EXTENSION_DIR, launchWithExtension } from './support/chromium';
import { expect, test as base } from './support/fixtures';

const root = resolve(import.meta.dirname, '../..');
const { version } = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as {
  version: string;
};

const test = base.extend<{ unpacked: Unpacked }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright requires the destructuring form
  unpacked: async ({}, use) => {
    const out = mkdtempSync(join(tmpdir(), 'sse-lens-package-'));
    const zip = await zipExtension(EXTENSION_DIR, out, `sse-lens-chrome-${version}.zip`);
    const unpacked = await unzipToTemp(zip);
    await use(unpacked);
    rmSync(out, { recursive: true, force: true });
    rmSync(unpacked.dir, { recursive: true, force: true });
  },
  ext: async ({ unpacked }, use) => {
    const ext = await launchWithExtension({ extensionDir: unpacked.dir });
    await use(ext);
    await ext.close();
  },
});

test('the Chrome zip loads and captures a stream in the SSE panel', async ({
  unpacked,
  ext,
  watch,
}) => {
  expect(unpacked.files).toContain('manifest.json');
  const manifest = JSON.parse(readFileSync(join(unpacked.dir, 'manifest.json'), 'utf8')) as {
    version: string;
  };
  expect(manifest.version).toBe(version);
  const worker = await ext.serviceWorker();
  expect(worker.url()).toBe(`chrome-extension://${ext.extensionId}/background.js`);

  const { panel } = await watch(['/sse/counter?count=3&interval=10&key=pkg']);
  await panel.waitForConnections(
    'the stream with its 3 events',
    (rows) => rows.length === 1 && rows[0]?.frames === 3,
  );
  expect((await panel.frames()).map((f) => f.eventId)).toEqual(['1', '2', '3']);
});
