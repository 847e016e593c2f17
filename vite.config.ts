// One build, one source tree: Vite bundles the panel (an HTML entry), then a plugin bundles
// each classic-script entry (page hook, content script, background, devtools page) as a
// self-contained IIFE, draws the icons, copies the licence and writes each browser's manifest
// derived from the root manifest.json into dist/chrome and dist/firefox.
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import { buildClassicScript } from './scripts/build/classic-script.ts';
import { deriveManifest, type Manifest } from './scripts/build/derive-manifest.ts';
import { drawIcon, encodePng } from './scripts/build/icons.ts';

const root = import.meta.dirname;
const chromeDir = resolve(root, 'dist/chrome');
const firefoxDir = resolve(root, 'dist/firefox');
const classicEntries = ['page-hook', 'content-script', 'background', 'devtools'] as const;

const jsx = { runtime: 'automatic', importSource: 'preact' } as const;

function extensionFiles(): Plugin {
  return {
    name: 'sse-lens-extension-files',
    apply: 'build',
    async closeBundle() {
      for (const name of classicEntries) {
        await buildClassicScript({
          entry: resolve(root, `extension/${name}.ts`),
          outDir: chromeDir,
          name: name.replace(/-/g, '_'),
          fileName: `${name}.js`,
        });
      }
      mkdirSync(resolve(chromeDir, 'icons'), { recursive: true });
      for (const size of [16, 32, 48, 128]) {
        writeFileSync(
          resolve(chromeDir, `icons/icon-${size}.png`),
          encodePng(size, drawIcon(size)),
        );
      }
      // The store packages are zips of these folders: the licence goes with them.
      cpSync(resolve(root, 'LICENSE'), resolve(chromeDir, 'LICENSE'));
      const pkg = JSON.parse(readFileSync(resolve(root, 'package.json'), 'utf8')) as {
        version: string;
      };
      const base = JSON.parse(readFileSync(resolve(root, 'manifest.json'), 'utf8')) as Manifest;
      const write = (dir: string, m: Manifest): void =>
        writeFileSync(resolve(dir, 'manifest.json'), `${JSON.stringify(m, null, 2)}\n`);
      write(chromeDir, deriveManifest(base, 'chrome', pkg.version));
      rmSync(firefoxDir, { recursive: true, force: true });
      cpSync(chromeDir, firefoxDir, { recursive: true });
      write(firefoxDir, deriveManifest(base, 'firefox', pkg.version));
    },
  };
}

export default defineConfig({
  root: resolve(root, 'extension'),
  base: './',
  publicDir: resolve(root, 'extension/public'),
  oxc: { jsx },
  build: {
    outDir: chromeDir,
    emptyOutDir: true,
    target: 'chrome120',
    minify: false,
    modulePreload: false,
    rollupOptions: { input: { panel: resolve(root, 'extension/panel.html') } },
  },
  plugins: [extensionFiles()],
});
