// Bundles the `sse-lens` command line (src/cli/sse-lens.ts) with everything it imports into
// one ES module for Node, dist/cli/sse-lens.js, which bin/sse-lens.js loads. The installed
// package then runs plain JavaScript: no TypeScript loader and no dependencies to install.
import { resolve } from 'node:path';
import { build } from 'vite';

const root = resolve(import.meta.dirname, '../..');
export const CLI_OUT_DIR = resolve(root, 'dist/cli');

export async function buildCli(outDir = CLI_OUT_DIR): Promise<void> {
  await build({
    configFile: false,
    logLevel: 'warn',
    publicDir: false,
    root,
    // Bundle npm packages too (SSR builds leave them external by default); only node:
    // built-ins stay imports.
    ssr: { noExternal: true, target: 'node' },
    build: {
      ssr: resolve(root, 'src/cli/sse-lens.ts'),
      outDir,
      emptyOutDir: true,
      target: 'node20',
      minify: false,
      rollupOptions: { output: { format: 'es', entryFileNames: 'sse-lens.js' } },
    },
  });
}

if (process.argv[1] === import.meta.filename) await buildCli();
