// Unpacks a store package (a zip) into a fresh temp directory, as a browser or a reviewer
// would, so tests load exactly what the package holds.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import JSZip from 'jszip';

export interface Unpacked {
  dir: string;
  /** The zip's file entries (no directories), in archive order. */
  files: string[];
}

export async function unzipToTemp(zipFile: string): Promise<Unpacked> {
  const zip = await JSZip.loadAsync(readFileSync(zipFile));
  const dir = mkdtempSync(join(tmpdir(), 'sse-lens-unzipped-'));
  const files: string[] = [];
  for (const entry of Object.values(zip.files)) {
    if (entry.dir) continue;
    const target = join(dir, entry.name);
    if (!target.startsWith(dir + '/'))
      throw new Error(`zip entry outside the archive: ${entry.name}`);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, await entry.async('nodebuffer'));
    files.push(entry.name);
  }
  return { dir, files };
}
