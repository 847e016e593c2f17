// Builds a test-only probe variant of the Firefox extension in a temp dir: a copy of
// dist/firefox whose content-script.js is a probe (by default probe-content-script.ts),
// bundled like the real one.
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildClassicScript } from '../../scripts/build/classic-script';
import { PROBE_DATASET_KEY } from './probe-summary';

export interface ProbeVariant {
  dir: string;
  remove(): void;
}

/** `marker` is a string the built probe must contain, proving it replaced the real script. */
export async function buildProbeVariant(
  distDir: string,
  entry = 'probe-content-script.ts',
  marker = PROBE_DATASET_KEY,
): Promise<ProbeVariant> {
  const dir = mkdtempSync(join(tmpdir(), 'sse-lens-probe-'));
  const remove = (): void => rmSync(dir, { recursive: true, force: true });
  try {
    cpSync(distDir, dir, { recursive: true });
    await buildClassicScript({
      entry: resolve(import.meta.dirname, entry),
      outDir: dir,
      name: 'sse_lens_probe',
      fileName: 'content-script.js',
    });
    if (!readFileSync(join(dir, 'content-script.js'), 'utf8').includes(marker)) {
      throw new Error(`The probe build did not replace ${dir}/content-script.js`);
    }
  } catch (error) {
    remove();
    throw error;
  }
  return { dir, remove };
}
