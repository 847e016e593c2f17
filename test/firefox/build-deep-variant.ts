// Builds the Firefox deep capture variant in a temp dir: a copy of dist/firefox with a
// test-only background (the real one plus a tab id answer) and a probe content script that
// plays the panel (deep-probe-content-script.ts). With `granted`, its manifest grants deep
// capture's optional permissions and host access at install (a permission prompt cannot be
// answered headless); without, they stay optional, as shipped.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildClassicScript } from '../../scripts/build/classic-script';
import { TAB_ID_QUESTION } from './deep-probe-summary';

export interface DeepVariant {
  dir: string;
  remove(): void;
}

interface FirefoxManifest {
  permissions?: string[];
  optional_permissions?: string[];
  host_permissions?: string[];
  optional_host_permissions?: string[];
  content_scripts?: object[];
}

export async function buildDeepVariant(distDir: string, granted: boolean): Promise<DeepVariant> {
  const dir = mkdtempSync(join(tmpdir(), 'sse-lens-deep-ff-'));
  const remove = (): void => rmSync(dir, { recursive: true, force: true });
  try {
    cpSync(distDir, dir, { recursive: true });
    const path = join(dir, 'manifest.json');
    const manifest = JSON.parse(readFileSync(path, 'utf8')) as FirefoxManifest;
    const optional = manifest.optional_permissions ?? [];
    if (!optional.includes('webRequestFilterResponse')) {
      throw new Error('dist/firefox lists no optional webRequestFilterResponse: rebuild first');
    }
    if (granted) {
      manifest.permissions = [...(manifest.permissions ?? []), ...optional];
      manifest.host_permissions = manifest.optional_host_permissions ?? [];
      delete manifest.optional_permissions;
      delete manifest.optional_host_permissions;
    }
    manifest.content_scripts = [
      ...(manifest.content_scripts ?? []),
      { matches: ['<all_urls>'], js: ['deep-probe.js'], run_at: 'document_start' },
    ];
    writeFileSync(path, JSON.stringify(manifest, null, 2));
    for (const [entry, fileName] of [
      ['deep-probe-background.ts', 'background.js'],
      ['deep-probe-content-script.ts', 'deep-probe.js'],
    ] as const) {
      await buildClassicScript({
        entry: resolve(import.meta.dirname, entry),
        outDir: dir,
        name: fileName.replace(/\W/g, '_'),
        fileName,
      });
      if (!readFileSync(join(dir, fileName), 'utf8').includes(TAB_ID_QUESTION)) {
        throw new Error(`The deep capture variant did not build ${dir}/${fileName}`);
      }
    }
  } catch (error) {
    remove();
    throw error;
  }
  return { dir, remove };
}
