// Bundles one TypeScript entry as a self-contained classic script (an IIFE), the way every
// extension script is shipped: the page hook, content script, background and devtools page,
// and the test-only variants that replace one of them in a copy of the build.
import { build } from 'vite';

export interface ClassicScript {
  /** Absolute path of the entry module. */
  entry: string;
  outDir: string;
  /** The IIFE's global name. */
  name: string;
  fileName: string;
}

export async function buildClassicScript({
  entry,
  outDir,
  name,
  fileName,
}: ClassicScript): Promise<void> {
  await build({
    configFile: false,
    logLevel: 'warn',
    publicDir: false,
    build: {
      outDir,
      emptyOutDir: false,
      target: 'es2022',
      minify: false,
      // Strict mode: the EventSource stand-in must not grow own `arguments`/`caller`.
      rollupOptions: { output: { strict: true } },
      lib: { entry, formats: ['iife'], name, fileName: () => fileName },
    },
  });
}
