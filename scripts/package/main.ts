// `npm run package`: after the build, writes the store packages into artifacts/ (gitignored):
// the Chrome Web Store zip, the Firefox add-on zip and the source archive for AMO's review,
// then lists them with their sizes. docs/build-from-source.md says how to rebuild from it.
import { mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { hasUncommittedChanges, writeSourceArchive } from './source-archive';
import { zipExtension } from './web-ext-zip';

const root = resolve(import.meta.dirname, '../..');
const ARTIFACTS = resolve(root, 'artifacts');

function versionIn(file: string): string {
  return (JSON.parse(readFileSync(file, 'utf8')) as { version: string }).version;
}

const version = versionIn(resolve(root, 'package.json'));
for (const browser of ['chrome', 'firefox']) {
  const built = versionIn(resolve(root, `dist/${browser}/manifest.json`));
  if (built !== version) {
    throw new Error(`dist/${browser} is version ${built}, package.json ${version}: build again`);
  }
}

rmSync(ARTIFACTS, { recursive: true, force: true });
mkdirSync(ARTIFACTS);
const files = [
  await zipExtension(resolve(root, 'dist/chrome'), ARTIFACTS, `sse-lens-chrome-${version}.zip`),
  await zipExtension(resolve(root, 'dist/firefox'), ARTIFACTS, `sse-lens-firefox-${version}.zip`),
];
const source = resolve(ARTIFACTS, `sse-lens-source-${version}.zip`);
await writeSourceArchive(source, `sse-lens-${version}`);
files.push(source);

for (const file of files) {
  const kb = (statSync(file).size / 1024).toFixed(1);
  console.log(`${`artifacts/${basename(file)}`.padEnd(40)} ${kb.padStart(8)} KiB`);
}
if (await hasUncommittedChanges()) {
  console.warn('note: the source archive holds uncommitted changes to tracked files');
}
