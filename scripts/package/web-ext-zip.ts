// Zips a built extension directory with `web-ext build`, the tool AMO documents, for both
// stores: manifest.json lands at the zip's root, and web-ext leaves out what a store rejects.
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const WEB_EXT = resolve(import.meta.dirname, '../../node_modules/web-ext/bin/web-ext.js');

/** Writes `outDir/fileName` from the extension in `sourceDir`; resolves to its path. */
export async function zipExtension(
  sourceDir: string,
  outDir: string,
  fileName: string,
): Promise<string> {
  const args = ['build', '--source-dir', sourceDir, '--artifacts-dir', outDir];
  await run(process.execPath, [WEB_EXT, ...args, '--filename', fileName, '--overwrite-dest']);
  return resolve(outDir, fileName);
}
